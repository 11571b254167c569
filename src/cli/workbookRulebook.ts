/**
 * The rulebook and period a workbook command (`grade`, `validate`) works with: the command line wins over the
 * workbook's 设置 sheet — `--rulebook-file`, then `--rulebook`, then 规则集; `--period`, then 考核期.
 * One place, so both commands read the same options in the same order and answer bad ones the same way.
 */
import { resolveRulebook } from "../engine/api";
import type { InputProblem } from "../engine/model";
import { FIRST_YEAR, isPeriod, isPlausibleYear, yearOf } from "../engine/periods";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { address, readWorkbookSettings, type WorkbookValues } from "../workbook";
import { text, type CommandArgs } from "./args";
import type { CliIo } from "./io";

export interface WorkbookRulebook {
  book: CompiledRulebook;
  period: string;
}

/**
 * The rulebook and period, or the exit code after `usage` or `fail` has said what is wrong. A period whose year
 * cannot be meant (before 1990, after `latestYear`) is refused, from the command line and from 考核期 alike.
 */
export function workbookRulebook(
  args: CommandArgs,
  io: CliIo,
  values: WorkbookValues,
  latestYear: number,
  usage: (message: string) => number,
  fail: (list: InputProblem[]) => number,
): WorkbookRulebook | number {
  const sheet = readWorkbookSettings(values);
  const rulebookFile = text(args, "rulebook-file");
  let source: unknown = text(args, "rulebook") ?? sheet.rulebook?.value;
  if (rulebookFile) {
    try {
      source = JSON.parse(io.readFile(rulebookFile));
    } catch (e) {
      return fail([{ path: rulebookFile, message: `cannot read rulebook: ${(e as Error).message}` }]);
    }
  }
  if (source === undefined) return usage("请用 --rulebook ID 指定规则集,或在「设置」表中填写 规则集 / give --rulebook ID or 规则集 in the 设置 sheet");
  const book = resolveRulebook(source);
  if (!book.ok) return fail(book.problems);
  const given = text(args, "period");
  if (given === undefined) {
    // A 考核期 the sheet holds but that cannot be read is reported at its cell, not as a missing option.
    const bad = sheet.problems.filter((p) => p.field === "period" && p.severity === "error");
    if (sheet.period === undefined && bad.length > 0) return fail(bad.map((p) => ({ path: p.address, message: `错误 ${p.zh} | ${p.en}` })));
  }
  const period = given ?? sheet.period?.value;
  if (period === undefined) return usage("请用 --period 指定考核期(如 2026-10 或 2026),或在「设置」表中填写 考核期 / give --period");
  if (!isPeriod(period)) return usage(`--period "${period}" 不是期间(YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY)/ is not a period`);
  const year = yearOf(period);
  if (!isPlausibleYear(year, latestYear)) {
    const zh = `考核期 ${period} 的年份 ${year} 不在 ${FIRST_YEAR} 至 ${latestYear} 年之间,应是录入错误`;
    const en = `the year ${year} of the period ${period} is not between ${FIRST_YEAR} and ${latestYear}; probably a typing error`;
    if (given !== undefined) return usage(`--period "${period}": ${zh} / ${en}`);
    return fail([{ path: sheet.period!.at.row !== undefined ? address(sheet.period!.at.sheet, sheet.period!.at.row, sheet.period!.at.col ?? 0) : sheet.period!.at.sheet, message: `错误 ${zh} | ${en}` }]);
  }
  return { book: book.value, period };
}
