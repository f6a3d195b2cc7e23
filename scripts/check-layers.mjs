// The app's imports run one way (docs/architecture.md): each module of src/ stands on a floor, and it
// may name (`crate::…`) only modules on floors below its own, or its own folder. `app` is the
// composition root on the top floor, which nothing imports; `web` is the browser on the ground floor,
// which imports nothing of the app. Files that import each other in a loop fail too, within a folder
// as well. Run by `make lint`: `node scripts/check-layers.mjs [src dir]`; prints each offending import
// with its file and line, and exits 1.
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

/** What `file` names of the crate: `{ target, line }` for each `crate::a::b` (and `super::…`). */
function references(file, text) {
  const own = modulePath(file);
  const found = [];
  text.split('\n').forEach((line, n) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const m of code.matchAll(/(?<![\w$])(\$?crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const rest = m[2].split('::').filter(Boolean);
      // `super` in `a/b.rs` (module a::b) is a; in `a/mod.rs` (module a) it is the crate root.
      const path = m[1] === 'super' ? [...own.slice(0, -1), ...rest] : rest;
      found.push({ path, line: n + 1 });
    }
  });
  return found;
}

/** The problems of the tree under `dir`: one line each. */
export function check(dir) {
  const files = new Set(sources(dir).filter((f) => f !== 'lib.rs' && f !== 'main.rs'));
  const problems = [];
  const edges = new Map([...files].map((f) => [f, new Set()]));
  for (const file of files) {
    const top = modulePath(file)[0];
    if (!floorOf.has(top)) {
      problems.push(`${file}: module "${top}" is on no floor (scripts/check-layers.mjs FLOORS)`);
      continue;
    }
    for (const { path, line } of references(file, readFileSync(join(dir, file), 'utf8'))) {
      const target = fileOf(path, files);
      if (!target || target === file) continue;
      edges.get(file).add(target);
      const to = modulePath(target)[0];
      if (to === top) continue;
      if (!floorOf.has(to)) continue;
      if (floorOf.get(to) >= floorOf.get(top)) {
        problems.push(`${file}:${line}: imports ${path.join('::')} (${to}, floor ${floorOf.get(to) + 1}) from floor ${floorOf.get(top) + 1}: imports run down`);
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
    console.error(`check-layers: ${problems.length} import(s) against the direction (docs/architecture.md)`);
    process.exit(1);
  }
  console.log(`check-layers: ${sources(dir).length} files, every import runs down`);
}
