/**
 * The taskpane: header, three tabs (校验 / 考核 / 规则集), and the state that ties them to the actions. Everything
 * Office-bound arrives as the `port` prop (undefined outside Excel: the host note says why and every action is
 * disabled), so the pane renders and is tested without an Office host. Only the selected tab is rendered; results
 * live here, so they survive switching tabs.
 */
import * as React from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { TEXTS } from "../i18n";
import type { HostStatus, Lang, TabId } from "../model";
import type { ExcelPort } from "../port";
import ConfirmReplaceDialog from "./ConfirmReplaceDialog";
import ErrorBoundary from "./ErrorBoundary";
import FreezeSection from "./FreezeSection";
import GradePanel from "./GradePanel";
import Header from "./Header";
import { useFreeze } from "./hooks/useFreeze";
import { useGrading } from "./hooks/useGrading";
import { usePeriods } from "./hooks/usePeriods";
import { useRulebooks } from "./hooks/useRulebooks";
import { useRunner } from "./hooks/useRunner";
import { useValidation } from "./hooks/useValidation";
import { HostNote, NoticeBar } from "./Notices";
import PeriodSelect from "./PeriodSelect";
import RulebookPanel from "./RulebookPanel";
import ValidatePanel from "./ValidatePanel";

export interface AppProps {
  /** The workbook, once Office.onReady has said the host is Excel; undefined before and outside Excel. */
  port: ExcelPort | undefined;
  host: HostStatus;
  /** Initial language; Chinese unless a caller says otherwise. */
  lang?: Lang;
  /** Initial tab (tests render each tab's first state). */
  tab?: TabId;
  /** Why the port could not be created inside Excel. */
  startupError?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "48rem",
    boxSizing: "border-box",
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalMNudge})` }, // align the first tab's text with the title
});

const TABS: TabId[] = ["validate", "grade", "rulebooks"];

const App: React.FC<AppProps> = ({ port, host, lang: initialLang = "zh", tab: initialTab = "validate", startupError }) => {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const t = TEXTS[lang];

  const runner = useRunner();
  const books = useRulebooks(port, runner);
  const { refresh } = books;
  const periods = usePeriods(port, tab, books.choiceKey, runner);
  const validation = useValidation(port, runner);
  const grading = useGrading(port, runner);
  const freeze = useFreeze(port, runner);

  // The 设置 sheet or another pane may have changed the choice: read it again whenever the rulebook tab is shown.
  React.useEffect(() => {
    if (tab === "rulebooks") refresh();
  }, [tab, refresh]);

  const enabled = port !== undefined && runner.busy === undefined;
  const tabLabel: Record<TabId, string> = { validate: t.tabValidate, grade: t.tabGrade, rulebooks: t.tabRulebooks };
  const periodSelect = (
    <PeriodSelect t={t} state={periods.state} value={periods.period} onChange={periods.setPeriod} disabled={runner.busy !== undefined} />
  );

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <Header t={t} lang={lang} onLang={setLang} active={books.active} />
      <HostNote host={host} connected={port !== undefined} startupError={startupError} t={t} />

      <TabList
        className={styles.tabs}
        aria-label={t.tabsLabel}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} data-testid={`tab-${id}`} aria-controls={`panel-${id}`}>
            {tabLabel[id]}
          </Tab>
        ))}
      </TabList>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <ErrorBoundary key={tab} title={t.renderFailed}>
          <NoticeBar notice={runner.notices[tab]} t={t} lang={lang} />
          {tab === "validate" && (
            <ValidatePanel
              t={t}
              lang={lang}
              enabled={enabled}
              running={runner.busy === "validate"}
              outcome={validation.outcome}
              period={periodSelect}
              onValidate={() => validation.validate(periods.period)}
              onSelect={validation.select}
            />
          )}
          {tab === "grade" && (
            <GradePanel t={t} enabled={enabled} state={grading.state} period={periodSelect} onGrade={() => grading.grade(periods.period)}>
              <FreezeSection
                t={t}
                enabled={enabled}
                running={runner.busy === "freeze"}
                target={freeze.target}
                onTarget={freeze.setTarget}
                outcome={freeze.outcome}
                onFreeze={freeze.freeze}
              />
            </GradePanel>
          )}
          {tab === "rulebooks" && (
            <RulebookPanel
              t={t}
              lang={lang}
              enabled={enabled}
              running={runner.busy === "apply" || runner.busy === "import"}
              books={books}
              onSelect={books.setSelected}
              onApply={books.apply}
              onImport={books.importFile}
              onExport={books.exportSelected}
            />
          )}
        </ErrorBoundary>
      </div>

      <ConfirmReplaceDialog t={t} sheet={grading.confirmSheet} onAnswer={grading.answer} />
    </main>
  );
};

export default App;
