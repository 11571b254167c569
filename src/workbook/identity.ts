/**
 * Staff ids across all sheets. Text ids are collected first; then each number id is reported and, when one text
 * id in the workbook is plainly the same person (leading zeros, or the same first 15 digits), linked to it.
 */
import { address, type CellValue } from "./cells";
import { idCandidates, numberIdIssue, readIdCell } from "./ids";
import { problem, type WorkbookProblem } from "./problems";
import type { Table } from "./tables";

export interface RowId {
  id?: string;
  /** The row cannot be attributed (blank or unreadable id): skip it. */
  skip: boolean;
}

export class IdResolver {
  private readonly textIds = new Map<string, string>();
  private readonly numberIds = new Map<string, string>();

  constructor(tables: Table[]) {
    for (const t of tables) {
      const col = t.mapping.byKey.get("id")!.col;
      for (const r of t.rows) {
        const read = readIdCell(r.cells[col]);
        if (read.kind === "text" && !this.textIds.has(read.id)) this.textIds.set(read.id, address(t.sheet, r.row, col));
      }
    }
  }

  /** The id of one row, reporting anything wrong with its cell. */
  read(sheet: string, row: number, col: number, v: CellValue, problems: WorkbookProblem[]): RowId {
    const where = { sheet, row, col };
    const read = readIdCell(v);
    switch (read.kind) {
      case "blank":
        problems.push(problem("error", "blankRequired", where, { zh: "工号为空,此行未读取", en: "the staff id is blank; the row is not read" }, { field: "id" }));
        return { skip: true };
      case "invalid":
        problems.push(problem("error", read.issue.code, where, { zh: `${read.issue.zh},此行未读取`, en: `${read.issue.en}; the row is not read` }, { field: "id" }));
        return { skip: true };
      case "text":
        if (read.issue) problems.push(problem("warning", read.issue.code, where, read.issue, { field: "id", suggested: read.issue.suggested, managerId: read.id }));
        return { id: read.id, skip: false };
      case "number": {
        let id = this.numberIds.get(read.digits);
        const candidates = idCandidates(read.digits, this.textIds.keys());
        if (id === undefined) {
          id = candidates.length === 1 ? candidates[0] : read.digits;
          this.numberIds.set(read.digits, id);
        }
        const issue = numberIdIssue(read.digits, read.lost, candidates, candidates.length === 1 ? this.textIds.get(candidates[0]) : undefined);
        problems.push(problem(read.lost ? "error" : "warning", issue.code, where, issue, { field: "id", suggested: issue.suggested, managerId: id }));
        return { id, skip: false };
      }
    }
  }
}
