/**
 * `appraise tool RULE-ID --rulebook ID|--rulebook-file FILE [--input FILE] [--set key=value]…`: one tool rule of a
 * rulebook (a client's band, who approves a loan, a refund date) run on the inputs in a JSON object, answered as
 * JSON with the rule's explanation. Bad input is exit 2 with the input's path and the reason, as `evaluate` does.
 */
import { resolveRulebook, resolveSettings } from "../engine/api";
import type { InputProblem } from "../engine/model";
import { isUnavailable } from "../engine/outcome";
import { runTool } from "../engine/tools";
import { list, readArgs, text as textOption, type OptionSpecs } from "./args";
import type { CliIo } from "./io";
import { readSetOptions } from "./setOptions";

export const TOOL_USAGE = `  appraise tool RULE-ID (--rulebook ID | --rulebook-file FILE) [--input FILE] [--set key=value]...
      按规则集中的工具规则计算一组输入(JSON 对象,默认标准输入)/ run a tool rule on a JSON object of inputs
`;

const OPTIONS: OptionSpecs = {
  rulebook: { type: "string" },
  "rulebook-file": { type: "string" },
  input: { type: "string" },
  set: { type: "string", multiple: true },
};

export async function toolCommand(argv: string[], io: CliIo, usage: (message: string) => number): Promise<number> {
  const read = readArgs(argv, OPTIONS, { min: 0, max: 1, name: "RULE-ID" });
  if (!read.ok) return usage(read.message);
  const args = read.args;
  const ruleId = args.positionals[0];
  if (!ruleId) return usage("appraise tool needs a rule id");
  const file = textOption(args, "rulebook-file");
  let source: unknown = textOption(args, "rulebook");
  if (file) {
    try {
      source = JSON.parse(io.readFile(file));
    } catch (e) {
      return problems(io, [{ path: file, message: `cannot read rulebook: ${(e as Error).message}` }]);
    }
  }
  if (source === undefined) return usage("give --rulebook ID or --rulebook-file FILE");
  const book = resolveRulebook(source);
  if (!book.ok) return problems(io, book.problems);

  const inputPath = textOption(args, "input");
  let input: unknown;
  try {
    input = JSON.parse(inputPath && inputPath !== "-" ? io.readFile(inputPath) : await io.readStdin());
  } catch (e) {
    return problems(io, [{ path: inputPath ?? "stdin", message: `not a JSON object of inputs: ${(e as Error).message}` }]);
  }
  const set = readSetOptions(book.value, list(args, "set"));
  if (!set.ok) return "usage" in set ? usage(set.usage) : problems(io, set.problems);
  const settings = resolveSettings(book.value, set.overrides);
  if (!settings.ok) return problems(io, settings.problems);

  const out = runTool(book.value, settings.value, ruleId, input);
  if (isUnavailable(out)) {
    io.stderr(`${out.rule}: ${out.code === "value" ? "#VALUE!" : "#N/A"} ${out.zh} / ${out.en}\n`);
    return 2;
  }
  io.stdout(`${JSON.stringify({ rulebook: { id: book.value.doc.id, version: book.value.doc.version }, rule: ruleId, answer: out.value, explanation: out.reasons }, null, 2)}\n`);
  return 0;
}

function problems(io: CliIo, list: InputProblem[]): number {
  for (const p of list) io.stderr(`${p.path}: ${p.message}\n`);
  return 2;
}
