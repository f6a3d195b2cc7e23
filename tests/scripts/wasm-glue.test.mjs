// Unit tests of scripts/wasm-glue.mjs (`make test-native` runs them with `node --test`): a small module
// and a glue written the way wasm-bindgen writes its own, transformed, then instantiated and called.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDeadClasses, minifyGlue, shortenImports, shortName } from '../../scripts/wasm-glue.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const WAT = `(module
  (import "./x_bg.js" "__wbg_get_0123456789abcdef" (func $get (result i32)))
  (import "env" "other" (func $other (result i32)))
  (import "./x_bg.js" "__wbg_add_fedcba9876543210" (func $add (param i32 i32) (result i32)))
  (import "./x_bg.js" "__wbg_table_00000000000000aa" (table 1 funcref))
  (import "env" "memory" (memory 1 2))
  (import "env" "base" (global $base i32))
  (import "./x_bg.js" "__wbg_$odd_00000000000000bb" (global $odd (mut i32)))
  (export "memory" (memory 0))
  (func (export "run") (result i32)
    (call $add (call $add (call $get) (call $other)) (i32.add (global.get $base) (global.get $odd))))
  (func (export "thing_value") (param i32) (result i32) (i32.const 7))
  (func (export "__wbg_thing_free") (param i32 i32))
  (func (export "keep_value") (result i32) (i32.const 9)))`;

const GLUE = `let wasm;
export class Thing {
    free() {
        wasm.__wbg_thing_free(this.__wbg_ptr, 0);
    }
    get value() {
        return __wbindgen_enum_Kind[wasm.thing_value(this.__wbg_ptr)];
    }
}
if (Symbol.dispose) Thing.prototype[Symbol.dispose] = Thing.prototype.free;

function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_get_0123456789abcdef: function() {
            return 40;
        },
        __wbg_add_fedcba9876543210: function(arg0, arg1) {
            return arg0 + arg1;
        },
        __wbg_table_00000000000000aa: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }),
        __wbg_$odd_00000000000000bb: new WebAssembly.Global({ value: 'i32', mutable: true }, 0),
    };
    return { __proto__: null, "./x_bg.js": import0 };
}
const __wbindgen_enum_Kind = ["plain", "fancy"];

const __wbindgen_enum_Kept = ["kept"];
const ThingFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_thing_free(ptr, 1));
function setWasm(w) { wasm = w; }
function kept() { return __wbindgen_enum_Kept[0]; }
export { __wbg_get_imports, setWasm };
`;

function assemble(wat) {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-glue-'));
  try {
    writeFileSync(join(dir, 'm.wat'), wat);
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wasm-as'), [join(dir, 'm.wat'), '-o', join(dir, 'm.wasm')]);
    return readFileSync(join(dir, 'm.wasm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = (glue) => import(`data:text/javascript;base64,${Buffer.from(glue).toString('base64')}`);

async function instantiate(wasm, glue) {
  const { __wbg_get_imports } = await load(glue);
  const env = { other: () => 2, memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }), base: new WebAssembly.Global({ value: 'i32' }, 0) };
  const imports = { ...__wbg_get_imports(), env };
  return (await WebAssembly.instantiate(wasm, imports)).instance.exports;
}

test('short names are unique and plain identifiers', () => {
  const names = Array.from({ length: 3000 }, (_, n) => shortName(n));
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((n) => /^[A-Za-z]+$/.test(n)));
  assert.deepEqual(names.slice(0, 3), ['a', 'b', 'c']);
});

test('imports from the glue get short names in the wasm and the glue, and the module still links', async () => {
  const wasm = assemble(WAT);
  assert.equal((await instantiate(wasm, GLUE)).run(), 42);
  const out = shortenImports(wasm, GLUE, './x_bg.js');
  assert.equal(out.renamed.size, 4);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
  // Every kind of import (function, table, memory, global) read and written back; `$` in a name too.
  assert.deepEqual(imports.filter((i) => i.module === 'env').map((i) => `${i.name}:${i.kind}`).sort(),
    ['base:global', 'memory:memory', 'other:function']);
  const ours = imports.filter((i) => i.module === 'w');
  assert.deepEqual(ours.map((i) => i.name).sort(), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ours.map((i) => i.kind).sort(), ['function', 'function', 'global', 'table']);
  assert.ok(!/__wbg_(get|add|table|\$odd)_[0-9a-f]{16}/.test(out.glue), out.glue);
  assert.ok(out.glue.includes('"w": import0'));
  assert.equal((await instantiate(out.wasm, out.glue)).run(), 42);
  assert.ok(out.wasm.length < wasm.length);
});

test('a glue that names an import outside its import object is refused', () => {
  const wasm = assemble(WAT);
  const glue = GLUE.replace('function setWasm', 'const again = "__wbg_add_fedcba9876543210";\nfunction setWasm');
  assert.throws(() => shortenImports(wasm, glue, './x_bg.js'), /__wbg_add_fedcba9876543210 outside/);
  assert.throws(() => shortenImports(wasm, GLUE.replace('__wbg_get_0123456789abcdef:', 'other:'), './x_bg.js'),
    /__wbg_get_0123456789abcdef once as a key/);
  assert.throws(() => shortenImports(wasm, GLUE, './y_bg.js'), /imports nothing from \.\/y_bg\.js/);
});

test('an unused exported class loses its exports and its glue; the rest still works', async () => {
  const wasm = assemble(WAT);
  const out = dropDeadClasses(wasm, GLUE, ['Thing']);
  assert.deepEqual(out.dropped.sort(), ['__wbg_thing_free', 'thing_value']);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).map((e) => e.name);
  assert.deepEqual(exports.sort(), ['keep_value', 'memory', 'run']);
  assert.ok(!/thing/i.test(out.glue), out.glue);
  // The enum only the class used goes with it; another stays.
  assert.ok(out.glue.includes('const __wbindgen_enum_Kept = ["kept"];'), out.glue);
  const instance = await instantiate(out.wasm, out.glue);
  assert.equal(instance.run(), 42);
  assert.equal(instance.keep_value(), 9);
  // All three steps, in the order the build runs them; the minified glue keeps its exports' names.
  const both = shortenImports(out.wasm, out.glue, './x_bg.js');
  assert.equal((await instantiate(both.wasm, both.glue)).run(), 42);
  const minified = await minifyGlue(both.glue);
  assert.ok(minified.length < both.glue.length / 1.5, minified);
  assert.ok(!minified.includes('\n    '), minified);
  assert.equal((await instantiate(both.wasm, minified)).run(), 42);
});

test('a class that Rust hands to JavaScript is not dropped, nor one the glue does not have', () => {
  const wasm = assemble(WAT);
  const wrapped = GLUE.replace('function setWasm', 'function make(ptr) { return Thing.__wrap(ptr); }\nfunction setWasm');
  assert.throws(() => dropDeadClasses(wasm, wrapped, ['Thing']), /Thing is handed from Rust/);
  assert.throws(() => dropDeadClasses(wasm, GLUE, ['Other']), /class Other is not as expected/);
});
