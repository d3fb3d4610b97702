// Registers the service worker (workbox-window) and turns its life into what the user sees:
// "works offline", "update available — Reload", and whether a reload would turn threads on.
import { Workbox } from 'workbox-window';
import { log } from '../log/logger.ts';
import { serviceWorkerUrl } from './sw-url.ts';

export type OfflineState = 'unavailable' | 'saving' | 'ready' | 'failed';

const HOUR = 60 * 60 * 1000;

export class AppUpdates {
  offline = $state<OfflineState>('unavailable');
  /** A new version is installed and waits for the user's Reload. */
  updateWaiting = $state(false);
  /** Another tab switched to a new version: this one runs old code until it reloads. */
  updatedElsewhere = $state(false);
  /** The worker took over after this page loaded, so the page is not isolated yet: a reload enables threads. */
  reloadEnablesThreads = $state(false);
  error = $state('');

  private workbox: Workbox | undefined;
  private reloadRequested = false;

  /** Production builds only: in development Vite serves files that change under a cache. */
  start(): void {
    if (!import.meta.env.PROD) return;
    if (!('serviceWorker' in navigator)) {
      this.error = 'This browser cannot keep the app offline (no service workers, e.g. a private window).';
      return;
    }
    const url = serviceWorkerUrl(import.meta.env.BASE_URL, location.href);
    const workbox = new Workbox(url);
    this.workbox = workbox;
    // Another app's worker (one folder up on the same site) may control this page at first: not ours.
    this.offline = navigator.serviceWorker.controller?.scriptURL === url ? 'ready' : 'saving';
    // Resolves once this build's worker is active, i.e. everything it precaches is stored.
    void workbox.active.then(() => {
      if (this.offline === 'ready') return;
      this.offline = 'ready';
      log.ok('The app is saved for offline use');
    });
    workbox.addEventListener('waiting', () => {
      this.updateWaiting = true;
      log.info('A new version of ForgeAI is ready: Reload to use it');
    });
    workbox.addEventListener('controlling', (event) => {
      if (this.reloadRequested) return location.reload();
      if (event.isExternal) this.updatedElsewhere = true;
      else if (!globalThis.crossOriginIsolated) this.reloadEnablesThreads = true;
    });
    void workbox.register().then(
      (registration) => {
        if (registration?.active && navigator.serviceWorker.controller && !globalThis.crossOriginIsolated) {
          this.reloadEnablesThreads = true; // e.g. after a hard reload, which bypasses the worker
        }
      },
      (error: unknown) => {
        this.offline = 'failed';
        this.error = `The app could not be saved for offline use (${error instanceof Error ? error.message : String(error)}). It still works online.`;
        log.warn(this.error);
      },
    );
    // Long-lived tabs and installed apps look for new versions now and then.
    setInterval(() => void workbox.update(), HOUR);
  }

  /** Switches to the waiting version and reloads. The caller makes sure no reply is streaming. */
  reload(): void {
    if (this.updateWaiting && this.workbox) {
      this.reloadRequested = true;
      this.workbox.messageSkipWaiting();
    } else {
      location.reload();
    }
  }
}
