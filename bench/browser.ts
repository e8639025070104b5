/**
 * Benchmarks in Chromium (Debian's, headless), driven by Playwright: the page
 * bench/browser/page.ts runs each measurement and hands back raw figures.
 * `npm run bench -- browser persistence` runs only the parts whose name
 * contains the second argument (round trip, bulk set, durable writes,
 * persistence, stored size).
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withChromium } from './chromium.js';
import { median, printTable, type Row } from './stats.js';
import { startRedisServer } from './servers.js';

function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  return withChromium(async (browser, origin) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/browser/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await run(page);
  });
}

type Bench = Record<string, (...args: any[]) => Promise<any>>;
const call = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([fn, args]) => ((window as any).bench as Bench)[fn as string](...(args as unknown[])), [fn, args] as const);

/** RDB bytes per key for the same keys, written by a real redis-server. */
async function rdbBytesPerKey(keys: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'redlite-rdb-'));
  const redis = await startRedisServer(['--dir', dir, '--dbfilename', 'dump.rdb']);
  try {
    const script = Array.from({ length: keys }, (_, i) => `SET key:${i} value:${i}`).join('\n') + '\nSAVE\n';
    execFileSync('redis-cli', ['-p', String(redis.port)], { input: script, stdio: ['pipe', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    return statSync(join(dir, 'dump.rdb')).size / keys;
  } finally {
    redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the part of the browser section named `name` was asked for. */
const wanted = (name: string): boolean => !process.argv[3] || name.includes(process.argv[3]);

export async function benchBrowser(): Promise<void> {
  await withPage(async (page) => {
    if (wanted('round trip')) await benchRoundTrip(page);
    if (wanted('bulk set')) await benchBulkSet(page);
    if (wanted('durable writes')) await benchDurableWrites(page);
    if (wanted('persistence')) await benchPersistence(page);
    if (wanted('stored size')) await benchStoredSize(page);
  });
}

async function benchRoundTrip(page: Page): Promise<void> {
  const rt = await call<{ redlite: number[]; echo: number[] }>(page, 'roundTrip', 30);
  printTable('In Chromium: one awaited GET, a worker round trip (30 interleaved rounds of 100)', [
    { name: 'GET round trip, median round', ours: median(rt.redlite), peer: median(rt.echo), peerName: 'raw postMessage echo', unit: 'µs', goal: 1.5, lowerIsBetter: true },
    { name: 'GET round trip, slowest round', ours: Math.max(...rt.redlite), peer: Math.max(...rt.echo), peerName: 'raw postMessage echo', unit: 'µs', lowerIsBetter: true },
  ]);
}

async function benchBulkSet(page: Page): Promise<void> {
  const n = 100_000;
  const runs: Awaited<ReturnType<typeof call<Record<string, number>>>>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await call(page, 'bulkSet', n));
  const ops = (ms: number) => n / (ms / 1000);
  const pick = (k: string) => median(runs.map((r) => r[k]));
  printTable(`In Chromium: ${n.toLocaleString('en-US')} SETs issued at once, median of 3`, [
    { name: 'SET ×100k (memory)', ours: ops(pick('redlite')), peer: 1_000_000, peerName: 'goal', unit: 'ops/s', goal: 1 },
    { name: 'SET ×100k (memory)', ours: ops(pick('redlite')), peer: ops(pick('idbSetMany')), peerName: 'idb-keyval setMany', unit: 'ops/s' },
    { name: 'SET ×100k (memory)', ours: ops(pick('redlite')), peer: ops(pick('localStorage')), peerName: 'localStorage.setItem', unit: 'ops/s' },
    { name: 'SET ×100k (strict, durable)', ours: ops(pick('redliteStrict')), peer: ops(pick('idbSetMany')), peerName: 'idb-keyval setMany', unit: 'ops/s' },
  ]);
}

async function benchDurableWrites(page: Page): Promise<void> {
  const durable = await call<Record<string, number>>(page, 'durableWrites', 200);
  const perSec = (ms: number) => 1000 / ms;
  printTable('In Chromium: durable writes per second (200 sequential; 4,000 concurrent)', [
    { name: 'strict, concurrent', ours: perSec(durable['strict concurrent']), peer: perSec(durable['idb-keyval set sequential']), peerName: 'idb-keyval set (sequential)', unit: 'writes/s', goal: 50 },
    { name: 'strict, concurrent', ours: perSec(durable['strict concurrent']), peer: perSec(durable['idb-keyval setMany']), peerName: 'idb-keyval setMany', unit: 'writes/s' },
    { name: 'strict, sequential', ours: perSec(durable['strict sequential']), peer: perSec(durable['idb-keyval set sequential']), peerName: 'idb-keyval set (sequential)', unit: 'writes/s' },
    { name: 'relaxed, sequential', ours: perSec(durable['relaxed sequential']), peer: perSec(durable['idb-keyval set sequential']), peerName: 'idb-keyval set (sequential)', unit: 'writes/s' },
    { name: 'relaxed, concurrent', ours: perSec(durable['relaxed concurrent']), peer: perSec(durable['idb-keyval setMany']), peerName: 'idb-keyval setMany', unit: 'writes/s' },
  ]);
}

async function benchPersistence(page: Page): Promise<void> {
  const rows: Row[] = [];
  for (const keys of [100_000, 1_000_000]) {
    const name = await call<string>(page, 'fill', keys);
    const loaded = await call<{ ms: number; keys: number }>(page, 'load', name);
    if (loaded.keys !== keys) throw new Error(`loaded ${loaded.keys} of ${keys} keys`);
    rows.push({ name: `open and load ${keys.toLocaleString('en-US')} keys`, ours: loaded.ms, peer: 1500 * (keys / 1_000_000), peerName: 'goal', unit: 'ms', goal: 1, lowerIsBetter: true });
    if (keys === 1_000_000) {
      const snap = await call<{ snapshotMs: number; worstMs: number; p99Ms: number; gets: number }>(page, 'snapshotLatency', name);
      rows.push({ name: 'snapshot of 1M keys: total', ours: snap.snapshotMs, peer: snap.snapshotMs, peerName: '(no peer)', unit: 'ms' });
      rows.push({ name: `  worst GET during it (${snap.gets} GETs)`, ours: snap.worstMs, peer: 50, peerName: 'goal', unit: 'ms', goal: 1, lowerIsBetter: true });
      rows.push({ name: '  p99 GET during it', ours: snap.p99Ms, peer: 50, peerName: 'goal', unit: 'ms', lowerIsBetter: true });
    }
  }
  printTable('In Chromium: persistence', rows);
}

async function benchStoredSize(page: Page): Promise<void> {
  const keys = 100_000;
  const stored = await call<{ bytes: number }>(page, 'bytesPerKey', keys);
  printTable(`Stored size, ${keys.toLocaleString('en-US')} keys "key:N" → "value:N"`, [
    { name: 'bytes per key (IndexedDB usage)', ours: stored.bytes, peer: await rdbBytesPerKey(keys), peerName: 'redis-server RDB', unit: 'B', lowerIsBetter: true },
  ]);
}
