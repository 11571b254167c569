/**
 * The rulebook and period a workbook command (`grade`, `validate`) works with: the command line wins over the
 * workbook's 设置 sheet — `--rulebook-file`, then `--rulebook`, then 规则集; `--period`, then 考核期.
 * One place, so both commands read the same options in the same order and answer bad ones the same way.
 */
import { resolveRulebook } from "../engine/api";
import type { InputProblem } from "../engine/model";
import { isPeriod } from "../engine/periods";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { readWorkbookSettings, type WorkbookValues } from "../workbook";
import { text, type CommandArgs } from "./args";
import type { CliIo } from "./io";

export interface WorkbookRulebook {
  book: CompiledRulebook;
  period: string;
}

/** The rulebook and period, or the exit code after `usage` or `fail` has said what is wrong. */
export function workbookRulebook(
  args: CommandArgs,
  io: CliIo,
  values: WorkbookValues,
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
  const period = text(args, "period") ?? sheet.period?.value;
  if (period === undefined) return usage("请用 --period 指定考核期(如 2026-10 或 2026),或在「设置」表中填写 考核期 / give --period");
  if (!isPeriod(period)) return usage(`--period "${period}" 不是期间(YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY)/ is not a period`);
  return { book: book.value, period };
}
