/**
 * 月度考核: runs the grading with progress, and turns the action's `confirmReplace(sheet)` question into the
 * confirm dialog: the promise the action awaits is resolved by the user's answer (替换 → true, 取消 or Escape → false).
 */
import * as React from "react";
import { runGrading } from "../../actions";
import type { GradeOutcome, GradeProgress } from "../../actions/types";
import type { ExcelPort } from "../../port";
import type { Runner } from "./useRunner";

export type GradeState =
  | { kind: "idle" }
  | { kind: "running"; progress?: GradeProgress }
  | { kind: "done"; outcome: GradeOutcome }
  | { kind: "cancelled" };

export interface Grading {
  state: GradeState;
  /** The sheet the pending question is about; undefined when no question is open. */
  confirmSheet: string | undefined;
  answer(replace: boolean): void;
  grade(period: string): void;
}

export function useGrading(port: ExcelPort | undefined, runner: Runner): Grading {
  const [state, setState] = React.useState<GradeState>({ kind: "idle" });
  const [confirmSheet, setConfirmSheet] = React.useState<string | undefined>(undefined);
  const pending = React.useRef<((replace: boolean) => void) | undefined>(undefined);
  const { run } = runner;

  const confirmReplace = React.useCallback(
    (sheet: string) =>
      new Promise<boolean>((resolve) => {
        pending.current = resolve;
        setConfirmSheet(sheet);
      }),
    [],
  );

  const answer = React.useCallback((replace: boolean) => {
    const resolve = pending.current;
    pending.current = undefined;
    setConfirmSheet(undefined);
    resolve?.(replace);
  }, []);

  const grade = React.useCallback(
    (period: string) => {
      if (!port) return;
      setState({ kind: "running" });
      const onProgress = (progress: GradeProgress) => setState({ kind: "running", progress: { ...progress } });
      void run("grade", "grade", () => runGrading(port, { period, confirmReplace, onProgress })).then((r) => {
        if (!r) setState({ kind: "idle" });
        else if ("cancelled" in r) setState({ kind: "cancelled" });
        else setState({ kind: "done", outcome: r });
      });
    },
    [port, run, confirmReplace],
  );

  return { state, confirmSheet, answer, grade };
}
