/**
 * `npm run bench -- --quick` builds and runs from the repository as committed (its helpers included), so the bench
 * behind docs/benchmarks.md cannot rot unseen: CI runs this with the rest of the suite. Nothing here judges a
 * figure — quick figures are rough and the machine is busy with other tests — only that every section ran, the
 * engine agreed with the plain-number version, and every target was reported. `--no-write` leaves
 * docs/benchmarks.md as the last full run wrote it.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

describe("npm run bench -- --quick", () => {
  it("builds, runs every section and reports every target", () => {
    const run = spawnSync("npm", ["run", "--silent", "bench", "--", "--quick", "--no-write"], { cwd: ROOT, encoding: "utf8", timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
    expect({ status: run.status, stderr: run.status === 0 ? "" : run.stderr.slice(-3000) }).toEqual({ status: 0, stderr: "" });
    const out = run.stdout;
    for (const title of ["1. Engine throughput", "2. Formula sheet", "3. Command line", "4. Taskpane round trips"]) expect(out).toContain(title);
    expect(out).toMatch(/the plain-number version agrees with the engine on ([\d,]+) of \1 managers/);
    const targets = out.slice(out.indexOf("Targets"));
    expect(targets.match(/^\s+\[(met|MISSED)\]/gm)?.length).toBeGreaterThanOrEqual(6);
    expect(targets).not.toMatch(/NaN|undefined|Infinity/);
  }, 900_000);
});
