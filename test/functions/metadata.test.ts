/**
 * The function metadata Excel reads (functions.json, generated from the JSDoc) and its Chinese twin, checked without
 * a webpack build: every function has help in both languages, and released ids and signatures never change.
 * Excel caches metadata for up to a day while the code updates at once (ojs #2777: a new parameter received the
 * invocation object), so any metadata change must come with a new manifest <Version> — released.json records both.
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { functionsMetadata } from "./hyperformula";

const ROOT = path.resolve(__dirname, "../..");
const released = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/released.json"), "utf8")) as {
  manifestVersion: string;
  metadataFingerprint: string;
  signatures: Record<string, string[]>;
};
const help = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/help.zh-CN.json"), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions, withOptions, METADATA_OPTIONS } = require("../../scripts/localize-functions");

describe("function metadata", () => {
  it("declares the nine functions of the appraisal, each with English help for itself and every parameter", async () => {
    const { functions } = await functionsMetadata();
    expect(functions.map((f) => f.id)).toEqual(["GRADE", "SCORE", "COMMISSION", "RISKDEPOSIT", "DEMOTION", "NEXTGRADE", "EXPLAIN", "COMPLETION", "RULEBOOKS"]);
    for (const f of functions) {
      expect(f.description).toMatch(/^[A-Z]/);
      for (const p of f.parameters) expect(p.description).toBeTruthy();
      expect(f.options?.volatile ?? false).toBe(false); // recalculation never changes a past month
    }
  });

  it("localizes every function and parameter into Chinese, and refuses help that is missing", async () => {
    const { functions } = await functionsMetadata();
    const zh = localizeFunctions({ functions }, help);
    for (const f of zh.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) {
        expect(p.description).toMatch(/^[\u4e00-\u9fff]/);
        expect(p.description.startsWith(`${p.name}:`)).toBe(true);
      }
    }
    const grade = zh.functions.find((f: { id: string }) => f.id === "GRADE");
    expect(grade.parameters.map((p: { name: string }) => p.name)).toEqual(["表格", "数据行", "期间", "规则集", "明细"]);
    const explain = zh.functions.find((f: { id: string }) => f.id === "EXPLAIN");
    expect(explain.parameters.map((p: { name: string }) => p.name)).toContain("内容");
    const partial = { ...help, GRADE: { ...help.GRADE, parameters: { table: "表格" } } };
    expect(() => localizeFunctions({ functions }, partial)).toThrow(/GRADE\.rows/);
  });

  it("lets a range holding an error value reach the functions (allowErrorForDataTypeAny), in both languages", async () => {
    const { functions } = await functionsMetadata();
    expect(withOptions({ functions }).allowErrorForDataTypeAny).toBe(true);
    expect(localizeFunctions(withOptions({ functions }), help).allowErrorForDataTypeAny).toBe(true);
  });

  it("keeps every released id with exactly its released parameters", async () => {
    const { functions } = await functionsMetadata();
    for (const [id, params] of Object.entries(released.signatures)) {
      const f = functions.find((x) => x.id === id);
      expect([id, f?.parameters.map((p) => p.name)]).toEqual([id, params]);
    }
    expect(functions.map((f) => f.id).filter((id) => !(id in released.signatures))).toEqual([]); // a new function is recorded when released
  });

  it("changes metadata only together with a new manifest version", async () => {
    const { functions } = await functionsMetadata();
    const fingerprint = createHash("sha256").update(JSON.stringify({ functions, help, options: METADATA_OPTIONS })).digest("hex").slice(0, 16);
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<Version>${released.manifestVersion}</Version>`);
    // If this fails: bump <Version> in manifest.xml and manifestVersion in src/functions/released.json, then record the new fingerprint.
    expect(fingerprint).toBe(released.metadataFingerprint);
  });
});
