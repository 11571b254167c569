/**
 * The add-in and the command line make no network request of their own: bank data stays on the machine. The only
 * script loaded from outside the bundles is office.js (served next to them, see webpack.config.js).
 *
 * This is a static check of the source (src/), not of the built bundles: the one production build of the suite runs
 * in test/build/build.test.ts into a temporary folder it removes, and a second webpack build here would double the
 * suite's slowest step. When a build output is present in dist/ (after `npm run build`), its bundles are scanned too.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

/** Ways a browser or Node program reaches the network. */
const NETWORK_APIS: Array<[string, RegExp]> = [
  ["fetch()", /(^|[^\w.])fetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["EventSource", /\bEventSource\b/],
  ["navigator.sendBeacon", /\bsendBeacon\b/],
  ["importScripts", /\bimportScripts\b/],
  ["dynamic import()", /(^|[^\w.])import\s*\(\s*["'`]?https?:/],
  ["node:http(s)/net/dgram", /from\s+["'](node:)?(https?|http2|net|tls|dgram)["']|require\(\s*["'](node:)?(https?|http2|net|tls|dgram)["']\s*\)/],
];

/** http(s) addresses in code (comments included: a URL in a comment is worth a look, and there are none). */
const URL = /https?:\/\/[^\s"'`)<>]+/g;

describe("no network access in src/", () => {
  const sources = files(path.join(ROOT, "src"), /\.(ts|tsx|js|html)$/);

  it("finds the sources", () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(NETWORK_APIS)("no %s", (_name, pattern) => {
    const hits = sources.filter((f) => fs.readFileSync(f, "utf8").split("\n").some((line) => pattern.test(line)));
    expect(hits.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("no http(s) address in code, rulebooks or the taskpane page", () => {
    const all = [...sources, ...files(path.join(ROOT, "src"), /\.json$/)];
    const hits = all.flatMap((f) => (fs.readFileSync(f, "utf8").match(URL) ?? []).map((u) => `${path.relative(ROOT, f)}: ${u}`));
    expect(hits).toEqual([]);
  });

  it("the taskpane page loads only office.js besides the bundles the build adds", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    const srcs = [...html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[3]);
    expect(srcs).toEqual(["office.js"]);
  });
});

const DIST = path.join(ROOT, "dist");
const built = ["taskpane.js", "functions.js"].every((f) => fs.existsSync(path.join(DIST, f)));

(built ? describe : describe.skip)("no network access in the built bundles (dist/, when built)", () => {
  it.each(["taskpane.js", "functions.js"])("%s calls no fetch, XMLHttpRequest, WebSocket, sendBeacon or importScripts", (file) => {
    const text = fs.readFileSync(path.join(DIST, file), "utf8");
    for (const word of ["XMLHttpRequest", "WebSocket", "sendBeacon", "importScripts", "EventSource"]) expect(text.includes(word)).toBe(false);
    expect(/(^|[^\w.$])fetch\s*\(/.test(text)).toBe(false);
  });
});
