// Unit tests of scripts/check-layers.mjs (imports run down the floors of docs/architecture.md), run by
// `make test-native` with `node --test`; `make lint` runs the check on src/ itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from '../../scripts/check-layers.mjs';

/** A src/ tree of these files and texts. */
function tree(files) {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const house = {
  'lib.rs': 'pub mod app; pub mod web; pub mod state; pub mod pages; pub mod i18n; pub mod router; pub mod chunks;',
  'i18n.rs': 'macro_rules! t { ($i:expr) => { $crate::i18n::td!($i) }; }',
  'router.rs': 'use crate::web::fetch;',
  'chunks.rs': '',
  'app.rs': 'use crate::pages::home::HomePage;\nuse crate::state::Store;',
  'web/mod.rs': 'pub mod fetch;',
  'web/fetch.rs': 'use super::retry; // the same floor\n',
  'state/mod.rs': 'use crate::web::fetch::fetch;\nmod load;',
  'state/load.rs': 'use super::Store;\nuse crate::web::fetch;',
  'pages/mod.rs': 'pub mod home;',
  'pages/home.rs': 'use crate::state::use_store;\n// crate::app::App in a comment is not an import',
};

test('a house whose imports run down passes', () => {
  const dir = tree(house);
  try {
    assert.deepEqual(check(dir), []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an import of a higher floor fails, with its file and line', () => {
  const dir = tree({ ...house, 'web/fetch.rs': 'use super::retry;\nuse crate::state::Store;' });
  try {
    assert.deepEqual(check(dir), [
      'web/fetch.rs:2: imports state::Store (state, floor 3) from floor 1: imports run down',
      // state/mod.rs imports web/fetch.rs: the two now make a loop as well.
      'a loop of imports: state/mod.rs -> web/fetch.rs -> state/mod.rs',
    ]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('nothing imports the composition root', () => {
  const dir = tree({ ...house, 'pages/home.rs': 'use crate::app::preload;' });
  try {
    assert.match(check(dir).join('\n'), /pages\/home\.rs:1: imports app::preload/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('files of one folder that import each other in a loop fail', () => {
  const dir = tree({
    ...house,
    'pages/mod.rs': 'pub mod home; pub mod item;',
    'pages/home.rs': 'use crate::pages::item::x;',
    'pages/item.rs': 'use crate::pages::home::y;',
  });
  try {
    assert.match(check(dir).join('\n'), /a loop of imports: pages\/home\.rs -> pages\/item\.rs -> pages\/home\.rs/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a module on no floor is named', () => {
  const dir = tree({ ...house, 'extra.rs': 'use crate::web::fetch;' });
  try {
    assert.match(check(dir).join('\n'), /extra\.rs: module "extra" is on no floor/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

/** The problems of the house with these files changed. */
function problemsWith(files) {
  const dir = tree({ ...house, ...files });
  try {
    return check(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('every way of writing a path of the crate is read', () => {
  for (const text of [
    'use crate::{web::fetch, state::Store};',
    'use crate::{\n    web::fetch,\n    state::{Store, use_store},\n};',
    'fn f() { crate :: state :: Store::new(); }',
    'use crate::\n    state::Store;',
    'fn f() { let u = "https://x"; crate::state::Store::new(); }',
    'use crate::r#state::Store;',
    'macro_rules! m { () => { $crate::state::Store::new() }; }',
  ]) {
    const problems = problemsWith({ 'web/fetch.rs': text });
    assert.ok(problems.some((p) => /^web\/fetch\.rs:\d+: imports state/.test(p)), `${text}\n${problems.join('\n')}`);
  }
});

test('super is resolved: in a mod.rs, chained, and inside an inline module', () => {
  assert.match(problemsWith({ 'web/mod.rs': 'pub mod fetch;\nuse super::state::Store;' }).join('\n'), /web\/mod\.rs:2: imports state::Store/);
  assert.match(problemsWith({ 'web/fetch.rs': 'use super::super::app::x;' }).join('\n'), /web\/fetch\.rs:1: imports app::x/);
  // `super` in `mod tests` of web/fetch.rs is web/fetch.rs itself: no loop with web/mod.rs.
  assert.deepEqual(problemsWith({ 'web/fetch.rs': 'fn now() {}\n#[cfg(test)]\nmod tests {\n    use super::now;\n}' }), []);
});

test('a macro of the crate names the module that defines it', () => {
  assert.match(problemsWith({ 'web/fetch.rs': 'fn f() { t!(x); }' }).join('\n'), /web\/fetch\.rs:1: imports t! \(i18n/);
});

test('a module on the same floor is not below', () => {
  assert.match(problemsWith({ 'router.rs': 'use crate::chunks::x;' }).join('\n'), /router\.rs:1: imports chunks::x \(chunks, floor 2\) from floor 2/);
});

test('comments, strings and doc text are not imports', () => {
  assert.deepEqual(problemsWith({ 'web/fetch.rs': '/* crate::app::x */\n/// see crate::app\n#[doc = "crate::app"]\nconst S: &str = "crate::app::y";\nconst R: &str = r#"crate::app"#;\nconst C: char = \'"\';' }), []);
});

test('forms that hide a path are refused', () => {
  const problems = (text) => problemsWith({ 'web/fetch.rs': text }).join('\n');
  assert.match(problems('use crate as c;'), /use crate as/);
  assert.match(problems('use crate::*;'), /a glob of the crate root/);
  assert.match(problems('#[path = "../app.rs"]\nmod a;'), /#\[path\] module/);
  assert.match(problems('use crate::nowhere::x;'), /nowhere::x names no file of src/);
});

test('pages do not import one another, and a mod.rs declaring its files is no loop', () => {
  const problems = problemsWith({
    'pages/mod.rs': 'pub mod home; pub mod item;\nuse item::x;',
    'pages/item.rs': 'use super::y;',
    'pages/home.rs': 'use crate::pages::item::x;',
  });
  assert.deepEqual(problems, ['pages/home.rs:1: imports pages::item::x (pages/item.rs): pages/ files do not import one another']);
});

test('the command exits 1 on a problem and 0 without', () => {
  const script = new URL('../../scripts/check-layers.mjs', import.meta.url).pathname;
  const good = tree(house);
  const bad = tree({ ...house, 'web/fetch.rs': 'use crate::app::x;' });
  try {
    execFileSync('node', [script, good], { stdio: 'pipe' });
    assert.throws(() => execFileSync('node', [script, bad], { stdio: 'pipe' }), (err) => err.status === 1 && /imports app::x/.test(err.stderr));
  } finally {
    rmSync(good, { recursive: true });
    rmSync(bad, { recursive: true });
  }
});
