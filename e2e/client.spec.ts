import { expect, test } from '@playwright/test';
import { openStore } from './support/store.js';

/** Every feature of the public client, in Chromium, against its worker. */
test.beforeEach(async ({ page }) => {
  await openStore(page, `client-${test.info().title.replace(/\W+/g, '-')}-${Date.now()}`, { durability: 'memory' });
});

test('methods, UTF-8, Uint8Array in and out, numbers, arrays and objects as arguments', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    await db.set('clé', 'héllo ✓ 😀');
    await db.set('bin', new Uint8Array([0, 255, 10]));
    await db.mset({ a: '1', b: '2' });
    await db.set('ttl', 'x', 'EX', 60);
    return {
      text: await db.get('clé'),
      bytes: await db.strlen('clé'),
      buffer: Array.from(await db.getBuffer('bin')),
      many: await db.mget(['a', 'b', 'missing']),
      ttl: await db.ttl('ttl'),
      hash: (await db.hset('h', { f: 'v', g: 'w' }), await db.hgetall('h')),
    };
  });
  expect(result).toEqual({ text: 'héllo ✓ 😀', bytes: 15, buffer: [0, 255, 10], many: ['1', '2', null], ttl: 60, hash: { f: 'v', g: 'w' } });
});

test('errors reject with a ReplyError carrying Redis\'s message, and the client goes on', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    await db.set('s', 'x');
    const error = await db.lpush('s', 'a').catch((e: Error) => e);
    const unknown = await db.call('nosuch', 'arg').catch((e: Error) => e);
    return { name: error.name, message: error.message, unknown: unknown.message, after: await db.get('s') };
  });
  expect(result).toEqual({
    name: 'ReplyError',
    message: 'WRONGTYPE Operation against a key holding the wrong kind of value',
    unknown: "ERR unknown command 'nosuch', with args beginning with: 'arg' ",
    after: 'x',
  });
});

test('10,000 concurrent commands all answer, in order', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    const replies = await Promise.all(Array.from({ length: 10_000 }, (_, i) => db.incr('counter').then((n: number) => n === i + 1)));
    return { allInOrder: replies.every(Boolean), final: await db.get('counter') };
  });
  expect(result).toEqual({ allInOrder: true, final: '10000' });
});

test('pipeline(), multi() with EXECABORT, and WATCH from a duplicate client', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    await db.set('s', 'x');
    const piped = await db.pipeline().set('a', '1').incr('a').lpush('s', 'y').exec();
    const atomic = await db.multi().incr('n').incr('n').exec();
    const aborted = await db.multi().set('a', '1').call('set', 'only-key').exec().catch((e: any) => [e.message, e.previousErrors.map((p: Error) => p.message)]);
    const other = db.duplicate();
    await db.watch('w');
    await other.set('w', 'changed');
    const watched = await db.multi().set('w', 'mine').exec();
    await other.close();
    return { piped: piped.map(([e, r]: [Error | null, unknown]) => (e ? e.message : r)), atomic, aborted, watched };
  });
  expect(result).toEqual({
    piped: ['OK', 2, 'WRONGTYPE Operation against a key holding the wrong kind of value'],
    atomic: [[null, 1], [null, 2]],
    aborted: ['EXECABORT Transaction discarded because of previous errors.', ["ERR wrong number of arguments for 'set' command"]],
    watched: null,
  });
});

test('subscriptions: listeners, ioredis-style events, patterns and keyspace events', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    const got: string[] = [];
    db.on('message', (channel: string, message: string) => got.push(`event ${channel} ${message}`));
    const off = await db.subscribe('news', (message: string, channel: string) => got.push(`listener ${channel} ${message}`));
    await db.config('SET', 'notify-keyspace-events', 'KEA');
    await db.psubscribe('__keyevent@0__:*', (message: string, channel: string) => got.push(`pattern ${channel} ${message}`));
    const receivers = await db.publish('news', 'héllo');
    await db.set('k', 'v');
    await new Promise((r) => setTimeout(r, 50));
    await off();
    const after = await db.publish('news', 'again');
    return { receivers, after, got: got.sort() };
  });
  expect(result.receivers).toBe(1);
  expect(result.after).toBe(0);
  expect(result.got).toEqual(['event news héllo', 'listener news héllo', 'pattern __keyevent@0__:set k']);
});

test('scanIterator and the HSCAN / SSCAN / ZSCAN iterators', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    await db.mset(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`user:${i}`, 'x'])));
    await db.set('other', 'x');
    await db.hset('h', { a: '1', b: '2' });
    await db.sadd('s', 'x', 'y');
    await db.zadd('z', 1, 'one', 2, 'two');
    const keys: string[] = [];
    for await (const key of db.scanIterator({ match: 'user:*', count: 50 })) keys.push(key);
    const collect = async (it: AsyncIterable<unknown>) => {
      const out: unknown[] = [];
      for await (const x of it) out.push(x);
      return out;
    };
    return {
      keys: [...new Set(keys)].sort(),
      hash: (await collect(db.hscanIterator('h'))).length,
      set: (await collect(db.sscanIterator('s'))).length,
      zset: await collect(db.zscanIterator('z')),
    };
  });
  // SCAN may repeat a key; it must not miss one, nor return one the pattern excludes.
  expect(result).toEqual({ keys: Array.from({ length: 300 }, (_, i) => `user:${i}`).sort(), hash: 2, set: 2, zset: [['one', '1'], ['two', '2']] });
});

test('close() fails what is pending, and the store serves other clients', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const db = (window as any).store;
    const other = db.duplicate();
    const waiting = other.blpop('never', 0).catch((e: Error) => e.name);
    await new Promise((r) => setTimeout(r, 20));
    await other.close();
    return { waiting: await waiting, afterClose: await other.get('x').catch((e: Error) => e.name), ping: await db.ping() };
  });
  expect(result).toEqual({ waiting: 'ConnectionClosedError', afterClose: 'ConnectionClosedError', ping: 'PONG' });
});
