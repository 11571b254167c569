/**
 * A format-2 rulebook's own checks (its `check` rules): each person, period record or client row the rule judges,
 * reported at the cell of the column the check names — the record's field cell, the client row's cell, or the
 * roster's role or grade cell — in the rulebook's own words, with its rule id. A check's code that the validator
 * already knows (creditLimit, clientBand …) keeps that code; any other is reported as ruleCheck with the code kept.
 */
import { checkManager, type CheckFinding } from "../../engine/api";
import type { Where } from "../problems";
import type { RosterEntry } from "../roster";
import { ALL_CHECK_CODES } from "./catalog";
import { cellOf, clientCell, entryCell, report, roleLabel, type ValidationContext } from "./context";
import type { ProblemCode } from "../problems";

const PERSON_COLUMNS = new Set(["role", "grade", "name", "branch"]);

export function checkRulebookRules(ctx: ValidationContext): void {
  if (!ctx.book.v2 || ctx.book.v2.checks.length === 0) return;
  for (const entry of ctx.detail.entries.values()) {
    if (!entry.usable) continue;
    const manager = ctx.managers.get(entry.id);
    if (!manager) continue;
    for (const f of checkManager(ctx.book, ctx.settings, manager, ctx.period)) reportFinding(ctx, entry, f);
  }
}

function cellFor(ctx: ValidationContext, entry: RosterEntry, f: CheckFinding): Where {
  const personCell = (key: string) => (PERSON_COLUMNS.has(key) ? entryCell(ctx, entry, key as "role" | "grade" | "name" | "branch") : undefined);
  if (f.on === "manager") return (f.field !== undefined ? personCell(f.field) : undefined) ?? entry.at;
  const build = ctx.detail.records.get(entry.id)?.get(f.period);
  if (!build) return entry.at;
  if (f.on === "clients" && f.client !== undefined) {
    const src = build.clientRows[f.client];
    if (!src) return build.at;
    return (f.field !== undefined ? src.cells[f.field as keyof typeof src.cells] : undefined) ?? clientCell(src);
  }
  if (f.field === undefined) return build.at;
  if (PERSON_COLUMNS.has(f.field)) {
    const own = build.source ? cellOf(build.source.table, build.source.row, f.field as "role" | "grade" | "name" | "branch") : undefined;
    return own ?? personCell(f.field) ?? build.at;
  }
  return build.cells[f.field as keyof typeof build.cells] ?? build.at;
}

function reportFinding(ctx: ValidationContext, entry: RosterEntry, f: CheckFinding): void {
  const code: ProblemCode = f.code !== undefined && (ALL_CHECK_CODES as readonly string[]).includes(f.code) ? (f.code as ProblemCode) : "ruleCheck";
  let head: { zh: string; en: string };
  if (f.on === "manager") head = { zh: `工号 ${entry.id}`, en: `staff id ${entry.id}` };
  else if (f.on === "clients") {
    const client = ctx.managers.get(entry.id)?.history.find((r) => r.period === f.period)?.clients[f.client ?? -1];
    head = { zh: `客户 ${client?.id ?? ""}(工号 ${entry.id},${f.period})`, en: `client ${client?.id ?? ""} (staff id ${entry.id}, ${f.period})` };
  } else {
    const role = ctx.managers.get(entry.id)?.history.find((r) => r.period === f.period)?.role ?? entry.role;
    const label = role !== undefined ? roleLabel(ctx.book, role) : undefined;
    head = { zh: `工号 ${entry.id}${label ? `(${label.zh})` : ""}${f.period}`, en: `staff id ${entry.id}${label ? ` (${label.en})` : ""} ${f.period}` };
  }
  report(ctx, f.severity, code, cellFor(ctx, entry, f), {
    zh: `${head.zh}:${f.zh}(${f.rule})`,
    en: `${head.en}: ${f.en} (${f.rule})`,
  }, { ...(f.field !== undefined ? { field: f.field } : {}), managerId: entry.id, rule: f.rule, ...(code === "ruleCheck" && f.code !== undefined ? { check: f.code } : {}) });
}
