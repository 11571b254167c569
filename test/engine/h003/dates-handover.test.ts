import { loadPreset } from "../../../src/engine/rulebooks";
import { ruleRunner } from "../../helpers/tools";

const R = "H003-NOTICE-HANDOVER";

const { outcome, value, failure } = ruleRunner(loadPreset("h003-city-bank"), R);

describe(`${R}: 7 days' written notice, handover within the following 7 days`, () => {
  it("reproduces the rule file: notice 2025-03-03 → earliest separation 2025-03-10, handover by 2025-03-10", () => {
    const r = outcome({ noticeDate: "2025-03-03" });
    expect(r.value).toEqual({ earliestSeparation: "2025-03-10", separationDate: "2025-03-10", noticeSufficient: true, handoverDeadline: "2025-03-10" });
    expect(r.reasons).toEqual([
      { rule: R, zh: "2025-03-03 书面通知,须提前 7 天:最早 2025-03-10 解除", en: "written notice 2025-03-03, 7 days ahead: separation on or after 2025-03-10" },
      { rule: R, zh: "自通知日 2025-03-03 起 7 天内完成工作移交:2025-03-10 前", en: "handover within 7 days from the notice 2025-03-03: by 2025-03-10" },
    ]);
  });

  it("h003.handover.from = separation: handover by 2025-03-17 (earliest separation + 7)", () => {
    expect(value({ noticeDate: "2025-03-03" }, { "h003.handover.from": "separation" }).handoverDeadline).toBe("2025-03-17");
    expect(value({ noticeDate: "2025-03-03", separationDate: "2025-03-20" }, { "h003.handover.from": "separation" }).handoverDeadline).toBe("2025-03-27");
  });

  it.each([
    ["2025-03-09", false], // a day short of the notice period
    ["2025-03-10", true], // exactly 7 days
    ["2025-03-11", true],
  ])("separation %s after notice 2025-03-03 → notice sufficient %s", (separationDate, ok) => {
    expect(value({ noticeDate: "2025-03-03", separationDate }).noticeSufficient).toBe(ok);
  });

  it("says by how many days a notice is short", () => {
    expect(outcome({ noticeDate: "2025-03-03", separationDate: "2025-03-08" }).reasons[1].zh).toBe("2025-03-08 解除,通知期不足 7 天(差 2 天)");
  });

  it("counts calendar days across a month end: notice 2025-02-25 → 2025-03-04", () => {
    expect(value({ noticeDate: "2025-02-25" }).earliestSeparation).toBe("2025-03-04");
  });

  it("rejects a date that is not YYYY-MM-DD", () => {
    expect(failure({ noticeDate: "2025/03/03" }).en).toBe('noticeDate: "2025/03/03" is not a date (YYYY-MM-DD)');
  });
});
