/**
 * Outcomes as data: each result carries the reason codes of the triggers that fired and, apart, of those that could
 * not be judged for lack of data (`reasonCodes`), so a program reads why a status was reached — or why it is 待定 —
 * without parsing the explanation. The codes are the rule files' words (H003-DEMOTE-* and H003-RISK-* in
 * ../shared/rules/seed-003-city-bank-scoring.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { appraiseAll, resolveRulebook, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import type { ManagerResultJson } from "../../../src/engine/results";

type Json = { managers: Array<{ id: string; history: Array<Record<string, unknown>> }> } & Record<string, unknown>;
const SAMPLE = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../assets/sample-city-branch.json"), "utf8")) as Json;

function evaluate(doc: Json, settings: Record<string, unknown> = {}): Map<string, ManagerResultJson> {
  const parsed = parseAppraisalInput({ ...doc, settings });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  const book = resolveRulebook("h003-city-bank");
  if (!book.ok) throw new Error("no rulebook");
  const resolved = resolveSettings(book.value, parsed.value.settings ?? {});
  if (!resolved.ok) throw new Error("bad settings");
  return new Map(appraiseAll(book.value, resolved.value, parsed.value).output.results.map((r) => [r.id, r]));
}

describe("reasonCodes", () => {
  const results = evaluate(SAMPLE);

  it.each([
    // H003-DEMOTE-PRESIDENT: a president's score 73 ≤ 90 → demoted appointment.
    ["0102017", "demoteAppointment", ["PRESIDENT_SCORE_AT_OR_BELOW_90"]],
    // H003-DISMISS-CM-CONDUCT: 15 conduct points → dismissal.
    ["0103005", "dismiss", ["CONDUCT_POINTS_15"]],
    // H003-DEMOTE-CM-DEPOSIT-3M: deposits below 90 % of base three months running → demotion.
    ["0103006", "demote", ["DEPOSITS_BELOW_90PCT_3_MONTHS"]],
  ])("%s (%s): the fired triggers' codes, none undetermined", (id, status, fired) => {
    const r = results.get(id)!;
    expect(r.status).toBe(status);
    expect(r.reasonCodes).toEqual({ fired, undetermined: [] });
    // The same codes as the detailed outcomes.
    expect([...new Set(r.outcomes!.map((o) => o.code))]).toEqual(fired);
  });

  it("a manager nothing fired for has none", () => {
    const r = results.get("0103001")!;
    expect(r.status).toBe("normal");
    expect(r.reasonCodes).toBeUndefined();
  });

  it("a CM without the new-loan collection rate: 待定, with the code of the test that could not be made (H003-RISK-OFFPOST-COLLECTION)", () => {
    const doc = JSON.parse(JSON.stringify(SAMPLE)) as Json;
    const m = doc.managers.find((x) => x.id === "0103001")!;
    for (const h of m.history) delete h.newLoanCollectionRate;
    const r = evaluate(doc).get("0103001")!;
    expect(r.status).toBe("undetermined");
    expect(r.reasonCodes).toEqual({ fired: [], undetermined: ["NEW_LOAN_COLLECTION_BELOW_100PCT"] });
    expect(r.unavailable?.filter((u) => u.output === "status").map((u) => u.rule)).toEqual(["H003-RISK-OFFPOST-COLLECTION"]);
  });
});

/**
 * Missing data has a declared policy (rulebook `missing`, h003 setting h003.status.missingData): undetermined (the
 * default, as before), notMet (counts as not met, and the explanation says so) or error (a data error).
 */
describe("the missing-data policy of the city bank's triggers (h003.status.missingData)", () => {
  const withoutNewLoanRate = () => {
    const doc = JSON.parse(JSON.stringify(SAMPLE)) as Json;
    for (const h of doc.managers.find((x) => x.id === "0103001")!.history) delete h.newLoanCollectionRate;
    return doc;
  };
  const statusLines = (r: ManagerResultJson) => r.explanation.filter((e) => e.rule === "H003-RISK-OFFPOST-COLLECTION").map((e) => e.zh);

  it("undetermined (default): 待定, the code reported as undetermined, the status unavailable with code na", () => {
    const r = evaluate(withoutNewLoanRate()).get("0103001")!;
    expect(r.status).toBe("undetermined");
    expect(r.reasonCodes?.undetermined).toEqual(["NEW_LOAN_COLLECTION_BELOW_100PCT"]);
    expect(r.unavailable?.filter((u) => u.output === "status").map((u) => u.code)).toEqual(["na"]);
  });

  it("notMet: the missing rate counts as not met — normal — and the explanation says which policy applied", () => {
    const r = evaluate(withoutNewLoanRate(), { "h003.status.missingData": "notMet" }).get("0103001")!;
    expect(r.status).toBe("normal");
    expect(r.reasonCodes).toBeUndefined();
    expect(r.unavailable?.filter((u) => u.output === "status") ?? []).toEqual([]);
    expect(statusLines(r)).toEqual([expect.stringMatching(/^缺数据按不成立处理\(missing = notMet\):.*当年新发放贷款收息率/)]);
  });

  it("error: reported as a data error (code value), never 正常", () => {
    const r = evaluate(withoutNewLoanRate(), { "h003.status.missingData": "error" }).get("0103001")!;
    expect(r.status).not.toBe("normal");
    expect(r.unavailable?.filter((u) => u.output === "status").map((u) => [u.rule, u.code])).toEqual([["H003-RISK-OFFPOST-COLLECTION", "value"]]);
  });

  it("with the data given, every policy gives the same status", () => {
    for (const policy of ["undetermined", "notMet", "error"]) {
      const r = evaluate(SAMPLE, { "h003.status.missingData": policy });
      expect([policy, r.get("0103005")!.status, r.get("0103001")!.status]).toEqual([policy, "dismiss", "normal"]);
    }
  });
});
