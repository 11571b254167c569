/**
 * The whole taskpane App rendered to HTML without Office (components never import Office): each tab's first state in
 * Chinese and English over a stub port (a plain object implementing ExcelPort, the real actions on top), and the pane
 * outside Excel, where it says why and every action is disabled. Effects do not run in renderToString, so this is
 * what the user sees before the first workbook read; what happens after a click is the browser tests' job.
 * Plain .ts with createElement because jest.config.js matches *.test.ts only.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App, { type AppProps } from "../../src/taskpane/components/App";
import { rulesOf } from "../../src/taskpane/actions";
import type { ExcelPort } from "../../src/taskpane/port";
import { presetDocument } from "../../src/engine/rulebooks";
import { RULEBOOK_CHOICE_KEY, USER_RULEBOOKS_KEY } from "../../src/workbook";
import { isDisabled, one, tags, text } from "./markup";

const CHOSEN = { [RULEBOOK_CHOICE_KEY]: { id: "h003-city-bank", settings: {} } };

/** An imported rulebook: a built-in document under an id of its own, as a user would import it. */
const IMPORTED = { [USER_RULEBOOKS_KEY]: { "my-branch": { ...(presetDocument("g-general") as object), id: "my-branch", version: "2.1.0" } } };

/** The workbook as the pane sees it: document settings given, every other call answered with canned data. */
function stubPort(settings: Record<string, unknown> = CHOSEN): ExcelPort {
  return {
    readWorkbook: async () => ({ values: {}, khjlFormulaCount: 0 }),
    select: async () => undefined,
    sheetExists: async () => false,
    writeResultsSheet: async () => undefined,
    freezeToValues: async () => ({ address: "Sheet1!A1", formulas: 0 }),
    activeSheetName: async () => "Sheet1",
    getSetting: (key) => settings[key],
    setSettings: async () => undefined,
    recalculate: async () => undefined,
  };
}

function render(props: Partial<AppProps> = {}): string {
  const all: AppProps = { port: stubPort(), host: "excel", ...props };
  return renderToString(createElement(FluentProvider, { theme: webLightTheme }, createElement(App, all)));
}

/** Each tab's label (Fluent also renders a hidden bold copy of it to reserve the width, hence the first word only). */
function tabLabels(markup: string): string[] {
  return ["tab-validate", "tab-grade", "tab-rulebooks"].map((id) => text(`<${markup.split(`data-testid="${id}"`)[1].split("</button>")[0]}`).trim().split(" ")[0]);
}

