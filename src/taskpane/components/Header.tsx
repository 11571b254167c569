/** Title, the rulebook in force (so nobody grades with the wrong one unnoticed) and the language switch. */
import * as React from "react";
import { Badge, Caption1, Switch, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { ActiveRulebook } from "../actions/types";
import type { Texts } from "../i18n";
import type { Attempt, Lang } from "../model";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  top: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap", // very narrow panes: the language switch moves under the title
    columnGap: tokens.spacingHorizontalM,
  },
  rulebook: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  missing: { color: tokens.colorStatusWarningForeground1 },
});

export interface HeaderProps {
  t: Texts;
  lang: Lang;
  onLang(lang: Lang): void;
  /** undefined outside Excel, where no rulebook is in force. */
  active: Attempt<ActiveRulebook> | undefined;
}

const Header: React.FC<HeaderProps> = ({ t, lang, onLang, active }) => {
  const styles = useStyles();
  const book = active?.ok ? active.value : undefined;
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Title2 as="h1">{t.title}</Title2>
        <Switch
          data-testid="lang-switch"
          label={t.english}
          checked={lang === "en"}
          onChange={(_, data) => onLang(data.checked ? "en" : "zh")}
        />
      </div>
      {active && (
        <div className={styles.rulebook} data-testid="header-rulebook">
          <Caption1>{t.rulebookLabel}:</Caption1>
          {book?.id ? (
            <>
              <Caption1>{book.name?.[lang] ?? book.id}</Caption1>
              {book.version && (
                <Badge appearance="tint" color={book.problems.length > 0 ? "warning" : "brand"} size="small">
                  {t.versionBadge(book.version)}
                </Badge>
              )}
            </>
          ) : (
            <Caption1 className={styles.missing}>{t.noRulebook}</Caption1>
          )}
        </div>
      )}
    </header>
  );
};

export default Header;
