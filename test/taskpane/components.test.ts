/**
 * The taskpane's panels rendered to HTML without Office or a DOM (renderToString): each one in the states the user
 * sees, in Chinese and English, with the test ids the browser tests rely on. Clicks and keys are the browser tests'
 * job; here the question is what is shown, and that nothing is shown in the wrong language.
 */
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkbookProblem } from "../../src/workbook";
import type { GradeOutcome, RuleRow, ValidateOutcome } from "../../src/taskpane/actions/types";
import { TEXTS } from "../../src/taskpane/i18n";
import type { Lang } from "../../src/taskpane/model";
import ValidatePanel from "../../src/taskpane/components/ValidatePanel";
import Findings, { PAGE, selectionFor } from "../../src/taskpane/components/Findings";
import GradePanel from "../../src/taskpane/components/GradePanel";
import FreezeSection from "../../src/taskpane/components/FreezeSection";
import PeriodSelect from "../../src/taskpane/components/PeriodSelect";
import RulebookPanel, { type RulebookPanelProps } from "../../src/taskpane/components/RulebookPanel";
import { HostNote, NoticeBar } from "../../src/taskpane/components/Notices";
import type { GradeState } from "../../src/taskpane/components/hooks/useGrading";
import { isDisabled, one, tags, text } from "./markup";

const noop = () => undefined;

function html(el: ReactElement): string {
  return renderToString(createElement(FluentProvider, { theme: webLightTheme }, el));
}

function finding(severity: WorkbookProblem["severity"], address: string, zh: string, en: string, extra: Partial<WorkbookProblem> = {}): WorkbookProblem {
  const [sheet, cell] = address.includes("!") ? address.split("!") : [address, ""];
  return { severity, code: "textNumber", sheet, cell, address, zh, en, ...extra };
}

const FINDINGS: WorkbookProblem[] = [
  finding("warning", "月度指标!F9", "不良率 35 像是百分数,应为 35%", "NPL ratio 35 looks like percent units; 35% meant", { suggested: "35%" }),
  finding("error", "月度指标!C7", "日均存款为文本 \"1,2O0\",不是数字", "avgDeposits is text \"1,2O0\", not a number"),
  finding("info", "", "工作簿含 KHJL 公式 12 个", "the workbook has 12 KHJL formulas"),
  finding("error", "花名册", "花名册缺少“工号”列", "the roster has no staff id column"),
];

const OUTCOME: ValidateOutcome = {
  rulebook: { id: "h003-city-bank", version: "1.0.0" },
  period: "2026-10",
  findings: FINDINGS,
  counts: { error: 2, warning: 1, info: 1 },
  checks: 37,
};

function validatePanel(lang: Lang, props: Partial<Parameters<typeof ValidatePanel>[0]> = {}): string {
  return html(
    createElement(ValidatePanel, {
      t: TEXTS[lang],
      lang,
      enabled: true,
      running: false,
      outcome: undefined,
      period: null,
      onValidate: noop,
      onSelect: noop,
      ...props,
    }),
  );
}

