/**
 * The rules of one rulebook: id, label in the current language, its content (format 1: a compact summary of
 * thresholds and amounts; format 2: the formula or table as the rulebook writes it) with the rulebook's note, and
 * where the rule comes from. Summaries run to a few hundred characters, so in a narrow pane (the usual ~350 px) each
 * row is laid out as a small block — label and id, then the summary, then the source — instead of four columns one
 * word wide. The DOM stays one table row with four cells either way.
 */
import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RuleRow } from "../actions/types";
import type { Texts } from "../i18n";
import type { Lang } from "../model";

const NARROW = "@media (max-width: 600px)";

const useStyles = makeStyles({
  table: { [NARROW]: { display: "block" } },
  // Still read by screen readers, hidden on screen where the stacked rows say what each part is by its look.
  head: {
    [NARROW]: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  },
  body: { [NARROW]: { display: "block" } },
  row: {
    [NARROW]: {
      display: "flex",
      flexWrap: "wrap",
      alignItems: "baseline",
      columnGap: tokens.spacingHorizontalS,
      paddingTop: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  cell: { overflowWrap: "anywhere", verticalAlign: "top", [NARROW]: { display: "block", height: "auto", paddingLeft: 0, paddingRight: 0 } },
  label: { [NARROW]: { order: 1, fontWeight: tokens.fontWeightSemibold } },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, [NARROW]: { order: 2, color: tokens.colorNeutralForeground3 } },
  summary: { [NARROW]: { order: 3, flexBasis: "100%" } },
  note: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  cite: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, [NARROW]: { order: 4, flexBasis: "100%" } },
});

export interface RulesTableProps {
  t: Texts;
  lang: Lang;
  rows: readonly RuleRow[];
}

const RulesTable: React.FC<RulesTableProps> = ({ t, lang, rows }) => {
  const s = useStyles();
  const cell = (part: string) => mergeClasses(s.cell, part);
  return (
    <Table size="small" aria-label={t.rulesHeading} data-testid="rules-table" className={s.table}>
      <TableHeader className={s.head}>
        <TableRow>
          <TableHeaderCell>{t.colId}</TableHeaderCell>
          <TableHeaderCell>{t.colLabel}</TableHeaderCell>
          <TableHeaderCell>{t.colSummary}</TableHeaderCell>
          <TableHeaderCell>{t.colCite}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={s.body}>
        {rows.map((r) => (
          <TableRow key={r.id} data-rule-id={r.id} className={s.row}>
            <TableCell className={cell(s.id)}>{r.id}</TableCell>
            <TableCell className={cell(s.label)}>{r.label?.[lang] ?? r.kind}</TableCell>
            <TableCell className={cell(s.summary)}>
              {r.summary}
              {/* The rulebook's own note (its reading of the seed, or why a rule is only recorded), under the content. */}
              {r.note && <span className={s.note}>{r.note[lang]}</span>}
            </TableCell>
            <TableCell className={cell(s.cite)}>{r.cite}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export default RulesTable;
