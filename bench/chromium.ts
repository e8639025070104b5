/**
 * A headless Chromium (Debian's) with this repository served by a Vite dev
 * server, for benchmarks that drive pages with Playwright. The pages are
 * cross-origin isolated, so performance.now() counts in µs, not 100 µs steps.
 */
import { chromium, type Browser } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function withChromium(run: (browser: Browser, origin: string) => Promise<void>): Promise<void> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    server: {
      host: '127.0.0.1',
      port: 0,
      hmr: false,
      watch: null,
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    },
    worker: { format: 'es' },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await run(browser, `http://127.0.0.1:${port}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
