/**
 * The results workbook as plain tables (no file library): `考核结果 <period>` (one row per manager), `机构汇总`
 * (per branch), `问题` (the input problems with their cells) and `计算明细` (every explanation line). Figures stay
 * decimal strings here, with a column format saying how to show them; the file writer (or the taskpane) turns a
 * figure into a number cell only when it writes it. Sums and averages are Dec.
 */
import { Dec, ZERO } from "../engine/decimal";
import { FIELDS, isFieldName, type FieldName } from "../engine/fields";
import { money, plain, usd } from "../engine/format";
import type { AppraisalOutput } from "../engine/api";
import type { AppraisalInput, ManagerInput } from "../engine/model";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { ManagerResultJson } from "../engine/results";
import { SEVERITY_ZH, type WorkbookProblem } from "./problems";

export type ColumnFormat = "text" | "money" | "usd" | "points" | "percent" | "integer";

export interface OutputColumn {
  header: string;
  format: ColumnFormat;
}

/** Text, or a decimal string in a numeric column; null for an empty cell. */
export type OutputCell = string | null;

export interface OutputTable {
  name: string;
  columns: OutputColumn[];
  rows: OutputCell[][];
  /**
   * Rows made only as they are written (and then let go), for a table too long to hold whole: the 计算明细 sheet of a
   * large branch has one row per explanation line. When set, `rows` is empty.
   */
  lazyRows?: () => Iterable<OutputCell[]>;
  freezeRows: number;
  freezeColumns: number;
  autoFilter: boolean;
}

/** Excel number formats: money #,##0.00, points 0.00, rates 0.00%, ids and text as text. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  money: "#,##0.00",
  usd: "#,##0.00",
  points: "0.00",
  percent: "0.00%",
  integer: "0",
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A table cell as Excel stores it: empty → null, a decimal string in a figure column → a number, else text. */
export function excelCell(cell: OutputCell, format: ColumnFormat): string | number | null {
  if (cell === null || cell === "") return null;
  if (format !== "text" && DECIMAL.test(cell)) {
    // The one place a figure becomes a binary number: the cell Excel stores. Arithmetic was done in Dec.
    const n = Number(cell); // excel edge: finished decimal text → the stored number
    // A figure beyond a double (input bounds keep it from happening) stays its exact text: never Infinity, which
    // spreadsheets show as 0 or an error.
    if (Number.isFinite(n)) return n;
  }
  return fitCell(cell);
}

/** Excel holds at most 32 767 characters in a cell; longer text is cut, saying so. */
export const EXCEL_CELL_CHARS = 32_767;

export function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  const note = `…(共 ${text.length} 个字符,已截断 / cut from ${text.length} characters)`;
  let end = EXCEL_CELL_CHARS - note.length; // int: string index
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1; // int: string index (a character is not split in two)
  return text.slice(0, end) + note;
}

/** Shown where the rulebook computes a figure but could not for this manager (the 说明 says why). */
export const UNAVAILABLE = "不可用";
/** Shown where the rulebook does not compute a figure at all. */
export const NOT_COMPUTED = "—";

/** The sheet layout's flag column: the status label of a manager the branch must act on, else empty. */
export const ATTENTION_HEADER = "需关注";

/** Where a cell points for the full explanation, outside the results workbook with its 计算明细 sheet. */
export const SEE_EXPLAIN = "见 KHJL.EXPLAIN";

export const OUTPUT_ZH: Record<string, string> = { score: "得分", grade: "等级", commission: "提成", riskDeposit: "风险金", status: "状态", nextGrade: "距下一等级" };

const UNIT_HEADER: Record<string, string> = { money: "元", usd: "美元", rate: "%", count: "个", points: "分", days: "天" };
const UNIT_FORMAT: Record<string, ColumnFormat> = { money: "money", usd: "usd", rate: "percent", count: "integer", points: "points", days: "integer" };

export function resultsSheetName(period: string): string {
  return `考核结果 ${period}`;
}

/** Statuses the pipeline itself may give, when the rulebook's status rule has no label for them. */
const FALLBACK_STATUS: Record<string, string> = { normal: "正常", undetermined: "待定" };

/**
 * Status ids → Chinese labels, in the rulebook's order: a format-2 rulebook declares its statuses (strongest first,
 * each with its label); a format-1 rulebook names them in its status rules (`{status, label}` pairs in their params).
 */