describe("校验 tab", () => {
  it("starts with the enabled 校验工作簿 button and no results", () => {
    const markup = validatePanel("zh");
    expect(isDisabled(one(markup, "validate-button"))).toBe(false);
    expect(text(markup)).toContain("校验工作簿");
    expect(text(markup)).toContain("月末请先校验工作簿");
    expect(tags(markup, "validate-summary")).toEqual([]);
    expect(tags(markup, "findings")).toEqual([]);
  });

  it("disables the button when it cannot act and shows a spinner while the check runs", () => {
    const markup = validatePanel("zh", { enabled: false, running: true });
    expect(isDisabled(one(markup, "validate-button"))).toBe(true);
    expect(text(markup)).toContain("正在校验工作簿…");
  });

  it("summarises the counts by severity and the checks run", () => {
    const summary = text(validatePanel("zh", { outcome: OUTCOME }).split('data-testid="validate-summary"')[1].split('data-testid="findings"')[0]);
    expect(summary).toContain("错误 2");
    expect(summary).toContain("警告 1");
    expect(summary).toContain("提示 1");
    expect(summary).toContain("规则集 h003-city-bank 1.0.0 · 考核期 2026-10 · 已运行 37 项检查");
  });

  it("lists the findings as buttons, errors first, with address, severity and the Chinese message", () => {
    const markup = validatePanel("zh", { outcome: OUTCOME });
    const buttons = tags(markup, "finding");
    expect(buttons.map((b) => [/data-severity="(\w+)"/.exec(b)![1], /data-address="([^"]*)"/.exec(b)![1]])).toEqual([
      ["error", "月度指标!C7"],
      ["error", "花名册"],
      ["warning", "月度指标!F9"],
      ["info", ""],
    ]);
    expect(buttons.every((b) => b.startsWith("<button"))).toBe(true);
    const words = text(markup);
    expect(words).toContain('月度指标!C7 日均存款为文本 "1,2O0",不是数字');
    expect(words).toContain("建议填写:35%");
    expect(words).toContain("整个工作簿 工作簿含 KHJL 公式 12 个");
    expect(words).not.toContain("avgDeposits");
  });

  it("keeps a whole-workbook finding focusable but not clickable (there is no cell to select)", () => {
    const markup = validatePanel("zh", { outcome: OUTCOME });
    const [workbookWide] = tags(markup, "finding").filter((b) => b.includes('data-address=""'));
    expect(workbookWide).toContain('aria-disabled="true"');
    expect(isDisabled(workbookWide)).toBe(false);
    const cell = tags(markup, "finding").find((b) => b.includes('data-address="月度指标!C7"'))!;
    expect(cell).not.toContain("aria-disabled");
    expect(cell).toContain('title="选中单元格 月度指标!C7"');
  });

  it("shows the findings and counts in English", () => {
    const markup = validatePanel("en", { outcome: OUTCOME });
    const words = text(markup);
    expect(words).toContain("Errors 2");
    expect(words).toContain("Rulebook h003-city-bank 1.0.0 · period 2026-10 · 37 checks run");
    expect(words).toContain('avgDeposits is text "1,2O0", not a number');
    expect(words).toContain("Suggested value: 35%");
    expect(words).toContain("Whole workbook");
    expect(words).not.toMatch(/日均存款|建议填写|错误/);
  });

  it("says 未发现问题 in a success bar when the check finds nothing", () => {
    const clean = { ...OUTCOME, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    const markup = validatePanel("zh", { outcome: clean });
    expect(text(markup.split('data-testid="no-findings"')[1])).toContain("未发现问题");
    expect(tags(markup, "findings")).toEqual([]);
    expect(text(validatePanel("en", { outcome: clean }))).toContain("No problems found");
  });

  it("shows a long list a page at a time", () => {
    const many = Array.from({ length: PAGE + 30 }, (_, i) => finding("warning", `月度指标!D${i + 2}`, "警告", "warning"));
    const markup = html(createElement(Findings, { t: TEXTS.zh, lang: "zh", findings: many, onSelect: noop }));
    expect(tags(markup, "finding")).toHaveLength(PAGE);
    expect(text(markup)).toContain("再显示 30 条");
  });
});

describe("selecting a finding's cell", () => {
  it("selects the cell, the sheet (quoted) for a sheet-wide finding, nothing for the workbook", () => {
    expect(selectionFor({ address: "月度指标!C7", sheet: "月度指标", cell: "C7" })).toBe("月度指标!C7");
    expect(selectionFor({ address: "'考核 2026'!C7", sheet: "考核 2026", cell: "C7" })).toBe("'考核 2026'!C7");
    expect(selectionFor({ address: "花名册", sheet: "花名册", cell: "" })).toBe("'花名册'");
    expect(selectionFor({ address: "O'Brien 表", sheet: "O'Brien 表", cell: "" })).toBe("'O''Brien 表'");
    expect(selectionFor({ address: "A1", sheet: "A1", cell: "" })).toBe("'A1'");
    expect(selectionFor({ address: "", sheet: "", cell: "" })).toBe("");
  });
});

