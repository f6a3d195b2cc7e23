# The two commands of the README: `make serve` and `make test`. Both run scripts/setup.sh first, which
# installs whatever this machine lacks (and does nothing, in seconds, when all is there).
SHELL := /bin/bash
ENV := source scripts/env.sh &&
# Release builds of the app: the wasm with its own std, without panic messages (scripts/release-env.sh).
RELEASE := source scripts/release-env.sh &&
WASM := --target wasm32-unknown-unknown

.PHONY: serve dev test setup build build-editor bench-editor lint test-native test-wasm test-size test-e2e screenshots bench fuzz clean

## Build the app with the sample bundle, and its editor at edit/, and serve them at http://127.0.0.1:8080
## as a host would (the build's headers, pre-rendered pages, pre-compressed files).
serve: setup
	$(ENV) $(RELEASE) trunk build --release --offline
	$(ENV) $(RELEASE) cd crates/editor && trunk build --release --offline
	node scripts/headers.mjs dist
	node scripts/precompress.mjs dist/edit
	PORT=8080 node tests/e2e/server.mjs dist

## The app alone, rebuilt on every change (trunk's own server: no editor, no host headers).
dev: setup
	$(ENV) $(RELEASE) trunk serve --release --offline

## Every check and test: format, lints, native model tests, browser component tests, end-to-end tests.
test: setup lint test-native test-wasm build test-size test-e2e

setup:
	@bash scripts/setup.sh

build: setup
	$(ENV) $(RELEASE) trunk build --release --offline
	# The same site for a sub-path, for the end-to-end tests of sub-path deployment (cargo's work is reused).
	$(ENV) $(RELEASE) trunk build --release --offline --public-url /showcase/ --dist dist-subpath
	# The same app with another event's content (tests/fixtures/other-event): nothing of the sample may show.
	$(ENV) $(RELEASE) SHOWCASE_CONTENT=tests/fixtures/other-event trunk build --release --offline --dist dist-other
	# The maintainers' editor, its own entry, into each site's edit/ (after the site: trunk empties its dist).
	$(MAKE) --no-print-directory build-editor

## The maintainers' editor alone (crates/editor), into dist/edit/ and dist-subpath/edit/.
build-editor:
	$(ENV) $(RELEASE) cd crates/editor && trunk build --release --offline
	$(ENV) $(RELEASE) cd crates/editor && trunk build --release --offline --public-url /showcase/edit/ --dist ../../dist-subpath/edit
	# The headers a host sends, again: the one policy for every path allows the editor's loader too.
	node scripts/headers.mjs dist
	node scripts/headers.mjs dist-subpath
	# Its .gz and .br siblings, as for the site's files.
	node scripts/precompress.mjs dist/edit
	node scripts/precompress.mjs dist-subpath/edit

lint:
	# The app's imports run one way, down the floors of docs/architecture.md.
	node scripts/check-layers.mjs
	# rustfmt comes from the machine's default toolchain (Debian's has none).
	env -u RUSTUP_TOOLCHAIN cargo fmt --all -- --check
	$(ENV) cargo clippy -p bundle -p bundle-derive -p kiosk -p route --all-targets -- -D warnings
	$(ENV) cargo clippy -p bundle-cli --all-targets -- -D warnings
	$(ENV) cargo clippy $(WASM) --workspace --exclude bundle-cli --all-targets -- -D warnings
	# The app rendered natively to HTML (feature `ssr`, the pre-rendered pages: src/app.rs render_page).
	$(ENV) cargo clippy -p showcase --no-default-features --features ssr --all-targets -- -D warnings
	# The release build's route chunks (feature `split`, see src/chunks.rs).
	$(ENV) cargo clippy $(WASM) -p showcase --features split --bins -- -D warnings
	# The vendored wasm splitter (upstream's style: rustfmt's defaults, its own rustfmt.toml).
	env -u RUSTUP_TOOLCHAIN cargo fmt --manifest-path tools/wasm-split-cli/Cargo.toml -- --check
	# The framework's floor (a benchmark fixture, its own workspace).
	env -u RUSTUP_TOOLCHAIN cargo fmt --manifest-path bench/floor/Cargo.toml -- --check

