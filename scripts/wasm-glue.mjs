// Two size steps on the main module and its wasm-bindgen glue, run by scripts/wasm-split.mjs between
// wasm-bindgen and wasm-opt. Measured in BENCHMARKS.md ("eighth session"). Both check what they change
// and throw when the glue is not as expected, so a new wasm-bindgen cannot make them break the app
// quietly: the build stops.
//
// shortenImports: wasm-bindgen names each import after its JavaScript function plus a 16-digit hash
// (`__wbg_instanceof_HtmlDialogElement_54a8d2c8636a9adc`), and the module `./showcase_bg.js`; the
// names are in the wasm once per import and in the glue once per function, and the hashes do not
// compress. They become `a`, `b`, … `aB`, in a module named `w`, in both files.
//
// dropDeadClasses: every Rust type exported to JavaScript with #[wasm_bindgen] is a root of the wasm:
// its methods are exports, so neither the linker nor wasm-opt can drop them, used or not. leptos
// depends on server_fn, and server_fn on wasm-streams, which exports three classes for turning Rust
// streams into JavaScript ones (server functions' streaming; this app has no server). Their exports
// go, so wasm-opt drops the code behind them, and so do their classes in the glue. Only a class that
// Rust can never hand to JavaScript is dropped: the glue would have its `__wrap` otherwise.
//
// minifyGlue: the glue as wasm-bindgen writes it is readable source (comments, long local names);
// terser (npm, a devDependency) minifies it as an ES module, keeping its exports' names.

import { minify } from 'terser';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Unsigned LEB128 at `pos`: [value, position after it]. */
function readU32(bytes, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, pos];
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([writeU32(bytes.length), bytes]);
};

function readName(bytes, pos) {
  const [length, start] = readU32(bytes, pos);
  return [Buffer.from(bytes.subarray(start, start + length)).toString('utf8'), start + length];
}

/** The module with one section's body replaced: `edit(body)` returns the new body. */
function editSection(wasm, id, edit) {
  const bytes = Buffer.from(wasm);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-glue: not a wasm module');
  const parts = [bytes.subarray(0, 8)];
  let pos = 8;
  let found = false;
  while (pos < bytes.length) {
    const sectionId = bytes[pos];
    const [size, start] = readU32(bytes, pos + 1);
    const end = start + size;
    if (sectionId === id) {
      found = true;
      const body = edit(bytes.subarray(start, end));
      parts.push(Buffer.from([id]), writeU32(body.length), body);
    } else {
      parts.push(bytes.subarray(pos, end));
    }
    pos = end;
  }
  if (!found) throw new Error(`wasm-glue: the module has no section ${id}`);
  return Buffer.concat(parts);
}

/** The length in bytes of an import's description (after its two names), from `pos`. */
function importDescEnd(body, pos) {
  const kind = body[pos++];
  const limits = (at) => {
    const flags = body[at++];
    [, at] = readU32(body, at);
    if (flags & 1) [, at] = readU32(body, at);
    return at;
  };
  switch (kind) {
    case 0: return readU32(body, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: element type, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: value type, mutability
    default: throw new Error(`wasm-glue: unknown import kind ${kind}`);
  }
}

/** A short identifier for the n-th name: a … z, A … Z, then two letters (safe as a JS property key). */
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = letters[n % letters.length];
  for (n = Math.floor(n / letters.length); n > 0; n = Math.floor(n / letters.length)) {
    out += letters[n % letters.length];
  }
  return out;
}

/**
 * The imports from `module` (the glue, e.g. `./showcase_bg.js`) renamed to short names, in the wasm and
 * in the glue, where each must be a key of the import object exactly once; the module becomes `w`.
 * Returns { wasm, glue, renamed }.
 */
