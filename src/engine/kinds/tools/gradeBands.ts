/**
 * Bands by grade: the first band (top-down, or bottom-up by a setting) any of whose OR-tests holds gives the grade
 * that may manage an item; each test is a set of AND-conditions on one measure (H003-CLIENT-BAND: senior if
 * deposits ≥ 800万 or loans ≥ 1000万; intermediate if 500万 ≤ deposits ≤ 800万 or 300万 ≤ loans ≤ 1000万; …).
 * When no band matches (a gap the seed leaves open), a setting names the grade. Given the managing person's grade,
 * the tool also checks it against the band (at or below, or exactly) and returns a warning finding.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import type { Dec } from "../../decimal";
import { byUnit } from "../../format";
import { reason, unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Reason } from "../../model";
import type { ToolKind } from "../types";
import { finding, SeveritySchema, type Finding } from "./findings";
import { checkChoice, ChoiceSchema, choose, settingNote, type Choice } from "./settingChoice";
import { decimalInput } from "./toolInput";

const UNITS = ["money", "usd", "rate", "count"] as const;

const Measure = z
  .object({
    zh: z.string().min(1),
    en: z.string().min(1),
    unit: z.enum(UNITS).default("money"),
    /** May the input leave it out (a client with no loan relationship)? */
    optional: z.boolean().default(false),
    /** A zero means "no relationship", the same as absent (loans 0 is not "loans ≤ 300万"). */
    zeroIsAbsent: z.boolean().default(false),
  })
  .strict();

const Params = z
  .object({
    measures: z.record(z.string(), Measure),
    /** Highest grade first, as the seed lists them. */
    bands: z
      .array(z.object({ grade: z.string(), any: z.array(z.object({ measure: z.string(), when: z.array(Condition).min(1) }).strict()).min(1) }).strict())
      .min(1),
    order: ChoiceSchema(["topDown", "bottomUp"] as const),
    /** Grade when no band matches, fixed or by a setting whose values are grade ids. */
    otherwise: z.union([z.string(), z.object({ setting: z.string(), values: z.record(z.string(), z.string()) }).strict()]),
    match: ChoiceSchema(["atOrBelow", "exact"] as const),
    severity: SeveritySchema.default("warning"),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    /** Grade of the person managing the item; when given, the band is checked against it. */
    managerGrade: z.string({ error: "managerGrade must be a grade id" }).optional(),
    /** The row concerned (client id, cell), echoed in findings. */
    ref: z.string({ error: "ref must be text" }).optional(),
  })
  .catchall(decimalInput("measure value", { nonNegative: true }).nullable());
type Input = z.infer<typeof Input>;

function gradeName(book: CompiledRulebook, id: string): { zh: string; en: string } {
  const g = book.doc.grades.find((x) => x.id === id);
  return g ? { zh: g.zh, en: g.en } : { zh: id, en: id };
}

