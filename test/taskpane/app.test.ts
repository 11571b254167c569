/**
 * The taskpane App rendered to HTML without Office (components never import Office): title, the honest
 * "not yet available" note, the rulebook table, the host note and the English switch's initial state.
 * Plain .ts with createElement because jest.config.js matches *.test.ts only.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App, { type AppProps } from "../../src/taskpane/components/App";
import type { RulebookList } from "../../src/taskpane/model";

const BOOKS: RulebookList = {
  ok: true,
  rows: [{ id: "h003-city-bank", version: "1.0.0", name: { zh: "城市商业银行客户经理考核(黄石)", en: "City commercial bank CM appraisal (Huangshi)" } }],
};

function render(props: AppProps): string {
  return renderToString(createElement(FluentProvider, { theme: webLightTheme }, createElement(App, props)));
}

describe("taskpane App", () => {
  it("shows the Chinese title, the not-yet-available note and the rulebooks", () => {
    const html = render({ rulebooks: BOOKS, host: "excel" });
    expect(html).toContain("客户经理考核");
    expect(html).toContain("“校验工作簿”和“月度考核”功能尚未提供");
    expect(html).toContain("城市商业银行客户经理考核(黄石)");
    expect(html).toContain("1.0.0");
    expect(html).toContain("h003-city-bank");
    expect(html).not.toContain('data-testid="host-status"');
  });

  it("offers no button for the features that do not exist yet", () => {
    const html = render({ rulebooks: BOOKS, host: "excel" });
    expect(html).not.toMatch(/<button[^>]*>[^<]*(校验工作簿|月度考核)/);
  });

  it("renders every text in English when lang is en", () => {
    const html = render({ rulebooks: BOOKS, host: "excel", lang: "en" });
    expect(html).toContain("Customer Manager Appraisal");
    expect(html).toContain("City commercial bank CM appraisal (Huangshi)");
    expect(html).toContain("are not available yet");
    expect(html).not.toContain("城市商业银行");
  });

  it.each([
    ["waiting", "正在连接 Office…"],
    ["other", "当前不在 Excel 中运行"],
    ["no-office", "未能加载 Office.js"],
  ] as const)("says where it runs when the host is %s", (host, text) => {
    expect(render({ rulebooks: BOOKS, host })).toContain(text);
  });

  it("reports a rulebook that fails to load instead of an empty table", () => {
    const html = render({ rulebooks: { ok: false, message: "built-in rulebook g-general is invalid" }, host: "excel" });
    expect(html).toContain("内置规则集加载失败");
    expect(html).toContain("built-in rulebook g-general is invalid");
    expect(html).not.toContain('data-testid="rulebooks"');
  });
});
