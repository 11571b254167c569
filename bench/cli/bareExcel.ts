/**
 * The I/O floor of measurement 3, run as its own process: ExcelJS reads the branch workbook and writes it back,
 * nothing else. `node bareExcel.js IN.xlsx OUT.xlsx`.
 */
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
