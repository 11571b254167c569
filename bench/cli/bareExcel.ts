/**
 * The I/O floor of measurement 3, run as its own process: the least any tool built on ExcelJS must do to grade a
 * workbook — read every cell of the branch workbook with ExcelJS's streaming reader, and write the same results
 * workbook `appraise grade` wrote with ExcelJS's streaming writer (the writer the command uses, same options).
 * `node bareExcel.js IN.xlsx RESULTS.json OUT.xlsx`, where RESULTS.json holds the command's results workbook as
 * rows (prepared by the bench beforehand). Loading that JSON is not part of the floor: the process prints the
 * seconds it took, and the bench subtracts them.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";

interface ResultSheet {
  name: string;
  rows: unknown[][];
}

async function main(): Promise<void> {
  const [input, resultsJson, output] = process.argv.slice(2);
  const t0 = performance.now();
  const sheets = JSON.parse(readFileSync(resultsJson, "utf8")) as ResultSheet[];
  const prepSeconds = (performance.now() - t0) / 1000;

  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  for await (const ws of reader) {
    for await (const row of ws) {
      (row as ExcelJS.Row).eachCell(() => {
        cells += 1;
      });
    }
  }

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: true });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  process.stdout.write(JSON.stringify({ prepSeconds, cells }));
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
