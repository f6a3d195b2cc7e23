// End-to-end tests against the release build in dist/, in Debian's Chromium (Playwright cannot download
// browsers here), and against the same site built for a sub-path (`--public-url /showcase/`, in
// dist-subpath/, served under /showcase/ only), and against the site built for a second event
// (tests/fixtures/other-event, in dist-other/). `make build` builds all three first.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUB_PORT = PORT + 1;
const OTHER_PORT = PORT + 2;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ],
    },
    trace: 'off',
    // page.route() does not see requests a service worker makes, so the worker is off except in the
    // tests of offline operation (offline.spec.mjs turns it on).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'root', testIgnore: /(subpath|other-event)\.spec\.mjs/ },
    { name: 'subpath', testMatch: /subpath\.spec\.mjs/, use: { baseURL: `http://127.0.0.1:${SUB_PORT}/showcase/` } },
    // The site built with a second event's content (tests/fixtures/other-event), in dist-other/.
    { name: 'other-event', testMatch: /other-event\.spec\.mjs/, use: { baseURL: `http://127.0.0.1:${OTHER_PORT}/` } },
  ],
  webServer: [
    {
      command: `node tests/e2e/server.mjs dist`,
      cwd: '../..',
      env: { PORT: String(PORT) },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node tests/e2e/server.mjs dist-subpath`,
      cwd: '../..',
      env: { PORT: String(SUB_PORT), PREFIX: '/showcase/' },
      url: `http://127.0.0.1:${SUB_PORT}/showcase/`,
      reuseExistingServer: false,
    },
    {
      command: `node tests/e2e/server.mjs dist-other`,
      cwd: '../..',
      env: { PORT: String(OTHER_PORT) },
      url: `http://127.0.0.1:${OTHER_PORT}/`,
      reuseExistingServer: false,
    },
  ],
});
