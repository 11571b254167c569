/**
 * The period shared by the check and appraisal tabs. The workbook is read for its periods when the first tab that
 * needs them is shown (the pane may open on the rulebook tab and never need them), and read again after another
 * rulebook is chosen (which sheets and columns hold records depends on it: with none chosen there are no periods)
 * or, after a failed read, on the next change of tab.
 */
import * as React from "react";
import { readPeriods } from "../../actions";
import type { PeriodChoice } from "../../actions/types";
import type { TabId } from "../../model";
import type { ExcelPort } from "../../port";
import type { Runner } from "./useRunner";

export type PeriodsState = { status: "idle" | "loading" | "failed" } | { status: "ready"; choice: PeriodChoice };

export interface Periods {
  state: PeriodsState;
  /** The chosen period; "" until the periods are read or when the workbook has none. */
  period: string;
  setPeriod(period: string): void;
}

export function usePeriods(port: ExcelPort | undefined, tab: TabId, rulebookKey: string | undefined, runner: Runner): Periods {
  const [state, setState] = React.useState<PeriodsState>({ status: "idle" });
  const [period, setPeriod] = React.useState("");
  // Only the latest read may set the state: a read overtaken by a rulebook change must not win.
  const generation = React.useRef(0);
  const needed = tab === "validate" || tab === "grade";
  const { run } = runner;

  React.useEffect(() => {
    setState((s) => (s.status === "failed" ? { status: "idle" } : s));
  }, [tab]);

  const seenKey = React.useRef(rulebookKey);
  React.useEffect(() => {
    if (seenKey.current === rulebookKey) return;
    seenKey.current = rulebookKey;
    generation.current += 1;
    setState({ status: "idle" });
  }, [rulebookKey]);

  React.useEffect(() => {
    if (!port || !needed || state.status !== "idle") return;
    const mine = (generation.current += 1);
    setState({ status: "loading" });
    void run(tab, undefined, () => readPeriods(port), "periods").then((choice) => {
      if (generation.current !== mine) return;
      if (!choice) return setState({ status: "failed" });
      setState({ status: "ready", choice });
      // Keep a period the user already picked if the workbook still has it.
      setPeriod((old) => (old && choice.periods.includes(old) ? old : (choice.suggested ?? choice.periods[0] ?? "")));
    });
  }, [port, needed, state.status, tab, run]);

  return { state, period, setPeriod };
}
