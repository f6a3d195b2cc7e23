# Sourced by the Makefile and scripts: puts the project's tools on PATH and picks the Rust toolchain that
# can build wasm32. Prints nothing; changes only the environment of the caller.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# A machine whose own toolchain already has the wasm32 target (a developer's laptop) uses it; the project's
# machines cannot download that target and use Debian's toolchain with a self-built sysroot instead.
if [ -z "${RUSTUP_TOOLCHAIN:-}" ] && ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  export RUSTUP_TOOLCHAIN=system
fi
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
