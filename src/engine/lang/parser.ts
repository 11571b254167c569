/**
 * Reading a formula's text into its tree: a small Pratt parser for Excel's expression grammar.
 *
 * Written here rather than taken from a library (see the README, "Why the formula parser is our own"): the
 * JavaScript-expression parsers (jsep) read numbers as binary floats, have JavaScript's operators and precedence
 * and cannot take a suffix such as 万 after a number; the parser toolkits (chevrotain, as HyperFormula uses) are
 * ES-module-only and several times larger than this file. The grammar is Excel's:
 *   comparison  := concat (("=" | "<>" | "<" | "<=" | ">" | ">=") concat)*
 *   concat      := additive ("&" additive)*
 *   additive    := product (("+" | "-") product)*
 *   product     := power (("*" | "/") power)*
 *   power       := percent ("^" percent)*          (left to right, as in Excel)
 *   percent     := unary "%"*
 *   unary       := ("-" | "+") unary | primary      (so -2^2 is 4, as in Excel)
 *   primary     := number | "text" | TRUE | FALSE | name | name "(" args ")" | "(" comparison ")"
 * Numbers are decimal text (never a float) with an optional 万/亿 (and 元) suffix; names may be Chinese, may contain
 * dots (`h003.score.partialStep`, as Excel names may) and digits after the first character. Full-width punctuation
 * typed with a Chinese input method (（）,,“”) and ≥ ≤ ≠ × ÷ − are read as their ASCII forms.
 */
import { Dec } from "../decimal";
import type { BinaryOp, Node, SyntaxProblem } from "./syntax";

type Token =
  | { k: "num"; text: string; value: Dec; at: number }
  | { k: "str"; value: string; at: number }
  | { k: "name"; text: string; at: number }
  | { k: "op"; op: string; at: number }
  | { k: "("; at: number }
  | { k: ")"; at: number }
  | { k: ","; at: number }
  | { k: "end"; at: number };

export class FormulaSyntaxError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.en);
  }
}

/** The longest formula a rulebook may hold: far beyond any real one, short enough that parsing cannot be abused. */
export const MAX_FORMULA_LENGTH = 10000;
/** Nesting deeper than this is refused before the recursive descent could exhaust the stack. */
export const MAX_NESTING = 100;

const SUFFIX_FACTORS: ReadonlyArray<[string, string]> = [
  ["亿元", "100000000"],
  ["万元", "10000"],
  ["亿", "100000000"],
  ["万", "10000"],
  ["元", "1"],
];

/** Characters a Chinese keyboard produces for an operator or punctuation, and what they mean here. */
const ALIASES: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "<>",
  "×": "*",
  "÷": "/",
  "−": "-",
  "–": "-",
  "“": '"',
  "”": '"',
  "\u3000": " ",
};

/** Full-width ASCII (U+FF01–FF5E) to ASCII; other characters as they are, aliases mapped. Same length out as in. */
function normalizeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0); // int: whole-number index or calendar arithmetic
  return ALIASES[c] ?? c;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;

function problem(at: number, zh: string, en: string): FormulaSyntaxError {
  return new FormulaSyntaxError({ at, zh: `第 ${at + 1} 个字符处${zh}`, en: `${en} at character ${at + 1}` }); // int: whole-number index or calendar arithmetic
}

