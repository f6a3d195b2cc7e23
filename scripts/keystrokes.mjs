// The keystroke timing shared by bench-gallery.mjs and bench-load.mjs: the same queries, typed the same
// way, into the app's or the plain fixture's search box (`#gallery-search`).
//
// One keystroke: set the box's value and dispatch `input`, then wait for a macrotask (Leptos runs its
// effects in microtasks, so a task later they are all done) and force a layout (so the style and layout
// of the new cards are included). After each one the count and the first card are read again 30 ms
// later: if they changed, the window closed too early and the run fails. So keystrokes come about 30 ms
// apart, faster than anyone types, and a keystroke's window can still hold what the previous one left
// for the browser (painting, images).

/** Typed and retyped: English and Chinese, words that narrow and words that start again. */
export const QUERIES = ['r', 're', 'red', 'red ', 'red s', 'red sh', 'red shi', 'red ship', '红', '红船', '书', '书画', 'b', 'bo', 'boo', 'book', 'books', '社', '社区'];

/** Milliseconds from each keystroke to the updated, laid-out grid; `count` keystrokes. */
export async function timeKeystrokes(page, count) {
  await page.locator('#gallery-search').focus();
  const times = [];
  for (let i = 0; times.length < count; i += 1) {
    times.push(await page.evaluate(async (value) => {
      const box = document.querySelector('#gallery-search');
      const t0 = performance.now();
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      const t1 = performance.now();
      const shown = () => `${document.querySelector('.result-count')?.textContent} ${document.querySelector('.gallery-grid > li')?.textContent}`;
      // A check on the measure: had the grid not finished updating, it would change a moment later.
      const now = shown();
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (shown() !== now) throw new Error(`the grid changed after the measured window for "${value}"`);
      return t1 - t0;
    }, QUERIES[i % QUERIES.length]));
  }
  // The search must reach the address (the app writes it when typing pauses).
  const last = QUERIES[(count - 1) % QUERIES.length];
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, last, { timeout: 5_000 })
    .catch(() => { throw new Error(`the address did not follow the search for "${last}"`); });
  return times;
}

/** The p-th percentile (nearest rank). */
export const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
