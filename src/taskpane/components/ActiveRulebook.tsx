/** The rulebook in force: id, version, name, where the choice comes from, and why it cannot be used, if it cannot. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ActiveRulebook as Active } from "../actions/types";
import type { Texts } from "../i18n";
import type { Attempt, Lang } from "../model";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  fields: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

const ActiveRulebook: React.FC<{ t: Texts; lang: Lang; active: Attempt<Active> }> = ({ t, lang, active }) => {
  const styles = useStyles();
  const panel = usePanelStyles();
  if (!active.ok) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="active-rulebook">
        <MessageBarBody>
          <MessageBarTitle>{t.activeProblems}</MessageBarTitle>
          {active.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const a = active.value;
  return (
    <div className={panel.section} data-testid="active-rulebook" data-rulebook-id={a.id ?? ""}>
      <dl className={styles.fields}>
        <dt className={styles.term}>{t.fieldId}</dt>
        <dd className={mergeClasses(styles.value, styles.code)}>{a.id ?? "—"}</dd>
        <dt className={styles.term}>{t.fieldVersion}</dt>
        <dd className={styles.value}>{a.version ?? "—"}</dd>
        <dt className={styles.term}>{t.fieldName}</dt>
        <dd className={styles.value}>{a.name?.[lang] ?? "—"}</dd>
        <dt className={styles.term}>{t.fieldSource}</dt>
        <dd className={styles.value}>{t.source[a.source]}</dd>
      </dl>
      {a.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="active-problems">
          <MessageBarBody>
            <MessageBarTitle>{t.activeProblems}</MessageBarTitle>
            <ul className={panel.list}>
              {a.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};

export default ActiveRulebook;
