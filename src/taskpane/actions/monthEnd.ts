/**
 * The month-end actions: which periods the workbook holds, 校验工作簿 (the same validateWorkbook as
 * `appraise validate`), 月度考核 (the same grading as `appraise grade`, written as one results sheet) and
 * 固定为数值. Each reads the workbook once, in bulk, through the port; grading yields to the pane between slices
 * of managers, because Office restarts an add-in that is unresponsive for 5 seconds.
 */
import { mapWorkbook, resultsSheetName, statusLabels, validateWorkbook, countBySeverity, readWorkbookSettings, type ChosenRulebook, type WorkbookValues } from "../../workbook";
import { appraiseInSteps, prepareGrading } from "../../workbook/grading";
import { resultsSheetPlan } from "../../workbook/resultsSheet";
import { isPeriod, monthRange } from "../../engine/periods";
import type { ExcelPort } from "../port";
import { resolveActive, storedChoice } from "./rulebooks";
import { isBlocked, type Blocked, type FreezeOutcome, type GradeOutcome, type GradeProgress, type PeriodChoice, type StatusCount, type ValidateOutcome } from "./types";

/** Managers appraised between two yields to the pane: a few tens of milliseconds of work. */
export const GRADING_SLICE = 500;

/** Lets the browser paint and handle input before the next slice. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`; // int: calendar month
}

const NO_RULEBOOK: Blocked = {
  blocked: [{ zh: "尚未选择考核规则集:请在「规则集」页选择并应用,或在「设置」表中填写 规则集。", en: "No rulebook is chosen: choose and apply one on the Rulebooks tab, or fill in 规则集 on the 设置 sheet." }],
};

/** Periods with records in the workbook, latest first; the 设置 sheet's 考核期 is suggested when it has one. */
export async function readPeriods(port: ExcelPort): Promise<PeriodChoice> {
  const { values } = await port.readWorkbook();
  return periodsOf(port, values);
}

export function periodsOf(port: ExcelPort, values: WorkbookValues): PeriodChoice {
  const fromSheet = readWorkbookSettings(values).period?.value;
  const found = new Set<string>();
  const { chosen } = resolveActive(port, values);
  if (chosen.ok) for (const s of mapWorkbook(values, { book: chosen.book, period: "" }).sources) found.add(s.period);
  if (typeof fromSheet === "string" && isPeriod(fromSheet)) found.add(fromSheet);
  // Latest first by the last month covered; of two ending together (2026-12, 2026-Q4, 2026), the whole year first.
  const periods = [...found].filter(isPeriod).sort((a, b) => {
    const x = monthRange(a);
    const y = monthRange(b);
    return x.last !== y.last ? (x.last < y.last ? 1 : -1) : x.first < y.first ? -1 : x.first > y.first ? 1 : 0; // int: order
  });
  const suggested = typeof fromSheet === "string" && isPeriod(fromSheet) ? fromSheet : periods[0];
  return suggested === undefined ? { periods } : { periods, suggested };
}

/** The rulebook in force, or why there is none: nothing chosen anywhere, an unknown id or an invalid rulebook. */
function rulebookOrBlocked(port: ExcelPort, values: WorkbookValues): Extract<ChosenRulebook, { ok: true }> | Blocked {
  const { chosen } = resolveActive(port, values);
  if (chosen.ok) return chosen;
  return chosen.kind === "missing" && !storedChoice(port).id ? NO_RULEBOOK : { blocked: [{ zh: chosen.zh, en: chosen.en }] };
}

function noPeriod(period: string | undefined): Blocked | undefined {
  if (period === undefined || period === "") {
    return { blocked: [{ zh: "请选择考核期(工作簿中没有找到任何期间,或「设置」表未填写 考核期)。", en: "Choose the period to appraise (none was found in the workbook or on the 设置 sheet)." }] };
  }
  if (!isPeriod(period)) return { blocked: [{ zh: `「${period}」不是考核期(YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY)。`, en: `"${period}" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY).` }] };
  return undefined;
}

