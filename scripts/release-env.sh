# Sourced (after scripts/env.sh) by the Makefile's release builds: `make build`, `make serve`,
# `make build-nosplit`. Prints one line when it cannot apply; changes only the caller's environment.
#
# The release wasm is built with its own standard library (cargo's build-std), compiled so that:
#  - a panic aborts at once (`panic = "immediate-abort"`): no panic message is formatted and none of
#    the formatting machinery a message needs is in the wasm. A panic already stopped the app
#    (`panic = "abort"`); what is lost is the message in the console, for a maintainer who debugs:
#    `RELEASE_STD=0 make build` builds with the messages;
#  - no source file names, lines and columns are kept for panics (`-Zlocation-detail=none`);
#  - core and alloc pick their smaller algorithms (std's `optimize_for_size` feature: sorting, number
#    formatting and parsing): main wasm −2.5 KB gzip, the gallery's code −5 KB, no change the gallery
#    benchmark could see at 5,000 and 20,000 items (BENCHMARKS.md, "eighth session"). The list replaces
#    cargo's default std features (unwinding, backtraces), which a wasm built to abort has no use for.
# Measured in BENCHMARKS.md ("Issue 8: the release std"): the main wasm 257.5 → 234.9 KB gzip, every
# chunk smaller too. These are unstable options: on this project's machines the compiler is Debian's
# stable rustc with a self-built wasm32 std (../shared/TOOLCHAIN.md), and no nightly toolchain can be
# fetched, so they are enabled with RUSTC_BOOTSTRAP=1 for these builds only (not for tests or tools).
# build-std needs the standard library's source: Debian's rust-web-src (scripts/setup.sh installs it),
# or rustup's rust-src component. Without it, the release is built the plain way.

if [ "${RELEASE_STD:-1}" != 0 ]; then
  if [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ]; then
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
    # The rustflags of .cargo/config.toml (this variable replaces them), plus the location detail.
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none"
  else
    echo "release-env: no standard library source for $(rustc --print sysroot); building without build-std" >&2
  fi
fi
