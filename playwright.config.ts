import { defineConfig } from '@playwright/test';

// The built app and the local test Hub, served together by our own server (scripts/serve.ts).
export const PORT = Number(process.env.E2E_PORT ?? 4317);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Where the e2e server serves the BASE=/forgeai/sub/ build (npm run build:subpath). */
export const SUB_PATH = '/forgeai/sub/';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Flags from ARCHITECTURE.md: no sandbox as root, and no calls home that this network would refuse.
const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium with a WebGPU adapter (SwiftShader here: software, slow, but real). */
export const WEBGPU_LAUNCH = { executablePath: CHROMIUM, args: [...QUIET_FLAGS, '--enable-unsafe-webgpu'] };

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    // Debian's chromium; never a downloaded browser.
    launchOptions: { executablePath: CHROMIUM, args: [...QUIET_FLAGS, '--disable-gpu'] },
  },
  webServer: {
    command: `node --import tsx scripts/serve.ts --port ${PORT} --sub-app ${SUB_PATH}=dist-subpath`,
    url: `${ORIGIN}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
