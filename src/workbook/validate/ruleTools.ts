/**
 * Checks a rulebook states as rules: each row is run through the rule's own tool (src/engine/tools.ts runTool), so
 * the validator and the cell functions judge a row the same way and no threshold is written twice.
 * - clientRowCheck (clientRowChecks: B002-CLIENT-ASSIGN-50W, B002-TRAINEE-NO-CREDIT): per client row;
 * - clientBand (gradeBands: H003-CLIENT-BAND): a client above the band of its manager's grade;
 * - creditLimit (authorityLimit): a loan (a 贷款金额 cell in 客户 or 月度指标) above the manager's authority.
 * A format-2 rulebook states these as its own checks (rulebookChecks.ts).
 * The role and grade are those of the row's period (the period's cells, else the roster's).
 */
import type { Dec } from "../../engine/decimal";
import { isFieldName, type FieldName } from "../../engine/fields";
import { money } from "../../engine/format";
import type { Finding } from "../../engine/kinds/tools/findings";
import { isUnavailable } from "../../engine/outcome";
import type { CompiledRule } from "../../engine/rulebook/compile";
import { runTool } from "../../engine/tools";
import type { Reason } from "../../engine/model";
import type { Where } from "../problems";
import type { RecordBuild } from "../records";
import type { RosterEntry } from "../roster";
import { cellOf, clientCell, readKeyAmount, report, roleGradeIn, rulesOfKind, type ValidationContext } from "./context";

/** Every usable manager's records, with the role and grade of each period. */
function* periodsOfManagers(ctx: ValidationContext): Generator<{ entry: RosterEntry; build: RecordBuild; role?: string; grade?: string }> {
  for (const entry of ctx.detail.entries.values()) {
    if (!entry.usable) continue;
    for (const build of ctx.detail.records.get(entry.id)?.values() ?? []) yield { entry, build, ...roleGradeIn(entry, build) };
  }
}


// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------

/** A client's values and flags as a tool's `clients[]` row. */
function clientInput(ref: string, c: RecordBuild["record"]["clients"][number]): Record<string, unknown> {
  const row: Record<string, unknown> = { id: ref, flags: c.flags };
  for (const [k, v] of Object.entries(c.values)) if (v !== undefined) row[k] = v.toFixed();
  return row;
}

