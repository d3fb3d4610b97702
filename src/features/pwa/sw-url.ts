/** The service worker of this build, as an absolute URL (the build may live under any folder). */
export function serviceWorkerUrl(base: string, pageHref: string): string {
  return new URL(`${base}sw.js`, pageHref).href;
}
