/**
 * What the grade items and the floor measure over a set of clients (B002-CLIENT-DATA): deposits (net of 协议存款
 * where B002-AGREEMENT-DEPOSITS says so), loans, international settlement in USD or in 元, and new deposits
 * (B002-NEW-DEPOSITS). Each measure gives the total and the per-client values (for the single-client test of
 * B002-SINGLE-ACCOUNT). A figure that cannot be formed (settlement in USD without a rate, new deposits without last
 * year's figures) is unavailable with the reason; it is never 0.
 */
import { Dec, ZERO } from "../../decimal";
import { FIELDS, type FieldName } from "../../fields";
import type { Client, PeriodRecord } from "../../model";
import { isUnavailable, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import { choose, settingNote } from "../tools/settingChoice";
import { show } from "../scoring/common";
import { nettedUses, type AgreementParams, type NewDepositsParams } from "./clientConventions";
import { amount, referenced } from "./common";

export const MEASURES = ["deposits", "loans", "settlementUsd", "settlementCny", "newDeposits"] as const;
export type MeasureName = (typeof MEASURES)[number];

interface MeasureInfo {
  /** The field a shortfall is reported in (nextGrade.missing). */
  field: FieldName;
  unit: "money" | "usd";
}

export const MEASURE_INFO: Record<MeasureName, MeasureInfo> = {
  deposits: { field: "avgDeposits", unit: "money" },
  loans: { field: "avgLoans", unit: "money" },
  settlementUsd: { field: "intlSettlementUsd", unit: "usd" },
  settlementCny: { field: "intlSettlementCny", unit: "money" },
  newDeposits: { field: "newAvgDeposits", unit: "money" },
};

/** Everything a measure needs besides the client set, resolved once per evaluation. */
export interface Basis {
  book: CompiledRulebook;
  settings: Settings;
  rule: string;
  values: PeriodRecord["values"];
  /** All clients of the record (new deposits look at whether any client carries last year's figure). */
  clients: Client[];
  netted: Set<string>;
  agreementField: FieldName;
  newDeposits: NewDepositsParams;
}

export function makeBasis(
  book: CompiledRulebook,
  settings: Settings,
  refs: { agreement: string; newDeposits: string },
  record: Pick<PeriodRecord, "values" | "clients">,
  rule: string,
): Basis | Unavailable {
  const ag = referenced<AgreementParams>(book, settings, refs.agreement).params;
  const netted = nettedUses(ag, settings, refs.agreement);
  if (isUnavailable(netted)) return netted;
  const nd = referenced<NewDepositsParams>(book, settings, refs.newDeposits).params;
  return { book, settings, rule, values: record.values, clients: record.clients, netted, agreementField: ag.field, newDeposits: nd };
}

export interface MeasureValue {
  total: Dec;
  unit: "money" | "usd";
  /** Per-client values (empty when a manager-level figure was used). */
  perClient: Array<{ id: string; value: Dec }>;
  label: { zh: string; en: string };
  /** How the figure was formed, when that needs saying (manager-level figure, clients taken as new). */
  note?: { zh: string; en: string };
}

/** A client's deposits (or another deposit field) for a use: net of agreement deposits if that use is netted. */
export function depositOf(b: Basis, c: Client, use: string | undefined, field: FieldName = "avgDeposits"): Dec | Unavailable {
  const gross = amount(c, field);
  if (use === undefined || !b.netted.has(use)) return gross;
  const agreement = amount(c, b.agreementField);
  if (agreement.gt(gross)) {
    return unavailable("value", b.rule, `客户 ${c.id} 的协议存款 ${show(agreement, "money", b.book)} 大于日均存款 ${show(gross, "money", b.book)}`, `client ${c.id}: agreement deposits ${show(agreement, "money", b.book)} exceed its deposits ${show(gross, "money", b.book)}`);
  }
  return gross.minus(agreement);
}

export function isNetted(b: Basis, use: string | undefined): boolean {
  return use !== undefined && b.netted.has(use);
}

function label(b: Basis, name: MeasureName, use: string | undefined): { zh: string; en: string } {
  const net = isNetted(b, use);
  switch (name) {
    case "deposits":
      return net ? { zh: "日均存款(不含协议存款)", en: "daily-average deposits (excluding agreement deposits)" } : { zh: "日均存款", en: "daily-average deposits" };
    case "loans":
      return { zh: "日均贷款", en: "daily-average loans" };
    case "settlementUsd":
      return { zh: "年国际结算额(美元)", en: "annual international settlement (USD)" };
    case "settlementCny":
      return { zh: "年国际结算额(人民币)", en: "annual international settlement (CNY)" };
    case "newDeposits":
      return net ? { zh: "年新增日均存款(不含协议存款)", en: "new daily-average deposits (excluding agreement deposits)" } : { zh: "年新增日均存款", en: "new daily-average deposits" };
  }
}

function perClient(b: Basis, clients: Client[], f: (c: Client) => Dec | Unavailable): Array<{ id: string; value: Dec }> | Unavailable {
  const out: Array<{ id: string; value: Dec }> = [];
  for (const c of clients) {
    const v = f(c);
    if (isUnavailable(v)) return v;
    out.push({ id: c.id, value: v });
  }
  return out;
}

function total(list: Array<{ value: Dec }>): Dec {
  return list.reduce((s, x) => s.plus(x.value), ZERO);
}

/** A measure over a set of clients; `use` names the agreement-deposit use (indicatorA, indicatorD, floor). */
export function measureOver(b: Basis, name: MeasureName, clients: Client[], use?: string): MeasureValue | Unavailable {
  const info = MEASURE_INFO[name];
  const lab = label(b, name, use);
  const done = (list: Array<{ id: string; value: Dec }> | Unavailable, note?: MeasureValue["note"]): MeasureValue | Unavailable =>
    isUnavailable(list) ? list : { total: total(list), unit: info.unit, perClient: list, label: lab, note };
  switch (name) {
    case "deposits":
      return done(perClient(b, clients, (c) => depositOf(b, c, use)));
    case "loans":
      return done(perClient(b, clients, (c) => amount(c, "avgLoans")));
    case "settlementUsd":
      return done(perClient(b, clients, (c) => amount(c, "intlSettlementUsd")));
    case "settlementCny":
      return settlementCny(b, clients, lab);
    case "newDeposits":
      return newDeposits(b, clients, use, lab);
  }
}

/** 元 settlement: a client's 元 figure if given, else USD × the record's USD/CNY rate (zero needs no rate). */
function settlementCny(b: Basis, clients: Client[], lab: { zh: string; en: string }): MeasureValue | Unavailable {
  const rate = b.values.usdCnyRate;
  const converted: string[] = [];
  const list = perClient(b, clients, (c) => {
    const cny = c.values.intlSettlementCny;
    if (cny !== undefined) return cny;
    const usd = amount(c, "intlSettlementUsd");
    if (usd.isZero()) return ZERO;
    if (rate === undefined || !rate.gt(0)) {
      return unavailable("na", b.rule, `客户 ${c.id} 的国际结算额为美元 ${show(usd, "usd", b.book)},须提供美元兑人民币汇率(usdCnyRate)或人民币结算额(intlSettlementCny)`, `client ${c.id} has settlement in USD (${show(usd, "usd", b.book)}): the USD/CNY rate (usdCnyRate) or a CNY figure (intlSettlementCny) is needed`);
    }
    converted.push(c.id);
    return usd.times(rate);
  });
  if (isUnavailable(list)) return list;
  const note = converted.length > 0 && rate ? { zh: `美元按汇率 ${rate.toFixed()} 折算(${converted.join("、")})`, en: `USD converted at ${rate.toFixed()} (${converted.join(", ")})` } : undefined;
  return { total: total(list), unit: "money", perClient: list, label: lab, note };
}

/**
 * B002-NEW-DEPOSITS: Σ (this year − last year) over the clients; a client without last year's figure is new (0).
 * When no client of the record carries last year's figure, a manager-level figure is used as is (no cut-off could
 * be applied to it, and the note says so); without either the measure is unavailable.
 */
function newDeposits(b: Basis, clients: Client[], use: string | undefined, lab: { zh: string; en: string }): MeasureValue | Unavailable {
  const p = b.newDeposits;
  const netting = choose(p.netting, b.settings);
  const anyPrev = b.clients.some((c) => c.values[p.prevField] !== undefined);
  if (!anyPrev) {
    const own = b.values[p.managerField];
    const pf = FIELDS[p.prevField];
    const mf = FIELDS[p.managerField];
    if (own === undefined) {
      return unavailable("na", b.rule, `无法计算${lab.zh}:客户均无${pf.zh}(${p.prevField}),也未提供${mf.zh}(${p.managerField})`, `cannot form ${lab.en}: no client carries ${pf.en} (${p.prevField}) and no ${mf.en} (${p.managerField}) is given`);
    }
    return {
      total: own,
      unit: "money",
      perClient: [],
      label: lab,
      note: { zh: `采用经理层面的${mf.zh},未按客户规模剔除`, en: `the manager-level ${mf.en} is used as given, without the client cut-off` },
    };
  }
  const taken: string[] = [];
  const list = perClient(b, clients, (c) => {
    const now = depositOf(b, c, use);
    if (isUnavailable(now)) return now;
    const prev = c.values[p.prevField];
    if (prev === undefined) taken.push(c.id);
    const change = now.minus(prev ?? ZERO);
    return netting.value === "positiveOnly" && change.isNegative() ? ZERO : change;
  });
  if (isUnavailable(list)) return list;
  const notes: Array<{ zh: string; en: string }> = [];
  if (taken.length > 0) notes.push({ zh: `${taken.join("、")} 无上年数据,按新客户计(上年为 0)`, en: `${taken.join(", ")} without last year's figure, taken as new (0)` });
  if (netting.value === "positiveOnly") {
    const s = settingNote(netting);
    notes.push({ zh: `只计存款增加的客户${s.zh}`, en: `only clients whose deposits rose${s.en}` });
  }
  const note = notes.length > 0 ? { zh: notes.map((n) => n.zh).join(";"), en: notes.map((n) => n.en).join("; ") } : undefined;
  return { total: total(list), unit: "money", perClient: list, label: lab, note };
}

/** The largest single client of a measure (for B002-SINGLE-ACCOUNT), or undefined for an empty set. */
export function largest(m: MeasureValue): { id: string; value: Dec } | undefined {
  let best: { id: string; value: Dec } | undefined;
  for (const x of m.perClient) if (!best || x.value.gt(best.value)) best = x;
  return best;
}