export const gradeBands: ToolKind<Params, Input> = {
  kind: "gradeBands",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems: string[] = [];
    for (const band of p.bands) {
      if (!book.gradeIds.includes(band.grade)) problems.push(`unknown grade ${band.grade}`);
      for (const t of band.any) if (!p.measures[t.measure]) problems.push(`band ${band.grade}: unknown measure ${t.measure}`);
    }
    const other = p.otherwise;
    if (typeof other === "string") {
      if (!book.gradeIds.includes(other)) problems.push(`otherwise: unknown grade ${other}`);
    } else {
      problems.push(...checkChoice(other, book));
      for (const g of Object.values(other.values)) if (!book.gradeIds.includes(g)) problems.push(`otherwise: unknown grade ${g}`);
    }
    problems.push(...checkChoice(p.order, book), ...checkChoice(p.match, book));
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const names = Object.keys(p.measures);
    const values = new Map<string, Dec>();
    const reasons: Reason[] = [];
    for (const key of Object.keys(input)) {
      if (key === "managerGrade" || key === "ref") continue;
      if (!p.measures[key]) return unavailable("value", rule.id, `${key}:不是 ${rule.id} 的输入(应为 ${names.join("、")})`, `${key}: not an input of ${rule.id} (expected ${names.join(", ")})`);
    }
    for (const [name, m] of Object.entries(p.measures)) {
      const v = input[name] as Dec | null | undefined;
      if (v === undefined || v === null) {
        if (!m.optional) return unavailable("value", rule.id, `${name}:缺少${m.zh}`, `${name}: ${m.en} is missing`);
        continue;
      }
      if (m.zeroIsAbsent && v.isZero()) {
        reasons.push(reason(rule.id, `${m.zh}为 0,视为无此业务关系`, `${m.en} is 0: treated as no relationship`));
        continue;
      }
      values.set(name, v);
    }
    const show = (name: string, v: Dec) => byUnit(v, p.measures[name].unit, book.doc.rounding);
    const order = choose(p.order, settings);
    const bands = order.value === "topDown" ? p.bands : [...p.bands].reverse();
    const given = [...values.entries()].map(([n, v]) => ({ zh: `${p.measures[n].zh} ${show(n, v)}`, en: `${p.measures[n].en} ${show(n, v)}` }));
    const givenZh = given.map((g) => g.zh).join("、");
    const givenEn = given.map((g) => g.en).join(", ");
    const orderWords = order.value === "topDown" ? { zh: "自高到低", en: "top-down" } : { zh: "自低到高", en: "bottom-up" };
    const on = settingNote(order, true);

    let band: string | undefined;
    let decidedBy: string | null = null;
    for (const b of bands) {
      for (const t of b.any) {
        const v = values.get(t.measure);
        if (v === undefined) continue;
        const ops = t.when.map((c) => ({ op: opOf(book, settings, c), value: c.value }));
        if (!ops.every((c) => holds(v, c.op, c.value))) continue;
        const m = p.measures[t.measure];
        const cond = ops.map((c) => `${SYMBOL[c.op]} ${show(t.measure, c.value)}`);
        const g = gradeName(book, b.grade);
        reasons.push(
          reason(
            rule.id,
            `${givenZh}:${m.zh} ${cond.join(" 且 ")} → ${g.zh}档次(${orderWords.zh}取第一个符合的档次${on.zh})`,
            `${givenEn}: ${m.en} ${cond.join(" and ")} → ${g.en} band (first match ${orderWords.en}${on.en})`,
          ),
        );
        band = b.grade;
        decidedBy = t.measure;
        break;
      }
      if (band) break;
    }
    if (!band) {
      const other = p.otherwise;
      const chosen = typeof other === "string" ? { value: other } : choose(other as Choice<string>, settings);
      band = chosen.value;
      const g = gradeName(book, band);
      const note = settingNote(chosen);
      reasons.push(reason(rule.id, `${givenZh}:不属于任何档次 → ${g.zh}档次${note.zh}`, `${givenEn}: in no band → ${g.en} band${note.en}`));
    }

    const findings: Finding[] = [];
    let managerAllowed: boolean | undefined;
    if (input.managerGrade !== undefined) {
      const mine = book.gradeIds.indexOf(input.managerGrade);
      if (mine < 0) return unavailable("value", rule.id, `managerGrade:"${input.managerGrade}" 不是等级(${book.gradeIds.join("、")})`, `managerGrade: "${input.managerGrade}" is not a grade (${book.gradeIds.join(", ")})`);
      const need = book.gradeIds.indexOf(band);
      const match = choose(p.match, settings);
      // Grades are listed highest first, so a smaller index is a higher grade.
      managerAllowed = match.value === "exact" ? mine === need : mine <= need;
      const g = gradeName(book, band);
      const mg = gradeName(book, input.managerGrade);
      const mn = settingNote(match);
      if (managerAllowed) {
        reasons.push(reason(rule.id, `${mg.zh}可管理${g.zh}档次的客户${mn.zh}`, `${mg.en} may manage a ${g.en} client${mn.en}`));
      } else {
        const zh = `客户需由${g.zh}管理,${mg.zh}不可${mn.zh}`;
        const en = `client requires ${g.en}; not ${mg.en}${mn.en}`;
        reasons.push(reason(rule.id, zh, en));
        findings.push(finding(p.severity, rule.id, zh, en, input.ref));
      }
    }
    return { value: { band, decidedBy, ...(managerAllowed === undefined ? {} : { managerAllowed }), findings }, reasons };
  },
};
