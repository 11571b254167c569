/**
 * `appraise grade WORKBOOK.xlsx --period YYYY-MM|YYYY [--rulebook ID] [-o OUT.xlsx] [--strict] [--set k=v]…`
 * Reads a branch workbook (花名册, 月度指标, 客户, 任务, 设置), maps and validates it (src/workbook), appraises it with
 * the same engine call as `appraise evaluate`, and writes a NEW workbook: `考核结果 <period>`, `机构汇总`, `问题`,
 * `计算明细` (unless --no-details). The input file is only read. Problems go to stderr with their cells; --strict stops on any error.
 */
import { existsSync, realpathSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { AppraisalOutput } from "../engine/api";
import type { InputProblem } from "../engine/model";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { appraisalInputJson, countBySeverity, problemLine, resultTables, statusLabels } from "../workbook";
import { appraiseSetup, prepareGrading } from "../workbook/grading";
import { flag, list, readArgs, text, type OptionSpecs } from "./args";
import type { CliIo } from "./io";
import { readSetOptions } from "./setOptions";
import { readToday } from "./today";
import { removeStaleTemps, writeAtomically } from "./atomicWrite";
import { outputProblem } from "./outputFile";
import { readWithProgress } from "./readProgress";
import { workbookRulebook } from "./workbookRulebook";
import { writeXlsx } from "./xlsx/write";
import { WORKBOOK_NAME, WORKBOOK_NAME_MESSAGE } from "./xlsx/fileKind";

export const GRADE_USAGE = `  appraise grade WORKBOOK.xlsx --period YYYY-MM|YYYY [--rulebook ID] [-o OUT.xlsx] [--strict] [--set key=value]...
      读取支行考核工作簿,校验并考核,写出新的结果工作簿(默认 <名称>-考核结果-<期间>.xlsx,不改动原文件)
      grade a branch workbook and write a NEW results workbook (the input is never modified)
      --rulebook-file FILE   use a rulebook JSON document      --force   overwrite an existing output file
      --strict               stop on any error in the data (exit 2, no output)
      --quiet                no progress lines                 --input-json FILE   also save the mapped data as evaluate JSON
      --no-details           leave out the 计算明细 sheet (every explanation line; KHJL.EXPLAIN and evaluate still give them)
      --today YYYY-MM-DD     the date periods are judged against (default: today; a year after next is an error)
`;


/** Progress lines appear from this many managers on (a branch file grades in well under a second). */
export const PROGRESS_MIN_MANAGERS = 1000;

export function defaultOutputPath(input: string, period: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-考核结果-${period}.xlsx`);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

export const GRADE_OPTIONS: OptionSpecs = {
  period: { type: "string" },
  rulebook: { type: "string" },
  "rulebook-file": { type: "string" },
  output: { type: "string", short: "o" },
  strict: { type: "boolean" },
  set: { type: "string", multiple: true },
  force: { type: "boolean", short: "f" },
  quiet: { type: "boolean", short: "q" },
  "input-json": { type: "string" },
  today: { type: "string" },
  "no-details": { type: "boolean" },
};

export async function gradeCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`${message}\n\n用法 / usage:\n${GRADE_USAGE}`);
    return 1;
  };
  const parsed = readArgs(argv, GRADE_OPTIONS, { min: 0, max: 1, name: "WORKBOOK.xlsx" });
  if (!parsed.ok) return usage(parsed.message);
  const { args } = parsed;
  if (flag(args, "help")) {
    io.stdout(`用法 / usage:\n${GRADE_USAGE}`);
    return 0;
  }
  const fail = (list: InputProblem[]) => {
    for (const p of list) io.stderr(`${p.path}: ${p.message}\n`);
    return 2;
  };
  const file = args.positionals[0];
  if (!file) return usage("appraise grade 需要一个工作簿文件 / needs a workbook file");
  const quiet = flag(args, "quiet");
  const strict = flag(args, "strict");
  const force = flag(args, "force");
  const today = readToday(text(args, "today"));
  if (!today.ok) return usage(today.message);
  if (!WORKBOOK_NAME.test(file)) return fail([{ path: file, message: WORKBOOK_NAME_MESSAGE }]);
  if (!existsSync(file)) return fail([{ path: file, message: "文件不存在 / no such file" }]);
  if (statSync(file).isDirectory()) return fail([{ path: file, message: "这是一个文件夹,不是工作簿 / this is a folder, not a workbook" }]);

  // Where the results go is checked before any work: a long run must not end in a missing folder or a refusal.
  const outGiven = text(args, "output");
  const inputJson = text(args, "input-json");
  const targets = (out: string) => [
    { target: out, name: OUTPUT_NAME },
    ...(inputJson !== undefined ? [{ target: inputJson, name: INPUT_JSON_NAME }] : []),
  ];
  const checkTargets = (out: string | undefined): number | undefined => {
    const json = inputJson !== undefined && (samePath(inputJson, file) || (out !== undefined && samePath(inputJson, out)));
    if (json) return usage(`--input-json 不能覆盖输入或结果文件 / must not overwrite the input or the results: ${inputJson}`);
    if (out !== undefined && samePath(out, file)) return usage(`输出文件不能是输入文件 / the output must not be the input: ${path.resolve(out)}`);
    for (const { target, name } of out === undefined ? targets("").slice(1) : targets(out)) {
      const problem = outputProblem(target, name, force);
      if (problem) return usage(problem);
    }
    return undefined;
  };
  const early = checkTargets(outGiven);
  if (early !== undefined) return early;

  const started = Date.now();
  const say = (line: string) => io.stderr(`${line}\n`);
  const { read, large } = await readWithProgress(file, say, quiet);
  if (!read.ok) return fail([{ path: file, message: `${read.zh} / ${read.en}` }]);
  const { values } = read;
  const step = (line: string) => {
    if (large && !quiet) say(line);
  };

  const chosen = workbookRulebook(args, io, values, today.latestYear, usage, fail);
  if (typeof chosen === "number") return chosen;
  const { book, period } = chosen;
  const out = path.resolve(outGiven ?? defaultOutputPath(file, period));
  if (outGiven === undefined) {
    const late = checkTargets(out);
    if (late !== undefined) return late;
  }
  for (const target of [out, ...(inputJson !== undefined ? [inputJson] : [])]) {
    for (const stale of removeStaleTemps(target)) say(`已删除上次中断留下的临时文件 / removed a temporary file an interrupted run left: ${stale}`);
  }

  step(`映射与校验 / mapping and checking …`);
  const set = readSetOptions(book, list(args, "set"));
  if (!set.ok) return "usage" in set ? usage(set.usage) : fail(set.problems);
  const prepared = prepareGrading(values, { book, period, overrides: set.overrides, latestYear: today.latestYear });
  if (!prepared.ok) return fail(prepared.problems);
  const { setup } = prepared;
  const { input } = setup;
  for (const p of setup.problems) io.stderr(`${problemLine(p)}\n`);
  const counts = countBySeverity(setup.problems);
  const n = input.managers.length;
  if (n === 0) {
    const none = setup.skipped.length > 0
      ? { zh: `工作簿中的 ${setup.skipped.length} 名客户经理均无法考核(原因见上)`, en: `none of the workbook's ${setup.skipped.length} managers can be appraised (see above)` }
      : { zh: "工作簿中没有读到任何客户经理(需要含「工号」列的花名册或月度指标表,原因见上)", en: "no manager was read from the workbook (a roster or records table with a staff-id column is needed; see above)" };
    io.stderr(`${file}: ${none.zh},未写出结果 / ${none.en}; no output written\n`);
    return 2;
  }
  if (strict && counts.error > 0) {
    io.stderr(`--strict: 数据有 ${counts.error} 个错误,未写出结果 / ${counts.error} error(s) in the data; no output written\n`);
    return 2;
  }

  const progress = n >= PROGRESS_MIN_MANAGERS && !quiet;
  // A tenth of the managers per step, so progress can be shown.
  const output = appraiseSetup(setup, progress ? Math.ceil(n / 10) : n, progress ? (s) => io.stderr(`考核进度 / progress ${Math.round((s.done * 100) / s.total)}% (${s.done}/${s.total})\n`) : undefined); // int: percent shown

  if (!quiet && (large || n >= PROGRESS_MIN_MANAGERS)) say(`写出 / writing ${out} …`);
  try {
    await writeXlsx(out, resultTables({ book: book, input, output, problems: setup.problems, details: !flag(args, "no-details") }));
  } catch (e) {
    return fail([{ path: out, message: `无法写出结果 / cannot write the results: ${(e as Error).message}` }]);
  }
  // After the results: the saved input is a companion of a finished run, never left behind by a failed one.
  if (inputJson !== undefined) {
    try {
      await writeAtomically(path.resolve(inputJson), (tmp) => writeFileSync(tmp, `${JSON.stringify(appraisalInputJson(input), null, 1)}\n`));
    } catch (e) {
      return fail([{ path: inputJson, message: `无法写出 --input-json 文件(结果已写出)/ cannot write the --input-json file (the results were written): ${(e as Error).message}` }]);
    }
  }

  io.stdout(summary(book, output, setup.skipped, counts, out, Date.now() - started)); // int: milliseconds
  return 0;
}

