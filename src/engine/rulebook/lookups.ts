/**
 * Questions every evaluation asks of a compiled rulebook ("the rules of the pay stage", "the boundary-word
 * convention"), answered once per rulebook and kept. A compiled rulebook is immutable, so the answers never go
 * stale; the WeakMap lets a rulebook and its answers be collected together.
 */
import type { CompiledRule, CompiledRulebook } from "./compile";

interface Answers {
  byStage: Map<string, CompiledRule[]>;
  byDocKind: Map<string, CompiledRule | null>;
}

const answers = new WeakMap<CompiledRulebook, Answers>();

function of(book: CompiledRulebook): Answers {
  let a = answers.get(book);
  if (!a) {
    a = { byStage: new Map(), byDocKind: new Map() };
    answers.set(book, a);
  }
  return a;
}

/** The rules of one pipeline stage, in rulebook order. Shared: do not modify the list. */
export function rulesOfStage(book: CompiledRulebook, stage: string): readonly CompiledRule[] {
  const a = of(book);
  let list = a.byStage.get(stage);
  if (!list) {
    list = book.rules.filter((r) => r.kind.stage === stage);
    a.byStage.set(stage, list);
  }
  return list;
}

/** The first rule whose document declares this kind (a convention such as boundaryWords). */
export function firstRuleOfKind(book: CompiledRulebook, docKind: string): CompiledRule | undefined {
  const a = of(book);
  let rule = a.byDocKind.get(docKind);
  if (rule === undefined) {
    rule = book.rules.find((r) => r.doc.kind === docKind) ?? null;
    a.byDocKind.set(docKind, rule);
  }
  return rule ?? undefined;
}
