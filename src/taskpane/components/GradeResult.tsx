/**
 * What the appraisal wrote: the sheet, how many managers, the data problems it carried, and the count of each
 * outcome, with the outcomes the branch must act on (demotion, dismissal …) emphasised.
 */
import * as React from "react";
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeOutcome } from "../actions/types";
import type { Texts } from "../i18n";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  statuses: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  status: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  attention: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusDangerForeground1 },
});

const GradeResult: React.FC<{ t: Texts; outcome: GradeOutcome }> = ({ t, outcome }) => {
  const styles = useStyles();
  const { problems } = outcome;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="grade-result">
      <MessageBarBody>
        <MessageBarTitle>{t.gradeDone(outcome.sheet)}</MessageBarTitle>
        <div className={styles.body}>
          <span>{t.gradeManagers(outcome.managers)}</span>
          <span data-testid="grade-problems">{t.gradeProblems(problems.error, problems.warning, problems.info)}</span>
          {outcome.statuses.length > 0 && (
            <ul className={styles.statuses} aria-label={t.gradeStatuses}>
              {outcome.statuses.map((s) => (
                <li key={s.label} className={styles.status} data-attention={s.attention ? "true" : undefined}>
                  {s.attention ? (
                    <>
                      <strong className={styles.attention}>{s.label}</strong>
                      <Badge appearance="filled" color="danger" aria-label={`${s.count} ${t.attention}`}>
                        {s.count}
                      </Badge>
                    </>
                  ) : (
                    <>
                      <span>{s.label}</span>
                      <Badge appearance="tint" color="informative">
                        {s.count}
                      </Badge>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
};

export default GradeResult;
