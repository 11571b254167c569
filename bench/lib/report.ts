/**
 * The bench's output: each section printed as it finishes (a long run shows progress, and a failure later still
 * leaves the figures on the terminal), then docs/benchmarks.md written whole from the same sections.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Machine } from "./machine";

/** One line of a section's table: a figure beside the baseline measured in the same run, and their ratio. */
export interface Row {
  measure: string;
  figure: string;
  baseline: string;
  ratio: string;
}

export interface Section {
  /** "1. Engine throughput": numbered, which is how a rewrite tells its own sections from hand-written ones. */
  title: string;
  /** How it was measured: lines of one paragraph, kept as written so the Markdown source stays readable. */
  how: string[];
  rows: Row[];
  notes: string[];
}

export interface Target {
  name: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
  detail: string;
  /** Why a missed target is missed; left empty when met. */
  limit?: string;
}

export interface Report {
  machine: Machine;
  seconds: number;
  sections: Section[];
  targets: Target[];
  quick: boolean;
}

const verdict = (t: Target) => (t.met === undefined ? "not run" : t.met ? "met" : "MISSED");

export function printSection(s: Section): void {
  const out = [`\n${s.title}`];
  for (const r of s.rows) out.push(`  ${r.measure}: ${r.figure}${r.baseline ? ` | ${r.baseline}` : ""}${r.ratio ? ` | ${r.ratio}` : ""}`);
  for (const n of s.notes) out.push(`  - ${n}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

export function printTargets(targets: Target[]): void {
  const out = ["\nTargets"];
  for (const t of targets) out.push(`  [${verdict(t)}] ${t.name}: ${t.detail}${t.met === false && t.limit ? `\n      limit: ${t.limit}` : ""}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

/** A table cell: a pipe would end the cell and a line break the row. */
const cell = (text: string) => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");

/**
 * The `## ` sections of the existing file that the bench does not write (not "Targets", not numbered), such as
 * "Where the time goes": people write those by hand and a rerun must not lose them.
 */
function handWritten(file: string): string[] {
  if (!existsSync(file)) return [];
  const parts = readFileSync(file, "utf8").split(/^(?=## )/m).slice(1);
  return parts.filter((p) => !/^## (Targets\s*$|\d+\.)/m.test(p.split("\n", 1)[0])).map((p) => p.trimEnd());
}

export function writeMarkdown(file: string, r: Report): void {
  const m = r.machine;
  const parts: string[] = [
    "# Benchmarks",
    [
      "Written by `npm run bench` (bench/main.ts); do not edit by hand, run it again. Every figure is measured in the",
      "same run as its baseline, on the machine below; absolute numbers move with the machine and its load, ratios much less.",
      ...(r.quick ? ["**Quick run** (`--quick`): fewer runs and smaller inputs, to try the bench itself; the figures are rough."] : []),
    ].join("\n"),
    table(
      ["machine", ""],
      [
        ["CPU", m.cpu],
        ["cores", String(m.cores)],
        ["memory", m.memory],
        ["Node.js", `${m.node} (V8 ${m.v8})`],
        ["system", m.system],
        ["date", m.date],
        ["load average at start (1/5/15 min)", m.load],
        ["bench duration", `${r.seconds.toFixed(0)} s`],
      ],
    ).replace("| machine |  |", "| machine | |"),
    "## Targets",
    table(
      ["target", "result", "measured", "what limits it"],
      r.targets.map((t) => [t.name, t.met === undefined ? "not run" : `**${verdict(t)}**`, t.detail, t.met === false ? (t.limit ?? "") : ""]),
    ),
  ];
  for (const s of r.sections) {
    parts.push(`## ${s.title}`, s.how.join("\n"), table(["measure", "figure", "baseline", "ratio"], s.rows.map((x) => [x.measure, x.figure, x.baseline, x.ratio])));
    if (s.notes.length > 0) parts.push(s.notes.map((n) => `- ${n}`).join("\n"));
  }
  parts.push(...handWritten(file));
  // Written beside and renamed, so a run stopped while writing never leaves half a document.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${parts.join("\n\n")}\n`);
  renameSync(tmp, file);
}
