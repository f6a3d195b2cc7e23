// Unit tests of scripts/check-layers.mjs (imports run down the floors of docs/architecture.md), run by
// `make test-native` with `node --test`; `make lint` runs the check on src/ itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  'lib.rs': 'pub mod app; pub mod web; pub mod state; pub mod pages;',
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
