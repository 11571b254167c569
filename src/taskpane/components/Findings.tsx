/**
 * The check's findings, errors first. Each finding is a button (Tab reaches it, Enter or a click selects its cell in
 * the workbook) showing the cell address and the message in the current language. Long lists are shown 100 per
 * severity at a time: a workbook with thousands of findings must not freeze a narrow pane.
 */
import * as React from "react";
import { Badge, Button, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity, WorkbookProblem } from "../../workbook";
import type { Texts } from "../i18n";
import { groupBySeverity, type Lang } from "../model";

export const PAGE = 100;
const FIRST_PAGE: Record<Severity, number> = { error: PAGE, warning: PAGE, info: PAGE };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  finding: {
    width: "100%",
    maxWidth: "none",
    height: "auto",
    minHeight: "auto",
    justifyContent: "flex-start",
    textAlign: "left",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThicker,
    borderLeftStyle: "solid",
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  text: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  suggested: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/**
 * What to select for a finding: its cell or range as given; for a finding about a whole sheet, the sheet name quoted
 * (`'花名册'`), so the port activates the sheet even when its name looks like a cell or holds a `!`; nothing for a
 * finding about the whole workbook.
 */
export function selectionFor(p: Pick<WorkbookProblem, "address" | "sheet" | "cell">): string {
  if (!p.address) return "";
  if (p.cell || p.address.includes("!")) return p.address;
  return `'${p.address.replace(/'/g, "''")}'`;
}

export interface FindingsProps {
  t: Texts;
  lang: Lang;
  findings: readonly WorkbookProblem[];
  onSelect(address: string): void;
}

const Findings: React.FC<FindingsProps> = ({ t, lang, findings, onSelect }) => {
  const styles = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, number>>(FIRST_PAGE);
  // A new check starts again at the first page (React's "adjust state when a prop changes" pattern).
  const [listed, setListed] = React.useState(findings);
  if (listed !== findings) {
    setListed(findings);
    setShown(FIRST_PAGE);
  }
  return (
    <section className={styles.root} data-testid="findings" aria-label={t.findingsLabel}>
      {groupBySeverity(findings).map(({ severity, items }) => {
        const visible = items.slice(0, shown[severity]);
        const rest = items.length - visible.length;
        return (
          <div key={severity} className={styles.group}>
            <Subtitle2 as="h3" className={styles.heading}>
              {t.severity[severity]}
              <Badge appearance="filled" color={BADGE[severity]}>
                {items.length}
              </Badge>
            </Subtitle2>
            <ul className={styles.list}>
              {visible.map((p, i) => {
                const target = selectionFor(p);
                return (
                  <li key={`${p.address}|${p.code}|${i}`}>
                    <Button
                      appearance="subtle"
                      shape="square"
                      className={mergeClasses(styles.finding, styles[severity])}
                      data-testid="finding"
                      data-address={p.address}
                      data-severity={p.severity}
                      disabledFocusable={!target}
                      title={target ? t.goToCell(p.address) : undefined}
                      onClick={() => onSelect(target)}
                    >
                      <span className={styles.text}>
                        <span className={styles.address}>{p.address || t.workbookWide}</span>
                        <span>{p[lang]}</span>
                        {p.suggested !== undefined && <span className={styles.suggested}>{t.suggested(p.suggested)}</span>}
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
            {rest > 0 && (
              <Button appearance="transparent" onClick={() => setShown((s) => ({ ...s, [severity]: s[severity] + PAGE }))}>
                {t.showMore(Math.min(rest, PAGE))}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
};

export default Findings;
