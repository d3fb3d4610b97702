// Renders the app icons (PNG, for the web app manifest) from the logo with Debian's Chromium.
// Run once after changing the logo: node --import tsx scripts/make-icons.ts  (the PNGs are committed).
import { chromium } from '@playwright/test';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'public', 'icons');
const LOGO_PATH = 'M18 46V18h28v8H28v5h14v8H28v7z';
const ORANGE = '#e8590c';

/** The favicon's rounded square, or (maskable) a full-bleed square with the letter inside the 80% safe zone. */
function svg(maskable: boolean): string {
  const background = maskable
    ? `<rect width="64" height="64" fill="${ORANGE}"/>`
    : `<rect width="64" height="64" rx="14" fill="${ORANGE}"/>`;
  const letter = maskable
    ? `<g transform="translate(32 32) scale(0.75) translate(-32 -32)"><path d="${LOGO_PATH}" fill="#fff"/></g>`
    : `<path d="${LOGO_PATH}" fill="#fff"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">${background}${letter}</svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg(icon.maskable)}</body>`);
  await page.screenshot({ path: join(out, icon.file), omitBackground: true });
  await page.close();
  console.log(`${icon.file} (${icon.size}×${icon.size})`);
}
await browser.close();
