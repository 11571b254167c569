/**
 * An AppraisalInput written back as the command line's JSON (../shared/DATA-MODEL.md): what `appraise evaluate`
 * reads. Lets a user (and the tests) check that grading a workbook equals evaluating the same data as JSON.
 * Amounts are exact decimal strings.
 */
import type { AppraisalInput, PeriodRecord } from "../engine/model";

function record(r: PeriodRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { period: r.period };
  if (r.grade !== undefined) out.grade = r.grade;
  if (r.role !== undefined) out.role = r.role;
  for (const [k, v] of Object.entries(r.values)) if (v !== undefined) out[k] = v.toFixed();
  // A format-2 rulebook's dates (ISO text), text and yes/no fields, as the input JSON carries them.
  for (const [k, v] of Object.entries(r.extra ?? {})) out[k] = v;
  // Cells given but unreadable stay errors when this JSON is evaluated, as they were when the workbook was graded.
  if (r.invalid && Object.keys(r.invalid).length > 0) out.invalid = r.invalid;
  if (r.tasks.length > 0) out.tasks = r.tasks.map((t) => ({ item: t.item, plan: t.plan.toFixed(), actual: t.actual.toFixed() }));
  if (r.clients.length > 0) {
    out.clients = r.clients.map((c) => {
      const co: Record<string, unknown> = { id: c.id };
      for (const [k, v] of Object.entries(c.values)) if (v !== undefined) co[k] = v.toFixed();
      if (c.flags.length > 0) co.flags = c.flags;
      return co;
    });
  }
  if (r.flags.length > 0) out.flags = r.flags;
  return out;
}

export function appraisalInputJson(input: AppraisalInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input.rulebook !== undefined) out.rulebook = input.rulebook;
  out.period = input.period;
  if (input.settings && Object.keys(input.settings).length > 0) out.settings = input.settings;
  out.managers = input.managers.map((m) => {
    const mo: Record<string, unknown> = { id: m.id };
    if (m.name !== undefined) mo.name = m.name;
    if (m.branch !== undefined) mo.branch = m.branch;
    mo.role = m.role;
    if (m.grade !== undefined) mo.grade = m.grade;
    // One value per person (a format-2 rulebook's per-manager fields) sits beside the id, as evaluate reads it.
    for (const [k, v] of Object.entries(m.fields ?? {})) mo[k] = typeof v === "object" ? v.toFixed() : v;
    mo.history = m.history.map(record);
    if (m.riskDeposit) mo.riskDeposit = { balance: m.riskDeposit.balance.toFixed() };
    return mo;
  });
  return out;
}