function tokenize(source: string): Token[] {
  // Normalise character by character so positions stay those of the text the user wrote; "≥" becomes ">=" as one
  // operator token below.
  const text: string[] = [];
  const at: number[] = [];
  const src: string[] = [];
  let pos = 0;
  for (const c of Array.from(source)) {
    for (const piece of normalizeChar(c)) {
      text.push(piece);
      at.push(pos);
      src.push(c);
    }
    pos += c.length; // int: UTF-16 offset of the next character
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = at[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (DIGIT.test(c) || (c === "." && DIGIT.test(text[i + 1] ?? ""))) { // int: whole-number index or calendar arithmetic
      let j = i;
      while (j < text.length && DIGIT.test(text[j])) j++;
      if (text[j] === "." && DIGIT.test(text[j + 1] ?? "")) { // int: whole-number index or calendar arithmetic
        j++;
        while (j < text.length && DIGIT.test(text[j])) j++;
      } else if (text[j] === "." && j > i && !NAME_START.test(text[j + 1] ?? "")) j++; // int: whole-number index or calendar arithmetic; "3." as Excel reads it
      if ((text[j] === "e" || text[j] === "E") && (DIGIT.test(text[j + 1] ?? "") || ((text[j + 1] === "+" || text[j + 1] === "-") && DIGIT.test(text[j + 2] ?? "")))) { // int: whole-number index or calendar arithmetic
        j += 2; // int: whole-number index or calendar arithmetic
        while (j < text.length && DIGIT.test(text[j])) j++;
      }
      let literal = text.slice(i, j).join("");
      let value = new Dec(literal.endsWith(".") ? literal.slice(0, -1) : literal);
      const rest = text.slice(j, j + 2).join(""); // int: whole-number index or calendar arithmetic
      for (const [suffix, factor] of SUFFIX_FACTORS) {
        if (rest.startsWith(suffix)) {
          value = value.times(factor);
          literal += suffix;
          j += suffix.length; // int: characters consumed
          break;
        }
      }
      if (j < text.length && NAME_PART.test(text[j])) {
        throw problem(start, `数字后紧跟名称“${text.slice(i, j + 1).join("")}”:名称不能以数字开头`, `a number runs into a name ("${text.slice(i, j + 1).join("")}"): names cannot start with a digit`); // int: whole-number index or calendar arithmetic
      }
      if (!value.isFinite()) throw problem(start, `数字超出范围:${literal}`, `number out of range: ${literal}`);
      tokens.push({ k: "num", text: literal, value, at: start });
      i = j;
      continue;
    }
    if (c === '"') {
      // Excel's text: "" inside is one quote.
      let j = i + 1; // int: whole-number index or calendar arithmetic
      let value = "";
      for (;;) {
        if (j >= text.length) throw problem(start, "文本缺少结尾的引号 \"", 'text has no closing quote "');
        if (text[j] === '"') {
          if (text[j + 1] === '"') { // int: whole-number index or calendar arithmetic
            value += '"';
            j += 2; // int: whole-number index or calendar arithmetic
            continue;
          }
          break;
        }
        // Inside text, the characters as typed (full-width letters stay full-width); "≥" expands to two, keep one.
        if (at[j] !== at[j - 1]) value += src[j]; // int: whole-number index or calendar arithmetic
        j++;
      }
      tokens.push({ k: "str", value, at: start });
      i = j + 1; // int: whole-number index or calendar arithmetic
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1; // int: whole-number index or calendar arithmetic
      while (j < text.length && (NAME_PART.test(text[j]) || (text[j] === "." && NAME_PART.test(text[j + 1] ?? "")))) j++; // int: whole-number index or calendar arithmetic
      tokens.push({ k: "name", text: text.slice(i, j).join(""), at: start });
      i = j;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ k: c, at: start });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2).join(""); // int: whole-number index or calendar arithmetic
    if (two === "<=" || two === ">=" || two === "<>") {
      tokens.push({ k: "op", op: two, at: start });
      i += 2; // int: whole-number index or calendar arithmetic
      continue;
    }
    if ("+-*/^&=<>%".includes(c)) {
      tokens.push({ k: "op", op: c, at: start });
      i++;
      continue;
    }
    throw problem(start, `无法识别的字符“${src[i]}”`, `unexpected character "${src[i]}"`);
  }
  tokens.push({ k: "end", at: source.length });
  return tokens;
}

