/**
 * Kills a tab the way the OS or the browser's OOM killer does: the page's
 * renderer process dies at once (Chromium's DevTools `Page.crash`), and the
 * page's dedicated workers, which live in that process, die with it. No
 * pagehide, visibilitychange, freeze or unload handler runs and no pending
 * timer fires — unlike `page.close()`, which unloads the page normally (its
 * pagehide still fires, even with `runBeforeUnload: false`). IndexedDB
 * transactions the browser process has already committed survive; the ones in
 * flight are lost, as on a real crash.
 */
import type { Page } from '@playwright/test';

/** Crashes the page's renderer; resolves with the time (ms since the epoch) just before the kill was sent. */
export async function crashTab(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  const killedAt = Date.now();
  // The renderer dies before it can answer: the command itself never resolves.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  return killedAt;
}
