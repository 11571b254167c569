/**
 * The engine's front door for every face of the product: resolve a rulebook and settings, evaluate managers,
 * and return results in the command line's JSON shape. Pure: no I/O, no Office, no clock.
 */
import { evaluateManager, type ManagerOutcome } from "./evaluate";
import type { AppraisalInput, InputProblem } from "./model";
import { loadPreset, presetIds } from "./rulebooks";
import { compileRulebook, type CompiledRulebook } from "./rulebook/compile";
import { resultJson, type ManagerResultJson } from "./results";
import { Settings } from "./settings";
import { STANDARD_FIELDS, type FieldVocabulary } from "./input";
import { checkBranch2, checkManager2, type CheckFinding } from "./rulebook2/checks";

export type { CheckFinding };

export interface AppraisalOutput {
  rulebook: { id: string; version: string };
  period: string;
  results: ManagerResultJson[];
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** A built-in rulebook by id, or a user rulebook document. */
export function resolveRulebook(idOrDoc: string | unknown): Resolved<CompiledRulebook> {
  if (typeof idOrDoc === "string") {
    if (!presetIds().includes(idOrDoc)) {
      return { ok: false, problems: [{ path: "rulebook", message: `unknown rulebook "${idOrDoc}" (built-in: ${presetIds().join(", ")})` }] };
    }
    return { ok: true, value: loadPreset(idOrDoc) };
  }
  const compiled = compileRulebook(idOrDoc);
  if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => ({ path: "rulebook", message: p })) };
  return { ok: true, value: compiled.book };
}

export function resolveSettings(book: CompiledRulebook, overrides: Record<string, unknown> = {}): Resolved<Settings> {
  const { settings, problems } = Settings.resolve(book.doc, overrides);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => {
    const [path, ...rest] = p.split(": ");
    return { path, message: rest.join(": ") };
  }) };
  return { ok: true, value: settings };
}

/** Checks that ids of roles and grades in the input exist in the rulebook, with the input path of each problem. */
export function checkAgainstRulebook(book: CompiledRulebook, input: AppraisalInput): InputProblem[] {
  const problems: InputProblem[] = [];
  input.managers.forEach((m, i) => {
    if (!book.roleIds.includes(m.role)) problems.push({ path: `managers[${i}].role`, message: `"${m.role}" is not a role of ${book.doc.id} (${book.roleIds.join(", ")})` });
    if (m.grade !== undefined && !book.gradeIds.includes(m.grade)) {
      problems.push({ path: `managers[${i}].grade`, message: `"${m.grade}" is not a grade of ${book.doc.id} (${book.gradeIds.join(", ") || "none"})` });
    }
    m.history.forEach((h, j) => {
      if (h.grade !== undefined && !book.gradeIds.includes(h.grade)) problems.push({ path: `managers[${i}].history[${j}].grade`, message: `"${h.grade}" is not a grade of ${book.doc.id}` });
      if (h.role !== undefined && !book.roleIds.includes(h.role)) problems.push({ path: `managers[${i}].history[${j}].role`, message: `"${h.role}" is not a role of ${book.doc.id}` });
    });
  });
  return problems;
}

export function appraiseAll(book: CompiledRulebook, settings: Settings, input: AppraisalInput): { outcomes: ManagerOutcome[]; output: AppraisalOutput } {
  const outcomes = input.managers.map((m) => evaluateManager(book, settings, m, input.period));
  return {
    outcomes,
    output: {
      rulebook: { id: book.doc.id, version: book.doc.version },
      period: input.period,
      results: outcomes.map((o) => resultJson(book, o)),
    },
  };
}

/**
 * The findings of the rulebook's own `check` rules on one manager's records (a format-2 rulebook; none for others,
 * whose validation rules the workbook validator runs through their tools).
 */
export function checkManager(book: CompiledRulebook, settings: Settings, manager: AppraisalInput["managers"][number], period: string): CheckFinding[] {
  return book.v2 ? checkManager2(book.v2, settings, manager, period) : [];
}

/** A format-2 rulebook's checks on each branch (机构), for one branch and its staff from the roster. */
export function checkBranch(book: CompiledRulebook, settings: Settings, branch: string, staff: ReadonlyArray<{ id: string; role: string }>, period: string): CheckFinding[] {
  return book.v2 ? checkBranch2(book.v2, settings, branch, staff, period) : [];
}

/**
 * Where a format-2 rulebook's fields are listed, for the message on an unknown one: a pointer, not the list, which
 * runs to dozens of ids. A built-in rulebook is printed by `appraise rulebook ID`; a user's is their own file.
 */
function fieldsWhere(book: CompiledRulebook): string {
  const id = book.doc.id;
  const builtIn = presetIds().includes(id) && loadPreset(id) === book;
  return builtIn ? `see "fields" in appraise rulebook ${id}` : `see "fields" in rulebook ${id}`;
}

/** The fields an input for this rulebook may carry: the standard set, or those a format-2 rulebook declares. */
export function fieldVocabulary(book: CompiledRulebook): FieldVocabulary {
  const v2 = book.v2;
  if (!v2) return STANDARD_FIELDS;
  return {
    where: fieldsWhere(book),
    get(id) {
      const i = v2.fieldIndex.get(id);
      if (i === undefined || v2.fields[i].id !== id) return undefined;
      const f = v2.fields[i];
      return { unit: f.unit, signed: f.signed, integer: f.integer, share: f.share, perManager: f.per === "manager" };
    },
  };
}