export function statusLabels(book: CompiledRulebook): Map<string, string> {
  const out = new Map<string, string>();
  if (book.v2) for (const s of book.v2.doc.statuses) out.set(s.id, s.zh);
  else walkStatusRules(book, out);
  for (const [id, zh] of Object.entries(FALLBACK_STATUS)) if (!out.has(id)) out.set(id, zh);
  return out;
}

/** Format 1: the `{status, label}` pairs anywhere in the params of the status rules. */
function walkStatusRules(book: CompiledRulebook, out: Map<string, string>): void {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      const label = o.label as { zh?: unknown } | undefined;
      // A status may carry several labels (the generic one and the case that led to it): keep the shortest, the name.
      if (typeof o.status === "string" && label && typeof label.zh === "string") {
        const had = out.get(o.status);
        if (had === undefined || [...label.zh].length < [...had].length) out.set(o.status, label.zh);
      }
      Object.values(o).forEach(walk);
    }
  };
  for (const r of book.rules) if (r.kind.stage === "status") walk(r.params);
}

export interface ResultsArgs {
  book: CompiledRulebook;
  input: AppraisalInput;
  output: AppraisalOutput;
  problems: WorkbookProblem[];
  /**
   * `file` (the command line's workbook): the period's input figures are repeated and 说明 lists every rule used.
   * `sheet` (the taskpane's results sheet, written in one round trip to Excel): no repeated inputs, a 需关注 column,
   * and 说明 gives the reasons with their rule ids; the rules used are listed once, in the sheet's note.
   */
  layout?: "file" | "sheet";
  /** The 计算明细 sheet (the command line's default; `--no-details` leaves it out). */
  details?: boolean;
}

export function resultTables(args: ResultsArgs): OutputTable[] {
  const tables = [resultsTable(args), branchTable(args), problemsTable(args.problems)];
  return args.details === false ? tables : [...tables, detailsTable(args)];
}

/**
 * The taskpane sheet's two tables: results in the sheet layout, and the per-branch summary. Not the details table,
 * whose every explanation line would be worded only to be thrown away.
 */
export function sheetTables(args: ResultsArgs): [OutputTable, OutputTable] {
  const sheetArgs: ResultsArgs = { ...args, layout: "sheet" };
  return [resultsTable(sheetArgs), branchTable(sheetArgs)];
}

function labels(book: CompiledRulebook) {
  const grade = new Map(book.doc.grades.map((g) => [g.id, g.zh]));
  const role = new Map(book.doc.roles.map((r) => [r.id, r.zh]));
  const status = statusLabels(book);
  const rule = new Map(book.rules.map((r) => [r.id, r.doc.label?.zh]));
  return {
    grade: (id: string | undefined) => (id === undefined ? "" : grade.get(id) ?? id),
    role: (id: string | undefined) => (id === undefined ? "" : role.get(id) ?? id),
    status: (id: string) => status.get(id) ?? id,
    rule: (id: string) => rule.get(id),
  };
}

function missingOutput(r: ManagerResultJson, output: string): boolean {
  return (r.unavailable ?? []).some((u) => u.output === output);
}

/** A figure, or 不可用 / — when absent. */
function figure(value: string | undefined, r: ManagerResultJson, output: string): OutputCell {
  if (value !== undefined) return value;
  return missingOutput(r, output) ? UNAVAILABLE : NOT_COMPUTED;
}

/** `一级: 日均存款还差 ¥3,800,000.00` */
/**
 * `see` says where the failed non-amount conditions are spelled out: the results workbook's 计算明细 sheet, or, in a
 * cell and on the taskpane's sheet (which has no such sheet), the KHJL.EXPLAIN function.
 */
export function nextGradeText(book: CompiledRulebook, r: ManagerResultJson, see = "见计算明细"): string {
  if (!r.nextGrade) return "";
  const L = labels(book);
  const spec = book.doc.rounding.money;
  const parts = r.nextGrade.missing.map((m) => {
    const def = isFieldName(m.field) ? FIELDS[m.field] : undefined;
    const amount = new Dec(m.amount);
    const shown = def?.unit === "usd" ? usd(amount, spec) : def && def.unit !== "money" ? plain(amount) : money(amount, spec);
    return `${def?.zh ?? m.field}还差 ${shown}`;
  });
  // No amount missing, yet the grade is not reached: a non-amount condition (asset quality, qualifications) fails.
  return `${L.grade(r.nextGrade.grade)}: ${parts.length > 0 ? parts.join("、") : `金额指标已达到,其他条件未满足(${see})`}`;
}

