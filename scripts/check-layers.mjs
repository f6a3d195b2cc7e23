// The app's imports run one way (docs/architecture.md): each module of src/ stands on a floor, and it
// may name only modules on floors below its own, or its own folder. `app` is the composition root on
// the top floor, which nothing imports; `web` is the browser on the ground floor, which imports nothing
// of the app. Pages do not import each other. Files that import each other in a loop fail too (a
// folder's mod.rs declaring its own files is not an import).
//
// What counts as naming a module: a path from `crate`, `$crate` or `super` (in a `use`, with its
// `{…}` groups, or anywhere in the code, spaces around `::` allowed), and the use of a macro the crate
// defines (`t!` names i18n.rs). Comments and strings are not read. Refused outright: `use crate as …`,
// a glob of the crate root, `#[path]` modules, and a path that names no file of src/.
//
// Run by `make lint`: `node scripts/check-layers.mjs [src dir]`; prints each problem with its file and
// line, and exits 1.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The floors, from the ground up: a module of a floor may import those of the floors below. */
export const FLOORS = [
  ['web'],
  ['chunks', 'router'],
  ['state'],
  ['i18n'],
  ['site'],
  ['components'],
  ['kiosk', 'idle'],
  ['pages'],
  ['app'],
];

/** Folders whose files may not import one another (only their mod.rs). */
export const APART = ['pages'];

/** Macros that the build generates into a module (build.rs writes leptos_i18n's into i18n.rs). */
const GENERATED_MACROS = { td: 'i18n.rs', td_string: 'i18n.rs', tu_string: 'i18n.rs' };

const floorOf = new Map(FLOORS.flatMap((names, n) => names.map((name) => [name, n])));

/** Every .rs file under `dir`, as paths relative to it with `/`. */
function sources(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, base);
    return name.endsWith('.rs') ? [relative(base, path).split(sep).join('/')] : [];
  });
}

/** The module path of a file: `kiosk/glue.rs` → ['kiosk', 'glue'], `state/mod.rs` → ['state']. */
const modulePath = (file) => file.replace(/\.rs$/, '').split('/').filter((part, n, all) => !(part === 'mod' && n === all.length - 1));

