#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml against the add-in manifest schemas in scripts/manifest-schemas/ (Microsoft's
 * XSDs; see the README there), offline. libxml2 does the checking, compiled to WebAssembly (xmllint-wasm): no native
 * build, no network. Microsoft's `office-addin-manifest validate` sends the manifest to an online service instead, so
 * it cannot run in CI or on a bank's closed network.
 *
 *   npm run validate                     manifest.xml
 *   npm run validate -- path/to/other.xml
 *
 * Exit 0 and "manifest.xml is valid" when it is; exit 1 with one line per problem (line number, element, reason).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const SCHEMA_DIR = path.join(__dirname, "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/**
 * Validates manifest text against the vendored schemas. Resolves to { valid, errors }, each error
 * { line, message } as libxml2 words it, e.g. "Element '{…taskpaneappversionoverrides}Bogus': This element is not expected.".
 * Rejects only when the schemas themselves cannot be compiled.
 */
async function validateManifest(xml, fileName = "manifest.xml") {
  const schemas = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd")).sort();
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    // xs:import of the other schemas is resolved against these in-memory files, never the file system or network.
    preload: schemas.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => ({ line: e.loc ? e.loc.lineNumber : null, message: e.message })),
  };
}

async function main(argv) {
  const file = path.resolve(argv[0] || path.join(__dirname, "..", "manifest.xml"));
  const name = path.relative(process.cwd(), file) || file;
  const { valid, errors } = await validateManifest(fs.readFileSync(file, "utf8"), path.basename(file));
  if (valid) {
    console.log(`${name} is valid (schemas: scripts/manifest-schemas/, offline)`);
    return 0;
  }
  for (const e of errors) console.error(`${name}${e.line ? `:${e.line}` : ""}: ${e.message}`);
  console.error(`${name} is not valid: ${errors.length} problem${errors.length === 1 ? "" : "s"}`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.message ? err.message : err);
      process.exit(2);
    },
  );
}

module.exports = { validateManifest, SCHEMA_DIR };
