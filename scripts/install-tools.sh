#!/usr/bin/env bash
# Installs what building and testing Corroborate needs, only where it is missing (idempotent):
# the wasm32 target, wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version, the npm dev
# dependencies (binaryen's wasm-opt, playwright-core, ...) and, with --browser, Debian's Chromium
# and ChromeDriver for the browser tests. Never downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "install: rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
# The version wasm-bindgen resolved to; the CLI must be exactly the same.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  echo "install: wasm-bindgen-cli $wb_version (found: ${have:-none}); takes several minutes"
  # No --locked: its lock file names a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install: npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "install: Debian chromium and chromium-driver"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
  fi
fi
