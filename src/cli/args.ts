/**
 * The options of one command, read with Node's own `util.parseArgs` in strict mode: an option the command does not
 * have, an option without its value (`-o` at the end, `-o --force`), a value given to a switch (`--strict=yes`) or an
 * argument too many is refused with a message naming it — and, for a misspelt option, the nearest one — instead of
 * being ignored while the command does something else.
 */
import { parseArgs as nodeParseArgs } from "node:util";
import { nearest } from "./nearest";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What a command accepts besides its options: how many arguments, and what to call them in a message. */
export interface ArgumentSpec {
  min: number;
  max: number;
  /** `WORKBOOK.xlsx`, `ID` … */
  name: string;
}

export interface CommandArgs {
  values: Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;
  positionals: string[];
}

export type ArgsRead = { ok: true; args: CommandArgs } | { ok: false; message: string };

/** `-h` and `--help`, which every command takes. */
export const HELP_OPTION: OptionSpecs = { help: { type: "boolean", short: "h" } };

function shown(name: string, spec: OptionSpec): string {
  return spec.short ? `-${spec.short}/--${name}` : `--${name}`;
}

export function readArgs(argv: readonly string[], specs: OptionSpecs, positional: ArgumentSpec): ArgsRead {
  const options = { ...HELP_OPTION, ...specs };
  // A loose pass first, to name exactly what is wrong (the strict pass throws at the first problem, in English).
  const loose = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const names = Object.keys(options);
  for (const t of loose.tokens) {
    if (t.kind !== "option") continue;
    const spec = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name] : undefined;
    if (!spec) {
      const near = nearest(t.name, names);
      const like = near ? shown(near, options[near]) : undefined;
      return { ok: false, message: `未知选项 ${t.rawName}${like ? `(是否应为 ${like}?)` : ""} / unknown option ${t.rawName}${like ? ` (did you mean ${like}?)` : ""}` };
    }
    if (spec.type === "string" && (t.value === undefined || (t.inlineValue !== true && t.value.length > 1 && t.value.startsWith("-")))) {
      return { ok: false, message: `选项 ${shown(t.name, spec)} 缺少值 / option ${shown(t.name, spec)} needs a value` };
    }
    if (spec.type === "boolean" && t.value !== undefined) {
      return { ok: false, message: `选项 ${shown(t.name, spec)} 不带值(却给了 "${t.value}")/ option ${shown(t.name, spec)} takes no value (got "${t.value}")` };
    }
  }
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    return { ok: false, message: `无法读取命令行参数 / cannot read the arguments: ${(e as Error).message}` };
  }
  if (parsed.values.help === true) return { ok: true, args: { values: parsed.values, positionals: parsed.positionals } };
  const n = parsed.positionals.length;
  if (n > positional.max) {
    const extra = parsed.positionals.slice(positional.max).map((p) => `"${p}"`).join(" ");
    return { ok: false, message: `多余的参数 ${extra} / unexpected argument(s) ${extra}` };
  }
  if (n < positional.min) return { ok: false, message: `缺少参数 ${positional.name} / ${positional.name} is missing` };
  return { ok: true, args: { values: parsed.values, positionals: parsed.positionals } };
}

export function text(args: CommandArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

export function flag(args: CommandArgs, name: string): boolean {
  return args.values[name] === true;
}

export function list(args: CommandArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}
