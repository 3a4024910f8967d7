# Corroborate: build, serve, test, package.
# `make serve` and `make test` install whatever is missing first (scripts/install-tools.sh).

WASM_TARGET := wasm32-unknown-unknown
# CARGO_TARGET_DIR is honoured, so a worktree can build into its own target directory.
WASM_RAW    := $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET)/release/corroborate.wasm
PKG         := www/pkg
WASM_OPT    := node_modules/.bin/wasm-opt
PORT        ?= 8000
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: all tools tools-browser wasm serve dist test test-native test-wasm test-e2e check-lexicon lexicon golden eval bench clean

all: wasm

tools:
	@scripts/install-tools.sh

tools-browser:
	@scripts/install-tools.sh --browser

# The core as a wasm module for the page, post-processed by wasm-bindgen (ES module, --target web)
# and optimised by binaryen's wasm-opt from npm. Compiled at opt-level 2 with a lower inlining
# threshold (the wasm32 rustflags in .cargo/config.toml), not the release profile's 3: V8's
# optimising compile of the engine, at the page's first Compare, takes half the CPU.
# -ocimfs 0: no inlining of functions only because they have one caller. By default wasm-opt
# inlined the whole engine into one 276 KB function (corroborate::compare), which V8 runs in
# its baseline compiler (Liftoff) until its optimising compile, ~3 s of CPU on a background
# thread, is done: in node the first 60 comparisons of 5 articles took 20-25 ms each instead
# of 10, the first 10 of 50 articles 0.35 s instead of 0.19. Split, the hot functions are
# optimised one by one within ~20 comparisons. LLVM has already inlined what pays.
# -O2 rather than -O3: 4 KB smaller gzipped, no difference in speed measured; the producers and
# target-features sections are not read by anything after wasm-bindgen.
WASM_OPT_FLAGS := -O2 -ocimfs 0 --strip-producers --strip-target-features
wasm: tools
	cargo build --release --lib --target $(WASM_TARGET) --no-default-features
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) --out-name corroborate $(WASM_RAW)
	$(WASM_OPT) $(WASM_OPT_FLAGS) --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue \
	  $(PKG)/corroborate_bg.wasm -o $(PKG)/corroborate_bg.wasm
	node scripts/gen-example.mjs

# Serves the page (with the built-in example) on http://127.0.0.1:$(PORT).
serve: wasm
	node scripts/serve.mjs --port $(PORT)

# One self-contained HTML file (inline JS, embedded wasm) that works from file:// offline.
dist: wasm
	node scripts/build-dist.mjs

test: tools-browser check-lexicon test-native test-wasm test-e2e

test-native:
	cargo test --release

# The wasm build in headless Chromium (wasm-bindgen-test-runner + Debian's chromedriver).
test-wasm: tools-browser
	cargo test --release --target $(WASM_TARGET) --no-default-features --test wasm_parity

test-e2e: tools-browser wasm dist
	node --test tests/e2e/

check-lexicon:
	python3 scripts/gen_lexicon.py --check

lexicon:
	python3 scripts/gen_lexicon.py

# Regenerates the golden report of the seed articles after an intended engine change.
golden:
	UPDATE_GOLDEN=1 cargo test --release --test seeds golden

# Extraction quality against spaCy and a same-string baseline: seeds gold, ECB+ test topics
# (needs ../shared/data/ecbplus; installs spaCy into the git-ignored eval/.venv from PyPI).
# Not part of `make test`. Tune with SPLIT=trainval; report SPLIT=test.
SPLIT ?= test
eval:
	cargo build --release
	bash eval/setup.sh
	python3 -m unittest eval/test_scorer.py
	python3 eval/evaluate.py seeds
	python3 eval/evaluate.py ecb --split $(SPLIT)

# Benchmarks (bench/README.md): corpora from data/seeds + ECB+ (../shared/data/ecbplus), native,
# node (wasm vs compromise vs wink-nlp) and Chromium figures, then the targets table.
# Not part of `make test`. RUNS=7, NODE_SIZES="5 50 200 1000" etc.: see bench/run.sh.
bench: wasm
	bash bench/run.sh

clean:
	cargo clean
	rm -rf $(PKG) dist test-results