export function checkClientRows(ctx: ValidationContext): void {
  for (const rule of rulesOfKind(ctx.book, "clientRowChecks")) {
    const grades = (rule.params as { grades?: string[] }).grades;
    for (const { entry, build, grade } of periodsOfManagers(ctx)) {
      if (build.record.clients.length === 0) continue;
      if (grades && (grade === undefined || !grades.includes(grade))) continue;
      const refs = new Map<string, number>();
      const clients = build.record.clients.map((c, i) => {
        refs.set(`c${i}`, i);
        return clientInput(`c${i}`, c);
      });
      const out = runTool(ctx.book, ctx.settings, rule.id, { ...(grade !== undefined ? { grade } : {}), clients });
      if (isUnavailable(out)) continue;
      for (const f of (out.value as { findings: Finding[] }).findings) {
        const i = refs.get(f.ref ?? "");
        if (i === undefined) continue;
        const client = build.record.clients[i];
        report(ctx, f.severity, "clientRowCheck", clientCell(build.clientRows[i]), {
          zh: `客户 ${client.id}(工号 ${entry.id},${build.record.period}):${f.message.zh}(${f.rule})`,
          en: `client ${client.id} (staff id ${entry.id}, ${build.record.period}): ${f.message.en} (${f.rule})`,
        }, { field: "clientId", managerId: entry.id, rule: f.rule });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Rulebook measures that are not field names, and the fields that give them (the workbook's column as given). */
const MEASURE_FIELDS: Record<string, FieldName[]> = {
  deposits: ["avgDeposits", "balanceDeposits"],
  loans: ["avgLoans", "balanceLoans", "totalLoans"],
};

function fieldFor(measure: string, values: Partial<Record<FieldName, Dec>>): FieldName | undefined {
  if (isFieldName(measure)) return values[measure] !== undefined ? measure : undefined;
  return (MEASURE_FIELDS[measure] ?? []).find((f) => values[f] !== undefined);
}

export function checkClientBands(ctx: ValidationContext): void {
  for (const rule of rulesOfKind(ctx.book, "gradeBands")) {
    const measures = (rule.params as { measures: Record<string, { optional?: boolean }> }).measures;
    for (const { entry, build, grade } of periodsOfManagers(ctx)) {
      if (grade === undefined || !ctx.book.gradeIds.includes(grade)) continue;
      build.record.clients.forEach((c, i) => {
        const input: Record<string, unknown> = { managerGrade: grade, ref: `c${i}` };
        const used: Record<string, FieldName> = {};
        for (const [m, def] of Object.entries(measures)) {
          const field = fieldFor(m, c.values);
          if (field) {
            input[m] = c.values[field]!.toFixed();
            used[m] = field;
          } else if (def.optional !== true) return; // the band cannot be judged without it
        }
        const out = runTool(ctx.book, ctx.settings, rule.id, input);
        if (isUnavailable(out)) return;
        const v = out.value as { findings: Finding[]; decidedBy: string | null };
        const src = build.clientRows[i];
        const decided = v.decidedBy !== null ? used[v.decidedBy] : undefined;
        for (const f of v.findings) {
          report(ctx, f.severity, "clientBand", (decided && src.cells[decided]) || clientCell(src), {
            zh: `客户 ${c.id}(工号 ${entry.id},${build.record.period}):${f.message.zh}(${f.rule})`,
            en: `client ${c.id} (staff id ${entry.id}, ${build.record.period}): ${f.message.en} (${f.rule})`,
          }, { field: decided ?? "clientId", managerId: entry.id, rule: f.rule });
        }
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface NoAuthority {
  noAuthority?: { roles: string[] };
}

export function checkCreditLimits(ctx: ValidationContext): void {
  const rules = rulesOfKind(ctx.book, "authorityLimit");
  if (rules.length === 0) return;
  const spec = ctx.book.doc.rounding.money;
  for (const { entry, build, role, grade } of periodsOfManagers(ctx)) {
    if (role === undefined) continue;
    const sources = [...(build.source ? [build.source] : []), ...build.clientRows].filter((s) => s.table.mapping.byKey.has("loanAmount"));
    for (const src of sources) {
      const amount = readKeyAmount(ctx, src.table, src.row, "loanAmount", entry.id);
      if (amount === undefined || amount.isZero()) continue;
      const at = cellOf(src.table, src.row, "loanAmount")!;
      const head = { zh: `工号 ${entry.id} ${build.record.period} 贷款 ${money(amount, spec)}`, en: `staff id ${entry.id} ${build.record.period}, loan ${money(amount, spec)}` };
      for (const rule of rules) {
        const none = (rule.params as NoAuthority).noAuthority?.roles ?? [];
        authority(ctx, rule, { entry, role, grade, amount, at, head, none });
      }
    }
  }
}

interface LoanRow {
  entry: RosterEntry;
  role: string;
  amount: Dec;
  at: Where;
  head: { zh: string; en: string };
}

const joined = (reasons: Reason[], lang: "zh" | "en") => reasons.map((r) => r[lang]).join(lang === "zh" ? ";" : "; ");

function authority(ctx: ValidationContext, rule: CompiledRule, row: LoanRow & { grade?: string; none: string[] }): void {
  const input = { amount: row.amount.toFixed(), role: row.role, ...(row.grade !== undefined ? { grade: row.grade } : {}) };
  const out = runTool(ctx.book, ctx.settings, rule.id, input);
  if (isUnavailable(out)) return;
  if ((out.value as { withinAuthority?: boolean }).withinAuthority !== false) return;
  // The verdict first (exceeds the grade's limit), then who must approve.
  const reasons = [...out.reasons.slice(1), out.reasons[0]];
  const ruleIds = [...new Set(out.reasons.map((r) => r.rule))].join(", ");
  report(ctx, row.none.includes(row.role) ? "error" : "warning", "creditLimit", row.at, {
    zh: `${row.head.zh}:${joined(reasons, "zh")}(${ruleIds})`,
    en: `${row.head.en}: ${joined(reasons, "en")} (${ruleIds})`,
  }, { field: "loanAmount", managerId: row.entry.id, rule: rule.id });
}

