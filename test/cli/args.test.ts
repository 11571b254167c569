/**
 * Every command refuses an option it does not have, an option without its value, a value given to a
 * switch and an argument too many — naming it and the nearest option — instead of ignoring it and grading something
 * else. Nothing is written when the command line is refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { editDistance, nearest } from "../../src/cli/nearest";
import { runCli } from "./run";
import { sampleCopy } from "./grade-helpers";

describe("the command line refuses what it does not understand", () => {
  it.each<[string, string[], number, RegExp]>([
    ["grade: --peroid", ["grade", "{file}", "--peroid", "2026-10"], 1, /^未知选项 --peroid\(是否应为 --period\?\) \/ unknown option --peroid \(did you mean --period\?\)$/m],
    ["grade: --out", ["grade", "{file}", "--period", "2026", "--out", "x.xlsx"], 1, /unknown option --out \(did you mean -o\/--output\?\)/],
    ["grade: --rulbook", ["grade", "{file}", "--period", "2026", "--rulbook", "h003-city-bank"], 1, /did you mean --rulebook\?/],
    ["grade: an extra argument", ["grade", "{file}", "2026", "--period", "2026"], 1, /^多余的参数 "2026" \/ unexpected argument\(s\) "2026"$/m],
    ["grade: -o without a value", ["grade", "{file}", "--period", "2026", "-o"], 1, /^选项 -o\/--output 缺少值 \/ option -o\/--output needs a value$/m],
    ["grade: -o followed by a switch", ["grade", "{file}", "--period", "2026", "-o", "--force"], 1, /option -o\/--output needs a value/],
    ["grade: a value given to a switch", ["grade", "{file}", "--period", "2026", "--strict=yes"], 1, /option --strict takes no value \(got "yes"\)/],
    ["grade: an unknown short option", ["grade", "{file}", "--period", "2026", "-x"], 1, /^未知选项 -x \/ unknown option -x$/m],
    ["validate: --jsno", ["validate", "{file}", "--jsno"], 2, /did you mean --json\?/],
    ["validate: --todya", ["validate", "{file}", "--todya", "2027-01-05"], 2, /did you mean --today\?/],
    ["validate: two workbooks", ["validate", "{file}", "{file}"], 2, /unexpected argument/],
    ["evaluate: --fromat", ["evaluate", "--rulebook", "h003-city-bank", "--fromat", "table"], 1, /did you mean --format\?/],
    ["evaluate: an argument", ["evaluate", "in.json"], 1, /unexpected argument\(s\) "in\.json"/],
    ["rulebooks: an argument", ["rulebooks", "h003"], 1, /unexpected argument/],
    ["rulebook: two ids", ["rulebook", "h003-city-bank", "b002-bank-grades"], 1, /unexpected argument\(s\) "b002-bank-grades"/],
    ["an option before the command", ["--period", "2026", "grade"], 1, /the command comes first/],
  ])("%s: refused with its name, nothing written", async (_name, argv, code, message) => {
    const { dir, file } = sampleCopy();
    const run = await runCli(argv.map((a) => (a === "{file}" ? file : a)));
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it("-h and --help print a command's usage and exit 0", async () => {
    for (const argv of [["grade", "--help"], ["validate", "-h"], ["evaluate", "--help"], ["--help"], ["help"]]) {
      const run = await runCli(argv);
      expect([argv, run.code, run.stderr]).toEqual([argv, 0, ""]);
      expect(run.stdout).toContain("用法 / usage:");
    }
  });

  it("still reads every documented form: --opt value, --opt=value, -o, -f, -q, repeated --set, `-` for stdin", async () => {
    const { dir, file } = sampleCopy();
    const run = await runCli(["grade", file, "--period=2026", "-o", path.join(dir, "a.xlsx"), "-q", "--set", "h003.demotion.belowJunior=terminate", "--set=h003.score.partialStep=proRata"]);
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
    expect(fs.existsSync(path.join(dir, "a.xlsx"))).toBe(true);
    const forced = await runCli(["grade", file, "--period", "2026", "-o", path.join(dir, "a.xlsx"), "-f", "-q"]);
    expect(forced.code).toBe(0);
    const stdin = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--input", "-"], JSON.stringify({ period: "2026-10", managers: [] }));
    expect(stdin.code).toBe(0);
  }, 60_000);

  it("suggests by edit distance, counting a swap of neighbours as one edit", () => {
    expect(editDistance("peroid", "period")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(nearest("peroid", ["period", "rulebook", "output"])).toBe("period");
    expect(nearest("out", ["period", "output"])).toBe("output");
    expect(nearest("x", ["period", "output", "json"])).toBeUndefined();
    expect(nearest("verbose", ["period", "output", "json", "quiet"])).toBeUndefined();
  });
});
