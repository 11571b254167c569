/**
 * B002-FLOOR (kind `clientFloor`, tool): the on-post minimum pass line. Σ deposits over the clients whose own
 * deposits are 50万 or more (the seed's explicit (含): ≥) must be not below the grade's floor (1000万 for a
 * trainee, 1500万 for everyone else). For trainees a setting says whether the measure is the daily-average balance
 * (art. 9) or new daily-average deposits (art. 11). No single-client or asset-quality test. `floorOf` is the pure
 * core, also used by the FLOOR-FAIL-EXIT trigger on an appraisal record.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { Dec } from "../../decimal";
import type { Client, PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { show } from "../scoring/common";
import { checkChoice, choose, ChoiceSchema, settingNote } from "../tools/settingChoice";
import { decimalInput, textInput } from "../tools/toolInput";
import { fixed } from "../../rounding";
import { ClientsInput } from "./clientInput";
import { checkRef, gradeName } from "./common";
import { depositOf, makeBasis, measureOver } from "./measures";

const Floor = z
  .object({
    grades: z.array(z.string()).min(1),
    min: Condition,
    measure: ChoiceSchema(["balance", "newDailyAvg"] as const),
  })
  .strict();

const Params = z
  .object({
    /** Which clients count (单户日均余额50 万元(含)以上). */
    countedIf: Condition,
    floors: z.array(Floor).min(1),
    agreement: z.string(),
    newDeposits: z.string(),
    /** Agreement-deposit uses of the client size and of the summed deposits. */
    sizeUse: z.string(),
    sumUse: z.string(),
  })
  .strict();
export type ClientFloorParams = z.infer<typeof Params>;

const Input = z
  .object({
    grade: textInput("grade"),
    clients: ClientsInput,
    /** Manager-level new deposits, used only when no client carries last year's figure (B002-NEW-DEPOSITS). */
    newAvgDeposits: decimalInput("newAvgDeposits").optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface FloorOutcome {
  met: boolean;
  total: Dec;
  floor: Dec;
  counted: string[];
  notCounted: string[];
  reasons: Reason[];
}

export function floorOf(rule: string, p: ClientFloorParams, book: CompiledRulebook, settings: Settings, grade: string, record: Pick<PeriodRecord, "values" | "clients">): FloorOutcome | Unavailable {
  const f = p.floors.find((x) => x.grades.includes(grade));
  const g = gradeName(book, grade);
  if (!f) return unavailable("value", rule, `等级 ${grade} 没有在岗最低及格线`, `grade ${grade} has no on-post floor`);
  const b = makeBasis(book, settings, { agreement: p.agreement, newDeposits: p.newDeposits }, record, rule);
  if (isUnavailable(b)) return b;
  const cop = opOf(book, settings, p.countedIf);
  const counted: Client[] = [];
  const notCounted: string[] = [];
  for (const c of record.clients) {
    const size = depositOf(b, c, p.sizeUse);
    if (isUnavailable(size)) return size;
    if (holds(size, cop, p.countedIf.value)) counted.push(c);
    else notCounted.push(c.id);
  }
  const measure = choose(f.measure, settings);
  const m = measure.value === "balance" ? measureOver(b, "deposits", counted, p.sumUse) : measureOver(b, "newDeposits", counted, p.sumUse);
  if (isUnavailable(m)) return m;
  const op = opOf(book, settings, f.min);
  const met = holds(m.total, op, f.min.value);
  const s = settingNote(measure);
  const list = m.perClient.map((x) => show(x.value, "money", book)).join(" + ");
  const sum = m.perClient.length > 1 ? `${list} = ` : "";
  const note = m.note ? { zh: `(${m.note.zh})`, en: ` (${m.note.en})` } : { zh: "", en: "" };
  const drop = notCounted.length > 0 ? { zh: `;不计 ${notCounted.join("、")}`, en: `; not counted: ${notCounted.join(", ")}` } : { zh: "", en: "" };
  const cut = show(p.countedIf.value, "money", book);
  const reasons = [
    reason(
      rule,
      `${g.zh}在岗最低及格线:单户日均存款 ${SYMBOL[cop]} ${cut} 的客户${m.label.zh}${s.zh} ${sum}${show(m.total, "money", book)}${note.zh} ${met ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${show(f.min.value, "money", book)}${drop.zh} → ${met ? "达到" : "未达到"}`,
      `${g.en} on-post floor: ${m.label.en}${s.en} of clients with ${SYMBOL[cop]} ${cut} each: ${sum}${show(m.total, "money", book)}${note.en} ${met ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${show(f.min.value, "money", book)}${drop.en} → ${met ? "met" : "not met"}`,
    ),
  ];
  return { met, total: m.total, floor: f.min.value, counted: counted.map((c) => c.id), notCounted, reasons };
}

export const clientFloor: ToolKind<ClientFloorParams, Input> = {
  kind: "clientFloor",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkRef(book, p.agreement, "agreementNetting"), ...checkRef(book, p.newDeposits, "newDepositsMeasure")];
    for (const f of p.floors) {
      problems.push(...checkChoice(f.measure, book));
      for (const g of f.grades) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    }
    for (const g of book.gradeIds) if (!p.floors.some((f) => f.grades.includes(g))) problems.push(`grade ${g} has no floor`);
    return problems;
  },
  run(rule, input, book, settings) {
    if (!book.gradeIds.includes(input.grade)) {
      return unavailable("value", rule.id, `grade:"${input.grade}" 不是等级(${book.gradeIds.join("、")})`, `grade: "${input.grade}" is not a grade (${book.gradeIds.join(", ")})`);
    }
    const values: PeriodRecord["values"] = {};
    if (input.newAvgDeposits !== undefined) values.newAvgDeposits = input.newAvgDeposits;
    const o = floorOf(rule.id, rule.params, book, settings, input.grade, { values, clients: input.clients });
    if (isUnavailable(o)) return o;
    return { value: { floorMet: o.met, total: fixed(o.total, book.doc.rounding.money), floor: fixed(o.floor, book.doc.rounding.money), counted: o.counted, notCounted: o.notCounted }, reasons: o.reasons };
  },
};
