/**
 * One real production build (webpack node API, the project's own config, output in a temp folder) and checks on what
 * Excel will fetch: functions.json, taskpane.html, manifest.xml, the Office.js files and the icons.
 * The build runs with ADDIN_PUBLIC_URL set, so the manifest rewrite is checked on the real copy step too.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { parseStringPromise } from "xml2js";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_URL = "https://addins.bank.example/khjl/";
const DEV_URL = "https://localhost:3000/";

let out = "";
let buildErrors: string[] = [];

function runBuild(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error("no stats")) : resolve(stats)));
  });
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "khjl-build-"));
  const savedUrl = process.env.ADDIN_PUBLIC_URL;
  process.env.ADDIN_PUBLIC_URL = PUBLIC_URL;
  try {
    const config = makeConfig({ WEBPACK_BUILD: true }, { mode: "production" }) as webpack.Configuration;
    config.output = { ...config.output, path: out };
    const stats = await runBuild(config);
    buildErrors = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
  } finally {
    if (savedUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = savedUrl;
  }
  // A production build takes about a minute on an idle 2-core machine; under load (CI beside other jobs) several.
}, 600_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

describe("production build", () => {
  it("compiles without errors", () => {
    expect(buildErrors).toEqual([]);
  });

  describe("functions.json", () => {
    const ALL = ["GRADE", "SCORE", "COMMISSION", "RISKDEPOSIT", "DEMOTION", "NEXTGRADE", "EXPLAIN", "COMPLETION", "RULEBOOKS"];
    type Fn = { id: string; name: string; description: string; parameters: Array<{ name: string; description?: string; optional?: boolean; dimensionality?: string }>; result: { dimensionality?: string }; options?: Record<string, unknown> };

    it("lists every function with its id, parameters and help, none volatile or streaming", () => {
      const meta = JSON.parse(read("functions.json"));
      const fns = meta.functions as Fn[];
      expect(fns.map((f) => f.id).sort()).toEqual([...ALL].sort());
      for (const f of fns) {
        expect(f.name).toBe(f.id); // Latin names in every language; the namespace KHJL comes from the manifest
        expect(f.description.length).toBeGreaterThan(20);
        for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
        expect(f.result.dimensionality).toBe("matrix"); // ranges in, spilled arrays out
        expect(f.options?.volatile ?? false).toBe(false);
        expect(f.options?.stream ?? false).toBe(false);
      }
      const grade = fns.find((f) => f.id === "GRADE")!;
      expect(grade.parameters.map((p) => [p.name, !!p.optional])).toEqual([["table", false], ["rows", true], ["period", true], ["rulebook", true], ["details", true]]);
      expect(read("functions.json").length).toBeLessThan(1024 * 1024); // Excel desktop refuses functions.json above 1 MB
    });

    it("has a Chinese twin, functions.zh-CN.json, with the same ids and parameters and Chinese help", () => {
      const en = JSON.parse(read("functions.json")).functions as Fn[];
      const zh = JSON.parse(read("functions.zh-CN.json")).functions as Fn[];
      // Same ids and the same parameters in the same places (Excel passes arguments by position); the names Chinese.
      expect(zh.map((f) => [f.id, f.name, f.parameters.map((p) => !!p.optional)])).toEqual(en.map((f) => [f.id, f.name, f.parameters.map((p) => !!p.optional)]));
      for (const f of zh) {
        expect(f.description).toMatch(/[\u4e00-\u9fff]/);
        for (const p of f.parameters) {
          expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
          expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      // A range holding #N/A reaches the functions, which name the row, instead of Excel's bare #VALUE!.
      expect(JSON.parse(read("functions.json")).allowErrorForDataTypeAny).toBe(true);
      expect(JSON.parse(read("functions.zh-CN.json")).allowErrorForDataTypeAny).toBe(true);
    });

    it("is matched by an associate call injected into functions.js for every id", () => {
      const js = read("functions.js");
      for (const id of ALL) expect(js).toMatch(new RegExp(`CustomFunctions\\.associate\\("${id}",`));
    });
  });

  describe("taskpane.html", () => {
    it("loads office.js in <head> before both bundles (shared runtime, no functions.html)", () => {
      const html = read("taskpane.html");
      const head = html.slice(0, html.indexOf("</head>"));
      const office = head.search(/<script src="?office\.js"?>/);
      expect(office).toBeGreaterThanOrEqual(0);
      expect(head.indexOf("taskpane.js")).toBeGreaterThan(office);
      expect(head.indexOf("functions.js")).toBeGreaterThan(office);
      expect(html).toMatch(/<div id="?container"?>/);
      expect(fs.existsSync(path.join(out, "functions.html"))).toBe(false);
    });
  });

  describe("Office.js files", () => {
    it("copies office.js unchanged", () => {
      const original = fs.readFileSync(path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js"));
      expect(fs.readFileSync(path.join(out, "office.js")).equals(original)).toBe(true);
    });

    it.each(["o15apptofilemappingtable.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js"])(
      "serves %s next to it (the loader fetches it from its own folder)",
      (file) => {
        expect(fs.existsSync(path.join(out, file))).toBe(true);
      },
    );

    it("leaves out debug builds", () => {
      expect(fs.readdirSync(out).filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    });
  });

  describe("manifest.xml", () => {
    let xml = "";
    let doc: any;

    beforeAll(async () => {
      xml = read("manifest.xml");
      doc = await parseStringPromise(xml);
    });

    it("is copied with every dev URL rewritten to ADDIN_PUBLIC_URL", () => {
      const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
      const devCount = source.split(DEV_URL).length - 1;
      expect(devCount).toBeGreaterThan(5);
      expect(xml).not.toContain("localhost");
      expect(xml.split(PUBLIC_URL).length - 1).toBe(devCount);
    });

    it("has a matching resource id for every resid", () => {
      const resids = new Set<string>();
      const ids = new Set<string>();
      const walk = (node: unknown, inResources: boolean): void => {
        if (Array.isArray(node)) return node.forEach((n) => walk(n, inResources));
        if (!node || typeof node !== "object") return;
        for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
          if (key === "$") {
            const attrs = value as Record<string, string>;
            if (attrs.resid) resids.add(attrs.resid);
            if (inResources && attrs.id) ids.add(attrs.id);
          } else {
            walk(value, inResources || key === "Resources");
          }
        }
      };
      walk(doc, false);
      expect(resids.size).toBeGreaterThan(5);
      expect([...resids].filter((r) => !ids.has(r))).toEqual([]);
    });

    it("points every URL resource at a file the build emitted", () => {
      const urls = [...xml.matchAll(/"(https:\/\/addins\.bank\.example\/khjl\/[^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(fs.existsSync(path.join(out, url.slice(PUBLIC_URL.length)))).toBe(true);
    });

    it("is the shared-runtime shape with namespace KHJL", () => {
      const app = doc.OfficeApp;
      expect(app.Version[0]).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/released.json"), "utf8")).manifestVersion);
      expect(app.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(app.Permissions[0]).toBe("ReadWriteDocument");
      expect(app.Requirements[0].Sets[0].Set[0].$).toEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
      const host = app.VersionOverrides[0].Hosts[0].Host[0];
      expect(host.Runtimes[0].Runtime[0].$).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
      expect(host.DesktopFormFactor[0].FunctionFile[0].$.resid).toBe("Taskpane.Url");
      const cf = host.AllFormFactors[0].ExtensionPoint[0];
      expect(cf.Page[0].SourceLocation[0].$.resid).toBe("Taskpane.Url");
      const strings = app.VersionOverrides[0].Resources[0]["bt:ShortStrings"][0]["bt:String"];
      const ns = strings.find((s: { $: { id: string } }) => s.$.id === cf.Namespace[0].$.resid);
      expect(ns.$.DefaultValue).toBe("KHJL");
    });

    it("names the add-in 客户经理考核 for zh-CN", () => {
      expect(doc.OfficeApp.DisplayName[0].Override[0].$).toEqual({ Locale: "zh-CN", Value: "客户经理考核" });
    });
  });

  describe("icons", () => {
    it.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a %i-pixel PNG", (size) => {
      const png = fs.readFileSync(path.join(out, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    });
  });
});