export async function runValidation(port: ExcelPort, opts: { period?: string; today?: string }): Promise<ValidateOutcome | Blocked> {
  const { values, khjlFormulaCount } = await port.readWorkbook();
  const chosen = rulebookOrBlocked(port, values);
  if (isBlocked(chosen)) return chosen;
  const period = opts.period ?? periodsOf(port, values).suggested;
  const bad = noPeriod(period);
  if (bad) return bad;
  const result = validateWorkbook(values, {
    book: chosen.book,
    period: period as string,
    formulaCells: khjlFormulaCount,
    settings: storedChoice(port).settings,
    ...(opts.today !== undefined ? { today: opts.today } : {}),
  });
  return { rulebook: { id: chosen.book.doc.id, version: chosen.book.doc.version }, period: period as string, findings: result.findings, counts: result.counts, checks: result.checks.length };
}

export interface GradeOptions {
  period: string;
  /** Asked before an existing results sheet of the same name is replaced; false cancels without writing. */
  confirmReplace: (sheet: string) => Promise<boolean>;
  onProgress?: (p: GradeProgress) => void;
  /** The time the note on the sheet shows (tests pass a fixed one). */
  now?: Date;
}

export async function runGrading(port: ExcelPort, opts: GradeOptions): Promise<GradeOutcome | Blocked | { cancelled: true }> {
  const progress = opts.onProgress ?? (() => undefined);
  progress({ stage: "read", done: 0, total: 1 });
  const bad = noPeriod(opts.period);
  if (bad) return bad;
  const { values } = await port.readWorkbook();
  progress({ stage: "read", done: 1, total: 1 });
  const chosen = rulebookOrBlocked(port, values);
  if (isBlocked(chosen)) return chosen;

  progress({ stage: "check", done: 0, total: 1 });
  const prepared = prepareGrading(values, { book: chosen.book, period: opts.period, overrides: storedChoice(port).settings });
  if (!prepared.ok) return { blocked: prepared.problems.map((p) => ({ zh: `${p.path}: ${p.message}`, en: `${p.path}: ${p.message}` })) };
  const { setup } = prepared;
  if (setup.input.managers.length === 0) {
    return { blocked: [{ zh: "没有可考核的客户经理:请先点“校验工作簿”查看问题。", en: "No manager can be appraised: run Validate to see why." }] };
  }
  const sheet = resultsSheetName(opts.period);
  // Asked before the work, so a "no" costs nothing; the inputs are never written either way.
  if ((await port.sheetExists(sheet)) && !(await opts.confirmReplace(sheet))) return { cancelled: true };
  progress({ stage: "check", done: 1, total: 1 });

  const steps = appraiseInSteps(setup, GRADING_SLICE);
  let next = steps.next();
  while (!next.done) {
    progress({ stage: "grade", done: next.value.done, total: next.value.total });
    await breathe();
    next = steps.next();
  }
  const output = next.value;

  const plan = resultsSheetPlan({ book: setup.book, input: setup.input, output, problems: setup.problems, at: localTime(opts.now ?? new Date()) });
  progress({ stage: "write", done: 0, total: 1 });
  await port.writeResultsSheet(plan, (done, total) => progress({ stage: "write", done, total }));

  const labels = statusLabels(setup.book);
  const counts = new Map<string, StatusCount>();
  for (const r of output.results) {
    const label = r.status === undefined ? "不可用" : labels.get(r.status) ?? r.status;
    const c = counts.get(label) ?? { label, count: 0, attention: r.status !== undefined && setup.book.doc.attentionStatuses.includes(r.status) };
    c.count += 1; // int: count
    counts.set(label, c);
  }
  return { sheet, managers: output.results.length, problems: countBySeverity(setup.problems), statuses: [...counts.values()] };
}

/** Formulas to values, with a note of the rulebook and the time, so the figures never change again. */
export async function runFreeze(port: ExcelPort, target: "sheet" | "selection", now: Date = new Date()): Promise<FreezeOutcome | Blocked> {
  // The 设置 sheet may name the rulebook when the document does not: only then is the workbook read.
  const values = storedChoice(port).id === undefined ? (await port.readWorkbook()).values : undefined;
  const { chosen } = resolveActive(port, values);
  const rulebook = chosen.ok ? `规则集 ${chosen.book.doc.id} v${chosen.book.doc.version}` : "未选择规则集";
  const note = `已固定为数值(${rulebook},${localTime(now)}),此后不再随公式或规则变化。`;
  const where = target === "sheet" ? { sheet: await port.activeSheetName() } : "selection";
  const result = await port.freezeToValues(where, note);
  return { ...result, note };
}
