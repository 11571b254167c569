/**
 * Running a rulebook's `check` rules over one manager's records: what a workbook validator reports besides the
 * generic checks (a role that must not hold loans, a client above its manager's band). Each check is judged on every
 * period record up to the appraised period — or on every client row of it — and a finding names its rule, period,
 * client and the field whose cell it points at. A check that cannot be judged (a value is missing) gives no
 * finding: the missing cell is the validator's own finding.
 */
import { Dec } from "../decimal";
import type { MissingPolicy } from "../lang/frame";
import { missing, TableValue, type Value } from "../lang/values";
import type { ManagerInput } from "../model";
import type { Settings } from "../settings";
import type { Book2, CompiledCheck, Rule2 } from "./book";
import { MFrame, type Evaluator, type Locals } from "./frame";
import { ManagerEval } from "./evaluate";
import { fill } from "./explain";
import { settingValues } from "./outcome";

export interface CheckFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  code?: string;
  /** The period record judged (the appraised period for a check on each person). */
  period: string;
  /** What was judged: a period record, a client row of it, the person, or a branch's staff. */
  on: "records" | "clients" | "manager" | "branches";
  /** The column whose cell the finding points at: a declared field id, or role, grade, name, branch, id. */
  field?: string;
  /** The client row's index in the period record's clients, for a check on every client. */
  client?: number;
  zh: string;
  en: string;
}

export function checkManager2(book: Book2, settings: Settings, manager: ManagerInput, appraised: string): CheckFinding[] {
  if (book.checks.length === 0) return [];
  const ev = new ManagerEval(book, settingValues(book, settings), manager, appraised);
  const out: CheckFinding[] = [];
  const judge = (rule: Rule2, check: CompiledCheck, f: MFrame, client?: number) => {
    if (check.if.run(f) !== true) return;
    const words = fill(check.message, f, book);
    if (!words) return;
    out.push({
      rule: words.id ?? rule.id,
      severity: check.severity,
      ...(check.code !== undefined ? { code: check.code } : {}),
      period: f.period,
      on: check.forEach,
      ...(check.field !== undefined ? { field: check.field } : {}),
      ...(client !== undefined ? { client } : {}),
      zh: words.zh,
      en: words.en,
    });
  };
  const applies = (rule: Rule2, frame: MFrame) => !ev.applies(rule, frame.period) && (!rule.when || rule.when.run(frame) === true);

  // Each person once, at the appraised period.
  const once = ev.frame(appraised, "undetermined");
  for (const rule of book.checks) {
    for (const check of rule.checks ?? []) if (check.forEach === "manager" && applies(rule, once)) judge(rule, check, once);
  }
  // Every period record up to the appraised period, and every client row of it.
  for (const record of ev.records) {
    const frame = ev.frame(record.period, "undetermined");
    for (const rule of book.checks) {
      if (!applies(rule, frame)) continue;
      for (const check of rule.checks ?? []) {
        if (check.forEach === "records") judge(rule, check, frame);
        else if (check.forEach === "clients") {
          record.clients.forEach((c, i) => {
            const row = new Map<string, Value>([["id", c.id]]);
            for (const spec of book.fields) {
              const v = c.values[spec.id as keyof typeof c.values] as Dec | undefined;
              if (v !== undefined) row.set(spec.id, v);
            }
            judge(rule, check, frame.with({ row }), i);
          });
        }
      }
    }
  }
  return out;
}

/**
 * A branch (机构) of the roster as a check on each branch sees it: its name (机构) and its staff (职工: id, role);
 * nothing of any one person's records.
 */
class BranchEval implements Evaluator {
  constructor(
    readonly book: Book2,
    readonly settings: readonly Value[],
    private readonly branch: string,
    private readonly staff: ReadonlyArray<{ id: string; role: string }>,
    readonly appraised: string,
  ) {}
  get grades(): readonly string[] {
    return this.book.grades;
  }
  firstPeriod(): string | undefined {
    return undefined;
  }
  hasRecord(): boolean {
    return false;
  }
  flags(): readonly string[] | undefined {
    return undefined;
  }
  rule(index: number): Value {
    const r = this.book.rules[index];
    return missing("na", `按机构的检查不能读取个人的规则 ${r.id}`, `a check on each branch cannot read a person's rule ${r.id}`);
  }
  field(): Value {
    return missing("na", "按机构的检查不读个人字段", "a check on each branch reads no person's field");
  }
  role(): Value {
    return missing("na", "按机构的检查没有个人角色", "a check on each branch has no person's role");
  }
  grade(): Value {
    return missing("na", "按机构的检查没有个人等级", "a check on each branch has no person's grade");
  }
  ident(which: "id" | "name" | "branch"): Value {
    return which === "branch" ? this.branch : missing("na", "按机构的检查没有个人", "a check on each branch has no person");
  }
  list(which: "tasks" | "clients" | "staff"): Value {
    if (which !== "staff") return missing("na", "按机构的检查没有个人的任务或客户", "a check on each branch has no person's tasks or clients");
    return new TableValue(["id", "role"], this.staff.map((p) => [p.id, p.role]));
  }
  frame(period: string, policy: MissingPolicy, locals?: Locals): MFrame {
    return new MFrame(this, period, policy, locals);
  }
}

/** The checks on each branch (`forEach: "branches"`) for one branch of the roster and its staff. */
export function checkBranch2(book: Book2, settings: Settings, branch: string, staff: ReadonlyArray<{ id: string; role: string }>, appraised: string): CheckFinding[] {
  const out: CheckFinding[] = [];
  const ev = new BranchEval(book, settingValues(book, settings), branch, staff, appraised);
  const frame = ev.frame(appraised, "undetermined");
  for (const rule of book.checks) {
    for (const check of rule.checks ?? []) {
      if (check.forEach !== "branches" || check.if.run(frame) !== true) continue;
      const words = fill(check.message, frame, book);
      if (!words) continue;
      out.push({
        rule: words.id ?? rule.id,
        severity: check.severity,
        ...(check.code !== undefined ? { code: check.code } : {}),
        period: appraised,
        on: "branches",
        ...(check.field !== undefined ? { field: check.field } : {}),
        zh: words.zh,
        en: words.en,
      });
    }
  }
  return out;
}
