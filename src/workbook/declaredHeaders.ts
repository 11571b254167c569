/**
 * The header index of a format-2 rulebook: which workbook column is which of the fields the rulebook declares.
 * Each declared field is known by its id, its `name`, its zh and en labels and its declared `headers`; one that is a
 * standard field (a bare id, or `use`) also by every header the standard field is known by (synonyms.ts). The key
 * columns (工号, 期间, 客户号 …) and the event flags are read as for any rulebook. A standard field the rulebook does
 * not declare is not part of its scheme: its headers are remembered only so that such a column is named as not read.
 *
 * Built once per compiled rulebook (a WeakMap on its format-2 book); a format-1 rulebook reads the standard index.
 */
import { FIELDS, FLAGS, isFieldName, type FieldName } from "../engine/fields";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { Book2 } from "../engine/rulebook2/book";
import type { FieldSpec } from "../engine/rulebook2/fields";
import type { FieldType } from "../engine/rulebook2/schema";
import { FIELD_SYNONYMS, FLAG_SYNONYMS, KEY_SYNONYMS, normalizeHeader, synonymIndex, withoutRemark, type ColumnKey, type HeaderIndex, type KeyColumn } from "./synonyms";
import { BARE_SUFFIXES, lookupUnit, unitFits } from "./units";

const indexes = new WeakMap<Book2, HeaderIndex>();

/** The index a workbook is read with under this rulebook: the rulebook's own (format 2) or the standard one. */
export function headerIndexFor(book: CompiledRulebook | undefined): HeaderIndex {
  const v2 = book?.v2;
  if (!v2) return synonymIndex();
  let index = indexes.get(v2);
  if (!index) {
    index = buildDeclaredIndex(v2);
    indexes.set(v2, index);
  }
  return index;
}

/** The standard field each declared field takes its labels from (`"avgDeposits"`, `{"use": "lots15t", "id": "lots"}`). */
function standardBases(v2: Book2): Map<string, FieldName> {
  const out = new Map<string, FieldName>();
  for (const decl of v2.doc.fields) {
    const use = typeof decl === "string" ? decl : decl.use;
    const id = typeof decl === "string" ? decl : decl.id ?? decl.use;
    if (use !== undefined && id !== undefined && isFieldName(use)) out.set(id, use);
  }
  return out;
}

/**
 * A declared header as the name it matches, without a unit written into it: `佣金收入(元)` and `佣金/万元` match
 * 佣金收入 and 佣金, so a workbook column headed `佣金(万元)` is read with its own unit (× 10 000) and never taken as
 * 元 because the rulebook's header happened to say a unit. A unit written without brackets (`佣金万元`) is taken off
 * only when it fits the field: `超过50万元客户数` is a count's name, not 万元.
 */
export function headerName(text: string, unit: FieldType): string {
  const t = text.normalize("NFKC").replace(/[【\[]/g, "(").replace(/[】\]]/g, ")").trim();
  const bracket = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(t);
  if (bracket && lookupUnit(normalizeHeader(bracket[2]))) return bracket[1];
  const slash = t.lastIndexOf("/");
  if (slash > 0 && lookupUnit(normalizeHeader(t.slice(slash + 1)))) return t.slice(0, slash); // int: string index
  const norm = normalizeHeader(t);
  for (const suffix of BARE_SUFFIXES) {
    const u = lookupUnit(suffix);
    if (norm.length > suffix.length && norm.endsWith(suffix) && u && unitFits(u, unit)) return norm.slice(0, norm.length - suffix.length); // int: string index
  }
  return t;
}

interface Entry {
  key: ColumnKey;
  spec: FieldSpec;
  base?: FieldName;
}

export function buildDeclaredIndex(v2: Book2): HeaderIndex {
  const map = new Map<string, ColumnKey>();
  const collisions: string[] = [];
  // The first claim wins: key columns, then each field's own names, then standard synonyms, then flags.
  const add = (text: string, key: ColumnKey) => {
    const k = normalizeHeader(text);
    if (k === "") return;
    const had = map.get(k);
    if (had !== undefined && had !== key) collisions.push(`${text}: ${had} / ${key}`);
    else map.set(k, key);
  };
  // A key column the rulebook declares as a field of its own (贷款金额 as loanAmount, read by its checks) is that
  // field: its usual headers name the declared field, not the key column.
  const declaredIds = new Set(v2.fields.map((f) => f.id));
  for (const [key, list] of Object.entries(KEY_SYNONYMS) as Array<[KeyColumn, string[]]>) {
    const target: ColumnKey = declaredIds.has(key) ? `decl:${key}` : key;
    for (const s of list) add(s, target);
  }

  const bases = standardBases(v2);
  const declared = new Map<ColumnKey, FieldSpec>();
  const entries: Entry[] = [];
  for (const spec of v2.fields) {
    // The carried-in risk deposit is the roster's opening balance (a key column, read into riskDeposit.balance).
    if (spec.standard && spec.id === "riskDepositBalance") {
      for (const n of [spec.id, spec.zh, spec.en, ...spec.headers]) add(headerName(n, spec.unit), "openingRiskDeposit");
      continue;
    }
    const key: ColumnKey = spec.standard && isFieldName(spec.id) ? `field:${spec.id}` : `decl:${spec.id}`;
    declared.set(key, spec);
    entries.push({ key, spec, base: bases.get(spec.id) });
  }
  for (const e of entries) {
    const own = [e.spec.id, ...(e.spec.name !== undefined ? [e.spec.name] : []), e.spec.zh, e.spec.en, ...e.spec.headers];
    for (const n of own) add(headerName(n, e.spec.unit), e.key);
  }
  for (const e of entries) {
    if (!e.base) continue;
    const def = FIELDS[e.base];
    for (const n of [e.base, def.zh, def.en, ...(FIELD_SYNONYMS[e.base] ?? [])]) add(n, e.key);
  }
  // A label with a trailing remark (`入职日期(年月日)`) is also known without it, unless that names another column.
  for (const e of entries) {
    const labels = [e.spec.zh, e.spec.en, ...(e.base ? [FIELDS[e.base].zh, FIELDS[e.base].en] : [])];
    for (const label of labels) {
      const bare = withoutRemark(label);
      if (bare !== undefined && !map.has(normalizeHeader(bare))) map.set(normalizeHeader(bare), e.key);
    }
  }
  for (const [name, def] of Object.entries(FLAGS) as Array<[string, { zh: string; en: string }]>) {
    for (const s of [name, def.zh, def.en, ...(FLAG_SYNONYMS[name] ?? [])]) add(s, `flag:${name}`);
  }
  // The rulebook's own events: a yes/no column headed by the event's id or label.
  for (const f of v2.doc.flags) if (typeof f !== "string") for (const s of [f.id, f.zh, f.en]) add(s, `flag:${f.id}`);

  const undeclared = new Map<string, FieldName>();
  for (const [header, key] of synonymIndex().map) {
    if (key.startsWith("field:") && !map.has(header)) undeclared.set(header, key.slice(6) as FieldName);
  }
  return { map, collisions, declared, undeclared, rulebook: v2.doc.id };
}
