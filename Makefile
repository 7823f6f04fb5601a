# connect-create-user. `make demo` and `make test` install whatever is missing first
# (scripts/setup.sh: the wasm target, the exact wasm-bindgen CLI, Chromium, npm dev dependencies,
# cargo-fuzz), so both work on a fresh machine.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
WASM := target/wasm32-unknown-unknown/release/connect_create_user.wasm
PORT ?= 8080
FUZZ_SECONDS ?= 10
LONG_FUZZ_SECONDS ?= 600
# wasm-opt (npm's binaryen; Debian's 108 breaks wasm-bindgen's externref table) saves about 5%
# gzipped; these are the features rustc enables.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue
BROWSER_ENV := WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver

.PHONY: setup pkg demo test lint test-rust test-wasm test-js test-browser fuzz-short fuzz bench screenshot clean

setup:
	scripts/setup.sh all

$(WASM): Cargo.toml Cargo.lock $(shell find src -name '*.rs')
	scripts/setup.sh wasm
	cargo build --release --target wasm32-unknown-unknown --lib

## pkg: the npm package (one wasm module; CommonJS, Node ESM and browser entries; types)
pkg: pkg/package.json
pkg/package.json: $(WASM) js/api.js js/index.d.ts js/README.md scripts/build-pkg.mjs $(wildcard js/cli/*.cjs)
	scripts/setup.sh wasm npm
	mkdir -p pkg target/glue-node
	wasm-bindgen --target web --out-dir pkg --out-name connect_create_user $(WASM)
	wasm-bindgen --target nodejs --out-dir target/glue-node --out-name connect_create_user $(WASM)
	rm -f pkg/connect_create_user.d.ts pkg/connect_create_user_bg.wasm.d.ts pkg/.gitignore
	node_modules/.bin/wasm-opt -O3 $(WASM_FEATURES) pkg/connect_create_user_bg.wasm -o pkg/connect_create_user_bg.wasm
	node scripts/build-pkg.mjs

## demo: build, then serve the admin form on http://127.0.0.1:$(PORT)/www/
demo: pkg
	@echo "Serving the admin form on http://127.0.0.1:$(PORT)/www/ (Ctrl-C to stop)"
	node scripts/serve.mjs $(PORT)

## test: every suite (what CI runs)
test: setup lint test-rust pkg test-wasm test-js test-browser fuzz-short

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test

test-wasm: pkg
	cargo test --target wasm32-unknown-unknown --test wasm
	$(BROWSER_ENV) cargo test --target wasm32-unknown-unknown --test wasm

test-js: pkg
	node --test tests/js/

test-browser: pkg
	node --test tests/browser/

fuzz-short:
	FUZZ_SEED=1 scripts/fuzz.sh $(FUZZ_SECONDS)

## fuzz: the long run (LONG_FUZZ_SECONDS per target)
fuzz:
	scripts/setup.sh fuzz
	scripts/fuzz.sh $(LONG_FUZZ_SECONDS)

## bench: throughput vs zod and ajv, batch, cold start, size
bench: pkg
	scripts/setup.sh npm
	node bench/run.mjs

## screenshot: refresh www/screenshot.png
screenshot: pkg
	scripts/setup.sh npm browser
	node tests/browser/screenshot.mjs

clean:
	rm -rf pkg target fuzz/target
