/** 校验工作簿: runs the check for the shared period and keeps the last outcome; selects a finding's cell on request. */
import * as React from "react";
import { runValidation } from "../../actions";
import type { ValidateOutcome } from "../../actions/types";
import type { ExcelPort } from "../../port";
import type { Runner } from "./useRunner";

export interface Validation {
  outcome: ValidateOutcome | undefined;
  validate(period: string): void;
  select(address: string): void;
}

export function useValidation(port: ExcelPort | undefined, runner: Runner): Validation {
  const [outcome, setOutcome] = React.useState<ValidateOutcome | undefined>(undefined);
  const { run } = runner;

  const validate = React.useCallback(
    (period: string) => {
      if (!port) return;
      setOutcome(undefined);
      // No period yet (none in the workbook): the check itself says what is missing.
      void run("validate", "validate", () => runValidation(port, period ? { period } : {})).then((o) => {
        if (o) setOutcome(o);
      });
    },
    [port, run],
  );

  const select = React.useCallback(
    (address: string) => {
      if (!port || !address) return;
      void run("validate", undefined, () => port.select(address));
    },
    [port, run],
  );

  return { outcome, validate, select };
}
