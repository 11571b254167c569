/**
 * A format-2 rulebook seen through the shape every face of the product already reads (id, name, roles, grades,
 * settings, rounding, the list of rules with the stage each serves), so the workbook layer, the cell functions and
 * the taskpane serve either format alike. The rules' own meaning stays in the format-2 book (`v2`).
 */
import type { AnyKind } from "../kinds/types";
import type { CompiledRule, CompiledRulebook } from "../rulebook/compile";
import type { RuleDoc, RulebookDoc } from "../rulebook/schema";
import type { Book2, Rule2 } from "./book";

type Stage = AnyKind["stage"];

function stageOf(book: Book2, r: Rule2): Stage {
  const o = book.outputs;
  if (o.score === r) return "scoreTotal";
  if (o.scoreItems.includes(r)) return "scoreItem";
  if (o.grade === r) return "grade";
  if (o.pay === r) return "pay";
  if (o.riskDeposit?.ledger === r) return "riskDeposit";
  switch (r.construct) {
    case "trigger":
      return "trigger";
    case "status":
      return "status";
    case "tool":
      return "tool";
    case "record":
      return "record";
    default:
      return "convention";
  }
}

const kinds = new Map<string, AnyKind>();

/** One stand-in kind per (construct, stage): it carries the names consumers look at, never a body. */
function kindOf(construct: string, stage: Stage): AnyKind {
  const key = `${construct}/${stage}`;
  let k = kinds.get(key);
  if (!k) {
    k = { kind: construct, stage, params: undefined as never } as unknown as AnyKind;
    kinds.set(key, k);
  }
  return k;
}

export function wrapBook2(book: Book2): CompiledRulebook {
  const d = book.doc;
  const statusParams = { statuses: d.statuses.map((s) => ({ status: s.id, label: { zh: s.zh, en: s.en } })) };
  const rules: CompiledRule[] = book.rules.flatMap((r) => [entryOf(r), ...movementEntries(r)]);
  function movementEntries(r: Rule2): CompiledRule[] {
    return (r.ledger?.movements ?? [])
      .filter((m) => m.id !== undefined && m.id !== r.id)
      .map((m) => {
        const doc: RuleDoc = { id: m.id!, kind: "ledger", cite: m.cite, label: m.label, period: r.decl.period, appliesTo: r.decl.appliesTo, settings: [...m.settingsRead], implements: [], params: {}, overrides: [], note: undefined };
        return { id: m.id!, doc, kind: kindOf("ledger", "convention"), params: {}, cites: [], variants: [] };
      });
  }
  function entryOf(r: Rule2): CompiledRule {
    const stage = stageOf(book, r);
    const doc: RuleDoc = {
      id: r.id,
      kind: r.construct,
      cite: r.decl.cite,
      label: r.label,
      period: r.decl.period,
      appliesTo: r.decl.appliesTo,
      settings: [...r.settingsRead],
      implements: r.decl.implements,
      params: {},
      overrides: [],
      note: r.decl.note ?? (r.decl.record ? r.decl.record : undefined),
    };
    return { id: r.id, doc, kind: kindOf(r.construct, stage), params: r.construct === "status" ? statusParams : {}, cites: [], variants: [] };
  }
  const doc = {
    format: d.format,
    id: d.id,
    version: d.version,
    name: d.name,
    description: d.description,
    sources: d.sources,
    rounding: d.rounding,
    roles: d.roles,
    grades: d.grades,
    settings: d.settings,
    attentionStatuses: d.statuses.filter((s) => s.attention).map((s) => s.id),
    rules: rules.map((r) => r.doc),
  } as unknown as RulebookDoc;
  return {
    doc,
    rules,
    byId: new Map(rules.map((r) => [r.id, r])),
    gradeIds: book.grades,
    roleIds: book.roles,
    v2: book,
  };
}
