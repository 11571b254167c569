/** webpack.config.js helpers and settings checked without running webpack: manifest URL rewrite, Office.js file filter, ts-loader instances. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest, isOfficeRuntimeFile } = require("../../webpack.config.js");
import * as path from "path";

const XML = `<a DefaultValue="https://localhost:3000/taskpane.html"/><b DefaultValue="https://localhost:3000/assets/icon-16.png"/>`;

describe("rewriteManifest", () => {
  it("leaves the manifest alone when ADDIN_PUBLIC_URL is not set", () => {
    expect(rewriteManifest(XML, undefined)).toBe(XML);
    expect(rewriteManifest(XML, "")).toBe(XML);
  });

  it("rewrites every dev URL, not only the first", () => {
    expect(rewriteManifest(XML, "https://addins.bank.example/khjl/")).toBe(
      `<a DefaultValue="https://addins.bank.example/khjl/taskpane.html"/><b DefaultValue="https://addins.bank.example/khjl/assets/icon-16.png"/>`,
    );
  });

  it("adds the missing trailing slash of the public URL", () => {
    expect(rewriteManifest(XML, "https://addins.bank.example")).toBe(
      `<a DefaultValue="https://addins.bank.example/taskpane.html"/><b DefaultValue="https://addins.bank.example/assets/icon-16.png"/>`,
    );
  });
});

describe("isOfficeRuntimeFile", () => {
  const dist = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
  it.each([
    ["office.js", true],
    ["o15apptofilemappingtable.js", true],
    ["excel-win32-16.01.js", true],
    ["excel-web-16.00.js", true],
    ["zh-cn/office_strings.js", true],
    ["office.debug.js", false],
    ["office.d.ts", false],
    ["office-vsdoc.js", false],
    ["word-win32-16.01.js", false],
    ["zh-cn/outlook_strings.js", false],
  ])("%s → %s", (file, kept) => {
    expect(isOfficeRuntimeFile(path.join(dist, file))).toBe(kept);
  });
});

describe("ts-loader instances", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js");
  const rules = makeConfig({}, { mode: "development" }).module.rules as Array<{ include?: string; exclude?: unknown[]; use: { options: { instance: string } } }>;
  const functionsFile = path.resolve(__dirname, "../../src/functions/functions.ts");

  it("compiles functions.ts in its own instance, so watch rebuilds do not append the associate calls to every file", () => {
    const own = rules.find((r) => r.include === functionsFile);
    const main = rules.find((r) => r.exclude?.includes(functionsFile));
    expect(own?.use.options.instance).toBe("functions");
    expect(main?.use.options.instance).toBe("main");
  });
});
