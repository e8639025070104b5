/**
 * A browser context whose storage lives on disk, in a fresh profile directory.
 * Playwright's usual contexts are off the record: their IndexedDB lives in
 * memory, where Chromium counts no usage against the origin's quota, so
 * quota errors can only be provoked in a context like this one. It uses the
 * project's launch options (Debian's Chromium) and base URL.
 */
import { chromium, type BrowserContext, type TestInfo } from '@playwright/test';

export function persistentContext(testInfo: TestInfo): Promise<BrowserContext> {
  const { launchOptions, baseURL } = testInfo.project.use;
  return chromium.launchPersistentContext(testInfo.outputPath('profile'), { ...launchOptions, baseURL });
}