/** The status label; a status reached while some of its conditions could not be judged says so. */
export function statusText(r: ManagerResultJson, label: (id: string) => string): string {
  if (r.status === undefined) return missingOutput(r, "status") ? UNAVAILABLE : NOT_COMPUTED;
  // "undetermined" already says that conditions could not be judged.
  return missingOutput(r, "status") && r.status !== "undetermined" ? `${label(r.status)}(部分条件无法判断)` : label(r.status);
}

function ruleIds(r: ManagerResultJson): string[] {
  const ids = new Set<string>();
  for (const e of [...r.explanation, ...(r.unavailable ?? [])]) for (const id of e.rule.split(/,\s*/)) ids.add(id);
  return [...ids];
}

/** Every rule id that produced a figure or a reason for any manager, in rulebook order. */
export function rulesUsed(book: CompiledRulebook, output: AppraisalOutput): string[] {
  const seen = new Set<string>();
  for (const r of output.results) for (const id of ruleIds(r)) seen.add(id);
  const order = book.rules.map((x) => x.id);
  return [...seen].sort((a, b) => (order.indexOf(a) === -1 ? 1e9 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 1e9 : order.indexOf(b))); // int: order
}

/** The status label when the rulebook lists the status among those the branch must act on, else "". */
export function attentionText(book: CompiledRulebook, r: ManagerResultJson, label: (id: string) => string): string {
  return r.status !== undefined && book.doc.attentionStatuses.includes(r.status) ? label(r.status) : "";
}

/** Ids of the rulebook's status rules, whose explanation lines are the reasons 说明 shows. */
function statusRuleIds(book: CompiledRulebook): Set<string> {
  return new Set(book.rules.filter((x) => x.kind.stage === "status").map((x) => x.id));
}

/** A manager's status reasons and unavailable figures, each with its rule id. */
function reasons(statusRules: Set<string>, r: ManagerResultJson): string[] {
  const parts: string[] = [];
  for (const e of r.explanation) if (statusRules.has(e.rule.split(/,\s*/)[0])) parts.push(`${e.zh}[${e.rule}]`);
  for (const u of r.unavailable ?? []) parts.push(`${OUTPUT_ZH[u.output] ?? u.output}不可用:${u.zh}[${u.rule}]`);
  return parts;
}

/**
 * 说明 of a results row. In the results workbook: the reasons, the data problems (in its 问题 sheet) and every rule
 * used. On the taskpane's sheet: the reasons and the data problems (校验工作簿 lists them); the rules used are in
 * the sheet's note.
 */
function explanationCell(statusRules: Set<string>, r: ManagerResultJson, problemCount: number, sheet: boolean): string {
  const parts = reasons(statusRules, r);
  if (problemCount > 0) parts.push(sheet ? `数据问题 ${problemCount} 处(点“校验工作簿”查看)` : `数据问题 ${problemCount} 处(见「问题」表)`);
  if (!sheet) parts.push(`规则:${ruleIds(r).join("、")}`);
  return parts.join(";");
}

/** Fields with a value in some manager's record of the appraised period, in the vocabulary's order. */
function periodFields(input: AppraisalInput): FieldName[] {
  const seen = new Set<string>();
  for (const m of input.managers) {
    const rec = m.history.find((h) => h.period === input.period);
    for (const k of Object.keys(rec?.values ?? {})) seen.add(k);
  }
  return (Object.keys(FIELDS) as FieldName[]).filter((f) => seen.has(f));
}

