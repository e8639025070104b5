/**
 * Helpers for browser tests: load the library from source into a page served by
 * Vite's dev server (its /@fs/ route serves files of this package), and open a
 * store in it as `window.store`.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const LIBRARY_URL = `/@fs${fileURLToPath(new URL('../../src/index.ts', import.meta.url))}`;

/** Opens the page with a client of store `name` as window.store; resolves with what the store loaded. */
export async function openStore(page: Page, name: string, options: Record<string, unknown> = {}): Promise<unknown> {
  if (page.url() === 'about:blank') await page.goto('/');
  return page.evaluate(
    async ([url, name, options]) => {
      const { createClient } = await import(url as string);
      const w = window as unknown as Record<string, any>;
      w.store = createClient({ name, ...(options as object) });
      return w.store.ready;
    },
    [LIBRARY_URL, name, options] as const,
  );
}
