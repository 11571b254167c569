/**
 * What the rulebook view shows as a format-2 rule's content: the rule in the rulebook's own words — its formula, its
 * decision table row by row, its ledger's movements, its trigger cases, its status cases — so a finance user reads
 * the same thresholds the engine runs, never a paraphrase written in code. Formulas are the rulebook's text as it
 * stands (Excel-like: IF, AND, 30%, 800万); the few joining words are the formula language's own (IF, ELSE), so
 * the line reads the same in Chinese and English.
 */
import type { Book2 } from "../../engine/rulebook2/book";
import type { LedgerDecl, RuleDecl, TableDecl } from "../../engine/rulebook2/schema";

/** A rule's content beyond this is cut (the tools' formulas run to thousands of characters); export shows it whole. */
export const MAX_RULE_TEXT = 600;

type Cell = string | number | boolean;

function cellText(c: Cell | Cell[]): string {
  return Array.isArray(c) ? `(${c.map((x) => cellText(x)).join(", ")})` : typeof c === "string" ? c : String(c);
}

function columnText(c: TableDecl["inputs"][number]): string {
  return typeof c === "string" ? c : c.zh ?? c.formula;
}

/** `h003.npl.edges | 不良贷款率: lowerInclusive | = 0 → 30; … ELSE → 0` */
export function tableText(t: TableDecl): string {
  const head = t.inputs.length > 0 ? `${t.inputs.map(columnText).join(" | ")}: ` : "";
  const mode = t.hit === "first" ? "" : `(${t.hit}) `;
  const meet = t.meet === undefined ? "" : `(meet ${t.meet}) `;
  const rows = t.rows.map((r) => {
    const cells = r.when && r.when.length > 0 ? r.when.map(cellText).join(" | ") : "";
    const cond = [r.if !== undefined ? `IF ${r.if}` : "", cells].filter(Boolean).join(": ");
    return `${cond} → ${cellText(r.then)}`;
  });
  if (t.otherwise !== undefined) rows.push(`ELSE → ${cellText(t.otherwise)}`);
  return `${mode}${meet}${head}${rows.join("; ")}`;
}

/** `+扣缴 = …; −退还超额 = …; cap …`: what comes in and goes out each period, and the bounds kept. */
function ledgerText(l: LedgerDecl, only?: string): string {
  const moves = l.movements.filter((m) => only === undefined || m.id === only);
  const parts = moves.map((m) => `${m.direction === "in" ? "+" : "−"}${m.zh ?? m.name} = ${m.formula}`);
  if (only === undefined) {
    if (l.opening !== undefined) parts.unshift(`opening = ${l.opening}`);
    if (l.cap !== undefined) parts.push(`cap ${l.cap}`);
    if (l.floor !== undefined) parts.push(`floor ${l.floor}`);
  }
  return parts.join("; ");
}

function triggerText(d: NonNullable<RuleDecl["trigger"]>): string {
  const cases = "cases" in d ? d.cases : [d];
  return cases.map((c) => `IF ${c.if} → ${c.then}`).join("; ");
}

function statusText(d: NonNullable<RuleDecl["status"]>): string {
  const cases = d.cases.map((c) => `IF ${c.if} → ${c.status}${c.grade !== undefined ? ` (${c.grade})` : ""}`);
  const from = d.from ? `${d.from.join(", ")}: ` : "";
  return `${from}${[...cases, `ELSE → ${d.none}`].join("; ")}`;
}

function checkText(d: NonNullable<RuleDecl["check"]>): string {
  return (Array.isArray(d) ? d : [d]).map((c) => `IF ${c.if} → ${c.severity}`).join("; ");
}

function toolText(d: NonNullable<RuleDecl["tool"]>): string {
  const steps = d.results.map((s) => (s.formula !== undefined ? `${s.name} = ${s.formula}` : s.table ? `${s.name} = ${tableText(s.table)}` : s.name));
  return `(${Object.keys(d.inputs).join(", ")}) → ${steps.join("; ")}`;
}

function bodyText(d: RuleDecl): string {
  if (d.formula !== undefined) return `= ${d.formula}`;
  if (d.table) return tableText(d.table);
  if (d.ledger) return ledgerText(d.ledger);
  if (d.trigger) return triggerText(d.trigger);
  if (d.status) return statusText(d.status);
  if (d.tool) return toolText(d.tool);
  if (d.check) return checkText(d.check);
  // A record is not computed: its reason is the rule's note.
  return "";
}

/** Whom and when the rule applies to, as the rulebook limits it (roles, grades, a `when` condition). */
function scopeText(d: RuleDecl): string {
  const parts: string[] = [];
  if (d.appliesTo?.roles) parts.push(d.appliesTo.roles.join("/"));
  if (d.appliesTo?.grades) parts.push(d.appliesTo.grades.join("/"));
  if (d.when !== undefined) parts.push(`IF ${d.when}`);
  return parts.length > 0 ? `[${parts.join("; ")}] ` : "";
}

function cut(text: string): string {
  return text.length <= MAX_RULE_TEXT ? text : `${text.slice(0, MAX_RULE_TEXT - 1)}…`; // int: string index
}

/**
 * The content of a rule of a format-2 book by the id the rule list shows: a rule's own id, or a ledger movement's
 * (a movement with an id of its own is listed as a rule, showing only its formula).
 */
export function ruleText2(book: Book2, id: string): string {
  const rule = book.byId.get(id);
  if (rule) return cut(`${scopeText(rule.decl)}${bodyText(rule.decl)}`);
  for (const r of book.rules) {
    const ledger = r.decl.ledger;
    if (ledger?.movements.some((m) => m.id === id)) return cut(ledgerText(ledger, id));
  }
  return "";
}
