/** runTool: the front door for tool rules (client band, deadlines, completion…) used by functions and the pane. */
import { runTool } from "../../src/engine/tools";
import { loadPreset } from "../../src/engine/rulebooks";
import { Settings } from "../../src/engine/settings";
import { isUnavailable } from "../../src/engine/outcome";

const book = loadPreset("h003-city-bank");
const settings = Settings.resolve(book.doc).settings;

describe("runTool", () => {
  it("reports an unknown rule id as #N/A naming the rulebook", () => {
    const r = runTool(book, settings, "H003-NOPE", {});
    expect(r).toMatchObject({ unavailable: true, code: "na", en: "rulebook h003-city-bank has no rule H003-NOPE" });
  });

  it("refuses a rule that is not a tool (H003-SCORE-NPL is scored by the pipeline)", () => {
    const r = runTool(book, settings, "H003-SCORE-NPL", {});
    expect(r).toMatchObject({ code: "na", en: "H003-SCORE-NPL is not a tool rule" });
  });

  it("answers bad input with #VALUE! naming the field, in Chinese and English", () => {
    const r = runTool(book, settings, "H003-LOAN-AUTHORITY", { grade: "junior", amount: "lots" });
    expect(isUnavailable(r) && r.code).toBe("value");
    if (isUnavailable(r)) {
      expect(r.en).toMatch(/^amount/);
      expect(r.zh).toMatch(/^输入 amount 无效/);
    }
  });

  it("H003-AGENT-PROMOTION applies to agents only: run for a president it is #N/A saying so", () => {
    const r = runTool(book, settings, "H003-AGENT-PROMOTION", { months: [] }, { role: "president" });
    expect(r).toMatchObject({ code: "na", en: "H003-AGENT-PROMOTION does not apply to role president" });
  });
});
