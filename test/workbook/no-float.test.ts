/**
 * The workbook layer keeps amounts decimal too: the same type-checker walk as test/engine/no-float.test.ts, over
 * src/workbook. Number cells become Dec through their shortest round-trip text; unit factors, sums and averages are
 * Dec; only row/column/calendar index lines marked `// int:` may use number arithmetic.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findFloatViolations, sourceFiles } from "../helpers/floatLint";

const DIR = path.resolve(__dirname, "../../src/workbook");

describe("decimal only for money in src/workbook", () => {
  it("has no number arithmetic, float conversion or Math on amounts in any workbook file", () => {
    expect(findFloatViolations(DIR)).toEqual([]);
  });

  it("converts a figure to Excel's number in one marked place only (excelCell)", () => {
    const marked = sourceFiles(DIR).flatMap((file) => fs.readFileSync(file, "utf8").split("\n").filter((l) => l.includes("// excel edge:")).map((l) => `${path.basename(file)}: ${l.trim()}`));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^results\.ts: const n = Number\(cell\); \/\/ excel edge:/);
  });

  it("catches a violation when one is planted (the check is not vacuous)", () => {
    const name = path.join(DIR, "__planted_float__.ts");
    const text = "export function bad(a: number): number {\n  return a * 10000;\n}\n";
    expect(findFloatViolations(DIR, { name, text }).filter((v) => v.includes("__planted_float__"))).toEqual(["__planted_float__.ts:2: number arithmetic: a * 10000"]);
  });

  it("has no Office or file-library import (the taskpane reuses it)", () => {
    for (const file of sourceFiles(DIR)) {
      expect([file, fs.readFileSync(file, "utf8").match(/from "(exceljs|office-js|node:fs|fs|@microsoft\/office-js)"/)?.[1]]).toEqual([file, undefined]);
    }
  });
});
