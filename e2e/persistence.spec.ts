import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { crashTab } from './support/crash.js';
import { damageRecord, storedRecords } from './support/idb.js';
import { persistentContext } from './support/persistent-context.js';
import { openStore } from './support/store.js';

test('data survives a reload, including expiry times', async ({ page }) => {
  const name = `reload-${Date.now()}`;
  await openStore(page, name);
  await page.evaluate(async () => {
    const db = (window as any).store;
    await db.set('greeting', 'héllo');
    await db.rpush('list', 'a', 'b', 'c');
    await db.hset('hash', { f: 'v' });
    await db.set('short', 'x', 'PX', 300);
    await db.set('long', 'x', 'EX', 1000);
  });
  await page.waitForTimeout(400);
  await page.reload();
  const loaded = await openStore(page, name);
  expect(loaded).toMatchObject({ problems: [], durability: 'strict', keys: 4 });
  const after = await page.evaluate(async () => {
    const db = (window as any).store;
    return [await db.get('greeting'), await db.lrange('list', 0, -1), await db.hgetall('hash'), await db.exists('short'), await db.ttl('long')];
  });
  expect(after.slice(0, 4)).toEqual(['héllo', ['a', 'b', 'c'], { f: 'v' }, 0]);
  // An absolute expiry: the reload took a moment of the 1000 s.
  expect(after[4]).toBeGreaterThan(990);
  expect(after[4]).toBeLessThanOrEqual(1000);
});

const call = (page: Page, ...argv: (string | number)[]) => page.evaluate((argv) => (window as any).store.call(...argv), argv);

/** Every key of db 0 with its (string) value. */
async function contents(page: Page): Promise<Record<string, string>> {
  const keys = ((await call(page, 'keys', '*')) as string[]).sort();
  const values = keys.length ? ((await call(page, 'mget', ...keys)) as string[]) : [];
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}

/** Sets each key in turn, waiting for each reply: in strict mode, each is a log record of its own. */
async function setEach(page: Page, pairs: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(pairs)) expect(await call(page, 'set', key, value)).toBe('OK');
}

/** Opens the store in a new page of the context; resolves with the page and what the store loaded. */
async function reopen(context: BrowserContext, name: string, options: Record<string, unknown> = {}) {
  const page = await context.newPage();
  const report = (await openStore(page, name, options)) as { keys: number; problems: string[]; durability: string };
  return { page, report };
}

