/**
 * manifest.xml against Microsoft's add-in manifest schemas (scripts/manifest-schemas/, see its README), offline:
 * Excel refuses to sideload a manifest with an unknown or misplaced element, and says little about which. The same
 * check is `npm run validate`; this file also runs that script, so CI keeps it working.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, fileName?: string) => Promise<{ valid: boolean; errors: Array<{ line: number | null; message: string }> }>;
};

const ROOT = path.resolve(__dirname, "../..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The manifest with `find` replaced once; fails loudly if the anchor is gone, so a planted error is never a no-op. */
function planted(find: string, replace: string): string {
  expect(source.split(find)).toHaveLength(2);
  return source.replace(find, replace);
}

describe("manifest.xml against the manifest XSDs", () => {
  it("is valid, shared runtime (<Runtimes>) included", async () => {
    const result = await validateManifest(source);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(source).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
  });

  it("fails on a planted unknown element, naming it and its line", async () => {
    const xml = planted("<FunctionFile ", "<Bogus/>\n          <FunctionFile ");
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/Element '\{http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides\}Bogus': This element is not expected/);
    expect(result.errors[0].line).toBe(xml.split("\n").findIndex((l) => l.includes("<Bogus/>")) + 1);
  });

  it("fails on elements in the wrong order (Excel requires the schema's order)", async () => {
    const version = / {2}<Version>[^<]+<\/Version>\n/.exec(source)![0];
    const xml = planted(version, "").replace("</ProviderName>", `</ProviderName>\n${version}`);
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toMatch(/ProviderName': This element is not expected\. Expected is one of \(.*Version/);
  });

  it("fails on a misspelt custom-functions element and on a runtime lifetime Excel does not know", async () => {
    const namespace = await validateManifest(planted("<Namespace resid=", "<Namespce resid="));
    expect(namespace.errors.map((e) => e.message).join("\n")).toMatch(/Namespce': This element is not expected/);
    const lifetime = await validateManifest(planted('lifetime="long"', 'lifetime="forever"'));
    expect(lifetime.errors.map((e) => e.message).join("\n")).toMatch(/attribute 'lifetime'.*'forever' is not an element of the set \{'short', 'long'\}/);
  });

  it("is what `npm run validate` checks: exit 0 on the manifest, 1 with the element named on a bad copy", () => {
    const ok = spawnSync(process.execPath, ["scripts/validate-manifest.js"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/manifest\.xml is valid/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khjl-manifest-"));
    try {
      const bad = path.join(dir, "manifest.xml");
      fs.writeFileSync(bad, planted("<FunctionFile ", "<Bogus/>\n          <FunctionFile "));
      const fail = spawnSync(process.execPath, ["scripts/validate-manifest.js", bad], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
      expect(fail.status).toBe(1);
      expect(fail.stderr).toMatch(/manifest\.xml:\d+: .*Bogus': This element is not expected/);
      expect(fail.stderr).toMatch(/is not valid: 1 problem$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses only schemas whose source is noted in scripts/manifest-schemas/README.md", () => {
    const dir = path.join(ROOT, "scripts/manifest-schemas");
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    const schemas = fs.readdirSync(dir).filter((f) => f.endsWith(".xsd"));
    expect(schemas.length).toBeGreaterThanOrEqual(4);
    for (const f of schemas) expect(readme).toMatch(new RegExp(`^\\| ${f.replace(".", "\\.")} \\| `, "m"));
  });

  it("is listed in package.json as the `validate` script", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.validate).toBe("node scripts/validate-manifest.js");
  });
});