const OUTPUT_NAME = { zh: "输出文件", en: "the output" };
const INPUT_JSON_NAME = { zh: "--input-json 文件", en: "the --input-json file" };

type Book = CompiledRulebook;

function summary(book: Book, output: AppraisalOutput, skipped: string[], counts: Record<string, number>, out: string, ms: number): string {
  const labels = statusLabels(book);
  const byStatus = new Map<string, number>();
  for (const r of output.results) {
    const s = r.status === undefined ? "不可用" : labels.get(r.status) ?? r.status;
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1); // int: count
  }
  const lines = [
    `已写出考核结果 / results written: ${out}`,
    `规则集 ${book.doc.id} v${book.doc.version} · 考核期 ${output.period} · 考核 ${output.results.length} 人` +
      (skipped.length > 0 ? `(未考核 ${skipped.length} 人:${skipped.join("、")},见「问题」表)` : ""),
    `状态:${[...byStatus.entries()].map(([k, v]) => `${k} ${v}`).join(" · ")}`,
    `数据问题:错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}${counts.error + counts.warning + counts.info > 0 ? "(明细见标准错误输出和「问题」表)" : ""}`, // int: count
    `用时 ${(ms / 1000).toFixed(1)} 秒`, // int: seconds shown
  ];
  return `${lines.join("\n")}\n`;
}
