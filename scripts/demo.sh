#!/usr/bin/env bash
# The main job without Excel: set-up if needed, then grade the sample city-bank workbook in assets/ for 2026,
# print the summary and the data problems the sample was built with, and write the results workbook next to it
# (assets/sample-city-bank-考核结果-2026.xlsx, replaced on each run). Extra arguments go to `appraise grade`
# (e.g. -o OUT.xlsx, --set key=value, --strict).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node bin/appraise.js grade assets/sample-city-bank.xlsx --period 2026 --force "$@"
