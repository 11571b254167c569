/**
 * The frame a format-2 rulebook's formulas run in: one evaluator (a manager's history, or a tool's inputs), one
 * period, the rule's missing-data policy, and the few local names some constructs add (a ledger's opening
 * balance, the status being refined, the row of a list).
 */
import type { Frame, Host, MissingPolicy } from "../lang/frame";
import type { Value } from "../lang/values";
import type { Book2 } from "./book";

export interface Locals {
  /** A ledger's balance at the start of the period being computed, and its earlier movements. */
  ledger?: Map<string, Value>;
  /** The strongest action that fired, for a status's cases; the rules behind it, and those not judged. */
  outcome?: Value;
  because?: Value;
  unjudged?: Value;
  /** Every action that fired and the triggers behind it (FIRED("demote")). */
  fired?: ReadonlyMap<string, readonly string[]>;
  /** A row of a list (a client, a tool input's row): its cells by column. */
  row?: ReadonlyMap<string, Value>;
  /** A tool's inputs and the results computed so far. */
  inputs?: ReadonlyMap<string, Value>;
  /** A decision table's input values, while its rows are tested. */
  cells?: readonly Value[];
  /** The value of the rule being explained ({值} in its template). */
  self?: Value;
}

export interface Evaluator extends Host {
  readonly book: Book2;
  /** Setting values by their index in the book (resolved once per run). */
  readonly settings: readonly Value[];
  rule(index: number, frame: MFrame): Value;
  /** A field's value at a period; `frame`, when given, keeps the period's row of field values for the next read. */
  field(index: number, period: string, frame?: MFrame): Value;
  role(period: string): Value;
  grade(period: string): Value;
  ident(which: "id" | "name" | "branch"): Value;
  /** A period's list: its tasks or its clients, as a table; a branch's staff, in a check on each branch. */
  list(which: "tasks" | "clients" | "staff", period: string): Value;
  frame(period: string, policy: MissingPolicy, locals?: Locals): MFrame;
}

export class MFrame implements Frame {
  /** Parts of formulas kept once for this frame's period and policy, by slot (see Host.remember). */
  readonly slots: Value[] = [];
  /** The period's row of rule values and of field values (shared by every frame of the period), once looked up. */
  ruleRow?: Array<Value | undefined>;
  fieldRow?: Value[];

  constructor(
    readonly ev: Evaluator,
    readonly period: string,
    readonly policy: MissingPolicy,
    readonly locals?: Locals,
  ) {}

  get host(): Host {
    return this.ev;
  }

  get row(): ReadonlyMap<string, Value> | undefined {
    return this.locals?.row;
  }

  get firedActions(): ReadonlyMap<string, readonly string[]> | undefined {
    return this.locals?.fired;
  }

  at(period: string): Frame {
    return period === this.period ? this : this.ev.frame(period, this.policy, this.locals);
  }

  with(locals: Locals): MFrame {
    return new MFrame(this.ev, this.period, this.policy, { ...this.locals, ...locals });
  }

  withPolicy(policy: MissingPolicy): MFrame {
    return policy === this.policy ? this : this.ev.frame(this.period, policy, this.locals);
  }
}
