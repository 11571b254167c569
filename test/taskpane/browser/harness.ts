/**
 * The real-browser harness: builds the taskpane with the project's webpack config (development mode, type-checking
 * left to tsc, Microsoft's Office.js files not copied) into a temp folder, serves it on 127.0.0.1, and opens it in
 * Debian's Chromium through playwright-core with a throwaway profile and HOME. The request for office.js is answered
 * with fake-office.js plus the workbook of the test, so the page's `Office`/`Excel` are the fake.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import CopyWebpackPlugin from "copy-webpack-plugin";
import type { Fake, FakeSpec } from "./fake-office";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../../..");
const FAKE_SOURCE = fs.readFileSync(path.join(__dirname, "fake-office.js"), "utf8");
export const SCREENSHOTS = path.join(ROOT, "test-output/screenshots");

/** Never a downloaded browser: Debian's package (apt-get install chromium). */
const CHROMIUM = "/usr/bin/chromium";

/** Every file the bundle is made from, hashed: a build is reused only for exactly these sources. */
function sourceKey(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(`${path.relative(ROOT, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(path.join(ROOT, "src"));
  for (const f of ["webpack.config.js", "scripts/localize-functions.js", "tsconfig.json", "package-lock.json"]) {
    if (fs.existsSync(path.join(ROOT, f))) hash.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  }
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runWebpack(out: string): Promise<void> {
  const config = makeConfig({ WEBPACK_BUILD: true }, { mode: "development" }) as webpack.Configuration;
  config.output = { ...config.output, path: out };
  config.devtool = false;
  config.infrastructureLogging = { level: "error" };
  // office.js is answered by the fake: skip copying Microsoft's Office.js files (and the manifest and icons).
  config.plugins = (config.plugins ?? []).filter((p) => !(p instanceof CopyWebpackPlugin));
  // Type checking is tsc's job (npm run typecheck); here only the bundle matters, and transpiling is much faster.
  for (const rule of config.module?.rules ?? []) {
    const use = rule && typeof rule === "object" ? (rule.use as { loader?: string; options?: Record<string, unknown> } | undefined) : undefined;
    if (use?.loader === "ts-loader") use.options = { ...use.options, transpileOnly: true };
  }
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
  );
  const errors = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
  if (errors.length > 0) throw new Error(`taskpane build failed:\n${errors.join("\n")}`);
}

/**
 * The built taskpane's folder. Built once for the current sources and shared by the test files of one run (a lock
 * folder keeps two files from building at once); builds of other sources are removed after an hour.
 */
export async function buildTaskpane(): Promise<string> {
  const key = sourceKey();
  const dir = path.join(os.tmpdir(), `khjl-pane-${key}`);
  const lock = `${dir}.lock`;
  for (let waited = 0; ; waited += 250) {
    if (fs.existsSync(path.join(dir, "taskpane.html"))) return dir;
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building the same sources; a lock older than 3 minutes is left over from a crash.
      const age = fs.existsSync(lock) ? Date.now() - fs.statSync(lock).mtimeMs : 0;
      if (age > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    const tmp = `${dir}.tmp-${process.pid}`;
    await runWebpack(tmp);
    fs.renameSync(tmp, dir);
    // Builds of other sources an hour old are no longer in use by any run.
    for (const old of fs.readdirSync(os.tmpdir())) {
      const full = path.join(os.tmpdir(), old);
      if (/^khjl-pane-[0-9a-f]{16}(\.tmp-\d+)?$/.test(old) && full !== dir && Date.now() - fs.statSync(full).mtimeMs > 3_600_000) {
        fs.rmSync(full, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".css": "text/css" };

export function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "khjl-chromium-"));
  const context = await chromium.launchPersistentContext(home, {
    executablePath: CHROMIUM,
    headless: true,
    // A taskpane is about 350 px wide.
    viewport: { width: 380, height: 860 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    // Chromium writes into $HOME and the XDG folders even with its own profile (toolchain notes F8).
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface Pane {
  page: Page;
  /** Uncaught errors and console errors of the page so far. */
  errors: string[];
}

/** The pane's clock in the tests: the day after the sample's year, so nothing in it lies in the future. */
export const NOW = new Date("2027-01-05T10:00:00+08:00");
export const NOW_TEXT = "2027-01-05 10:00";

/** Opens the taskpane with the fake holding `spec`, and waits until it is connected to "Excel". */
export async function openPane(browser: Browser, base: string, spec: FakeSpec): Promise<Pane> {
  const page = await browser.context.newPage();
  await page.clock.setFixedTime(NOW);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  // Nothing leaves the machine: the page may load only from the test server.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/\/office\.js(\?|$)/.test(url)) {
      return route.fulfill({ contentType: "application/javascript; charset=utf-8", body: `${FAKE_SOURCE}\nFakeOffice.install(window, ${JSON.stringify(spec)});\n` });
    }
    return url.startsWith(base) ? route.continue() : route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("validate-button").waitFor({ state: "visible" });
  return { page, errors };
}

/** Runs `fn` on the page's fake and returns its (serializable) answer. */
export async function inFake<T, A = undefined>(page: Page, fn: (fake: Fake, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__fake, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** A PNG of the pane in test-output/screenshots/ (gitignored); animations finished, so a dialog is fully shown. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: "disabled" });
  return file;
}

/** Polls `read` until `check` passes (it throws while not), then returns; after `timeout` ms the last failure stands. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await sleep(100);
  }
}
