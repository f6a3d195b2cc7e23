// Reads the chunk loader that wasm-split-cli writes (`__wasm_split.js`): for each split point, the files
// it fetches, its own module first, then the shared chunks it waits for. Used by the build hook
// (scripts/wasm-split.mjs) and by the size report (scripts/bench-size.mjs).
//   const __chunk_N = makeLoad(() => { const src = fetch(new URL("./FILE" ...   a shared chunk
//   export const __wasm_split_load_NAME = wrapAsyncCb(makeLoad(() => { const src = fetch(new URL("./FILE"
//     ... }, [__chunk_a, __chunk_b]));                                          a split point
export function readSplitLoader(loader) {
  const shared = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)]
    .map(([, name, file]) => [name, file]));
  const points = [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)]
    .map(([, name, file, deps]) => ({
      name,
      files: [file, ...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
        if (!shared.has(d)) throw new Error(`chunk loader: ${name} waits for ${d}, which it does not define`);
        return shared.get(d);
      })],
    }));
  return { points, shared: [...shared.values()] };
}

/** The same from index.html: the inline preloader's `const files = {...};` (written by wasm-split.mjs),
 *  each split point's files, its own module first. Shared chunks are the files named `chunk_N-…`. */
export function readSplitFiles(html) {
  const found = html.match(/const files = (\{.*?\});/);
  if (!found) return undefined;
  const points = Object.entries(JSON.parse(found[1])).map(([name, files]) => ({ name, files }));
  const shared = [...new Set(points.flatMap((p) => p.files).filter((f) => /^chunk_/.test(f)))];
  return { points, shared };
}
