/**
 * The syntax tree of a rulebook formula (rulebook format 2): Excel's expression grammar — names, numbers, text,
 * TRUE/FALSE, function calls, + − × ÷ ^ & and comparisons, a postfix % — with Chinese quantity literals (800万,
 * 1.2亿). Every node keeps its position in the source so a problem is reported at its column.
 */
import type { Dec } from "../decimal";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";

export type Node =
  | { t: "num"; value: Dec; text: string; at: number }
  | { t: "str"; value: string; at: number }
  | { t: "bool"; value: boolean; at: number }
  | { t: "name"; name: string; at: number }
  /** `args` holds null for an argument left empty, as Excel allows (`ROUND(x,)`). */
  | { t: "call"; fn: string; args: Array<Node | null>; at: number }
  | { t: "neg"; arg: Node; at: number }
  | { t: "percent"; arg: Node; at: number }
  | { t: "bin"; op: BinaryOp; left: Node; right: Node; at: number };

/** A problem in a formula's text, with the character position (0-based) where it was found. */
export interface SyntaxProblem {
  at: number;
  zh: string;
  en: string;
}

/** The formula's text again from its tree (explanations show the formula as the rulebook writes it). */
export function show(node: Node): string {
  switch (node.t) {
    case "num":
      return node.text;
    case "str":
      return `"${node.value.replace(/"/g, '""')}"`;
    case "bool":
      return node.value ? "TRUE" : "FALSE";
    case "name":
      return node.name;
    case "call":
      return `${node.fn}(${node.args.map((a) => (a ? show(a) : "")).join(", ")})`;
    case "neg":
      return `-${wrap(node.arg)}`;
    case "percent":
      return `${wrap(node.arg)}%`;
    case "bin":
      return `${wrap(node.left)} ${node.op} ${wrap(node.right)}`;
  }
}

function wrap(node: Node): string {
  return node.t === "bin" ? `(${show(node)})` : show(node);
}
