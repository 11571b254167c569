#!/usr/bin/env node
// The command line is compiled to lib/ by `npm run build:cli` (run automatically by `npm ci` / `npm install`).
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  process.stderr.write("appraise is not built yet: run `npm run build:cli` (npm ci does it for you).\n");
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
