/**
 * The period of the check and the appraisal (one choice for both tabs): the workbook's periods, latest first, the
 * suggested one marked. While the periods are read, or when there are none, the select says so and is disabled.
 */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { Texts } from "../i18n";
import type { PeriodsState } from "./hooks/usePeriods";

export interface PeriodSelectProps {
  t: Texts;
  state: PeriodsState;
  value: string;
  onChange(period: string): void;
  disabled: boolean;
}

const PeriodSelect: React.FC<PeriodSelectProps> = ({ t, state, value, onChange, disabled }) => {
  const choice = state.status === "ready" ? state.choice : undefined;
  const periods = choice?.periods ?? [];
  const placeholder = state.status === "ready" || state.status === "failed" ? t.periodNone : t.periodLoading;
  return (
    <Field label={t.period} hint={t.periodHint}>
      <Select
        data-testid="period-select"
        value={periods.length > 0 ? value : ""}
        disabled={disabled || periods.length === 0}
        onChange={(_, data) => onChange(data.value)}
      >
        {periods.length === 0 ? (
          <option value="">{placeholder}</option>
        ) : (
          periods.map((p) => (
            <option key={p} value={p}>
              {p === choice?.suggested ? t.periodSuggested(p) : p}
            </option>
          ))
        )}
      </Select>
    </Field>
  );
};

export default PeriodSelect;
