#!/usr/bin/env bash
# Installs everything the build and the tests need, only what is missing. Safe to run again.
# Usage: scripts/setup.sh [rust|wasm|browser|npm|fuzz|all]...
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

need_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
}

need_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    # Not --locked: the registry mirror lacks one crate of the locked set.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

need_npm() {
  if [ ! -d node_modules ] || [ package.json -nt node_modules/.installed ] \
     || [ package-lock.json -nt node_modules/.installed ]; then
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules/.installed
  fi
}

need_fuzz() {
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
}

[ $# -gt 0 ] || set -- all
for what in "$@"; do
  case "$what" in
    rust) need_rust ;;
    wasm) need_rust; need_wasm_bindgen ;;
    browser) need_browser ;;
    npm) need_npm ;;
    fuzz) need_fuzz ;;
    all) need_rust; need_wasm_bindgen; need_browser; need_npm; need_fuzz ;;
    *) echo "setup.sh: unknown part '$what'" >&2; exit 2 ;;
  esac
done