describe("taskpane App in Excel", () => {
  it("shows the title, the rulebook in force with its version, the language switch and the three tabs", () => {
    const markup = render();
    const words = text(markup);
    expect(words).toContain("客户经理考核");
    expect(text(markup.split('data-testid="header-rulebook"')[1].split("</header>")[0])).toContain("规则集: 城市商业银行客户经理考核(黄石) 版本 2.0.0");
    const toggle = one(markup, "lang-switch");
    expect(toggle).toMatch(/^<input[^>]*role="switch"/);
    expect(toggle).not.toContain("checked");
    expect(["tab-validate", "tab-grade", "tab-rulebooks"].map((id) => one(markup, id))).toHaveLength(3);
    expect(tabLabels(markup)).toEqual(["校验", "考核", "规则集"]);
    expect(one(markup, "tab-validate")).toContain('aria-selected="true"');
    expect(tags(markup, "host-status")).toEqual([]);
    expect(words).not.toContain("尚未提供");
  });

  it("opens on the 校验 tab with the button enabled and the period being read", () => {
    const markup = render();
    expect(isDisabled(one(markup, "validate-button"))).toBe(false);
    expect(text(markup)).toContain("校验工作簿");
    expect(isDisabled(one(markup, "period-select"))).toBe(true);
    expect(text(markup)).toContain("正在读取考核期…");
    for (const id of ["validate-summary", "findings", "error", "blocked", "grade-button", "rules-table"]) expect(tags(markup, id)).toEqual([]);
  });

  it("renders the 校验 tab in English when lang is en", () => {
    const markup = render({ lang: "en" });
    const words = text(markup);
    expect(words).toContain("Customer Manager Appraisal");
    expect(words).toContain("Rulebook: City commercial bank CM appraisal (Huangshi) v2.0.0");
    expect(tabLabels(markup)).toEqual(["Check", "Appraise", "Rulebooks"]);
    expect(words).toContain("Check workbook");
    expect(words).toContain("Reading periods…");
    expect(one(markup, "lang-switch")).toContain('checked=""');
    expect(markup).toContain('lang="en"');
    expect(words).not.toMatch(/校验|考核期|城市商业银行/);
  });

  it("shows the 考核 tab with the period, the appraisal button and 固定为数值 below", () => {
    const markup = render({ tab: "grade" });
    expect(one(markup, "tab-grade")).toContain('aria-selected="true"');
    one(markup, "period-select");
    expect(isDisabled(one(markup, "grade-button"))).toBe(false);
    expect(isDisabled(one(markup, "freeze-button"))).toBe(false);
    one(markup, "freeze-target");
    const words = text(markup);
    expect(words).toContain("月度考核");
    expect(words).toContain("固定为数值");
    expect(words.indexOf("月度考核")).toBeLessThan(words.lastIndexOf("固定为数值"));
    for (const id of ["grade-progress", "grade-result", "freeze-result", "validate-button"]) expect(tags(markup, id)).toEqual([]);
    const en = text(render({ tab: "grade", lang: "en" }));
    expect(en).toContain("Monthly appraisal");
    expect(en).toContain("Freeze as values");
  });

  it("shows the 规则集 tab: the active rulebook, the choice with built-in and imported ones, and the rules", () => {
    const port = stubPort({ ...CHOSEN, ...IMPORTED });
    const markup = render({ port, tab: "rulebooks" });
    expect(text(markup.split('data-testid="active-rulebook"')[1].split("</dl>")[0])).toContain(
      "编号 h003-city-bank 版本 2.0.0 名称 城市商业银行客户经理考核(黄石) 来源 文档设置",
    );
    const options = [...markup.matchAll(/<option value="([^"]+)"([^>]*)>([^<]*)</g)].map((m) => ({ id: m[1], selected: /selected=""/.test(m[2]), label: m[3] }));
    expect(options.map((o) => o.id)).toEqual(["h003-city-bank", "b002-bank-grades", "c000-credit-coop", "c000-snip-brokerage", "c000-snip-venue", "g-general", "my-branch"]);
    expect(options.find((o) => o.selected)?.id).toBe("h003-city-bank");
    expect(options[0].label).toBe("城市商业银行客户经理考核(黄石) · 2.0.0 · 内置");
    expect(options[6].label).toMatch(/ · 2\.1\.0 · 导入$/);
    for (const id of ["rulebook-apply", "rulebook-export", "rulebook-import"]) expect(isDisabled(one(markup, id))).toBe(false);
    one(markup, "rules-table");
    const rows = [...markup.matchAll(/<tr[^>]*data-rule-id="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(rulesOf(port, "h003-city-bank").map((r) => r.id));
    expect(rows.length).toBeGreaterThan(5);
    const en = text(render({ port, tab: "rulebooks", lang: "en" }));
    expect(en).toContain("Source Document settings");
    expect(en).toContain("City commercial bank CM appraisal (Huangshi) · 2.0.0 · built-in");
  });

  it("says when no rulebook is chosen, in the header and on the 规则集 tab", () => {
    const markup = render({ port: stubPort({}), tab: "rulebooks" });
    expect(text(markup.split('data-testid="header-rulebook"')[1].split("</header>")[0])).toContain("未选择规则集");
    expect(text(markup.split('data-testid="active-rulebook"')[1].split("</dl>")[0])).toContain("来源 未选择");
  });

  it("says why a stored rulebook cannot be used", () => {
    const markup = render({ port: stubPort({ [RULEBOOK_CHOICE_KEY]: { id: "no-such-book" } }), tab: "rulebooks" });
    const problems = text(markup.split('data-testid="active-problems"')[1]);
    expect(problems).toContain("当前规则集无法使用");
    expect(problems).toContain('没有编号为 "no-such-book" 的规则集');
  });
});

describe("taskpane App outside Excel", () => {
  it.each([
    ["waiting", "正在连接 Office…"],
    ["other", "当前不在 Excel 中运行"],
    ["no-office", "未能加载 Office.js"],
  ] as const)("says where it runs when the host is %s", (host, note) => {
    const markup = render({ port: undefined, host });
    expect(text(markup.split('data-testid="host-status"')[1])).toContain(note);
  });

  it("disables every action on every tab", () => {
    const validate = render({ port: undefined, host: "other" });
    expect(isDisabled(one(validate, "validate-button"))).toBe(true);
    const grade = render({ port: undefined, host: "other", tab: "grade" });
    for (const id of ["grade-button", "freeze-button"]) expect(isDisabled(one(grade, id))).toBe(true);
    const radios = grade.match(/<input[^>]*type="radio"[^>]*>/g) ?? [];
    expect(radios.length).toBe(2);
    expect(radios.every(isDisabled)).toBe(true);
    const books = render({ port: undefined, host: "other", tab: "rulebooks" });
    for (const id of ["rulebook-apply", "rulebook-export", "rulebook-import"]) expect(isDisabled(one(books, id))).toBe(true);
  });

  it("still lists the built-in rulebooks, without an active one or rules to show", () => {
    const markup = render({ port: undefined, host: "other", tab: "rulebooks", lang: "en" });
    expect(text(markup)).toContain("City commercial bank CM appraisal (Huangshi) · 2.0.0 · built-in");
    for (const id of ["active-rulebook", "rules-table", "header-rulebook"]) expect(tags(markup, id)).toEqual([]);
    expect(text(markup)).toContain("Not running inside Excel");
  });

  it("reports a port that could not be created inside Excel", () => {
    const markup = render({ port: undefined, host: "excel", startupError: "ExcelApi 1.9 is not supported" });
    expect(text(markup.split('data-testid="host-status"')[1])).toContain("未能连接到 Excel 工作簿 ExcelApi 1.9 is not supported");
    expect(isDisabled(one(markup, "validate-button"))).toBe(true);
  });
});
