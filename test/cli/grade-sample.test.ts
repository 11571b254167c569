/**
 * The sample workbooks in assets/ are what scripts/make-sample-workbooks.js writes, byte for byte (the script pins
 * every timestamp), so `node scripts/make-sample-workbooks.js` rebuilds them deterministically.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./grade-helpers";

const SCRIPT = path.resolve(__dirname, "../../scripts/make-sample-workbooks.js");
const ASSETS = path.resolve(__dirname, "../../assets");

describe("scripts/make-sample-workbooks.js", () => {
  it("rebuilds every committed sample workbook byte for byte", () => {
    const dir = tempDir("samples-");
    execFileSync(process.execPath, [SCRIPT, "--out", dir], { cwd: path.dirname(SCRIPT) });
    const written = fs.readdirSync(dir).sort();
    expect(written).toContain("sample-city-bank.xlsx");
    for (const name of written) {
      expect([name, fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(path.join(ASSETS, name)))]).toEqual([name, true]);
    }
  }, 60_000);
});
