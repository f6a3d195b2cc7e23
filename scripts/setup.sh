#!/usr/bin/env bash
# Brings a fresh machine to a state where `make serve` and `make test` work, following
# ../shared/TOOLCHAIN.md. Idempotent: every step checks first and is skipped when already done, so a
# second run takes seconds. Needs root (or sudo) only for the Debian packages and the wasm32 sysroot.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=versions.env
. scripts/versions.env
log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# The wasm32 target of the machine's own rustup toolchain, when it has one (not on the project's machines:
# `rustup target add` cannot reach its server). Asked with a short time-out, never waited on.
native_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. Browser and driver (end-to-end and wasm-bindgen tests), always from Debian.
# shellcheck disable=SC2086
apt_install $BROWSER_PACKAGES

# 2-4. A Rust toolchain that can build wasm32.
if native_wasm_target; then
  log "using the installed wasm32 target of $(rustc --version)"
else
  # shellcheck disable=SC2086
  apt_install $DEBIAN_RUST_PACKAGES "$LLD_PACKAGE"
  if ! rustup toolchain list | grep -q '^system'; then
    log "linking Debian's toolchain as rustup toolchain 'system'"
    rustup toolchain link system /usr
  fi
  lld_bin="/usr/lib/llvm-${LLD_PACKAGE#lld-}/bin/lld"
  rust_lld=/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
  if [ "$(readlink -f "$rust_lld" 2>/dev/null)" != "$(readlink -f "$lld_bin")" ]; then
    $SUDO mkdir -p "$(dirname "$rust_lld")"
    $SUDO ln -sf "$lld_bin" "$rust_lld"
  fi
  sysroot=/usr/lib/rustlib/wasm32-unknown-unknown/lib
  stamp="$sysroot/.built-by-showcase"
  want="$(RUSTUP_TOOLCHAIN=system rustc --version)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "building the wasm32 standard library for $want (about a minute)"
    work="$(mktemp -d)"
    mkdir -p "$work/src"
    printf '[package]\nname = "sysroot_probe"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' >"$work/Cargo.toml"
    : >"$work/src/lib.rs"
    (cd "$work" && RUSTFLAGS="-Cembed-bitcode=yes" RUSTC_BOOTSTRAP=1 RUSTUP_TOOLCHAIN=system \
      cargo build -q --release --target wasm32-unknown-unknown \
      -Z build-std=std,panic_abort,panic_unwind,proc_macro,test)
    $SUDO mkdir -p "$sysroot"
    $SUDO rm -f "$sysroot"/*.rlib
    find "$work/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libsysroot_probe-*' \
      -exec $SUDO cp {} "$sysroot/" \;
    echo "$want" | $SUDO tee "$stamp" >/dev/null
    rm -rf "$work"
    # Artefacts built against an older sysroot fail with "can't find crate"; start the wasm builds afresh.
    rm -rf "$ROOT/target/wasm32-unknown-unknown" "$ROOT/dist"
  fi
fi

# 5. wasm-bindgen-cli at exactly the version Cargo.lock resolves (the CLI and the crate must match).
wb_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (about 4 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release the registry mirror lacks.
  cargo install -q wasm-bindgen-cli --version "$wb_version" --force
fi

# 6. trunk, pinned (0.22 needs a newer rustc than the machines have).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked --force
fi
# 6b. wasm-split-cli: cuts the release wasm into the main module and the route chunks. Built from the
# vendored copy in tools/wasm-split-cli (upstream 0.2.4 plus one change, see its README); reinstalled
# whenever its sources change (a hash of them is kept beside the binary).
split_src=tools/wasm-split-cli
grep -q "^version = \"$WASM_SPLIT_VERSION\"" "$split_src/Cargo.toml" || {
  echo "setup: $split_src/Cargo.toml's version must be $WASM_SPLIT_VERSION (scripts/versions.env)" >&2
  exit 1
}
split_hash=$(find "$split_src" -path "$split_src/target" -prune -o -type f -print | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-64)
split_stamp="${CARGO_HOME:-$HOME/.cargo}/bin/.wasm-split-cli.sha256"
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION " \
  || [ "$(cat "$split_stamp" 2>/dev/null)" != "$split_hash" ]; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION from $split_src (about a minute)"
  cargo install -q --path "$split_src" --features build-binary --locked --force
  echo "$split_hash" > "$split_stamp"
fi
if ! grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$wb_version\" (the version in Cargo.lock)" >&2
  exit 1
fi

# 7. npm tools: wasm-opt (binaryen), playwright, axe-core. Reinstalled only when the lockfile changes.
for pin in "binaryen\": \"$WASM_OPT_NPM_VERSION" "playwright-core\": \"$PLAYWRIGHT_VERSION"; do
  grep -q "\"$pin\"" package.json || { echo "setup: package.json does not pin \"$pin\" (scripts/versions.env)" >&2; exit 1; }
done
lock_sum="$(sha256sum package-lock.json | cut -c1-64)"
if [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  log "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >node_modules/.lock-sum
fi

log "ready"
