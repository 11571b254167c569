/**
 * 考核 tab: the period, the 月度考核 button, progress while it runs (stage and done/total; the actions yield, so the
 * pane stays usable), then the outcome; 固定为数值 below.
 */
import * as React from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { Texts } from "../i18n";
import type { GradeState } from "./hooks/useGrading";
import GradeResult from "./GradeResult";
import { usePanelStyles } from "./styles";

export interface GradePanelProps {
  t: Texts;
  enabled: boolean;
  state: GradeState;
  period: React.ReactNode;
  onGrade(): void;
  /** The freeze section, shown below. */
  children?: React.ReactNode;
}

const GradePanel: React.FC<GradePanelProps> = ({ t, enabled, state, period, onGrade, children }) => {
  const panel = usePanelStyles();
  const progress = state.kind === "running" ? state.progress : undefined;
  const line = progress ? t.progressLine(t.stage[progress.stage], progress.done, progress.total) : t.gradeRunning;
  // An unknown total (0) shows an indeterminate bar rather than a bar stuck at 0 %.
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={panel.panel}>
      <Body1 className={panel.intro}>{t.gradeIntro}</Body1>
      {period}
      <div className={panel.actions}>
        <Button appearance="primary" data-testid="grade-button" disabled={!enabled} onClick={onGrade}>
          {t.gradeButton}
        </Button>
      </div>
      {state.kind === "running" && (
        <Field label={t.gradeRunning} validationMessage={line} validationState="none">
          <ProgressBar data-testid="grade-progress" value={value} aria-valuetext={line} />
        </Field>
      )}
      {state.kind === "done" && <GradeResult t={t} outcome={state.outcome} />}
      {state.kind === "cancelled" && (
        <MessageBar intent="info" data-testid="grade-cancelled">
          <MessageBarBody>{t.gradeCancelled}</MessageBarBody>
        </MessageBar>
      )}
      {children}
    </div>
  );
};

export default GradePanel;
