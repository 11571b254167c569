/** A small argument parser: subcommand, `--flag value`, `--flag=value`, repeatable `--set key=value`. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string[]>;
}

const BOOLEAN_FLAGS = new Set(["help", "strict", "json", "pretty", "force", "quiet"]);
const SHORT_SWITCHES: Record<string, string> = { "-h": "help", "-f": "force", "-q": "quiet" };

export function parseArgs(argv: string[]): ParsedArgs {
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      let value: string;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (BOOLEAN_FLAGS.has(name)) value = "true";
      else {
        value = argv[i + 1] ?? "";
        i++;
      }
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (arg === "-o") {
      options.set("output", [...(options.get("output") ?? []), argv[i + 1] ?? ""]);
      i++;
    } else if (arg in SHORT_SWITCHES) {
      options.set(SHORT_SWITCHES[arg], ["true"]);
    } else if (command === undefined) command = arg;
    else positional.push(arg);
  }
  return { command, positional, options };
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  return values ? values[values.length - 1] : undefined;
}
