#!/bin/sh
# Cargo for the build machine's own programs, run by trunk's hooks (the bundle check, the pages written
# natively): without the release wasm's settings that scripts/release-env.sh exports (its own std,
# immediate-abort panics, the wasm's rustflags), which are for the wasm target only.
exec env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT \
  -u CARGO_UNSTABLE_BUILD_STD_FEATURES -u CARGO_PROFILE_RELEASE_PANIC \
  -u CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS cargo "$@"
