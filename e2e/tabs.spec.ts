import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { LIBRARY_URL, openStore } from './support/store.js';

/** Opens `n` tabs on one store; resolves with the pages, the first being the leader. */
async function openTabs(context: BrowserContext, store: string, n: number): Promise<Page[]> {
  const pages: Page[] = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    await openStore(page, store);
    pages.push(page);
  }
  return pages;
}

const role = (page: Page) => page.evaluate(() => (window as any).store.role as string);
const call = (page: Page, ...argv: (string | number)[]) => page.evaluate((argv) => (window as any).store.call(...argv), argv);

test('one tab leads; writes in one tab are read in another; CLIENT LIST shows every tab', async ({ context }) => {
  const store = `tabs-rw-${Date.now()}`;
  const [a, b, c] = await openTabs(context, store, 3);
  await expect.poll(() => role(a)).toBe('leader');
  expect([await role(b), await role(c)]).toEqual(['follower', 'follower']);
  expect(await call(b, 'set', 'from-b', 'hello')).toBe('OK');
  expect(await call(c, 'get', 'from-b')).toBe('hello');
  expect(await call(a, 'incr', 'n')).toBe(1);
  expect(await call(c, 'incr', 'n')).toBe(2);
  const clients = String(await call(a, 'client', 'list'));
  expect(clients.match(/addr=tab:/g)?.length).toBeGreaterThanOrEqual(2);
});

test('pub/sub reaches subscribers in every tab, and PUBLISH counts them all', async ({ context }) => {
  const store = `tabs-pubsub-${Date.now()}`;
  const pages = await openTabs(context, store, 3);
  for (const page of pages) {
    await page.evaluate(async () => {
      const w = window as any;
      w.got = [];
      await w.store.subscribe('news', (message: string) => w.got.push(message));
    });
  }
  expect(await call(pages[2], 'publish', 'news', 'hi all')).toBe(3);
  expect(await call(pages[1], 'pubsub', 'numsub', 'news')).toEqual(['news', 3]);
  for (const page of pages) await expect.poll(() => page.evaluate(() => (window as any).got)).toEqual(['hi all']);
});

test('BLPOP in one tab is served by RPUSH in another; WATCH sees other tabs', async ({ context }) => {
  const store = `tabs-block-${Date.now()}`;
  const [a, b] = await openTabs(context, store, 2);
  await b.evaluate(() => {
    const w = window as any;
    w.popped = w.store.blpop('queue', 0);
  });
  await a.waitForTimeout(100);
  expect(await call(a, 'rpush', 'queue', 'job-1')).toBe(1);
  expect(await b.evaluate(() => (window as any).popped)).toEqual(['queue', 'job-1']);

  const aborted = await b.evaluate(async () => {
    const db = (window as any).store;
    await db.watch('balance');
    await db.get('balance');
    (window as any).watching = true;
    return 'watching';
  });
  expect(aborted).toBe('watching');
  await call(a, 'set', 'balance', '100');
  expect(await b.evaluate(() => (window as any).store.multi().set('balance', '0').exec())).toBeNull();
});

test('the leader closes during a stream of writes: every acknowledged write survives, none is applied twice', async ({ context }) => {
  const store = `tabs-failover-${Date.now()}`;
  const [leader, writer, reader] = await openTabs(context, store, 3);
  await expect.poll(() => role(leader)).toBe('leader');
  // The writer appends 1..N to a list, recording each acknowledged push.
  await writer.evaluate(() => {
    const w = window as any;
    w.acked = [];
    w.failed = [];
    w.done = (async () => {
      for (let i = 1; i <= 300; i++) {
        try {
          await w.store.rpush('log', String(i));
          w.acked.push(i);
        } catch (e) {
          w.failed.push(`${i}: ${(e as Error).message}`);
        }
      }
    })();
  });
  await expect.poll(() => writer.evaluate(() => (window as any).acked.length)).toBeGreaterThan(50);
  await leader.close();
  await writer.evaluate(() => (window as any).done);
  const { acked, failed } = await writer.evaluate(() => ({ acked: (window as any).acked, failed: (window as any).failed }));
  expect(failed).toEqual([]);
  expect(acked.length).toBe(300);
  const stored = (await call(reader, 'lrange', 'log', 0, -1)) as string[];
  // Each acknowledged push is there exactly once, in order.
  expect(stored).toEqual(acked.map(String));
  expect([await role(writer), await role(reader)].sort()).toEqual(['follower', 'leader']);
});

