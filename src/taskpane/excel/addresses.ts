/**
 * A1 addresses as the pane passes them to Excel: findings say `花名册!A20` or `'考核结果 2026-12'!C7`, and the
 * adapter needs the sheet name apart from the cell part. Plain string work, no Office here.
 */
import { columnLetters, sheetRef } from "../../workbook/cells";

export interface SplitAddress {
  /** The sheet named in the address (quotes removed, '' unescaped), absent for a bare `C7`. */
  sheet?: string;
  /** The cell or range part (`C7`, `A1:K40`), absent when the address names only a sheet. */
  cells?: string;
}

const CELLS = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/**
 * `Sheet!C7` → {sheet, cells}; `'考核 2026'!C7` → the unquoted name; a bare `C7` → cells only; a bare sheet name
 * (a workbook-wide finding may name just its sheet) → sheet only.
 */
export function splitAddress(address: string): SplitAddress {
  const text = address.trim();
  if (text.startsWith("'")) {
    // Quoted name: '' inside stands for one quote; the name ends at the first single quote followed by ! or the end.
    let i = 1; // int: index
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") { // int: index
        name += "'";
        i += 2; // int: index
      } else if (text[i] === "'") {
        break;
      } else {
        name += text[i];
        i += 1; // int: index
      }
    }
    const rest = text.slice(i + 1); // int: index
    if (rest === "") return { sheet: name };
    if (rest.startsWith("!") && CELLS.test(rest.slice(1))) return { sheet: name, cells: rest.slice(1).replace(/\$/g, "") };
    throw new Error(`无法识别的单元格地址 ${address} / not a cell address: ${address}`);
  }
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const cells = text.slice(bang + 1); // int: index
    if (!CELLS.test(cells)) throw new Error(`无法识别的单元格地址 ${address} / not a cell address: ${address}`);
    return { sheet: text.slice(0, bang), cells: cells.replace(/\$/g, "") };
  }
  if (CELLS.test(text)) return { cells: text.replace(/\$/g, "") };
  return { sheet: text };
}

export { columnLetters, sheetRef };
