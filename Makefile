# connect-create-user. `make demo` and `make test` install what is missing first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
WASM := target/wasm32-unknown-unknown/release/connect_create_user.wasm

.PHONY: setup pkg demo test test-rust test-wasm test-js test-browser lint fuzz fuzz-short bench screenshot clean

setup:
	scripts/setup.sh all

$(WASM): Cargo.toml Cargo.lock $(shell find src -name '*.rs')
	scripts/setup.sh wasm
	cargo build --release --target wasm32-unknown-unknown --lib

pkg: $(WASM) js/api.js js/index.d.ts js/README.md scripts/build-pkg.mjs
	mkdir -p pkg target/glue-node
	wasm-bindgen --target web --out-dir pkg --out-name connect_create_user $(WASM)
	wasm-bindgen --target nodejs --out-dir target/glue-node --out-name connect_create_user $(WASM)
	rm -f pkg/connect_create_user.d.ts pkg/connect_create_user_bg.wasm.d.ts pkg/.gitignore
	node scripts/build-pkg.mjs
