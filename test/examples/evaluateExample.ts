/**
 * Runs an example rulebook from examples/ through the command line, as a user would:
 * `appraise evaluate --rulebook-file examples/X.json --input in.json [--set key=value]…`, in-process with the
 * rulebook file's text read from disk. Also lists every id the rulebook declares (rules, table rows, status cases,
 * ledger movements), so tests can check that each explanation line cites one of them.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../cli/run";

export interface Line {
  rule: string;
  zh: string;
  en: string;
}

export interface Result {
  id: string;
  grade?: string;
  attainedGrade?: string | null;
  commission?: string;
  status?: string;
  values?: Record<string, string | boolean>;
  explanation: Line[];
  unavailable?: Array<{ output: string; code: string; rule: string; zh: string; en: string }>;
}

export function exampleRulebook(file: string) {
  const text = readFileSync(path.resolve(__dirname, "../..", file), "utf8");
  const doc = JSON.parse(text) as {
    rules: Array<{
      id: string;
      table?: { rows: Array<{ id?: string }> };
      status?: { cases?: Array<{ id?: string }> };
      ledger?: { movements: Array<{ id?: string }> };
    }>;
  };
  const ids = new Set<string>();
  for (const r of doc.rules) {
    ids.add(r.id);
    for (const row of r.table?.rows ?? []) if (row.id) ids.add(row.id);
    for (const c of r.status?.cases ?? []) if (c.id) ids.add(c.id);
    for (const m of r.ledger?.movements ?? []) if (m.id) ids.add(m.id);
  }

  /** Evaluates one period for the managers given; every manager's result, in input order. */
  async function evaluate(period: string, managers: unknown[], set: string[] = []): Promise<Result[]> {
    const input = JSON.stringify({ period, managers });
    const argv = ["evaluate", "--rulebook-file", file, "--input", "in.json", ...set.flatMap((s) => ["--set", s])];
    const run = await runCli(argv, "", { [file]: text, "in.json": input });
    if (run.code !== 0) throw new Error(`appraise exited ${run.code}: ${run.stderr}`);
    const out = JSON.parse(run.stdout) as { rulebook: { id: string }; period: string; results: Result[] };
    expect(out.period).toBe(period);
    for (const r of out.results) {
      // Every line of the explanation cites a rule (or a row, case or movement) of this rulebook.
      for (const line of r.explanation) expect(ids).toContain(line.rule);
    }
    return out.results;
  }

  /** The rule ids an explanation cites, in order. */
  const cited = (r: Result) => r.explanation.map((l) => l.rule);
  /** The explanation line(s) citing a rule, in Chinese. */
  const says = (r: Result, rule: string) => r.explanation.filter((l) => l.rule === rule).map((l) => l.zh).join("\n");

  return { doc, ids, evaluate, cited, says };
}
