// Chromium flags from ARCHITECTURE.md, shared by the e2e tests and the benchmark: no sandbox as root,
// and no calls home that this network would refuse.
export const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with a WebGPU adapter (SwiftShader here: software, slow, but real). */
export const WEBGPU_LAUNCH = { executablePath: CHROMIUM, args: [...QUIET_FLAGS, '--enable-unsafe-webgpu'] };

/** Chromium on the CPU only (no WebGPU adapter). */
export const CPU_LAUNCH = { executablePath: CHROMIUM, args: [...QUIET_FLAGS, '--disable-gpu'] };
