/**
 * Builds the Excel add-in into dist/: taskpane.html (+ taskpane.js and functions.js: one shared runtime, so there is
 * no functions.html), functions.json (generated from the JSDoc in src/functions/functions.ts), manifest.xml, assets/
 * and a self-hosted copy of the Office.js loader with the Excel files it loads at run time.
 *
 *   npm run build                      production build; manifest URLs stay https://localhost:3000/
 *   ADDIN_PUBLIC_URL=https://x/y/ npm run build   same, manifest rewritten to the public address
 *   npm run dev-server                 https://localhost:3000 with the office-addin-dev-certs certificates (see below)
 *   HTTPS=0 npm run dev-server         plain http (tests, or a browser outside Office)
 *   npm run watch                      development build into dist/ on every change, no server
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedFunctionsPlugin } = require("./scripts/localize-functions");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");

/**
 * Rewrites every dev URL in the manifest to the public one. The `g` flag matters: a plain string replace changes
 * only the first URL (the bug in the Excel-Custom-Functions-Shared template).
 */
function rewriteManifest(xml, publicUrl) {
  if (!publicUrl) return xml;
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const escaped = DEV_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return xml.replace(new RegExp(escaped, "g"), base);
}

/**
 * Which files of @microsoft/office-js/dist to serve. office.js is only a loader: inside Office it fetches the host
 * script (e.g. excel-win32-16.01.js), o15apptofilemappingtable.js and <locale>/office_strings.js from its own folder,
 * so copying office.js alone would break in Excel. We keep the release (non-debug) files minus other hosts' scripts.
 */
function isOfficeRuntimeFile(absolutePath) {
  const rel = path.relative(OFFICE_JS_DIST, absolutePath).split(path.sep).join("/");
  if (/\.debug\.js$|\.d\.ts$|vsdoc/i.test(rel)) return false;
  if (/(^|\/)outlook_strings\.js$/.test(rel)) return false;
  if (/^(access|onenote|outlook|powerpoint|project|word)/i.test(rel)) return false;
  return true;
}

const CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };

/**
 * How `webpack serve` talks to Excel. Excel loads add-in pages only over https, and the manifest says
 * https://localhost:3000/, so https is the default, with the certificates of office-addin-dev-certs as in Microsoft's
 * add-in templates: getHttpsServerOptions() creates a development CA and a localhost certificate in
 * ~/.office-addin-dev-certs on first use, asks the system to trust the CA (Windows shows a security prompt), and
 * returns them; later starts reuse them until they expire (30 days), then renew them the same way.
 *
 * - HTTPS=0 serves plain http (tests, a browser outside Office); office-addin-dev-certs is not touched.
 * - When trusting the CA fails (Linux without sudo, a refused prompt) but the certificate files were written, they are
 *   used anyway, with a warning: the server is https, and Excel will load it once the CA is trusted.
 * - Without certificate files it stops with what to do, instead of serving http that Excel would refuse.
 */
async function devServerTransport(port) {
  if (process.env.HTTPS === "0") return { type: "http" };
  // Loaded only when serving: a build must not touch certificates.
  const devCerts = require("office-addin-dev-certs");
  try {
    const https = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const reason = err && err.message ? err.message.split("\n")[0] : String(err);
    const present = Object.values(CERT_FILES).every((f) => fs.existsSync(path.join(dir, f)));
    if (!present) {
      throw new Error(
        `The dev server needs https certificates for https://localhost:${port} and could not make them: ${reason}\n` +
          `Run \`npx office-addin-dev-certs install\` (it may ask for an administrator password), then start again; ` +
          `or HTTPS=0 for plain http, which Excel does not load.`,
      );
    }
    console.warn(
      `Serving https with the certificates in ${dir}, but their CA could not be trusted: ${reason}\n` +
        `Excel refuses the pages until it is: run \`npx office-addin-dev-certs install\` as a user who may install certificates.`,
    );
    const read = (f) => fs.readFileSync(path.join(dir, f));
    return { type: "https", options: { ca: read(CERT_FILES.ca), cert: read(CERT_FILES.cert), key: read(CERT_FILES.key) } };
  }
}

/**
 * ts-loader options. Type-check only what is bundled: test/ is in tsconfig "include", and its errors must not fail
 * the build (toolchain F9).
 *
 * functions.ts needs a separate instance. CustomFunctionsMetadataPlugin appends its associate loader after ts-loader
 * on that one module, and in watch mode ts-loader re-runs "the loaders after me" of the module its instance was
 * created from on every changed file (ts-loader watch-run.js). If the shared instance happened to start from
 * functions.ts, every file got `CustomFunctions.associate("RULEBOOKS", rulebooks)` appended in the type checker's
 * view, and the first rebuild of `webpack serve` failed in all files with TS2304 'rulebooks'. The functions instance
 * reports only functions.ts; everything it imports is compiled and reported by the main instance.
 */
function tsLoaderOptions(instance, reportFiles = []) {
  return { instance, onlyCompileBundledFiles: true, reportFiles, configFile: path.resolve(__dirname, "tsconfig.json") };
}

function config(env, argv) {
  const dev = (argv && argv.mode) === "development";
  return {
    context: __dirname,
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, FUNCTIONS_SOURCE],
          use: { loader: "ts-loader", options: tsLoaderOptions("main") },
        },
        {
          // functions.ts gets its own ts-loader instance; see tsLoaderOptions for why.
          include: FUNCTIONS_SOURCE,
          use: { loader: "ts-loader", options: tsLoaderOptions("functions", ["src/functions/functions.ts"]) },
        },
        // .json (the rulebook parts imported by src/engine) is handled by webpack natively.
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      // Chinese function help for Excel in zh-CN (manifest override); see scripts/localize-functions.js.
      new LocalizedFunctionsPlugin({ help: path.resolve(__dirname, "src/functions/help.zh-CN.json") }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the custom functions run in the taskpane page, so it loads both bundles.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => rewriteManifest(content.toString(), process.env.ADDIN_PUBLIC_URL),
          },
          {
            from: OFFICE_JS_DIST,
            to: ".",
            filter: isOfficeRuntimeFile,
            // Already minified by Microsoft: keep terser away (byte-identical copies, and a much faster build).
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: {
      // Budget our own production bundles only; the copied Office.js host files are large by nature.
      hints: dev ? false : "warning",
      assetFilter: (file) => /^(taskpane|functions)\.js$/.test(file),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
  };
}

/**
 * The webpack config. `webpack serve` gets a promise of it (the certificates are read asynchronously, as in
 * Microsoft's templates); a build gets it at once, so tests and the browser harness can call this synchronously.
 */
function makeConfig(env, argv) {
  const built = config(env, argv);
  if (!(env && env.WEBPACK_SERVE)) return built;
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  return devServerTransport(port).then((server) => ({
    ...built,
    devServer: { headers: { "Access-Control-Allow-Origin": "*" }, server, port },
  }));
}

module.exports = makeConfig;
module.exports.rewriteManifest = rewriteManifest;
module.exports.isOfficeRuntimeFile = isOfficeRuntimeFile;
