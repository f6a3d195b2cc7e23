import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';
const PORT = 4199; const out = '/tmp/'; const sample = JSON.parse(readFileSync('public/data/bundle.json','utf8'));
const server = await serve({ root: 'dist', port: PORT });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
await editor(); await browser.close(); server.close();
async function editor() {
  for (const [width, height] of [[390, 844], [1366, 768]]) {
    const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block', ...phone });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/edit/`);
    await page.getByRole('button', { name: /Open this site's content/ }).click();
    await page.getByRole('button', { name: /展品 Items/ }).click();
    await page.locator('.entries .entry-name').nth(1).click();
    await page.locator('.entry-form legend').first().scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    let file = `${out}editor-item-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await page.getByRole('button', { name: /添加 · Add/ }).last().click();
    await page.locator(`[id="field:items[${sample.items.length}].title.en"]`).fill('A new gift');
    await page.locator('aside.problems').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    file = `${out}editor-problems-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log('wrote', file);
    await context.close();
  }
}
