/**
 * Which rulebook a formula uses: the id given as its last argument, or the workbook's active rulebook (chosen in the
 * taskpane and stored in the document, see src/workbook/rulebookChoice.ts). Compiled rulebooks are cached, because
 * Excel may call a function thousands of times in one recalculation.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { Settings } from "../engine/settings";
import { chosenRulebook, readRulebookChoice, type RulebookChoice } from "../workbook";
import { naError, valueError, type FunctionError } from "./result";

export interface BookContext {
  book: CompiledRulebook;
  settings: Settings;
}

/** Where stored document values come from: Office document settings in Excel; tests and benches set their own. */
export type DocumentStore = (key: string) => unknown;

function officeStore(): DocumentStore {
  return (key) => {
    if (typeof Office === "undefined") return undefined;
    try {
      return Office.context?.document?.settings?.get(key);
    } catch {
      // Office not ready yet (a recalculation before onReady): behave as "nothing chosen".
      return undefined;
    }
  };
}

let store: DocumentStore = officeStore();

/** For tests, benchmarks and HyperFormula: read the rulebook choice from a plain object instead of Office. */
export function useDocumentStore(next: DocumentStore | Record<string, unknown>): void {
  store = typeof next === "function" ? next : (key) => (next as Record<string, unknown>)[key];
  cache.clear();
}

export function currentChoice(): RulebookChoice {
  return readRulebookChoice(store);
}

const cache = new Map<string, BookContext | FunctionError>();

export function bookFor(idArg: string | undefined): BookContext | FunctionError {
  const choice = currentChoice();
  const id = idArg ?? choice.id;
  if (id === undefined) {
    return naError(
      `本工作簿尚未选择考核规则集:请在任务窗格中选择,或在公式最后一个参数中填写规则集编号(如 "h003-city-bank",可用 KHJL.RULEBOOKS() 查看)`,
      `no rulebook is chosen for this workbook: choose one in the taskpane, or give the rulebook id as the last argument (e.g. "h003-city-bank"; see KHJL.RULEBOOKS())`,
    );
  }
  const userDoc = choice.userRulebooks[id];
  const overrides = id === choice.id ? choice.settings : {};
  const key = JSON.stringify([id, userDoc ?? null, overrides]);
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make(choice, id);
  if (cache.size > 32) cache.clear();
  cache.set(key, made);
  return made;
}

function make(choice: RulebookChoice, id: string): BookContext | FunctionError {
  const chosen = chosenRulebook(choice, id);
  if (!chosen.ok) return chosen.kind === "missing" ? naError(chosen.zh, chosen.en) : valueError(chosen.zh, chosen.en);
  return { book: chosen.book, settings: chosen.settings };
}
