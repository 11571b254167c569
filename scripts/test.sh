#!/usr/bin/env bash
# The full test suite: set-up if needed, type check, then every jest test (unit, command line, build, browser).
# Prints a plain "N passed, N failed" line from jest's JSON result and keeps jest's exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
npm run --silent typecheck || { echo "typecheck failed"; exit 1; }
mkdir -p test-output
npx jest --json --outputFile=test-output/jest-result.json "$@"
code=$?
node -e '
  const r = require("./test-output/jest-result.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || code=1
exit $code
