// Components reach the app's stores through context, never through props threaded from the root.
import { getContext, setContext } from 'svelte';
import type { ForgeApp } from './create-app.ts';

const APP = Symbol('forgeai-app');

/** Called once, by App.svelte. */
export function provideApp(app: ForgeApp): ForgeApp {
  return setContext(APP, app);
}

/** The app's stores, in any component below App.svelte. */
export function useApp(): ForgeApp {
  const app = getContext<ForgeApp | undefined>(APP);
  if (!app) throw new Error('useApp() outside the app: App.svelte provides it.');
  return app;
}
