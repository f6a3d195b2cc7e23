// Tests of `scripts/bench-size.mjs --check`, the budget check `make test` runs on the build: it passes a
// shell within 150 KB gzip, and fails one over it or one whose files it cannot all find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const SCRIPT = new URL('../../scripts/bench-size.mjs', import.meta.url).pathname;

// A dist with trunk's shape: index.html, its loader naming the wasm, and a wasm of `wasmBytes` random
// (incompressible) bytes.
function dist(wasmBytes, { withWasm = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-size-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>
<link rel="stylesheet" href="/main-1.css">
<script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script>
</head><body></body></html>`);
  writeFileSync(join(dir, 'main-1.css'), 'body { margin: 0 }\n');
  writeFileSync(join(dir, 'app-1.js'), 'export default function init() {}\n');
  if (withWasm) writeFileSync(join(dir, 'app-1_bg.wasm'), randomBytes(wasmBytes));
  return dir;
}

function check(dir) {
  const run = spawnSync(process.execPath, [SCRIPT, '--dist', dir, '--check'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return run;
}

test('a shell within the budget passes, and the table names its wasm', () => {
  const run = check(dist(100_000));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /app-1_bg\.wasm/);
  assert.match(run.stdout, /Within the budget/);
});

test('a shell over the budget fails, saying by how much', () => {
  const run = check(dist(160_000));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /over the 150\.0 KB budget/);
});

test('a shell whose wasm is missing fails rather than passing on a smaller total', () => {
  const run = check(dist(0, { withWasm: false }));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /cannot judge/);
  // Without --check it only reports.
  const dir = dist(0, { withWasm: false });
  const report = spawnSync(process.execPath, [SCRIPT, '--dist', dir], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(report.status, 0);
});
