/** The built-in rulebooks as a small table: id, version, name in the chosen language. */
import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { Texts } from "../i18n";
import type { Lang, RulebookRow } from "../model";

export interface RulebookTableProps {
  rows: RulebookRow[];
  lang: Lang;
  texts: Texts;
}

const RulebookTable: React.FC<RulebookTableProps> = ({ rows, lang, texts }) => (
  <Table size="small" aria-label={texts.rulebooksHeading} data-testid="rulebooks">
    <TableHeader>
      <TableRow>
        <TableHeaderCell>{texts.colName}</TableHeaderCell>
        <TableHeaderCell>{texts.colVersion}</TableHeaderCell>
        <TableHeaderCell>{texts.colId}</TableHeaderCell>
      </TableRow>
    </TableHeader>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.id}>
          <TableCell>{row.name[lang]}</TableCell>
          <TableCell>{row.version}</TableCell>
          <TableCell>
            <code>{row.id}</code>
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

export default RulebookTable;
