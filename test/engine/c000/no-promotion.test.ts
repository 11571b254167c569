/**
 * C000-OPT-NO-PROMOTION-2Y (optional, off by default): two consecutive years of annual task completion below the
 * threshold → no promotion at the next appointment; the grade is kept. c000.opt.noPromotion.enabled and
 * c000.opt.noPromotion.threshold. Judged on year periods from the yearly records' taskCompletion.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "C000-OPT-NO-PROMOTION-2Y";
const BOOK = "c000-credit-coop";
const ON = { "c000.opt.noPromotion.enabled": true };
const cm = (y2023: string | null, y2024: string) => ({
  role: "cm",
  grade: "level2",
  history: [
    ...(y2023 === null ? [] : [{ period: "2023", taskCompletion: y2023 }]),
    { period: "2024", taskCompletion: y2024 },
  ],
});
const lines = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);

describe(RULE, () => {
  it(`${RULE}: c000.opt.noPromotion.enabled = false (default) — two poor years change nothing`, () => {
    const r = appraiseOne(BOOK, cm("0.96", "0.98"), "2024");
    expect(r.status).toBe("normal");
    expect(lines(r)).toEqual([]);
  });

  it(`${RULE}: the rule file's example (c000.opt.noPromotion.enabled = true) — 96 % in 2023 and 98 % in 2024 → no promotion for 2025`, () => {
    const r = appraiseOne(BOOK, cm("0.96", "0.98"), "2024", ON);
    expect(r.status).toBe("noPromotion");
    expect(r.grade).toBe("level2");
    expect(lines(r)).toEqual([
      {
        rule: RULE,
        zh: "任务完成率(全部任务):2023 年 96.00% < 100.00%,2024 年 98.00% < 100.00%,连续 2 年完成核定任务不理想 → 2025 年只能平级、不晋升(等级保持,不降级)",
        en: "task completion (all tasks): 2023 96.00% < 100.00%, 2024 98.00% < 100.00%; poor 2 years running → no promotion for 2025; the grade is kept, not lowered",
      },
    ]);
    expect(r.explanation.filter((e) => e.rule === "C000-DEMOTE-EFFECT").map((e) => e.zh)).toEqual([`下一聘期只能平级、不晋升,依据 ${RULE}`]);
  });

  it.each([
    ["0.9999 (just below 100 %)", "0.9999", "noPromotion"],
    ["1 (at 100 %)", "1", "normal"],
    ["1.0001 (just above)", "1.0001", "normal"],
  ])(`${RULE}: 2023 at 96 %, 2024 at %s → %s`, (_l, y2024, status) => {
    expect(appraiseOne(BOOK, cm("0.96", y2024), "2024", ON).status).toBe(status);
  });

  it(`${RULE}: one good year in between breaks the pair`, () => {
    expect(appraiseOne(BOOK, cm("1.05", "0.9"), "2024", ON).status).toBe("normal");
  });

  it(`${RULE}: c000.opt.noPromotion.threshold = 95% — 96 % and 98 % are no longer poor; 94 % and 90 % are`, () => {
    const s = { ...ON, "c000.opt.noPromotion.threshold": "95%" };
    expect(appraiseOne(BOOK, cm("0.96", "0.98"), "2024", s).status).toBe("normal");
    expect(appraiseOne(BOOK, cm("0.94", "0.9"), "2024", s).status).toBe("noPromotion");
  });

  it(`${RULE}: a threshold in percent units (95) is rejected, not read as 9500 %`, () => {
    const r = appraiseOne(BOOK, cm("0.96", "0.98"), "2024", { ...ON, "c000.opt.noPromotion.threshold": "95" });
    expect(r.unavailable?.[0]).toMatchObject({ rule: RULE, code: "value", en: 'threshold 95 looks like percent units; write "95%"' });
  });

  it(`${RULE}: without the earlier year's record the rule cannot tell (#N/A), never assumed fine`, () => {
    const r = appraiseOne(BOOK, cm(null, "0.98"), "2024", ON);
    expect(r.unavailable?.[0]).toMatchObject({ rule: RULE, code: "na", en: "missing task completion (all tasks) (taskCompletion) for 2023: cannot tell whether 2 years in a row were poor" });
  });

  it(`${RULE}: judged on year periods only (a month is not judged)`, () => {
    const m = { role: "cm", grade: "level2", history: [{ period: "2023", taskCompletion: "0.9" }, { period: "2024", taskCompletion: "0.9" }, { period: "2024-12", tasks: [{ item: "deposits", plan: "100", actual: "100" }] }] };
    expect(appraiseOne(BOOK, m, "2024-12", ON).status).toBe("normal");
  });
});
