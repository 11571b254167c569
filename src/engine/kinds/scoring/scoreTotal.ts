/**
 * Which table scores a manager (H003-SCORE-SUBJECTS) and the total (H003-SCORE-TOTAL): each item is clamped and
 * rounded first, the total is the sum of the rounded items (so printed items add up to the printed total), not
 * capped at 100. An optional deduction field (conduct points) is subtracted when its setting is on, floored at 0.
 */
import { z } from "zod";
import { Dec, sum, ZERO } from "../../decimal";
import { isFieldName, type FieldName } from "../../fields";
import { plain } from "../../format";
import { reason, unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ScoreTotalKind } from "../types";

const Table = z
  .object({
    id: z.string(),
    label: Bilingual,
    roles: z.array(z.string()).min(1),
    grades: z.array(z.string()).optional(),
    items: z.array(z.string()).min(1),
  })
  .strict();

const Params = z
  .object({
    tables: z.array(Table).min(1),
    notScored: z.array(z.object({ roles: z.array(z.string()).min(1), reason: Bilingual }).strict()).default([]),
    deduction: z
      .object({ setting: z.string(), field: z.string().refine(isFieldName, { message: "not a field" }), label: Bilingual })
      .strict()
      .optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const scoreTotal: ScoreTotalKind<Params> = {
  kind: "scoreTotal",
  stage: "scoreTotal",
  params: Params,
  check(rule, book) {
    const problems: string[] = [];
    for (const t of rule.params.tables) {
      for (const id of t.items) {
        const item = book.byId.get(id);
        if (!item) problems.push(`table ${t.id}: unknown item rule ${id}`);
        else if (item.kind.stage !== "scoreItem") problems.push(`table ${t.id}: ${id} is not a score item`);
      }
      for (const g of t.grades ?? []) if (!book.gradeIds.includes(g)) problems.push(`table ${t.id}: unknown grade ${g}`);
    }
    return problems;
  },
  items(rule, ctx) {
    const p = rule.params;
    const excluded = p.notScored.find((n) => n.roles.includes(ctx.role));
    if (excluded) return unavailable("na", rule.id, excluded.reason.zh, excluded.reason.en);
    const table = p.tables.find((t) => t.roles.includes(ctx.role) && (!t.grades || (ctx.grade !== undefined && t.grades.includes(ctx.grade))));
    if (!table) {
      return unavailable("na", rule.id, `没有适用于角色 ${ctx.role}、等级 ${ctx.grade ?? "(空)"} 的计分表`, `no score table for role ${ctx.role}, grade ${ctx.grade ?? "(blank)"}`);
    }
    return table.items;
  },
  total(rule, ctx, items) {
    const points = items.map((i) => i.points);
    const itemsTotal = sum(points);
    // Worded when the explanation is read.
    const sumLine = () => {
      const parts = points.map((v) => plain(v)).join(" + ");
      return reason(rule.id, `合计 ${parts} = ${plain(itemsTotal)} 分`, `total ${parts} = ${plain(itemsTotal)} points`);
    };
    const d = rule.params.deduction;
    if (d && ctx.settings.get(d.setting) === true) {
      const deducted = ctx.record?.values[d.field as FieldName] ?? ZERO;
      const total = Dec.max(ZERO, itemsTotal.minus(deducted));
      return { total, reasons: () => [sumLine(), reason(rule.id, `扣除${d.label.zh} ${plain(deducted)} 分 → ${plain(total)} 分`, `less ${d.label.en} ${plain(deducted)} → ${plain(total)} points`)] };
    }
    return { total: itemsTotal, reasons: () => [sumLine()] };
  },
};
