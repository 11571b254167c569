/**
 * What the add-in asks of Excel and where it loads from, read from the source manifest.xml with xml2js:
 * - the only permission anywhere in the manifest is ReadWriteDocument (no ReadWriteMailbox, no WriteDocument
 *   variants hidden in VersionOverrides);
 * - every URL it names (attribute or text) is under the dev address https://localhost:3000/, which the build
 *   rewrites to ADDIN_PUBLIC_URL; XML namespace names are identifiers, not addresses, and are left out;
 * - no AppDomains that would let the pane navigate to another site.
 * test/build/build.test.ts checks the built copy (rewritten URLs point at emitted files, Permissions of the copy);
 * this file checks the source the copy comes from, without a build.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseStringPromise } from "xml2js";

const DEV = "https://localhost:3000/";
const source = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

interface Found {
  element: string;
  where: string;
  value: string;
}

/** Every element name, attribute and text node of the parsed manifest, with its path. */
function walk(node: unknown, at: string, out: { elements: Found[]; values: Found[] }): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, `${at}[${i}]`, out));
    return;
  }
  if (typeof node === "string") {
    out.values.push({ element: at, where: "text", value: node });
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === "$") {
      for (const [attr, value] of Object.entries(v as Record<string, string>)) {
        // xmlns and xmlns:bt … name vocabularies; xsi:type names a type. Neither is fetched.
        if (attr === "xmlns" || attr.startsWith("xmlns:") || attr.startsWith("xsi:")) continue;
        out.values.push({ element: at, where: `@${attr}`, value });
      }
    } else if (k === "_") out.values.push({ element: at, where: "text", value: String(v) });
    else {
      out.elements.push({ element: `${at}/${k}`, where: k, value: "" });
      walk(v, `${at}/${k}`, out);
    }
  }
}

describe("manifest.xml: permissions and addresses", () => {
  let found: { elements: Found[]; values: Found[] };

  beforeAll(async () => {
    found = { elements: [], values: [] };
    walk(await parseStringPromise(source), "", found);
  });

  it("asks for ReadWriteDocument and nothing else, once", () => {
    const permissions = found.elements.filter((e) => e.where.split(":").pop() === "Permissions");
    expect(permissions.map((e) => e.element)).toEqual(["/OfficeApp/Permissions"]);
    const values = found.values.filter((v) => v.element.startsWith("/OfficeApp/Permissions"));
    expect(values.map((v) => v.value.trim())).toEqual(["ReadWriteDocument"]);
  });

  it("names URLs only under https://localhost:3000/", () => {
    const urls = found.values.flatMap((v) => [...v.value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi)].map((m) => ({ ...v, url: m[0] })));
    expect(urls.length).toBeGreaterThan(5);
    const elsewhere = urls.filter((u) => !u.url.startsWith(DEV)).map((u) => `${u.element} ${u.where}: ${u.url}`);
    expect(elsewhere).toEqual([]);
  });

  it("declares no AppDomains (the pane never navigates to another site)", () => {
    expect(found.elements.filter((e) => /AppDomain/.test(e.where))).toEqual([]);
  });

  it("the raw text agrees: no http:// address outside namespace declarations", () => {
    const withoutNamespaces = source.replace(/\s(xmlns(:\w+)?|xsi:\w+)="[^"]*"/g, "");
    expect(withoutNamespaces.match(/http:\/\/[^\s"'<>]+/g) ?? []).toEqual([]);
  });
});
