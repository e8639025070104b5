import { expect, test } from '@playwright/test';
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
