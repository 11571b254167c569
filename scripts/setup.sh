#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine with Node 20; safe to run again (does only what is missing).
#  - Debian packages: chromium (real-browser taskpane tests; Playwright never downloads a browser),
#    fonts-wqy-zenhei (Chinese text in screenshots), libsecret-1-dev (office-addin-debugging's keytar builds
#    against it on Linux; `npm start` sideloads into Excel on Windows/macOS), libreoffice-calc (a test opens
#    the results workbook in a real spreadsheet program, headless).
#  - npm ci (which also compiles the command line to lib/ through the `prepare` script).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
dpkg -s libsecret-1-dev >/dev/null 2>&1 || need+=(libsecret-1-dev)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages first: ${need[*]}" >&2
    exit 1
  fi
fi

# Reinstall node_modules only when the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
elif [ ! -f lib/cli/main.js ] || [ -n "$(find src/cli src/engine src/workbook -newer lib/cli/main.js -print -quit 2>/dev/null)" ]; then
  npm run --silent build:cli
fi
