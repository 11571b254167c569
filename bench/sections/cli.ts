/**
 * Measurement 3: `appraise grade` on a generated workbook of 10 000 managers × 12 months (plus the annual records),
 * against a bare ExcelJS read + write of the same workbook, each run as its own Node process the way a user runs it
 * (`node bin/appraise.js grade FILE --period 2026 --force`, lib/ built by `npm run build:cli`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { writeBranchWorkbook } from "../cli/workbook";
import { readXlsx } from "../../src/cli/xlsx/read";
import { fmt, nowSeconds } from "../lib/measure";
import type { Row, Section } from "../lib/report";

export interface CliFigures {
  cliSeconds: number;
  floorSeconds: number;
  cliPeakMb: number;
  ok: boolean;
}

interface Run {
  seconds: number;
  peakMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const OUT_DIR = path.resolve("out/bench");
const PRELOAD = path.resolve(__dirname, "../cli/peakMemory.js");

function runNode(args: string[]): Run {
  const peakFile = path.join(OUT_DIR, `peak-${process.pid}.txt`);
  rmSync(peakFile, { force: true });
  const t0 = nowSeconds();
  const r = spawnSync(process.execPath, ["-r", PRELOAD, ...args], { env: { ...process.env, BENCH_PEAK_FILE: peakFile }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = nowSeconds() - t0;
  const peakKb = existsSync(peakFile) ? Number(readFileSync(peakFile, "utf8")) : NaN;
  return { seconds, peakMb: peakKb / 1024, status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function cliSection(managers: number, runs: number): Promise<{ section: Section; figures: CliFigures }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `branch-${managers}.xlsx`);
  const copy = path.join(OUT_DIR, `branch-${managers}-copy.xlsx`);
  const results = path.join(OUT_DIR, `branch-${managers}-results.xlsx`);
  const resultsJson = path.join(OUT_DIR, `branch-${managers}-results.json`);
  const t0 = nowSeconds();
  const made = await writeBranchWorkbook(file, managers);
  const genSeconds = nowSeconds() - t0;
  const size = statSync(file).size;

  const grade = () => runNode([path.resolve("bin/appraise.js"), "grade", file, "--period", "2026", "--force", "-o", results]);
  // The floor writes what the command writes: its results workbook, as rows (prepared once, not timed).
  const first = grade();
  if (first.status !== 0) throw new Error(`appraise grade failed (exit ${first.status}):\n${first.stderr.slice(-2000)}`);
  const written = await readXlsx(results);
  writeFileSync(resultsJson, JSON.stringify(Object.entries(written).map(([name, rows]) => ({ name, rows }))));

  const cli: Run[] = [];
  const floor: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so a slower stretch of the machine does not always land on the same one.
    const pair = i % 2 === 0 ? ["floor", "cli"] : ["cli", "floor"];
    for (const which of pair) {
      if (which === "floor") {
        const r = runNode([path.resolve(__dirname, "../cli/bareExcel.js"), file, resultsJson, copy]);
        const prep = r.status === 0 ? (JSON.parse(r.stdout) as { prepSeconds: number }).prepSeconds : 0;
        floor.push({ ...r, seconds: r.seconds - prep });
      } else cli.push(grade());
    }
  }
  const failed = [...cli, ...floor].find((r) => r.status !== 0);
  if (failed) throw new Error(`a measured process failed (exit ${failed.status}):\n${failed.stderr.slice(-2000)}`);
  const summary = cli[cli.length - 1].stdout.trim().split("\n");
  const graded = /考核 (\d+) 人/.exec(summary.join("\n"))?.[1];
  const ok = graded === String(managers);

  const c = median(cli.map((r) => r.seconds));
  const f = median(floor.map((r) => r.seconds));
  const cm = median(cli.map((r) => r.peakMb));
  const fm = median(floor.map((r) => r.peakMb));
  const rows: Row[] = [
    { measure: `appraise grade, ${fmt(managers)} managers × 13 records (${fmt(made.records)} rows, ${(size / 1024 / 1024).toFixed(1)} MB)`, figure: `${c.toFixed(1)} s`, baseline: `ExcelJS streaming read + write ${f.toFixed(1)} s`, ratio: `${(c / f).toFixed(2)}×` },
    { measure: "peak memory (resident)", figure: `${fmt(cm)} MB`, baseline: `ExcelJS streaming read + write ${fmt(fm)} MB`, ratio: `${(cm / fm).toFixed(2)}×` },
  ];
  return {
    figures: { cliSeconds: c, floorSeconds: f, cliPeakMb: cm, ok },
    section: {
      title: "3. Command line on a 10 000-manager workbook",
      how: [
        `A workbook in the layout of assets/sample-city-bank.xlsx is generated (bench/cli/workbook.ts, ${genSeconds.toFixed(0)} s, not timed):`,
        `${fmt(managers)} managers of bench/gen/h003.ts, 12 months of 2026 and the annual record each (2025 too for presidents).`,
        "Each figure is the median wall time of separate `node` processes, started alternately, including Node's start-up:",
        "`node bin/appraise.js grade FILE --period 2026 --force` (read, check, appraise, write the results workbook) against the",
        "I/O floor (bench/cli/bareExcel.ts): ExcelJS's streaming reader reading every cell of the same file, then ExcelJS's",
        "streaming writer writing the same results workbook (its rows prepared beforehand; loading them is subtracted).",
      ],
      rows,
      notes: [
        `Runs: ${runs} of each. CLI times: ${cli.map((r) => r.seconds.toFixed(1)).join(", ")} s; floor: ${floor.map((r) => r.seconds.toFixed(1)).join(", ")} s.`,
        `The command line graded ${graded ?? "?"} managers${ok ? "" : " (expected " + managers + ")"}; its summary: ${summary.slice(1, 3).join(" / ")}.`,
      ],
    },
  };
}
