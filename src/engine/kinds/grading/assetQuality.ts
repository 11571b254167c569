/**
 * B002-ASSET-QUALITY (kind `assetQualityGate`): no NPL, interest arrears or advances at any managed client in the
 * year, and the normal-loan share (Σ normal ÷ Σ five-class loans, year-end) must rise over last year's. The share
 * test and the client scope are settings. Events come from each client's `flags` and the record's own `flags`
 * (a manager-level event cannot be tied to a client, so it always counts). A share that cannot be formed while
 * the manager has loans is "cannot tell", never a pass — unless there is no prior-year share and the default reading
 * (increaseOrFull) asks only that the share not fall below one: then there is nothing to fall below.
 */
import { z } from "zod";
import { Dec, ZERO } from "../../decimal";
import { FIELDS, FLAGS, isFieldName, type FieldName, type FlagName } from "../../fields";
import type { Client, PeriodRecord, Reason } from "../../model";
import { reason, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { ConventionKind } from "../types";
import { show } from "../scoring/common";
import { checkChoice, choose, ChoiceSchema, settingNote } from "../tools/settingChoice";
import { amount, type Tri } from "./common";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" }) as unknown as z.ZodType<FieldName>;
const FlagRef = z.string().refine((f) => Object.prototype.hasOwnProperty.call(FLAGS, f), { message: "not a flag of the data model" });

const Params = z
  .object({
    /** Events that may not occur (不得发生). */
    flags: z.array(FlagRef).min(1),
    share: z.object({ normal: FieldRef, total: FieldRef, previous: FieldRef, loans: FieldRef }).strict(),
    test: ChoiceSchema(["increaseOrFull", "strictIncrease", "notChecked"] as const),
    scope: ChoiceSchema(["allClients", "countedClients"] as const),
  })
  .strict();
export type AssetQualityParams = z.infer<typeof Params>;

export const assetQualityGate: ConventionKind<AssetQualityParams> = {
  kind: "assetQualityGate",
  stage: "convention",
  params: Params,
  check: (rule, book) => [...checkChoice(rule.params.test, book), ...checkChoice(rule.params.scope, book)],
};

export interface GateOutcome {
  held: Tri;
  reasons: Reason[];
  unknown?: Unavailable;
}

/** Whether the gate reads all clients or only those counted for the grade being tested. */
export function assetQualityScope(p: AssetQualityParams, settings: Settings): "allClients" | "countedClients" {
  return choose(p.scope, settings).value;
}

export function testAssetQuality(rule: string, p: AssetQualityParams, book: CompiledRulebook, settings: Settings, record: PeriodRecord, clients: Client[]): GateOutcome {
  const scope = choose(p.scope, settings);
  const scopeText = scope.value === "countedClients" ? { zh: "本等级统计客户", en: "clients counted for the grade" } : { zh: "全部经管客户", en: "all managed clients" };
  const events: Array<{ zh: string; en: string }> = [];
  for (const c of clients) {
    for (const f of p.flags) if (c.flags.includes(f)) events.push({ zh: `客户 ${c.id} ${FLAGS[f as FlagName].zh}`, en: `client ${c.id}: ${FLAGS[f as FlagName].en}` });
  }
  for (const f of p.flags) if (record.flags.includes(f)) events.push({ zh: `经理记录 ${FLAGS[f as FlagName].zh}`, en: `manager record: ${FLAGS[f as FlagName].en}` });
  const sn = settingNote(scope);
  if (events.length > 0) {
    return {
      held: false,
      reasons: [reason(rule, `${scopeText.zh}${sn.zh}当年发生${events.map((e) => e.zh).join("、")} → 资产质量条件不满足`, `${scopeText.en}${sn.en}: ${events.map((e) => e.en).join(", ")} in the year → asset-quality condition not met`)],
    };
  }
  const noEvents = {
    zh: `${scopeText.zh}${sn.zh}无${p.flags.map((f) => FLAGS[f as FlagName].zh).join("、")}`,
    en: `${scopeText.en}${sn.en}: no ${p.flags.map((f) => FLAGS[f as FlagName].en).join(", ")}`,
  };
  const test = choose(p.test, settings);
  if (test.value === "notChecked") {
    const s = settingNote(test);
    return { held: true, reasons: [reason(rule, `${noEvents.zh};正常类贷款占比不检查${s.zh}→ 满足`, `${noEvents.en}; normal-loan share not checked${s.en} → met`)] };
  }
  const share = normalShare(rule, p, book, record, clients);
  const prev = record.values[p.share.previous];
  const done = (held: Tri, zh: string, en: string, unknown?: Unavailable): GateOutcome => ({
    held,
    unknown,
    // No space after a full-width parenthesis (Chinese typography).
    reasons: [reason(rule, `${noEvents.zh};${zh}${zh.endsWith(")") ? "" : " "}→ ${held === true ? "满足" : held === false ? "不满足" : "无法判断"}`, `${noEvents.en}; ${en} → ${held === true ? "met" : held === false ? "not met" : "cannot tell"}`)],
  });
  if ("unavailable" in share) {
    // With no prior-year share there is nothing the share must rise above: under increaseOrFull the test holds
    // whatever this year's figures are, so a manager whose five-class figures are missing is still graded.
    if (prev === undefined && test.value === "increaseOrFull" && share.code === "na") {
      const s = settingNote(test);
      return done(true, `无上年占比,正常类贷款占比无须提高${s.zh}`, `no prior-year share: the normal-loan share need not rise${s.en}`);
    }
    return done(undefined, share.zh, share.en, share);
  }
  if (share.value === undefined) return done(true, "无贷款,正常类贷款占比不适用", "no loans, the normal-loan share does not apply");
  const pct = (v: Dec) => show(v, "rate", book);
  const now = `正常类贷款占比 ${pct(share.value)}(${share.zh})`;
  const nowEn = `normal-loan share ${pct(share.value)} (${share.en})`;
  const s = settingNote(test);
  if (prev === undefined) {
    if (test.value === "strictIncrease") {
      const u = unavailable("na", rule, `缺少${FIELDS[p.share.previous].zh}(${p.share.previous}),无法判断是否提高`, `missing ${FIELDS[p.share.previous].en} (${p.share.previous}): cannot tell whether the share rose`);
      return done(undefined, `${now},${u.zh}${s.zh}`, `${nowEn}; ${u.en}${s.en}`, u);
    }
    return done(true, `${now},无上年占比`, `${nowEn}, no prior-year share`);
  }
  const rose = share.value.gt(prev);
  const full = share.value.eq(1);
  if (rose) return done(true, `${now}> 上年 ${pct(prev)}`, `${nowEn} > last year ${pct(prev)}`);
  if (full && test.value === "increaseOrFull") return done(true, `${now}已达 100%(上年 ${pct(prev)})`, `${nowEn} is already 100 % (last year ${pct(prev)})`);
  return done(false, `${now}≤ 上年 ${pct(prev)},未提高${s.zh}`, `${nowEn} ≤ last year ${pct(prev)}, did not rise${s.en}`);
}

/** Σ normal ÷ Σ five-class loans over the clients, or the record's own figures; undefined value = no loans. */
function normalShare(rule: string, p: AssetQualityParams, book: CompiledRulebook, record: PeriodRecord, clients: Client[]): { value: Dec | undefined; zh: string; en: string } | Unavailable {
  const { normal, total, loans } = p.share;
  const reporting = clients.filter((c) => c.values[total] !== undefined);
  let n = ZERO;
  let t = ZERO;
  if (reporting.length > 0) {
    for (const c of reporting) {
      const cn = c.values[normal];
      if (cn === undefined) return unavailable("na", rule, `客户 ${c.id} 有${FIELDS[total].zh}而无${FIELDS[normal].zh}(${normal})`, `client ${c.id} has ${FIELDS[total].en} but no ${FIELDS[normal].en} (${normal})`);
      if (cn.gt(amount(c, total))) return unavailable("value", rule, `客户 ${c.id} 的${FIELDS[normal].zh}大于${FIELDS[total].zh}`, `client ${c.id}: ${FIELDS[normal].en} exceed ${FIELDS[total].en}`);
      n = n.plus(cn);
      t = t.plus(amount(c, total));
    }
  } else if (record.values[total] !== undefined && record.values[normal] !== undefined) {
    n = record.values[normal]!;
    t = record.values[total]!;
  } else {
    const hasLoans = clients.some((c) => amount(c, loans).gt(0)) || (record.values[loans]?.gt(0) ?? false);
    if (!hasLoans) return { value: undefined, zh: "", en: "" };
    return unavailable("na", rule, `有贷款但缺少五级分类数据(${normal}、${total}),无法计算正常类贷款占比`, `loans but no five-class figures (${normal}, ${total}): the normal-loan share cannot be formed`);
  }
  if (t.isZero()) return { value: undefined, zh: "", en: "" };
  const m = (v: Dec) => show(v, "money", book);
  return { value: n.div(t), zh: `${m(n)} ÷ ${m(t)}`, en: `${m(n)} / ${m(t)}` };
}
