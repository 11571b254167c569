/** 固定为数值: the chosen target (whole active sheet or the selection) and the last outcome. */
import * as React from "react";
import { runFreeze } from "../../actions";
import type { FreezeOutcome } from "../../actions/types";
import type { ExcelPort } from "../../port";
import type { Runner } from "./useRunner";

export type FreezeTarget = "sheet" | "selection";

export interface Freeze {
  target: FreezeTarget;
  setTarget(target: FreezeTarget): void;
  outcome: FreezeOutcome | undefined;
  freeze(): void;
}

export function useFreeze(port: ExcelPort | undefined, runner: Runner): Freeze {
  const [target, setTarget] = React.useState<FreezeTarget>("sheet");
  const [outcome, setOutcome] = React.useState<FreezeOutcome | undefined>(undefined);
  const { run } = runner;

  const freeze = React.useCallback(() => {
    if (!port) return;
    setOutcome(undefined);
    void run("grade", "freeze", () => runFreeze(port, target)).then((o) => {
      if (o) setOutcome(o);
    });
  }, [port, run, target]);

  return { target, setTarget, outcome, freeze };
}
