/**
 * Role, grade, event-flag and truth cells → the rulebook's ids. Users write the rulebook's Chinese labels
 * (`高级客户经理`, `支行行长`), a part of a label split at "/" (`营业部总经理`), a unique shortening (`高级`), the
 * English label or the id itself. Anything else is an error listing what the rulebook knows.
 */
import { FLAGS } from "../engine/fields";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { isBlank, type CellValue } from "./cells";
import { FLAG_SYNONYMS, normalizeHeader } from "./synonyms";

export interface Labelled {
  id: string;
  zh: string;
  en: string;
}

export type VocabRead = { ok: true; id: string } | { ok: false; known: string };

const norm = (s: string) => normalizeHeader(s);

/** Matches a cell against labelled ids: exact id/zh/en/zh part first, then one unique containment. */
export function matchLabel(text: string, items: readonly Labelled[]): string | undefined {
  const t = norm(text);
  if (t === "") return undefined;
  for (const it of items) {
    const names = [it.id, it.zh, it.en, ...it.zh.split(/[/、]/)].map(norm);
    if (names.includes(t)) return it.id;
  }
  if ([...t].length < 2) return undefined;
  const hits = items.filter((it) => it.zh.split(/[/、]/).some((part) => norm(part).includes(t) || (t.includes(norm(part)) && [...norm(part)].length >= 2)));
  return hits.length === 1 ? hits[0].id : undefined;
}

function known(items: readonly Labelled[]): string {
  return items.map((i) => `${i.zh}(${i.id})`).join("、");
}

export function readRole(v: CellValue, book: CompiledRulebook): VocabRead | undefined {
  if (isBlank(v)) return undefined;
  const id = matchLabel(String(v), book.doc.roles);
  return id ? { ok: true, id } : { ok: false, known: known(book.doc.roles) };
}

export function readGrade(v: CellValue, book: CompiledRulebook): VocabRead | undefined {
  if (isBlank(v)) return undefined;
  const text = String(v).trim();
  if (/^(无|—|-|不适用|n\/a|none)$/i.test(text)) return undefined;
  const id = matchLabel(text, book.doc.grades);
  return id ? { ok: true, id } : { ok: false, known: book.doc.grades.length > 0 ? known(book.doc.grades) : "(本规则集无等级)" };
}

const FLAG_ITEMS: Labelled[] = Object.entries(FLAGS).map(([id, def]) => ({ id, zh: [def.zh, ...(FLAG_SYNONYMS[id] ?? [])].join("/"), en: def.en }));
const flagItemsOf = new WeakMap<CompiledRulebook, Labelled[]>();

/** The events a workbook may name: the standard ones, and those a format-2 rulebook declares of its own. */
function flagItems(book: CompiledRulebook | undefined): Labelled[] {
  if (!book?.v2) return FLAG_ITEMS;
  let items = flagItemsOf.get(book);
  if (!items) {
    const own = book.v2.doc.flags.filter((f): f is { id: string; zh: string; en: string } => typeof f !== "string");
    items = [...FLAG_ITEMS.filter((f) => !own.some((o) => o.id === f.id)), ...own.map((f) => ({ id: f.id, zh: f.zh, en: f.en }))];
    flagItemsOf.set(book, items);
  }
  return items;
}

/** A flags cell: names separated by 、,;/ or spaces. Unknown names are returned for a problem. */
export function readFlagList(v: CellValue, book?: CompiledRulebook): { flags: string[]; unknown: string[] } {
  if (isBlank(v)) return { flags: [], unknown: [] };
  const flags: string[] = [];
  const unknown: string[] = [];
  for (const part of String(v).normalize("NFKC").split(/[,;、/\s]+/)) {
    if (part === "") continue;
    const id = matchExactFlag(part, flagItems(book));
    if (id) {
      if (!flags.includes(id)) flags.push(id);
    } else unknown.push(part);
  }
  return { flags, unknown };
}

function matchExactFlag(text: string, items: Labelled[]): string | undefined {
  const t = norm(text);
  for (const it of items) if ([it.id, it.en, ...it.zh.split("/")].map(norm).includes(t)) return it.id;
  return undefined;
}

export function knownFlags(book?: CompiledRulebook): string {
  return flagItems(book).map((f) => `${f.zh.split("/")[0]}(${f.id})`).join("、");
}

/** A yes/no cell of a flag column: TRUE/1/是/Y/√/有 and FALSE/0/否/N/无/blank. */
export function readTruth(v: CellValue): boolean | undefined {
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  const t = String(v).normalize("NFKC").trim().toLowerCase();
  if (["是", "y", "yes", "true", "√", "✓", "✔", "有", "x", "1"].includes(t)) return true;
  if (["否", "n", "no", "false", "×", "无", "0", "-"].includes(t)) return false;
  return undefined;
}

/** Task items the rulebooks read by id (`deposits`) that branch sheets name in Chinese (存款), when a rulebook does not list them. */
export const TASK_ITEMS: Record<string, string[]> = {
  deposits: ["存款", "各项存款", "存款日均", "日均存款"],
  loans: ["贷款", "各项贷款", "贷款日均", "日均贷款"],
  feeIncome: ["中间业务收入", "中间业务", "中收"],
  intlSettlement: ["国际结算", "国际结算量"],
  basicAccounts: ["基本账户", "新开基本账户"],
  collection: ["收息", "收贷收息", "收息率"],
};

const taskVocabularies = new WeakMap<CompiledRulebook, Map<string, string>>();

/**
 * Task item names → ids: the rulebook's own item lists first (`items: {loanRecovery: {zh: "收回贷款"}}` in a rule's
 * params), then the common names above for ids no rulebook label claims.
 */
export function taskVocabulary(book: CompiledRulebook): Map<string, string> {
  const hit = taskVocabularies.get(book);
  if (hit) return hit;
  const vocab = new Map<string, string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
        if (k === "items" && v && typeof v === "object" && !Array.isArray(v)) {
          for (const [id, label] of Object.entries(v as Record<string, unknown>)) {
            const l = label as { zh?: unknown; en?: unknown } | null;
            if (!l || typeof l.zh !== "string") continue;
            for (const name of [id, l.zh, typeof l.en === "string" ? l.en : id]) if (!vocab.has(norm(name))) vocab.set(norm(name), id);
          }
        }
        walk(v);
      }
    }
  };
  for (const it of book.v2?.doc.taskItems ?? []) for (const name of [it.id, it.zh, it.en]) if (!vocab.has(norm(name))) vocab.set(norm(name), it.id);
  for (const r of book.rules) walk(r.params);
  for (const [id, names] of Object.entries(TASK_ITEMS)) for (const name of [id, ...names]) if (!vocab.has(norm(name))) vocab.set(norm(name), id);
  taskVocabularies.set(book, vocab);
  return vocab;
}

export function readTaskItem(v: CellValue, book: CompiledRulebook): string | undefined {
  if (isBlank(v)) return undefined;
  return taskVocabulary(book).get(norm(String(v))) ?? String(v).trim();
}
