import { defineConfig } from 'vitest/config';

/**
 * `npm run dev` serves the playground (playground/index.html) with the library
 * from src/; `npm run build:playground` builds it as a static site. The library
 * itself is plain ES modules from tsc (`npm run build`), so an app's bundler
 * finds the worker through `new Worker(new URL('./worker/worker.js', import.meta.url))`.
 */
const FENGARI_DEFINES = { 'process.env.FENGARICONF': 'undefined' };

export default defineConfig({
  root: 'playground',
  // Relative asset URLs: the built playground works from any path it is served at.
  base: './',
  // Browser tests (REDLITE_E2E) must not see pages reload: not because a source file
  // changed, nor because a page frozen by a test lost the dev server's WebSocket.
  server: process.env.REDLITE_E2E ? { hmr: false, ws: false, watch: null } : { port: 5173 },
  worker: { format: 'es' as const },
  // fengari reads process.env.FENGARICONF when it loads; a browser has no process.
  // Replaced in builds and in the dev server's pre-bundled dependencies — not under
  // Vitest, which runs in Node and would turn the replacement into the string "undefined".
  define: process.env.VITEST ? {} : FENGARI_DEFINES,
  optimizeDeps: { rolldownOptions: { transform: { define: FENGARI_DEFINES } } },
  build: { outDir: '../dist-playground', emptyOutDir: true, sourcemap: true },
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'playground/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Differential suites each start a redis-server: two files at a time suit a 2-core machine.
    maxWorkers: 2,
  },
});
