/**
 * The taskpane of this version: title, language switch, an honest note on what is not available yet, and the
 * built-in rulebooks read from the engine. No Office import here: the host status arrives as a prop.
 */
import * as React from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Switch,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TEXTS, type Texts } from "../i18n";
import type { HostStatus, Lang, RulebookList } from "../model";
import RulebookTable from "./RulebookTable";

export interface AppProps {
  rulebooks: RulebookList;
  host: HostStatus;
  /** Initial language; Chinese unless a test or a caller says otherwise. */
  lang?: Lang;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    flexWrap: "wrap", // narrow panes: the language switch moves under the title
    columnGap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: "12rem" },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

function hostMessage(host: HostStatus, t: Texts): { intent: "info" | "warning"; text: string } | undefined {
  switch (host) {
    case "excel":
      return undefined;
    case "waiting":
      return { intent: "info", text: t.hostWaiting };
    case "other":
      return { intent: "warning", text: t.hostOther };
    case "no-office":
      return { intent: "warning", text: t.hostNoOffice };
  }
}

const App: React.FC<AppProps> = ({ rulebooks, host, lang: initialLang = "zh" }) => {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = TEXTS[lang];
  const hostNote = hostMessage(host, t);

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title2 as="h1">{t.title}</Title2>
          <Caption1 className={styles.subtitle}>{t.subtitle}</Caption1>
        </div>
        <Switch
          label={t.english}
          checked={lang === "en"}
          onChange={(_, data) => setLang(data.checked ? "en" : "zh")}
        />
      </header>

      <MessageBar intent="info" layout="multiline" data-testid="not-yet">
        <MessageBarBody>
          <MessageBarTitle>{t.notYetTitle}</MessageBarTitle>
          {t.notYetBody}
        </MessageBarBody>
      </MessageBar>

      {hostNote && (
        <MessageBar intent={hostNote.intent} layout="multiline" data-testid="host-status">
          <MessageBarBody>{hostNote.text}</MessageBarBody>
        </MessageBar>
      )}

      <section>
        <Subtitle2 as="h2">{t.rulebooksHeading}</Subtitle2>
        {rulebooks.ok ? (
          <RulebookTable rows={rulebooks.rows} lang={lang} texts={t} />
        ) : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.loadFailed}</MessageBarTitle>
              {rulebooks.message}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
    </main>
  );
};

export default App;
