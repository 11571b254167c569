/**
 * `appraise validate WORKBOOK.xlsx [--period P] [--rulebook ID] [--json]`: checks a branch workbook without grading
 * it — the same validator as the taskpane's 校验工作簿 button (src/workbook validateWorkbook). Every finding is
 * printed with its cell; the exit code is 1 when there are errors, 0 otherwise (2 when the file or the options
 * cannot be used at all). The input file is only read.
 */
import { existsSync, statSync } from "node:fs";
import { resolveSettings } from "../engine/api";
import type { InputProblem } from "../engine/model";
import { problemLine, validateWorkbook } from "../workbook";
import { flag, list, readArgs, text, type OptionSpecs } from "./args";
import type { CliIo } from "./io";
import { readSetOptions } from "./setOptions";
import { readToday } from "./today";
import { workbookRulebook } from "./workbookRulebook";
import { readWithProgress } from "./readProgress";
import { WORKBOOK_NAME, WORKBOOK_NAME_MESSAGE } from "./xlsx/fileKind";

export const VALIDATE_USAGE = `  appraise validate WORKBOOK.xlsx [--period YYYY-MM|YYYY] [--rulebook ID] [--json]
      校验支行考核工作簿,逐条列出问题及其单元格(有错误时退出码为 1)
      check a branch workbook and list every finding with its cell (exit 1 when there are errors)
      --rulebook-file FILE   use a rulebook JSON document      --set key=value   a rulebook setting
      --today YYYY-MM-DD     the date future periods are judged against (default: today)
      --json                 counts, checks and findings as JSON   --quiet   no progress lines for a large file
`;

export const VALIDATE_OPTIONS: OptionSpecs = {
  period: { type: "string" },
  rulebook: { type: "string" },
  "rulebook-file": { type: "string" },
  set: { type: "string", multiple: true },
  json: { type: "boolean" },
  today: { type: "string" },
  quiet: { type: "boolean", short: "q" },
};

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`${message}\n\n用法 / usage:\n${VALIDATE_USAGE}`);
    return 2;
  };
  const parsed = readArgs(argv, VALIDATE_OPTIONS, { min: 0, max: 1, name: "WORKBOOK.xlsx" });
  if (!parsed.ok) return usage(parsed.message);
  const { args } = parsed;
  if (flag(args, "help")) {
    io.stdout(`用法 / usage:\n${VALIDATE_USAGE}`);
    return 0;
  }
  const fail = (list: InputProblem[]) => {
    for (const p of list) io.stderr(`${p.path}: ${p.message}\n`);
    return 2;
  };
  const file = args.positionals[0];
  if (!file) return usage("appraise validate 需要一个工作簿文件 / needs a workbook file");
  if (!WORKBOOK_NAME.test(file)) return fail([{ path: file, message: WORKBOOK_NAME_MESSAGE }]);
  if (!existsSync(file)) return fail([{ path: file, message: "文件不存在 / no such file" }]);
  if (statSync(file).isDirectory()) return fail([{ path: file, message: "这是一个文件夹,不是工作簿 / this is a folder, not a workbook" }]);
  const today = readToday(text(args, "today"));
  if (!today.ok) return usage(today.message);

  const { read } = await readWithProgress(file, (line) => io.stderr(`${line}\n`), flag(args, "quiet"));
  if (!read.ok) return fail([{ path: file, message: `${read.zh} / ${read.en}` }]);
  const { values, khjlFormulas } = read;

  const chosen = workbookRulebook(args, io, values, today.latestYear, usage, fail);
  if (typeof chosen === "number") return chosen;
  const { book, period } = chosen;

  const set = readSetOptions(book, list(args, "set"));
  if (!set.ok) return "usage" in set ? usage(set.usage) : fail(set.problems);
  const settings = set.overrides;
  const checked = resolveSettings(book, settings);
  if (!checked.ok) return fail(checked.problems);

  const result = validateWorkbook(values, { book: book, period, formulaCells: khjlFormulas, settings, today: today.today });
  const { counts, checks, findings } = result;
  if (result.managers === 0) {
    // Nothing to check the workbook's people against: the findings say why no table was read.
    for (const p of findings) io.stderr(`${problemLine(p)}\n`);
    io.stderr(`${file}: 工作簿中没有读到任何客户经理(需要含「工号」列的花名册或月度指标表),无法校验 / no manager was read from the workbook (a roster or records table with a staff-id column is needed); it cannot be checked\n`);
    return 2;
  }
  if (flag(args, "json")) {
    const doc = { file, rulebook: { id: book.doc.id, version: book.doc.version }, period, counts, checks, findings };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const p of findings) io.stdout(`${problemLine(p)}\n`);
    io.stdout(
      `校验 / checked ${file} · 规则集 ${book.doc.id} v${book.doc.version} · 考核期 ${period} · ${checks.length} 项检查 / checks\n` +
        `错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info} / errors ${counts.error}, warnings ${counts.warning}, notes ${counts.info}\n`,
    );
  }
  return counts.error > 0 ? 1 : 0;
}
