import { defineConfig } from '@playwright/test';
import { CPU_LAUNCH } from './scripts/browser-flags.ts';

// The built app and the local test Hub, served together by our own server (scripts/serve.ts).
export const PORT = Number(process.env.E2E_PORT ?? 4317);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Where the e2e server serves the BASE=/forgeai/sub/ build (npm run build:subpath). */
export const SUB_PATH = '/forgeai/sub/';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    // Debian's chromium; never a downloaded browser.
    launchOptions: CPU_LAUNCH,
  },
  webServer: {
    command: `node --import tsx scripts/serve.ts --port ${PORT} --sub-app ${SUB_PATH}=dist-subpath`,
    url: `${ORIGIN}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