/** The file of a module path, among `files`: the longest prefix of `path` that is a file. */
function fileOf(path, files) {
  for (let n = path.length; n > 0; n -= 1) {
    const stem = path.slice(0, n).join('/');
    for (const candidate of [`${stem}.rs`, `${stem}/mod.rs`]) if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Rust source as tokens (identifiers, `::`, punctuation), with their lines; comments and strings out. */
export function tokens(text) {
  const out = [];
  let line = 1;
  let i = 0;
  const push = (value) => out.push({ value, line });
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i, i + 3);
    if (c === '\n') { line += 1; i += 1; continue; }
    if (/\s/.test(c)) { i += 1; continue; }
    if (rest.startsWith('//')) { while (i < text.length && text[i] !== '\n') i += 1; continue; }
    if (rest.startsWith('/*')) {
      let depth = 0;
      do {
        if (text.startsWith('/*', i)) { depth += 1; i += 2; } else if (text.startsWith('*/', i)) { depth -= 1; i += 2; } else { if (text[i] === '\n') line += 1; i += 1; }
      } while (depth > 0 && i < text.length);
      continue;
    }
    const raw = /^b?r(#*)"/.exec(text.slice(i, i + 12));
    if (raw) {
      const end = `"${raw[1]}`;
      let j = i + raw[0].length;
      while (j < text.length && !text.startsWith(end, j)) { if (text[j] === '\n') line += 1; j += 1; }
      i = j + end.length;
      push('"');
      continue;
    }
    if (c === '"' || (c === 'b' && text[i + 1] === '"')) {
      let j = text.indexOf('"', i) + 1;
      while (j < text.length && text[j] !== '"') { if (text[j] === '\\') j += 1; else if (text[j] === '\n') line += 1; j += 1; }
      i = j + 1;
      push('"');
      continue;
    }
    // A char literal ('a', '\n', '\u{1F600}'), not a lifetime ('a without a closing quote).
    const ch = /^'(\\.[^']*|[^'\\])'/u.exec(text.slice(i, i + 12));
    if (ch) { i += ch[0].length; push("'"); continue; }
    const word = /^(r#)?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 200));
    if (word) { push(word[0].replace(/^r#/, '')); i += word[0].length; continue; }
    if (text.startsWith('::', i)) { push('::'); i += 2; continue; }
    push(c);
    i += 1;
  }
  return out;
}

const isIdent = (t) => t !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t);

/**
 * What a file names of the crate: `{ path, line }` for each path from `crate` or `super` (with the
 * `super`s resolved against the file's module and any inline `mod x { … }` it is in), each macro of
 * `macros` it uses (`{ file, line }`), and the forms refused outright (`{ refused, line }`).
 */
export function references(file, text, macros = new Map()) {
  const own = modulePath(file);
  const toks = tokens(text);
  const found = [];
  const inline = []; // [{ name, depth }]
  let depth = 0;
  const modAt = () => [...own, ...inline.map((m) => m.name)];
  // Reads a path's segments from token n (after its root), with `{…}` groups expanded.
  const readTree = (n, prefix, line, into) => {
    let path = [...prefix];
    while (toks[n]?.value === '::') {
      const next = toks[n + 1]?.value;
      if (next === '{') {
        n += 2;
        while (n < toks.length && toks[n].value !== '}') {
          if (toks[n].value === ',') { n += 1; continue; }
          if (toks[n].value === 'self') { into.push({ path, line }); n += 1; continue; }
          if (toks[n].value === 'super' || toks[n].value === 'crate') return n; // not valid Rust here
          if (isIdent(toks[n].value) || toks[n].value === '*') {
            const start = toks[n].value;
            n = readTree(n + 1, [...path, start], toks[n].line, into);
            if (toks[n]?.value === 'as') n += 2;
            continue;
          }
          n += 1;
        }
        return n + 1;
      }
      if (next === '*') { into.push({ path: [...path, '*'], line }); return n + 2; }
      if (!isIdent(next)) break;
      if (next === 'super' && path.length === 0) break;
      path = [...path, next];
      n += 2;
    }
    into.push({ path, line });
    return n;
  };
  for (let n = 0; n < toks.length; n += 1) {
    const { value, line } = toks[n];
    if (value === '{') depth += 1;
    if (value === '}') {
      depth -= 1;
      if (inline.length && inline[inline.length - 1].depth === depth) inline.pop();
    }
    if (value === 'mod' && isIdent(toks[n + 1]?.value) && toks[n + 2]?.value === '{') {
      inline.push({ name: toks[n + 1].value, depth });
    }
    if (value === '#' && toks[n + 1]?.value === '[' && toks[n + 2]?.value === 'path') {
      found.push({ refused: '#[path] module', line });
    }
    if (value === 'use' && toks[n + 1]?.value === 'crate' && toks[n + 2]?.value === 'as') {
      found.push({ refused: '`use crate as …`', line });
    }
    const dollar = value === '$' && toks[n + 1]?.value === 'crate';
    if ((value === 'crate' || dollar) && toks[n - 1]?.value !== '::' && toks[n - 1]?.value !== 'pub' && toks[n - 1]?.value !== '(') {
      const at = dollar ? n + 1 : n;
      if (toks[at + 1]?.value === '::') {
        const paths = [];
        n = readTree(at + 1, [], line, paths) - 1;
        for (const p of paths) {
          if (p.path[p.path.length - 1] === '*' && p.path.length === 1) found.push({ refused: 'a glob of the crate root', line: p.line });
          else found.push(p);
        }
      }
      continue;
    }
    if (value === 'super' && toks[n - 1]?.value !== '::' && toks[n + 1]?.value === '::') {
      let base = modAt();
      let at = n;
      while (toks[at]?.value === 'super' && toks[at + 1]?.value === '::') {
        base = base.slice(0, -1);
        at += 2;
      }
      const paths = [];
      n = readTree(at - 1, base, line, paths) - 1;
      found.push(...paths);
      continue;
    }
    if (isIdent(value) && toks[n + 1]?.value === '!' && toks[n - 1]?.value !== 'macro_rules' && macros.has(value)) {
      found.push({ file: macros.get(value), line, macro: value });
    }
  }
  return found;
}

/** The crate's macros: the file that defines each (`macro_rules! name`), and the generated ones. */
function macrosOf(dir, files) {
  const macros = new Map(Object.entries(GENERATED_MACROS).filter(([, f]) => files.has(f)));
  for (const file of files) {
    const toks = tokens(readFileSync(join(dir, file), 'utf8'));
    toks.forEach((t, n) => {
      if (t.value === 'macro_rules' && toks[n + 1]?.value === '!' && isIdent(toks[n + 2]?.value)) macros.set(toks[n + 2].value, file);
    });
  }
  return macros;
}

/** The problems of the tree under `dir`: one line each. */
export function check(dir) {
  // The binaries (main.rs, bin/*.rs) are crates of their own, using the library from outside it.
  const files = new Set(sources(dir).filter((f) => f !== 'lib.rs' && f !== 'main.rs' && !f.startsWith('bin/')));
  const macros = macrosOf(dir, files);
  const problems = [];
  const edges = new Map([...files].map((f) => [f, new Set()]));
  for (const file of files) {
    const own = modulePath(file);
    const top = own[0];
    if (!floorOf.has(top)) {
      problems.push(`${file}: module "${top}" is on no floor (scripts/check-layers.mjs FLOORS)`);
      continue;
    }
    for (const ref of references(file, readFileSync(join(dir, file), 'utf8'), macros)) {
      if (ref.refused) {
        problems.push(`${file}:${ref.line}: ${ref.refused}: write the module's path`);
        continue;
      }
      const target = ref.file ?? fileOf(ref.path, files);
      const named = ref.macro ? `${ref.macro}!` : ref.path.join('::');
      if (!target) {
        // The crate root itself (`crate::x` of a name lib.rs defines) is refused: lib.rs declares only.
        problems.push(`${file}:${ref.line}: ${named || 'the crate root'} names no file of src/`);
        continue;
      }
      if (target === file) continue;
      // A folder's mod.rs names its own files as it declares them: not an import.
      const targetPath = modulePath(target);
      const parentOfTarget = file.endsWith('mod.rs') && targetPath.length === own.length + 1 && own.every((p, n) => targetPath[n] === p);
      if (!parentOfTarget) edges.get(file).add(target);
      const to = targetPath[0];
      if (to === top) {
        if (APART.includes(top) && own.length > 1 && targetPath.length > 1) {
          problems.push(`${file}:${ref.line}: imports ${named} (${target}): ${top}/ files do not import one another`);
        }
        continue;
      }
      if (floorOf.get(to) >= floorOf.get(top)) {
        problems.push(`${file}:${ref.line}: imports ${named} (${to}, floor ${floorOf.get(to) + 1}) from floor ${floorOf.get(top) + 1}: imports run down`);
      }
    }
  }
  // Loops of files (within a folder too).
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        problems.push(`a loop of imports: ${[...stack.slice(stack.indexOf(next)), next].join(' -> ')}`);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...files].sort()) if (!state.has(file)) visit(file);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? new URL('../src', import.meta.url).pathname;
  const problems = check(dir);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`check-layers: ${problems.length} problem(s) with the direction of imports (docs/architecture.md)`);
    process.exit(1);
  }
  console.log(`check-layers: ${sources(dir).length} files, every import runs down`);
}