test-native:
	$(ENV) cargo test -p bundle -p bundle-cli -p kiosk -p route
	# The editor on its own: tested with the CLI, cargo would give leptos the editor's `csr` beside the
	# CLI's `ssr` (`bundle pages`), and the pages rendered natively would then call the browser.
	$(ENV) cargo test -p editor
	# Every page of a bundle rendered to HTML natively by the app's own components (tests/prerender.rs).
	$(ENV) cargo test -p showcase --no-default-features --features ssr --test prerender
	# The vendored wasm splitter's unit tests, its change (merging small chunks) among them.
	$(ENV) cargo test --manifest-path tools/wasm-split-cli/Cargo.toml --locked --lib
	# The build scripts' own tests (the glue's short import names, the unused classes dropped).
	node --test tests/scripts/*.test.mjs

test-wasm:
	$(ENV) cargo test $(WASM) --test web

## The app shell's first-load size against issue 8's budget of 150 KB gzip (fails when over).
test-size: build
	$(ENV) node scripts/bench-size.mjs --dist dist --check

test-e2e:
	$(ENV) playwright test --config tests/e2e/playwright.config.mjs

## PNG screenshots of the built site at phone, desktop and kiosk sizes, into docs/screenshots/.
screenshots: build
	$(ENV) node scripts/screenshots.mjs

## Benchmarks (they report, never fail): the gallery with 1,000 / 5,000 / 20,000 synthetic items.
## Results are written down in BENCHMARKS.md.
bench: build bench-size bench-floor bench-load bench-lighthouse bench-kiosk bench-first-load bench-editor
	$(ENV) node scripts/bench-gallery.mjs

.PHONY: bench-size bench-floor bench-load bench-lighthouse bench-kiosk bench-first-load build-nosplit

## Also run by `make bench` (and reported in BENCHMARKS.md):
## the app shell's first-load transfer (raw, gzip -9, brotli 11) against the 150 KB gzip budget.
bench-size: build
	$(ENV) node scripts/bench-size.mjs --dist dist

## The framework's floor: the smallest Leptos apps (bench/floor) built as the release is, against the
## app's main module (how much of the shell is Leptos itself).
bench-floor: build
	$(ENV) $(RELEASE) node scripts/bench-floor.mjs --dist dist

## Cold load (4x CPU, Slow 4G) and scale runs of /gallery against the plain fixture in bench/plain/.
bench-load: build
	$(ENV) node scripts/bench-load.mjs --dist dist

## The maintainers' editor at 1,000 and 5,000 synthetic items: opening, keystrokes, the check, memory, size.
bench-editor: build
	$(ENV) node scripts/bench-editor.mjs --dist dist

## The kiosk's whole cycle 1,000 times, accelerated with a fake clock: memory growth.
bench-kiosk: build
	$(ENV) node scripts/bench-kiosk.mjs 1000 dist

## The same site as one wasm module (no route chunks) in dist-nosplit/, for bench-first-load.
build-nosplit: setup
	sed 's/ data-cargo-features="split"//' index.html > index.nosplit.html
	$(ENV) $(RELEASE) trunk build index.nosplit.html --release --offline --dist dist-nosplit; s=$$?; rm -f index.nosplit.html; exit $$s

## First visits (LCP, TBT) of /, /gallery and /map: the release build against the one-module build.
bench-first-load: build build-nosplit
	$(ENV) node scripts/bench-first-load.mjs --dist dist,dist-nosplit

## Lighthouse 13 scores and failing audits for /, /gallery and /map, mobile and desktop.
bench-lighthouse: build
	$(ENV) node scripts/bench-lighthouse.mjs --dist dist

## Fuzzing (not part of `make test`): bundle parse + validate + search on arbitrary text, 10 minutes,
## with the kept corpus in fuzz/corpus. Needs the machine's nightly rustup toolchain and cargo-fuzz.
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && env -u RUSTUP_TOOLCHAIN cargo +nightly fuzz run parse_validate corpus/parse_validate -- \
		-max_total_time=600 -max_len=200000 -rss_limit_mb=4096

clean:
	rm -rf dist dist-subpath dist-other target/wasm32-unknown-unknown test-results
