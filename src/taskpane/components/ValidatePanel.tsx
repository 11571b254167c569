/**
 * 校验 tab: the period, the 校验工作簿 button, a spinner while the check runs, then the summary (counts by severity,
 * how many checks ran) and the findings, or a success bar when there are none.
 */
import * as React from "react";
import { Badge, Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ValidateOutcome } from "../actions/types";
import type { Texts } from "../i18n";
import { SEVERITIES, type Lang } from "../model";
import Findings from "./Findings";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  badges: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

const BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

export interface ValidatePanelProps {
  t: Texts;
  lang: Lang;
  /** False outside Excel or while another action runs. */
  enabled: boolean;
  running: boolean;
  outcome: ValidateOutcome | undefined;
  /** The shared period select. */
  period: React.ReactNode;
  onValidate(): void;
  onSelect(address: string): void;
}

const ValidatePanel: React.FC<ValidatePanelProps> = ({ t, lang, enabled, running, outcome, period, onValidate, onSelect }) => {
  const panel = usePanelStyles();
  const styles = useStyles();
  return (
    <div className={panel.panel}>
      <Body1 className={panel.intro}>{t.validateIntro}</Body1>
      {period}
      <div className={panel.actions}>
        <Button appearance="primary" data-testid="validate-button" disabled={!enabled} onClick={onValidate}>
          {t.validateButton}
        </Button>
        {running && <Spinner size="tiny" label={t.validating} />}
      </div>
      {outcome && (
        <>
          <div className={styles.summary} data-testid="validate-summary" role="status" aria-label={t.summaryTitle}>
            <div className={styles.badges}>
              {SEVERITIES.map((s) => (
                <Badge key={s} data-severity={s} appearance={outcome.counts[s] > 0 ? "filled" : "outline"} color={BADGE[s]}>
                  {`${t.severity[s]} ${outcome.counts[s]}`}
                </Badge>
              ))}
            </div>
            <Body1>{t.summaryLine(outcome.rulebook.id, outcome.rulebook.version, outcome.period, outcome.checks)}</Body1>
          </div>
          {outcome.findings.length === 0 ? (
            <MessageBar intent="success" data-testid="no-findings">
              <MessageBarBody>{t.noFindings}</MessageBarBody>
            </MessageBar>
          ) : (
            <Findings t={t} lang={lang} findings={outcome.findings} onSelect={onSelect} />
          )}
        </>
      )}
    </div>
  );
};

export default ValidatePanel;