const COMPARISON: ReadonlySet<string> = new Set(["=", "<>", "<", "<=", ">", ">="]);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isOp(...ops: string[]): string | undefined {
    const t = this.peek();
    return t.k === "op" && ops.includes(t.op) ? t.op : undefined;
  }

  parseAll(): Node {
    const node = this.comparison();
    const t = this.peek();
    if (t.k !== "end") throw problem(t.at, `多余的内容(可能缺少运算符或逗号)`, "unexpected text (a missing operator or comma?)");
    return node;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_NESTING) throw problem(at, `嵌套超过 ${MAX_NESTING} 层`, `nested more than ${MAX_NESTING} levels deep`);
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (t.k !== "op" || !COMPARISON.has(t.op)) return left;
      this.next();
      left = { t: "bin", op: t.op as BinaryOp, left, right: this.concat(), at: t.at };
    }
  }

  private concat(): Node {
    let left = this.additive();
    while (this.isOp("&")) {
      const t = this.next();
      left = { t: "bin", op: "&", left, right: this.additive(), at: t.at };
    }
    return left;
  }

  private additive(): Node {
    let left = this.product();
    for (let op = this.isOp("+", "-"); op; op = this.isOp("+", "-")) {
      const t = this.next();
      left = { t: "bin", op: op as BinaryOp, left, right: this.product(), at: t.at };
    }
    return left;
  }

  private product(): Node {
    let left = this.power();
    for (let op = this.isOp("*", "/"); op; op = this.isOp("*", "/")) {
      const t = this.next();
      left = { t: "bin", op: op as BinaryOp, left, right: this.power(), at: t.at };
    }
    return left;
  }

  private power(): Node {
    let left = this.percent();
    while (this.isOp("^")) {
      const t = this.next();
      left = { t: "bin", op: "^", left, right: this.percent(), at: t.at };
    }
    return left;
  }

  private percent(): Node {
    let node = this.unary();
    while (this.isOp("%")) {
      const t = this.next();
      node = { t: "percent", arg: node, at: t.at };
    }
    return node;
  }

  private unary(): Node {
    const op = this.isOp("-", "+");
    if (op) {
      const t = this.next();
      this.enter(t.at);
      const arg = this.unary();
      this.depth--;
      return op === "-" ? { t: "neg", arg, at: t.at } : arg;
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    switch (t.k) {
      case "num":
        return { t: "num", value: t.value, text: t.text, at: t.at };
      case "str":
        return { t: "str", value: t.value, at: t.at };
      case "name": {
        if (this.peek().k === "(") return this.call(t.text, t.at);
        const upper = t.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { t: "bool", value: upper === "TRUE", at: t.at };
        return { t: "name", name: t.text, at: t.at };
      }
      case "(": {
        this.enter(t.at);
        const inner = this.comparison();
        this.depth--;
        const close = this.next();
        if (close.k !== ")") throw problem(close.at, "缺少右括号 )", "missing )");
        return inner;
      }
      case "end":
        throw problem(t.at, "公式不完整,缺少一个值", "the formula ends where a value is expected");
      case ")":
        throw problem(t.at, "多余的右括号 ),或括号内缺少值", "unexpected ) (or a value missing before it)");
      case ",":
        throw problem(t.at, "多余的逗号,或逗号前缺少值", "unexpected comma (or a value missing before it)");
      case "op":
        throw problem(t.at, `运算符 ${t.op} 前缺少值`, `a value is missing before ${t.op}`);
    }
  }

  private call(fn: string, at: number): Node {
    this.next(); // (
    this.enter(at);
    const args: Array<Node | null> = [];
    if (this.peek().k === ")") {
      this.next();
      this.depth--;
      return { t: "call", fn, args, at };
    }
    for (;;) {
      const t = this.peek();
      if (t.k === "," || t.k === ")") args.push(null);
      else args.push(this.comparison());
      const sep = this.next();
      if (sep.k === ")") break;
      if (sep.k !== ",") throw problem(sep.at, `函数 ${fn} 的参数之间缺少逗号,或缺少右括号 )`, `a comma or ) is missing in the arguments of ${fn}`);
    }
    this.depth--;
    return { t: "call", fn, args, at };
  }
}

/** The tree of a formula, or the first problem in its text. */
export function parseFormula(source: string): { ok: true; node: Node } | { ok: false; problem: SyntaxProblem } {
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, problem: { at: 0, zh: `公式超过 ${MAX_FORMULA_LENGTH} 个字符`, en: `the formula is longer than ${MAX_FORMULA_LENGTH} characters` } };
  }
  try {
    return { ok: true, node: new Parser(tokenize(source)).parseAll() };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, problem: e.problem };
    throw e;
  }
}