test.describe('relaxed durability', () => {
  const FLUSH_MS = 250;
  /** Beyond the interval: one IndexedDB commit, and a timer firing late on a loaded machine. */
  const MARGIN_MS = 350;

  test('a killed tab loses at most the flush interval, and only the newest writes', async ({ page, context }) => {
    const name = `relaxed-crash-${Date.now()}`;
    expect(await openStore(page, name, { durability: 'relaxed', flushIntervalMs: FLUSH_MS })).toMatchObject({ durability: 'relaxed', problems: [] });
    // Every acknowledgement is reported to the test as it happens, so the test knows them up to the kill.
    const acks: { i: number; at: number }[] = [];
    await page.exposeFunction('acked', (i: number, at: number) => void acks.push({ i, at }));
    await page.evaluate(() => {
      const w = window as any;
      void (async () => {
        for (let i = 0; ; i++) {
          await w.store.set(`seq:${i}`, String(Date.now()));
          w.acked(i, Date.now());
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
    });
    // Many flush intervals' worth of writes, then the kill in the middle of the stream.
    await expect.poll(() => (acks.length > 0 ? acks[acks.length - 1].at - acks[0].at : 0), { timeout: 20_000 }).toBeGreaterThan(12 * FLUSH_MS);
    const killedAt = await crashTab(page);

    const { page: after, report } = await reopen(context, name);
    expect(report.problems).toEqual([]);
    const stored = ((await call(after, 'keys', 'seq:*')) as string[]).map((key) => Number(key.slice(4))).sort((a, b) => a - b);
    // What survived is a prefix of the stream: what was lost is its end.
    expect(stored).toEqual(stored.map((_, i) => i));
    const deadline = killedAt - FLUSH_MS - MARGIN_MS;
    const mustSurvive = acks.filter((a) => a.at < deadline);
    expect(mustSurvive.length).toBeGreaterThan(0);
    expect(stored.length, `writes acknowledged up to ${killedAt - mustSurvive.at(-1)!.at} ms before the kill are stored`).toBeGreaterThan(mustSurvive.at(-1)!.i);
    const firstLost = acks.find((a) => a.i === stored.length);
    test.info().annotations.push({
      type: 'lost',
      description: `${acks.length - stored.length} of ${acks.length} acknowledged writes` + (firstLost ? `, from ${killedAt - firstLost.at} ms before the kill` : ''),
    });
  });

  test('commits wait for the interval: a killed tab loses the writes it had not committed yet', async ({ page, context }) => {
    const name = `relaxed-deferred-${Date.now()}`;
    // An interval longer than the test: nothing but the page's own hide handlers could commit the write,
    // and a killed page runs none. (Were every write committed at once, as in strict mode, it would survive.)
    await openStore(page, name, { durability: 'relaxed', flushIntervalMs: 600_000 });
    expect(await call(page, 'set', 'k', 'v')).toBe('OK');
    await crashTab(page);
    const { page: after, report } = await reopen(context, name);
    expect(report).toMatchObject({ keys: 0, problems: [] });
    expect(await call(after, 'get', 'k')).toBeNull();
  });
});

test.describe('a corrupted record is detected and recovered from', () => {
  const written = { k1: 'one', k2: 'two', k3: 'three', k4: 'four', k5: 'five' };

  /** Writes `written` in strict mode, one log record per key (checked), and closes the page. */
  async function writeFiveRecords(context: BrowserContext, name: string): Promise<void> {
    const { page } = await reopen(context, name);
    await setEach(page, written);
    expect((await storedRecords(page, name, 'log')).map((r) => r.key)).toEqual([1, 2, 3, 4, 5]);
    await page.close();
  }

  /** After recovery, the store keeps working: a new write survives a reload, with nothing else coming back. */
  async function expectWorkingAfterRecovery(context: BrowserContext, name: string, page: Page, recovered: Record<string, string>) {
    await setEach(page, { after: 'recovery' });
    await page.close();
    const { page: next, report } = await reopen(context, name);
    expect(report.problems).toEqual([]);
    expect(await contents(next)).toEqual({ ...recovered, after: 'recovery' });
  }

  test('a flipped byte in a middle log record: the log replays up to the record before it', async ({ context }) => {
    const name = `corrupt-middle-${Date.now()}`;
    await writeFiveRecords(context, name);
    const page = await context.newPage();
    await page.goto('/');
    await damageRecord(page, name, 'log', 3, { flipMiddleByte: true });
    const report = (await openStore(page, name)) as { keys: number; problems: string[] };
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/log record 3 is damaged \(checksum mismatch\).*record 2\b/);
    // The last consistent point: records 1 and 2. Records 4 and 5 came after the damage and are not applied.
    const recovered = { k1: 'one', k2: 'two' };
    expect(report.keys).toBe(2);
    expect(await contents(page)).toEqual(recovered);
    await expectWorkingAfterRecovery(context, name, page, recovered);
  });

  test('a truncated last log record: everything before it loads', async ({ context }) => {
    const name = `corrupt-truncated-${Date.now()}`;
    await writeFiveRecords(context, name);
    const page = await context.newPage();
    await page.goto('/');
    await damageRecord(page, name, 'log', 5, { truncateBy: 3 });
    const report = (await openStore(page, name)) as { keys: number; problems: string[] };
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/log record 5 is damaged \(truncated record\).*record 4\b/);
    const recovered = { k1: 'one', k2: 'two', k3: 'three', k4: 'four' };
    expect(await contents(page)).toEqual(recovered);
    await expectWorkingAfterRecovery(context, name, page, recovered);
  });

  test('a damaged chunk of the newest snapshot: the store loads the snapshot before it and the log since', async ({ context }) => {
    const name = `corrupt-snapshot-${Date.now()}`;
    const { page: writer } = await reopen(context, name);
    await setEach(writer, { a: 'in snapshot 1' });
    expect(await call(writer, 'save')).toBe('OK');
    await setEach(writer, { b: 'in snapshot 2' });
    expect(await call(writer, 'save')).toBe('OK');
    await setEach(writer, { c: 'in the log only' });
    expect((await storedRecords(writer, name, 'snapshot')).map((r) => r.key)).toEqual([
      [1, 0],
      [2, 0],
    ]);
    await writer.close();

    const page = await context.newPage();
    await page.goto('/');
    await damageRecord(page, name, 'snapshot', [2, 0], { flipMiddleByte: true });
    const report = (await openStore(page, name)) as { keys: number; problems: string[] };
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/snapshot 2 is damaged \(checksum mismatch\).*before it/);
    // Snapshot 1 plus the log kept since it: nothing is lost.
    const everything = { a: 'in snapshot 1', b: 'in snapshot 2', c: 'in the log only' };
    expect(await contents(page)).toEqual(everything);

    // The recovered store keeps its safety net: its next snapshot, damaged in turn, falls back too.
    await setEach(page, { d: 'after recovery' });
    expect(await call(page, 'save')).toBe('OK');
    await setEach(page, { e: 'in the log after the new snapshot' });
    const newest = (await storedRecords(page, name, 'snapshot')).at(-1)!.key;
    await page.close();
    const tool = await context.newPage();
    await tool.goto('/');
    await damageRecord(tool, name, 'snapshot', newest, { flipMiddleByte: true });
    const again = (await openStore(tool, name)) as { keys: number; problems: string[] };
    expect(again.problems).toHaveLength(1);
    expect(again.problems[0]).toMatch(/snapshot \d+ is damaged.*before it/);
    expect(await contents(tool)).toEqual({ ...everything, d: 'after recovery', e: 'in the log after the new snapshot' });
  });
});