describe("the period select", () => {
  it("lists the workbook's periods, latest first, with the suggested one chosen and marked", () => {
    const markup = html(
      createElement(PeriodSelect, {
        t: TEXTS.zh,
        state: { status: "ready", choice: { periods: ["2026-10", "2026-09", "2026"], suggested: "2026-10" } },
        value: "2026-10",
        onChange: noop,
        disabled: false,
      }),
    );
    const select = one(markup, "period-select");
    expect(select.startsWith("<select")).toBe(true);
    expect(isDisabled(select)).toBe(false);
    expect([...markup.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(["2026-10", "2026-09", "2026"]);
    expect(markup).toContain('<option value="2026-10" selected="">2026-10(建议)</option>');
    expect(text(markup)).toContain("考核期");
  });

  it("says it is reading while the periods load, and that there are none when the workbook has none", () => {
    const loading = html(createElement(PeriodSelect, { t: TEXTS.zh, state: { status: "loading" }, value: "", onChange: noop, disabled: false }));
    expect(isDisabled(one(loading, "period-select"))).toBe(true);
    expect(text(loading)).toContain("正在读取考核期…");
    const none = html(
      createElement(PeriodSelect, { t: TEXTS.en, state: { status: "ready", choice: { periods: [] } }, value: "", onChange: noop, disabled: false }),
    );
    expect(text(none)).toContain("The workbook has no periods");
  });
});

const GRADED: GradeOutcome = {
  sheet: "考核结果 2026-10",
  managers: 40,
  problems: { error: 1, warning: 2, info: 0 },
  statuses: [
    { label: "正常", count: 33, attention: false },
    { label: "降级", count: 4, attention: true },
    { label: "解聘", count: 1, attention: true },
  ],
};

function gradePanel(lang: Lang, state: GradeState, enabled = true): string {
  return html(createElement(GradePanel, { t: TEXTS[lang], enabled, state, period: null, onGrade: noop }));
}

describe("考核 tab", () => {
  it("starts with the 月度考核 button, no progress and no result", () => {
    const markup = gradePanel("zh", { kind: "idle" });
    expect(isDisabled(one(markup, "grade-button"))).toBe(false);
    expect(text(markup)).toContain("月度考核");
    for (const id of ["grade-progress", "grade-result", "grade-cancelled"]) expect(tags(markup, id)).toEqual([]);
  });

  it("shows a progress bar with the stage and done/total while grading", () => {
    const markup = gradePanel("zh", { kind: "running", progress: { stage: "grade", done: 12, total: 40 } }, false);
    expect(isDisabled(one(markup, "grade-button"))).toBe(true);
    const bar = one(markup, "grade-progress");
    expect(bar).toContain('aria-valuenow="0.3"');
    expect(text(markup)).toContain("计算 12/40");
    expect(text(gradePanel("en", { kind: "running", progress: { stage: "write", done: 1, total: 3 } }))).toContain("Writing 1/3");
  });

  it("shows an indeterminate bar before the first progress report", () => {
    const bar = one(gradePanel("zh", { kind: "running" }), "grade-progress");
    expect(bar).not.toContain("aria-valuenow");
  });

  it("reports the sheet, managers, data problems and outcome counts, emphasising the ones to act on", () => {
    const markup = gradePanel("zh", { kind: "done", outcome: GRADED });
    const result = markup.split('data-testid="grade-result"')[1];
    const words = text(result);
    expect(words).toContain("已写入「考核结果 2026-10」");
    expect(words).toContain("40 名客户经理");
    expect(words).toContain("数据问题:错误 1,警告 2,提示 0");
    expect(words).toMatch(/正常 33 降级 4 解聘 1/);
    expect([...result.matchAll(/<li[^>]*data-attention="true"[^>]*>\s*<strong[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(["降级", "解聘"]);
  });

  it("reports the outcome in English", () => {
    const words = text(gradePanel("en", { kind: "done", outcome: GRADED }));
    expect(words).toContain("Written to “考核结果 2026-10”");
    expect(words).toContain("40 managers");
    expect(words).toContain("Data problems: 1 errors, 2 warnings, 0 notes");
  });

  it("says nothing was changed when the user declined to replace the sheet", () => {
    expect(text(gradePanel("zh", { kind: "cancelled" }))).toContain("已取消,未改动工作簿。");
    expect(text(gradePanel("en", { kind: "cancelled" }))).toContain("Cancelled; the workbook was not changed.");
  });

  it("asks before replacing, in the words of the sheet", () => {
    expect(TEXTS.zh.confirmQuestion("考核结果 2026-10")).toBe("替换工作表「考核结果 2026-10」?");
    expect([TEXTS.zh.confirmYes, TEXTS.zh.confirmNo]).toEqual(["替换", "取消"]);
    expect(TEXTS.en.confirmQuestion("考核结果 2026-10")).toBe("Replace the sheet “考核结果 2026-10”?");
  });
});

describe("固定为数值", () => {
  const section = (lang: Lang, outcome?: { address: string; formulas: number; note: string }) =>
    html(createElement(FreezeSection, { t: TEXTS[lang], enabled: true, running: false, target: "sheet", onTarget: noop, outcome, onFreeze: noop }));

  it("offers the whole sheet (chosen) or the selection, and the freeze button", () => {
    const markup = section("zh");
    expect(one(markup, "freeze-target")).toContain('role="radiogroup"');
    expect([...markup.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => [/value="(\w+)"/.exec(m[0])![1], /checked=""/.test(m[0])])).toEqual([
      ["sheet", true],
      ["selection", false],
    ]);
    expect(isDisabled(one(markup, "freeze-button"))).toBe(false);
    expect(text(markup)).toContain("整个工作表");
    expect(text(markup)).toContain("当前选区");
    expect(tags(markup, "freeze-result")).toEqual([]);
  });

  it("reports what was frozen and the note attached", () => {
    const outcome = { address: "考核结果 2026-10!A1:K41", formulas: 120, note: "h003-city-bank 1.0.0 · 2026-11-02 09:30" };
    expect(text(section("zh", outcome).split('data-testid="freeze-result"')[1])).toContain(
      "已将 考核结果 2026-10!A1:K41 中的 120 个公式固定为数值。 h003-city-bank 1.0.0 · 2026-11-02 09:30",
    );
    expect(text(section("en", outcome))).toContain("120 formulas in 考核结果 2026-10!A1:K41 are now values.");
  });
});

const RULES: RuleRow[] = [
  { id: "h003.score.deposit", kind: "score", stage: "score", label: { zh: "存款增长得分", en: "Deposit growth score" }, summary: "≥ 30% → 50", cite: "003_x.txt lines 40–44" },
  { id: "h003.grade.ladder", kind: "grade", stage: "grade", summary: "≥ 110 → 一级", cite: "003_x.txt line 51" },
];

function rulebookPanel(lang: Lang, books: Partial<RulebookPanelProps["books"]> = {}, enabled = true): string {
  return html(
    createElement(RulebookPanel, {
      t: TEXTS[lang],
      lang,
      enabled,
      running: false,
      books: {
        active: { ok: true, value: { id: "h003-city-bank", version: "1.0.0", name: { zh: "城市商业银行", en: "City bank" }, source: "document", problems: [] } },
        options: {
          ok: true,
          value: [
            { id: "h003-city-bank", version: "1.0.0", name: { zh: "城市商业银行", en: "City bank" }, builtIn: true },
            { id: "my-branch", version: "2.1.0", name: { zh: "本支行规则", en: "Our branch" }, builtIn: false },
          ],
        },
        selected: "h003-city-bank",
        rules: { ok: true, value: RULES },
        message: undefined,
        ...books,
      },
      onSelect: noop,
      onApply: noop,
      onImport: noop,
      onExport: noop,
    }),
  );
}

describe("规则集 tab", () => {
  it("shows the active rulebook with its source", () => {
    const words = text(rulebookPanel("zh").split('data-testid="active-rulebook"')[1].split("</dl>")[0]);
    expect(words).toContain("编号 h003-city-bank 版本 1.0.0 名称 城市商业银行 来源 文档设置");
    expect(text(rulebookPanel("en"))).toContain("Source Document settings");
  });

  it("says when no rulebook is chosen, and why a stored choice cannot be used", () => {
    const none = rulebookPanel("zh", { active: { ok: true, value: { source: "none", problems: [] } } });
    expect(text(none)).toContain("来源 未选择");
    const bad = rulebookPanel("zh", { active: { ok: true, value: { id: "x", source: "sheet", problems: ["没有编号为 \"x\" 的规则集"] } } });
    expect(text(bad)).toContain("来源 「设置」表");
    expect(text(bad.split('data-testid="active-problems"')[1])).toContain('没有编号为 "x" 的规则集');
  });

  it("offers built-in and imported rulebooks, marked, with the selected one chosen", () => {
    const markup = rulebookPanel("zh");
    expect(one(markup, "rulebook-select").startsWith("<select")).toBe(true);
    const options = [...markup.matchAll(/<option value="([^"]+)"([^>]*)>([^<]*)</g)].map((m) => [m[1], /selected=""/.test(m[2]), m[3]]);
    expect(options).toEqual([
      ["h003-city-bank", true, "城市商业银行 · 1.0.0 · 内置"],
      ["my-branch", false, "本支行规则 · 2.1.0 · 导入"],
    ]);
    expect(text(rulebookPanel("en"))).toContain("Our branch · 2.1.0 · imported");
  });

  it("has apply, export and a .json file input, and says formulas recalculate", () => {
    const markup = rulebookPanel("zh");
    expect(isDisabled(one(markup, "rulebook-apply"))).toBe(false);
    expect(isDisabled(one(markup, "rulebook-export"))).toBe(false);
    const input = one(markup, "rulebook-import");
    expect(input).toMatch(/^<input[^>]*type="file"/);
    expect(input).toContain('accept=".json"');
    expect(text(markup)).toContain("KHJL 公式会按新规则集重新计算");
  });

  it("lists the selected rulebook's rules, one row per rule", () => {
    const markup = rulebookPanel("zh");
    one(markup, "rules-table");
    expect([...markup.matchAll(/<tr[^>]*data-rule-id="([^"]+)"/g)].map((m) => m[1])).toEqual(["h003.score.deposit", "h003.grade.ladder"]);
    const words = text(markup);
    expect(words).toContain("h003.score.deposit 存款增长得分 ≥ 30% → 50 003_x.txt lines 40–44");
    expect(text(rulebookPanel("en"))).toContain("Deposit growth score");
  });

  it("shows the outcome of an import, listing every problem of a rejected file", () => {
    const bad = rulebookPanel("zh", { message: { kind: "importProblems", problems: ["id: 必填", "version: 格式不对"] } });
    const words = text(bad.split('data-testid="rulebook-message"')[1]);
    expect(words).toContain("规则集未导入");
    expect(words).toContain("id: 必填");
    expect(words).toContain("version: 格式不对");
    expect(text(rulebookPanel("zh", { message: { kind: "imported", id: "my-branch", version: "2.1.0" } }))).toContain("已导入规则集 my-branch(版本 2.1.0)");
    expect(text(rulebookPanel("en", { message: { kind: "applied", id: "my-branch", version: "2.1.0" } }))).toContain(
      "Rulebook my-branch (version 2.1.0) is now in use; formulas recalculated.",
    );
  });

  it("disables the actions when it cannot act, and reports rules it cannot read", () => {
    const markup = rulebookPanel("zh", { rules: { ok: false, message: "rulebook \"my-branch\" is invalid" } }, false);
    for (const id of ["rulebook-apply", "rulebook-export", "rulebook-import"]) expect(isDisabled(one(markup, id))).toBe(true);
    expect(tags(markup, "rules-table")).toEqual([]);
    expect(text(markup)).toContain('rulebook "my-branch" is invalid');
  });
});

describe("notices", () => {
  it("shows a thrown error's message in an error bar", () => {
    const markup = html(createElement(NoticeBar, { notice: { kind: "error", message: "RichApi.Error: The request failed" }, t: TEXTS.zh, lang: "zh" }));
    expect(one(markup, "error")).toBeTruthy();
    expect(text(markup)).toContain("操作失败");
    expect(text(markup)).toContain("RichApi.Error: The request failed");
  });

  it("lists every reason an action could not start, in the current language", () => {
    const messages = [
      { zh: "本工作簿尚未选择考核规则集", en: "no rulebook is chosen for this workbook" },
      { zh: "工作簿中没有考核期", en: "the workbook has no period" },
    ];
    const zh = html(createElement(NoticeBar, { notice: { kind: "blocked", messages }, t: TEXTS.zh, lang: "zh" }));
    expect(one(zh, "blocked")).toBeTruthy();
    expect([...zh.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1])).toEqual(["本工作簿尚未选择考核规则集", "工作簿中没有考核期"]);
    const en = html(createElement(NoticeBar, { notice: { kind: "blocked", messages }, t: TEXTS.en, lang: "en" }));
    expect(text(en)).toContain("Cannot start no rulebook is chosen for this workbook the workbook has no period");
  });

  it("says nothing inside Excel with a workbook, and why not otherwise", () => {
    expect(html(createElement(HostNote, { host: "excel", connected: true, t: TEXTS.zh }))).not.toContain("data-testid");
    const broken = html(createElement(HostNote, { host: "excel", connected: false, startupError: "Excel API 1.9 is missing", t: TEXTS.zh }));
    expect(text(broken)).toContain("未能连接到 Excel 工作簿 Excel API 1.9 is missing");
  });
});

describe("texts", () => {
  it("has every key in both languages with the same kind of value", () => {
    const shape = (t: object) => Object.entries(t).map(([k, v]) => [k, typeof v, typeof v === "object" ? Object.keys(v).sort() : []]);
    expect(shape(TEXTS.en)).toEqual(shape(TEXTS.zh));
  });

  it("keeps Chinese out of the English table except sheet names the user types", () => {
    const strings = (v: unknown): string[] =>
      typeof v === "string" ? [v] : typeof v === "function" ? [String(v(..."abcd".split(""))) ] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
    const chinese = strings(TEXTS.en).filter((s) => /[\u4e00-\u9fff]/.test(s));
    expect(chinese).toEqual(["The 设置 sheet"]);
  });
});
