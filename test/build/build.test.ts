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
}, 120_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

describe("production build", () => {
  it("compiles without errors", () => {
    expect(buildErrors).toEqual([]);
  });

  describe("functions.json", () => {
    it("lists KHJL.RULEBOOKS: id, name, no parameters, a matrix of strings", () => {
      const meta = JSON.parse(read("functions.json"));
      const fn = meta.functions.find((f: { id: string }) => f.id === "RULEBOOKS");
      expect(fn).toMatchObject({
        id: "RULEBOOKS",
        name: "RULEBOOKS",
        parameters: [],
        result: { type: "string", dimensionality: "matrix" },
      });
      expect(fn.description).toContain("内置考核规则集");
    });

    it("is matched by an associate call injected into functions.js", () => {
      expect(read("functions.js")).toMatch(/CustomFunctions\.associate\("RULEBOOKS",/);
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
    let doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any

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
      expect(app.Version[0]).toBe("1.0.0.0");
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
