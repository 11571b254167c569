/** KHJL.RULEBOOKS called directly, the way Excel calls it (no arguments, a 2-D array back that spills). */
import { rulebooks } from "../../src/functions/functions";
import { presetIds } from "../../src/engine/rulebooks";

describe("KHJL.RULEBOOKS", () => {
  const result = rulebooks();

  it("starts with the header row id / version / 名称", () => {
    expect(result[0]).toEqual(["id", "version", "名称"]);
  });

  it("has one row per built-in rulebook, in preset order", () => {
    expect(result.map((row) => row[0]).slice(1)).toEqual(presetIds());
  });

  it.each([
    ["h003-city-bank", "2.0.0", "城市商业银行客户经理考核(黄石)"],
    ["g-general", "2.0.0", "通用考核约定"],
  ])("lists %s version %s named %s", (id, version, name) => {
    expect(result).toContainEqual([id, version, name]);
  });

  it("is rectangular and all text, so Excel can spill it without #VALUE!", () => {
    for (const row of result) {
      expect(row).toHaveLength(3);
      for (const cell of row) expect(typeof cell).toBe("string");
    }
  });
});