test('five tabs closed in random order while writing lose nothing acknowledged', async ({ context }) => {
  const store = `tabs-churn-${Date.now()}`;
  const pages = await openTabs(context, store, 6);
  const survivor = pages[5];
  for (const [i, page] of pages.slice(0, 5).entries()) {
    await page.evaluate((tab) => {
      const w = window as any;
      w.acked = [];
      void (async () => {
        for (let n = 0; ; n++) {
          await w.store.sadd('seen', `${tab}:${n}`);
          w.acked.push(`${tab}:${n}`);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
    }, i);
  }
  const acked: string[] = [];
  for (const i of [3, 0, 4, 1, 2]) {
    await pages[i].waitForTimeout(150);
    acked.push(...(await pages[i].evaluate(() => (window as any).acked as string[])));
    await pages[i].close();
  }
  const members = new Set((await call(survivor, 'smembers', 'seen')) as string[]);
  expect(acked.length).toBeGreaterThan(20);
  expect(acked.filter((m) => !members.has(m))).toEqual([]);
  expect(await role(survivor)).toBe('leader');
});

test('the leader reloads: another tab leads, and the reloaded tab follows with the data intact', async ({ context }) => {
  const store = `tabs-reload-${Date.now()}`;
  const [a, b] = await openTabs(context, store, 2);
  await call(a, 'set', 'k', 'before reload');
  await a.reload();
  await openStore(a, store);
  await expect.poll(() => role(b)).toBe('leader');
  expect(await role(a)).toBe('follower');
  expect(await call(a, 'get', 'k')).toBe('before reload');
  expect(await call(b, 'get', 'k')).toBe('before reload');
});

test('a follower tab exports the shared store as RDB and imports it into another store', async ({ context }) => {
  const store = `tabs-export-${Date.now()}`;
  const [leader, follower] = await openTabs(context, store, 2);
  await call(leader, 'set', 'k', 'v');
  await call(leader, 'zadd', 'z', 2, 'two');
  expect(await role(follower)).toBe('follower');
  const copied = await follower.evaluate(async ([url, target]) => {
    const w = window as any;
    const rdb: Uint8Array = await w.store.export();
    const { createClient } = await import(url);
    const other = createClient({ name: target });
    const result = await other.import(rdb);
    return { result, k: await other.get('k'), z: await other.zrange('z', 0, -1, 'WITHSCORES'), magic: new TextDecoder().decode(rdb.subarray(0, 5)) };
  }, [LIBRARY_URL, `${store}-copy`] as const);
  expect(copied).toEqual({ result: { keys: 2 }, k: 'v', z: ['two', '2'], magic: 'REDIS' });
});

/**
 * A Chromium of the test's own, attached over CDP with `noDefaults`. The usual
 * Playwright launch keeps every page visible (its focus emulation counts as a
 * capture), and a visible page cannot be frozen; it also turns the
 * back/forward cache off.
 */
async function plainChromium(profile: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const chrome = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    chrome.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = /DevTools listening on (ws:\S+)/.exec(output);
      if (found) resolve(found[1]);
    });
    chrome.on('exit', () => reject(new Error(`chromium exited: ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true }).catch((error: Error) => {
    chrome.kill();
    throw error;
  });
  return {
    context: browser.contexts()[0],
    async close() {
      await browser.close();
      chrome.kill();
    },
  };
}

/** Pages of the playground on `store` itself, so the page's own client and the test's share one store. */
async function openPlainTabs(context: BrowserContext, baseURL: string, store: string, n: number): Promise<Page[]> {
  const pages: Page[] = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    await page.goto(`${baseURL}/?store=${store}`);
    await openStore(page, store);
    await page.evaluate(() => {
      const w = window as any;
      w.lifecycle = [];
      for (const name of ['freeze', 'resume']) document.addEventListener(name, () => w.lifecycle.push(name));
      for (const name of ['pagehide', 'pageshow']) addEventListener(name, (e) => w.lifecycle.push(`${name}${(e as PageTransitionEvent).persisted ? ' persisted' : ''}`));
      w.roles = [];
      w.store.on('role', (role: string) => w.roles.push(role));
    });
    pages.push(page);
  }
  return pages;
}

/** A reply that must come while another tab is frozen or cached: waiting longer means that tab stalls this one. */
async function answered<T>(reply: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no reply in 10 s`)), 10_000)));
  try {
    return await Promise.race([reply, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

const lifecycle = (page: Page) => page.evaluate(() => (window as any).lifecycle as string[]);

test('a frozen leader tab does not stall the others; resumed, it follows and sees what they wrote', async ({ baseURL }, testInfo) => {
  const chrome = await plainChromium(testInfo.outputPath('profile'));
  try {
    const store = `tabs-freeze-${Date.now()}`;
    const [a, b] = await openPlainTabs(chrome.context, baseURL!, store, 2);
    await expect.poll(() => role(a)).toBe('leader');
    expect(await call(a, 'set', 'k', 'before')).toBe('OK');
    const cdp = await chrome.context.newCDPSession(a);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });

    expect(await answered(call(b, 'get', 'k'), 'GET in the other tab')).toBe('before');
    expect(await call(b, 'set', 'k2', 'while frozen')).toBe('OK');
    expect(await role(b)).toBe('leader');
    expect(await b.evaluate(() => (window as any).roles)).toEqual(['leader']);

    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    expect(await lifecycle(a)).toEqual(['freeze', 'resume']);
    expect(await call(a, 'get', 'k2')).toBe('while frozen');
    expect(await role(a)).toBe('follower');
    expect(await call(a, 'incr', 'n')).toBe(1);
    expect(await call(b, 'get', 'n')).toBe('1');
  } finally {
    await chrome.close();
  }
});

test('the leader tab goes into the back/forward cache: another leads; back, it follows', async ({ baseURL }, testInfo) => {
  const chrome = await plainChromium(testInfo.outputPath('profile'));
  try {
    const store = `tabs-bfcache-${Date.now()}`;
    const [a, b] = await openPlainTabs(chrome.context, baseURL!, store, 2);
    await expect.poll(() => role(a)).toBe('leader');
    expect(await call(a, 'set', 'k', 'before')).toBe('OK');
    await a.goto('data:text/html,<p>elsewhere</p>');

    expect(await answered(call(b, 'get', 'k'), 'GET in the other tab')).toBe('before');
    expect(await call(b, 'set', 'k2', 'while away')).toBe('OK');
    expect(await role(b)).toBe('leader');

    // A page restored from the cache fires no load event: wait for the commit, then for pageshow.
    await a.goBack({ waitUntil: 'commit' });
    await expect.poll(() => a.evaluate(() => (window as any).lifecycle?.at(-1))).toBe('pageshow persisted');
    expect(await lifecycle(a)).toEqual(['pagehide persisted', 'freeze', 'resume', 'pageshow persisted']);
    expect(await call(a, 'get', 'k2')).toBe('while away');
    expect(await role(a)).toBe('follower');
    expect(await call(a, 'incr', 'n')).toBe(1);
    expect(await call(b, 'get', 'n')).toBe('1');
  } finally {
    await chrome.close();
  }
});
