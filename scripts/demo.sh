#!/usr/bin/env bash
# The main job without Excel: set-up if needed, then appraise the sample city-bank branch in assets/ and print
# the results table. Extra arguments go to `appraise evaluate` (e.g. --format json, --set key=value).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node bin/appraise.js evaluate --input assets/sample-city-branch.json --format table "$@"