test('the quota error path: MISCONF, writes refused, reads served, writes back once space returns', async ({}, testInfo) => {
  const context = await persistentContext(testInfo);
  try {
    const name = `quota-${Date.now()}`;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const origin = new URL(page.url()).origin;
    const cdp = await context.newCDPSession(page);
    // Before the store opens: Chromium's IndexedDB caches the space it may use.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 400_000 });
    await openStore(page, name);

    // Strict writes of 20 kB each until one fails: the ones before are acknowledged.
    const { acked, failure } = await page.evaluate(async () => {
      const db = (window as any).store;
      const acked: string[] = [];
      for (let i = 0; i < 100; i++) {
        try {
          await db.set(`big:${i}`, String(i).padEnd(20_000, '.'));
          acked.push(`big:${i}`);
        } catch (error) {
          return { acked, failure: { key: `big:${i}`, name: (error as Error).name, message: (error as Error).message } };
        }
      }
      return { acked, failure: null };
    });
    expect(acked.length).toBeGreaterThan(0);
    expect(failure).toMatchObject({ name: 'ReplyError', message: expect.stringMatching(/^MISCONF /) });
    // The error says what went wrong.
    expect(failure!.message).toMatch(/quota/i);

    // While storage fails, writes are refused (as Redis does with MISCONF) and are not applied …
    const refused = await page.evaluate(() => (window as any).store.set('refused', '1').then(() => 'OK', (e: Error) => e.message));
    expect(refused).toMatch(/^MISCONF Errors writing to IndexedDB \(the storage quota is full\)/);
    // … and reads are served.
    expect(await call(page, 'get', 'refused')).toBeNull();
    expect(await call(page, 'get', acked[0])).toBe('0'.padEnd(20_000, '.'));
    expect(await call(page, 'exists', ...acked)).toBe(acked.length);

    // Space returns: the store retries on its own, and writes are accepted again.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await expect
      .poll(() => page.evaluate(() => (window as any).store.set('after', 'space returned').catch((e: Error) => e.message)), { timeout: 20_000 })
      .toBe('OK');
    const before = await contents(page);
    for (const key of acked) expect(before[key]).toBeDefined();

    // What the store served is what it stored: a reload (normal quota) finds exactly that.
    await page.reload();
    expect(await openStore(page, name)).toMatchObject({ problems: [] });
    expect(await contents(page)).toEqual(before);
  } finally {
    await context.close();
  }
});