function resultsTable({ book, input, output, problems, layout = "file", details = true }: ResultsArgs): OutputTable {
  const L = labels(book);
  const sheet = layout === "sheet";
  const byId = new Map<string, ManagerInput>(input.managers.map((m) => [m.id, m]));
  const itemRules: string[] = [];
  for (const r of output.results) for (const i of r.scoreItems ?? []) if (!itemRules.includes(i.rule)) itemRules.push(i.rule);
  const fields = sheet ? [] : periodFields(input);
  const statusRules = statusRuleIds(book);
  const provisional = output.results.some((r) => r.provisional);
  const problemCount = new Map<string, number>();
  for (const p of problems) if (p.managerId !== undefined && p.severity !== "info") problemCount.set(p.managerId, (problemCount.get(p.managerId) ?? 0) + 1); // int: count

  const columns: OutputColumn[] = [
    { header: "工号", format: "text" },
    { header: "姓名", format: "text" },
    { header: "机构", format: "text" },
    { header: "角色", format: "text" },
    { header: "任职等级", format: "text" },
    { header: "等级", format: "text" },
    { header: "得分", format: "points" },
    ...itemRules.map((id): OutputColumn => ({ header: `${L.rule(id) ?? id}得分`, format: "points" })),
    { header: "提成", format: "money" },
    { header: "风险金本期", format: "money" },
    { header: "风险金余额", format: "money" },
    { header: "风险金应退", format: "money" },
    { header: "状态", format: "text" },
    ...(provisional ? [{ header: "暂定", format: "text" } as OutputColumn] : []),
    { header: "距下一等级", format: "text" },
    ...fields.map((f): OutputColumn => ({ header: `${FIELDS[f].zh}(${UNIT_HEADER[FIELDS[f].unit]})`, format: UNIT_FORMAT[FIELDS[f].unit] })),
    ...(sheet ? [{ header: ATTENTION_HEADER, format: "text" } as OutputColumn] : []),
    { header: "说明", format: "text" },
  ];
  const rows = output.results.map((r): OutputCell[] => {
    const m = byId.get(r.id);
    const rec = m?.history.find((h) => h.period === input.period);
    const items = new Map((r.scoreItems ?? []).map((i) => [i.rule, i.points]));
    return [
      r.id,
      m?.name ?? "",
      m?.branch ?? "",
      L.role(m?.role),
      L.grade(m?.grade),
      r.grade !== undefined ? L.grade(r.grade) : missingOutput(r, "grade") ? UNAVAILABLE : L.grade(m?.grade),
      figure(r.score, r, "score"),
      ...itemRules.map((id) => items.get(id) ?? (r.scoreItems ? NOT_COMPUTED : figure(undefined, r, "score"))),
      figure(r.commission, r, "commission"),
      figure(r.riskDeposit?.withheld, r, "riskDeposit"),
      figure(r.riskDeposit?.balance, r, "riskDeposit"),
      figure(r.riskDeposit?.refundable, r, "riskDeposit"),
      statusText(r, L.status),
      ...(provisional ? [r.provisional ? "暂定" : ""] : []),
      nextGradeText(book, r, sheet || !details ? SEE_EXPLAIN : undefined),
      ...fields.map((f) => rec?.values[f]?.toFixed() ?? null),
      ...(sheet ? [attentionText(book, r, L.status)] : []),
      explanationCell(statusRules, r, problemCount.get(r.id) ?? 0, sheet),
    ];
  });
  return { name: resultsSheetName(output.period), columns, rows, freezeRows: 1, freezeColumns: 2, autoFilter: true };
}

