/**
 * `appraise`: the command line over the same engine as the add-in.
 *   appraise evaluate --rulebook ID [--input FILE] [--rulebook-file FILE] [--set key=value]… [--format json|table]
 *   appraise rulebooks
 *   appraise rulebook ID
 *   appraise grade WORKBOOK.xlsx --period YYYY-MM|YYYY [--rulebook ID] [-o OUT.xlsx] [--strict] [--set key=value]…
 *   appraise validate WORKBOOK.xlsx [--period P] [--rulebook ID] [--json]
 *   appraise tool RULE-ID --rulebook ID [--input FILE] [--set key=value]…
 * Exit codes: 0 ok, 2 invalid input (nothing on stdout, every problem on stderr with its path), 1 usage or
 * internal error; `validate` exits 1 when the workbook has errors (and 2 on a usage error).
 */
import { appraiseAll, checkAgainstRulebook, fieldVocabulary, resolveRulebook, resolveSettings } from "../engine/api";
import { parseAppraisalInput } from "../engine/input";
import type { InputProblem } from "../engine/model";
import { presetDocument, presetSummaries } from "../engine/rulebooks";
import { list, readArgs, text as textOption, type CommandArgs, type OptionSpecs } from "./args";
import { GRADE_USAGE, gradeCommand } from "./grade";
import { processIo, type CliIo } from "./io";
import { resultsTable } from "./resultsTable";
import { readSetOptions } from "./setOptions";
import { TOOL_USAGE, toolCommand } from "./tool";
import { VALIDATE_USAGE, validateCommand } from "./validate";

export const USAGE = `用法 / usage:
  appraise evaluate --rulebook ID [--input FILE] [--set key=value]... [--format json|table]
      读取考核数据(默认标准输入),输出考核结果 JSON / read records (stdin by default), write results JSON
      --rulebook-file FILE   use a rulebook JSON document instead of a built-in one
${GRADE_USAGE}${VALIDATE_USAGE}${TOOL_USAGE}  appraise rulebooks          列出内置规则集 / list built-in rulebooks
  appraise rulebook ID        打印规则集 JSON / print a rulebook as JSON
Exit codes: 0 ok, 2 invalid input (problems on stderr), 1 usage error; validate: 1 when the workbook has errors.
`;

const EVALUATE_OPTIONS: OptionSpecs = {
  rulebook: { type: "string" },
  "rulebook-file": { type: "string" },
  input: { type: "string" },
  set: { type: "string", multiple: true },
  format: { type: "string" },
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "evaluate": {
        const read = readArgs(rest, EVALUATE_OPTIONS, { min: 0, max: 0, name: "" });
        if (!read.ok) return usage(io, read.message);
        if (read.args.values.help === true) return help(io);
        return await evaluateCommand(read.args, io);
      }
      case "grade":
        return await gradeCommand(rest, io);
      case "validate":
        return await validateCommand(rest, io);
      case "tool":
        return await toolCommand(rest, io, (m) => usage(io, m));
      case "rulebooks": {
        const read = readArgs(rest, {}, { min: 0, max: 0, name: "" });
        if (!read.ok) return usage(io, read.message);
        if (read.args.values.help === true) return help(io);
        for (const s of presetSummaries()) io.stdout(`${s.id}\t${s.version}\t${s.name.zh}\t${s.name.en}\n`);
        return 0;
      }
      case "rulebook": {
        const read = readArgs(rest, {}, { min: 0, max: 1, name: "ID" });
        if (!read.ok) return usage(io, read.message);
        if (read.args.values.help === true) return help(io);
        const id = read.args.positionals[0];
        if (!id) return usage(io, "appraise rulebook needs a rulebook id");
        const resolved = resolveRulebook(id);
        if (!resolved.ok) return problems(io, resolved.problems);
        io.stdout(`${JSON.stringify(presetDocument(id), null, 2)}\n`);
        return 0;
      }
      case "help":
      case "-h":
      case "--help":
        return help(io);
      case undefined:
        io.stdout(USAGE);
        return 1;
      default:
        return usage(io, command.startsWith("-") ? `命令应在选项之前 / the command comes first, before "${command}"` : `unknown command "${command}"`);
    }
  } catch (e) {
    io.stderr(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

function help(io: CliIo): number {
  io.stdout(USAGE);
  return 0;
}

async function evaluateCommand(args: CommandArgs, io: CliIo): Promise<number> {
  const format = textOption(args, "format") ?? "json";
  if (format !== "json" && format !== "table") return usage(io, `--format must be json or table, not "${format}"`);
  const inputPath = textOption(args, "input");
  let text: string;
  try {
    text = inputPath && inputPath !== "-" ? io.readFile(inputPath) : await io.readStdin();
  } catch (e) {
    return problems(io, [{ path: inputPath ?? "stdin", message: `cannot read: ${(e as Error).message}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return problems(io, [{ path: inputPath ?? "stdin", message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const rulebookFile = textOption(args, "rulebook-file");
  const named = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as { rulebook?: unknown }).rulebook : undefined;
  let source: unknown = textOption(args, "rulebook") ?? (typeof named === "string" ? named : undefined);
  if (rulebookFile) {
    try {
      source = JSON.parse(io.readFile(rulebookFile));
    } catch (e) {
      return problems(io, [{ path: rulebookFile, message: `cannot read rulebook: ${(e as Error).message}` }]);
    }
  }
  if (source === undefined) {
    // Without a rulebook the input is still checked against the standard fields, so its problems come first.
    const parsed = parseAppraisalInput(raw);
    if (!parsed.ok) return problems(io, parsed.problems);
    return usage(io, "give --rulebook ID (or \"rulebook\" in the input)");
  }
  const book = resolveRulebook(source);
  if (!book.ok) return problems(io, book.problems);
  // The input may carry exactly the fields the rulebook declares (a format-2 rulebook's own, or the standard set).
  const parsed = parseAppraisalInput(raw, fieldVocabulary(book.value));
  if (!parsed.ok) return problems(io, parsed.problems);
  const input = parsed.value;

  const set = readSetOptions(book.value, list(args, "set"));
  if (!set.ok) return "usage" in set ? usage(io, set.usage) : problems(io, set.problems);
  const overrides: Record<string, unknown> = { ...(input.settings ?? {}) };
  for (const [k, v] of Object.entries(set.overrides)) Object.defineProperty(overrides, k, { value: v, enumerable: true, writable: true, configurable: true });
  const settings = resolveSettings(book.value, overrides);
  if (!settings.ok) return problems(io, settings.problems);
  const mismatches = checkAgainstRulebook(book.value, input);
  if (mismatches.length > 0) return problems(io, mismatches);

  const { output } = appraiseAll(book.value, settings.value, input);
  io.stdout(format === "table" ? resultsTable(book.value, input, output) : `${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

function problems(io: CliIo, list: InputProblem[]): number {
  for (const p of list) io.stderr(`${p.path}: ${p.message}\n`);
  return 2;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 1;
}
