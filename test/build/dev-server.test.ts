/**
 * The dev server Excel sideloads from (`npm start` → `npm run dev-server`): https://localhost:3000 with the
 * office-addin-dev-certs certificates, as the manifest says and as Microsoft's add-in templates do. The library is
 * mocked: a test must never create or install certificates on the machine it runs on.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: jest.fn() }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require("office-addin-dev-certs") as { getHttpsServerOptions: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js");
// The os module object webpack.config.js calls (an `import * as` namespace cannot be spied on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeOs = require("os") as typeof os;

interface DevServer {
  server: { type: string; options?: { ca?: Buffer; cert?: Buffer; key?: Buffer } };
  port: number;
  headers: Record<string, string>;
}
const serve = async (): Promise<DevServer> => (await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" })).devServer;

const CERTS = { ca: Buffer.from("CA PEM"), cert: Buffer.from("LOCALHOST CERT PEM"), key: Buffer.from("LOCALHOST KEY PEM") };
const savedHttps = process.env.HTTPS;
let home = "";

beforeEach(() => {
  devCerts.getHttpsServerOptions.mockReset();
  home = fs.mkdtempSync(path.join(os.tmpdir(), "khjl-home-"));
  jest.spyOn(nodeOs, "homedir").mockReturnValue(home); // where office-addin-dev-certs keeps its files
  delete process.env.HTTPS;
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(home, { recursive: true, force: true });
  if (savedHttps === undefined) delete process.env.HTTPS;
  else process.env.HTTPS = savedHttps;
});

/** What `npx office-addin-dev-certs install` leaves in ~/.office-addin-dev-certs even when trusting the CA fails. */
function writeCertificateFiles(): void {
  const dir = path.join(home, ".office-addin-dev-certs");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "ca.crt"), "FILE CA");
  fs.writeFileSync(path.join(dir, "localhost.crt"), "FILE CERT");
  fs.writeFileSync(path.join(dir, "localhost.key"), "FILE KEY");
}

describe("webpack serve", () => {
  it("serves https on port 3000 with the certificates office-addin-dev-certs returns (created and trusted on first start)", async () => {
    devCerts.getHttpsServerOptions.mockResolvedValue({ ...CERTS, extra: "ignored" });
    const dev = await serve();
    expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(dev.server).toEqual({ type: "https", options: CERTS });
    expect(dev.port).toBe(3000);
    expect(dev.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(console.warn).not.toHaveBeenCalled();
  });

  it("serves https on the same address the manifest names for every page", async () => {
    devCerts.getHttpsServerOptions.mockResolvedValue(CERTS);
    const dev = await serve();
    const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    const origins = new Set(Array.from(manifest.matchAll(/Value="(https?:\/\/[^/"]+)\//g), (m) => m[1]));
    expect([...origins]).toEqual([`${dev.server.type}://localhost:${dev.port}`]);
  });

  it("serves plain http with HTTPS=0 (tests, a browser outside Office) and leaves certificates alone", async () => {
    process.env.HTTPS = "0";
    const dev = await serve();
    expect(dev.server).toEqual({ type: "http" });
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  it("still serves https from ~/.office-addin-dev-certs when trusting the CA fails, and says how to fix it", async () => {
    devCerts.getHttpsServerOptions.mockRejectedValue(new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found"));
    writeCertificateFiles();
    const dev = await serve();
    expect(dev.server.type).toBe("https");
    expect(dev.server.options?.ca?.toString()).toBe("FILE CA");
    expect(dev.server.options?.cert?.toString()).toBe("FILE CERT");
    expect(dev.server.options?.key?.toString()).toBe("FILE KEY");
    const warning = String((console.warn as jest.Mock).mock.calls[0][0]);
    expect(warning).toContain("sudo: not found");
    expect(warning).toContain("npx office-addin-dev-certs install");
  });

  it("stops with what to do, rather than serve http that Excel refuses, when there are no certificates at all", async () => {
    devCerts.getHttpsServerOptions.mockRejectedValue(new Error("Unable to generate the certificates."));
    await expect(serve()).rejects.toThrow(/https:\/\/localhost:3000[\s\S]*npx office-addin-dev-certs install[\s\S]*HTTPS=0/);
  });
});

describe("webpack build", () => {
  it("has no dev server and never touches certificates", () => {
    const built = makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(typeof built.then).toBe("undefined"); // synchronous: tests and the browser harness call it directly
    expect(built.devServer).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });
});