export function shortenImports(wasm, glue, module) {
  const renamed = new Map();
  const out = editSection(wasm, 2, (body) => {
    let [count, pos] = readU32(body, 0);
    const parts = [writeU32(count)];
    for (; count > 0; count--) {
      let from;
      let field;
      [from, pos] = readName(body, pos);
      [field, pos] = readName(body, pos);
      const end = importDescEnd(body, pos);
      if (from === module) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        parts.push(name('w'), name(renamed.get(field)));
      } else {
        parts.push(name(from), name(field));
      }
      parts.push(body.subarray(pos, end));
      pos = end;
    }
    return Buffer.concat(parts);
  });
  if (renamed.size === 0) throw new Error(`wasm-glue: the wasm imports nothing from ${module}`);
  // The import object: `return { __proto__: null, "./showcase_bg.js": import0 }`, its functions keyed by
  // their names (`__wbg_…: function(arg0) {`).
  const moduleKey = JSON.stringify(module);
  if (glue.split(moduleKey).length !== 2) throw new Error(`wasm-glue: expected ${moduleKey} once in the glue`);
  glue = glue.replace(moduleKey, '"w"');
  for (const [from, to] of renamed) {
    const key = new RegExp(`(^|[^\\w$])${escapeRegExp(from)}(?=\\s*:)`, 'g');
    const uses = glue.match(key)?.length ?? 0;
    if (uses !== 1) throw new Error(`wasm-glue: expected the import ${from} once as a key in the glue, found ${uses}`);
    if (glue.split(from).length !== 2) throw new Error(`wasm-glue: the glue names ${from} outside its import object`);
    glue = glue.replace(key, `$1${to}`);
  }
  return { wasm: out, glue, renamed };
}

/**
 * Drops the exported classes `classes` (JavaScript names, e.g. `IntoUnderlyingSink`): their wasm
 * exports (`intounderlyingsink_*`, `__wbg_intounderlyingsink_free`) and their code in the glue.
 * Returns { wasm, glue, dropped } (dropped: the export names).
 */
export function dropDeadClasses(wasm, glue, classes) {
  const dropped = [];
  for (const cls of classes) {
    if (new RegExp(`\\b${cls}\\.__wrap\\b`).test(glue)) {
      throw new Error(`wasm-glue: ${cls} is handed from Rust to JavaScript (its __wrap is in the glue); it is used`);
    }
  }
  const prefixes = classes.map((cls) => cls.toLowerCase());
  const exported = (field) => prefixes.some((p) => field.startsWith(`${p}_`) || field === `__wbg_${p}_free`);
  const out = editSection(wasm, 7, (body) => {
    let [count, pos] = readU32(body, 0);
    const kept = [];
    for (; count > 0; count--) {
      const start = pos;
      let field;
      [field, pos] = readName(body, pos);
      [, pos] = readU32(body, pos + 1);
      if (exported(field)) dropped.push(field);
      else kept.push(body.subarray(start, pos));
    }
    return Buffer.concat([writeU32(kept.length), ...kept]);
  });
  for (const cls of classes) {
    const declaration = new RegExp(`^export class ${cls} \\{\\n[\\s\\S]*?\\n\\}\\n` +
      `if \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`, 'm');
    const registry = new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'm');
    if (!declaration.test(glue) || !registry.test(glue)) throw new Error(`wasm-glue: the glue's class ${cls} is not as expected`);
    glue = glue.replace(declaration, '').replace(registry, '');
    if (glue.includes(cls) || glue.toLowerCase().includes(`${cls.toLowerCase()}_`)) {
      throw new Error(`wasm-glue: the glue still names ${cls} after it was dropped`);
    }
  }
  // The enums only those classes used (`const __wbindgen_enum_ReadableStreamType = ["bytes"];`).
  for (const [line, name] of glue.matchAll(/^const (__wbindgen_enum_\w+) = \[[^\]]*\];\n/gm)) {
    if (glue.split(name).length === 2) glue = glue.replace(line, '');
  }
  if (dropped.length === 0) throw new Error(`wasm-glue: none of ${classes.join(', ')} is exported by the wasm`);
  return { wasm: out, glue, dropped };
}

/** The glue minified (an ES module: its exports keep their names). */
export async function minifyGlue(glue) {
  const { code } = await minify(glue, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (!code) throw new Error('wasm-glue: terser returned no code for the glue');
  return code;
}

/** The features rustc enables for wasm32 by default; wasm-opt must accept what the code uses. */
export const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** Classes that wasm-streams (leptos → server_fn → wasm-streams) exports and this app never uses. */
export const STREAM_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/**
 * The three steps as the build runs them on a main module fresh from wasm-bindgen (imports from
 * `module`): the stream classes dropped, the imports' short names, the glue minified.
 * Returns { wasm, glue } (the wasm still to be optimised by wasm-opt).
 */
export async function finishGlue(wasm, glue, module) {
  ({ wasm, glue } = dropDeadClasses(wasm, glue, STREAM_CLASSES));
  ({ wasm, glue } = shortenImports(wasm, glue, module));
  return { wasm, glue: await minifyGlue(glue) };
}
