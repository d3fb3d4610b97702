import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Svelte's browser runtime, so `.svelte.ts` state classes run under test.
    resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
    test: {
      include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['fake-indexeddb/auto'],
      testTimeout: 30_000,
    },
  }),
);