function branchTable({ book, input, output }: ResultsArgs): OutputTable {
  const L = labels(book);
  const byId = new Map(input.managers.map((m) => [m.id, m]));
  const statuses: string[] = [];
  for (const r of output.results) if (r.status !== undefined && !statuses.includes(r.status)) statuses.push(r.status);
  // Columns in the rulebook's own status order (format 2: as declared, strongest first).
  const ladder = [...statusLabels(book).keys()];
  statuses.sort((a, b) => (ladder.indexOf(a) === -1 ? 99 : ladder.indexOf(a)) - (ladder.indexOf(b) === -1 ? 99 : ladder.indexOf(b))); // int: order
  const grades = book.doc.grades.map((g) => g.id);
  const hasUngraded = output.results.some((r) => r.grade === undefined);

  interface Acc { people: number; scored: number; score: Dec; pay: Dec; payCount: number; withheld: Dec; balance: Dec; depCount: number; status: Map<string, number>; grade: Map<string, number>; normal: number }
  const blank = (): Acc => ({ people: 0, scored: 0, score: ZERO, pay: ZERO, payCount: 0, withheld: ZERO, balance: ZERO, depCount: 0, status: new Map(), grade: new Map(), normal: 0 });
  const acc = new Map<string, Acc>();
  const total = blank();
  for (const r of output.results) {
    const branch = byId.get(r.id)?.branch ?? "(未填机构)";
    const a = acc.get(branch) ?? blank();
    acc.set(branch, a);
    for (const x of [a, total]) {
      x.people += 1; // int: count
      if (r.score !== undefined) {
        x.scored += 1; // int: count
        x.score = x.score.plus(r.score);
      }
      if (r.commission !== undefined) {
        x.payCount += 1; // int: count
        x.pay = x.pay.plus(r.commission);
      }
      if (r.riskDeposit) {
        x.depCount += 1; // int: count
        x.withheld = x.withheld.plus(r.riskDeposit.withheld);
        x.balance = x.balance.plus(r.riskDeposit.balance);
      }
      if (r.status !== undefined) x.status.set(r.status, (x.status.get(r.status) ?? 0) + 1); // int: count
      if (r.status === "normal") x.normal += 1; // int: count
      const g = r.grade ?? "";
      x.grade.set(g, (x.grade.get(g) ?? 0) + 1); // int: count
    }
  }
  const pts = book.doc.rounding.points;
  const cash = book.doc.rounding.money;
  const row = (name: string, a: Acc): OutputCell[] => [
    name,
    String(a.people),
    String(a.scored),
    a.scored > 0 ? a.score.toFixed(pts.decimals) : NOT_COMPUTED,
    a.scored > 0 ? a.score.div(a.scored).toDecimalPlaces(pts.decimals, Dec.ROUND_HALF_UP).toFixed(pts.decimals) : NOT_COMPUTED,
    a.payCount > 0 ? a.pay.toFixed(cash.decimals) : NOT_COMPUTED,
    a.depCount > 0 ? a.withheld.toFixed(cash.decimals) : NOT_COMPUTED,
    a.depCount > 0 ? a.balance.toFixed(cash.decimals) : NOT_COMPUTED,
    a.people > 0 ? new Dec(a.normal).div(a.people).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4) : NOT_COMPUTED,
    ...statuses.map((s) => String(a.status.get(s) ?? 0)),
    ...grades.map((g) => String(a.grade.get(g) ?? 0)),
    ...(hasUngraded ? [String(a.grade.get("") ?? 0)] : []),
  ];
  const columns: OutputColumn[] = [
    { header: "机构", format: "text" },
    { header: "人数", format: "integer" },
    { header: "参评人数", format: "integer" },
    { header: "得分合计", format: "points" },
    { header: "平均得分", format: "points" },
    { header: "提成合计", format: "money" },
    { header: "风险金本期合计", format: "money" },
    { header: "风险金余额合计", format: "money" },
    { header: "正常占比", format: "percent" },
    ...statuses.map((s): OutputColumn => ({ header: `状态·${L.status(s)}`, format: "integer" })),
    ...grades.map((g): OutputColumn => ({ header: `等级·${L.grade(g)}`, format: "integer" })),
    ...(hasUngraded ? [{ header: "等级·无", format: "integer" } as OutputColumn] : []),
  ];
  const rows = [...acc.entries()].map(([name, a]) => row(name, a));
  rows.push(row("合计", total));
  return { name: "机构汇总", columns, rows, freezeRows: 1, freezeColumns: 1, autoFilter: false };
}

export function problemsTable(problems: WorkbookProblem[]): OutputTable {
  const columns: OutputColumn[] = [
    { header: "级别", format: "text" },
    { header: "位置", format: "text" },
    { header: "工作表", format: "text" },
    { header: "单元格", format: "text" },
    { header: "字段", format: "text" },
    { header: "工号", format: "text" },
    { header: "说明", format: "text" },
    { header: "Message", format: "text" },
    { header: "建议值", format: "text" },
  ];
  const rows = problems.map((p): OutputCell[] => [SEVERITY_ZH[p.severity], p.address || "工作簿", p.sheet, p.cell, p.field ?? "", p.managerId ?? "", p.zh, p.en, p.suggested ?? ""]);
  return { name: "问题", columns, rows, freezeRows: 1, freezeColumns: 0, autoFilter: true };
}

/** Every explanation line of every manager, worded as it is written (`lazyRows`). */
function detailsTable({ input, output }: ResultsArgs): OutputTable {
  const names = new Map(input.managers.map((m) => [m.id, m.name ?? ""]));
  function* lines(): Generator<OutputCell[]> {
    for (const r of output.results) {
      for (const e of r.explanation) yield [r.id, names.get(r.id) ?? "", e.rule, e.zh, e.en];
      for (const u of r.unavailable ?? []) yield [r.id, names.get(r.id) ?? "", u.rule, `${OUTPUT_ZH[u.output] ?? u.output}不可用:${u.zh}`, `${u.output} unavailable: ${u.en}`];
    }
  }
  const columns: OutputColumn[] = [
    { header: "工号", format: "text" },
    { header: "姓名", format: "text" },
    { header: "规则", format: "text" },
    { header: "说明", format: "text" },
    { header: "Explanation", format: "text" },
  ];
  return { name: "计算明细", columns, rows: [], lazyRows: lines, freezeRows: 1, freezeColumns: 2, autoFilter: true };
}
