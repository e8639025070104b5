/**
 * Benchmarks that run inside the page (driven by bench/browser.ts through
 * Playwright). Each returns raw figures; the driver prints them as ratios.
 */
import { clear, createStore, set, setMany } from 'idb-keyval';
import { createClient } from '../../src/index.js';

type Db = ReturnType<typeof createClient>;
const now = () => performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function open(name: string, durability: 'strict' | 'relaxed' | 'memory' = 'strict'): Promise<Db> {
  const db = createClient({ name, durability });
  await db.ready;
  return db;
}

/**
 * Awaited GET round trips against a raw postMessage echo to a bare worker, in
 * rounds of 100 (a page's timer is too coarse for one): µs per round trip, per round.
 */
async function roundTrip(rounds: number): Promise<{ redlite: number[]; echo: number[] }> {
  const db = await open(`bench-rt-${Date.now()}`, 'memory');
  await db.set('k', 'value');
  const worker = new Worker(new URL('./echo-worker.ts', import.meta.url), { type: 'module' });
  const echoOnce = () =>
    new Promise<void>((resolve) => {
      worker.onmessage = () => resolve();
      worker.postMessage([['get', 'k']]);
    });
  const time = async (op: () => Promise<unknown>) => {
    const t = now();
    for (let i = 0; i < 100; i++) await op();
    return ((now() - t) / 100) * 1000;
  };
  const redlite: number[] = [];
  const echo: number[] = [];
  await time(() => db.get('k'));
  await time(echoOnce); // warm up
  for (let r = 0; r < rounds; r++) {
    redlite.push(await time(() => db.get('k')));
    echo.push(await time(echoOnce));
  }
  worker.terminate();
  await db.close();
  return { redlite, echo };
}

/** N SETs issued at once (one tick), awaited together: ms. Also idb-keyval setMany and localStorage for reference. */
async function bulkSet(n: number): Promise<{ redlite: number; redliteStrict: number; idbSetMany: number; localStorage: number }> {
  const keys = Array.from({ length: n }, (_, i) => `key:${i}`);
  const memory = await open(`bench-bulk-${Date.now()}`, 'memory');
  let t = now();
  await Promise.all(keys.map((k) => memory.set(k, 'value')));
  const redlite = now() - t;
  await memory.close();
  const strict = await open(`bench-bulk-strict-${Date.now()}`, 'strict');
  t = now();
  await Promise.all(keys.map((k) => strict.set(k, 'value')));
  const redliteStrict = now() - t;
  await strict.close();
  const store = createStore(`bench-idb-${Date.now()}`, 'kv');
  t = now();
  await setMany(keys.map((k) => [k, 'value']), store);
  const idbSetMany = now() - t;
  await clear(store);
  localStorage.clear();
  t = now();
  for (const k of keys) localStorage.setItem(k, 'value');
  const ls = now() - t;
  localStorage.clear();
  return { redlite, redliteStrict, idbSetMany, localStorage: ls };
}

/** Durable writes: each awaited before the next (sequential) and many in flight (concurrent). ms per write. */
async function durableWrites(n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const durability of ['strict', 'relaxed'] as const) {
    const db = await open(`bench-durable-${durability}-${Date.now()}`, durability);
    let t = now();
    for (let i = 0; i < n; i++) await db.set(`k${i}`, 'v');
    out[`${durability} sequential`] = (now() - t) / n;
    t = now();
    await Promise.all(Array.from({ length: n * 20 }, (_, i) => db.set(`c${i}`, 'v')));
    out[`${durability} concurrent`] = (now() - t) / (n * 20);
    await db.close();
  }
  const store = createStore(`bench-idb-seq-${Date.now()}`, 'kv');
  let t = now();
  for (let i = 0; i < n; i++) await set(`k${i}`, 'v', store);
  out['idb-keyval set sequential'] = (now() - t) / n;
  t = now();
  await setMany(Array.from({ length: n * 20 }, (_, i) => [`c${i}`, 'v']), store);
  out['idb-keyval setMany'] = (now() - t) / (n * 20);
  return out;
}

/** Fills a store with `keys` keys and a snapshot; returns its name. */
async function fill(keys: number): Promise<string> {
  const name = `bench-load-${keys}-${Date.now()}`;
  const db = await open(name, 'relaxed');
  const batch = 10_000;
  for (let i = 0; i < keys; i += batch) {
    const args: string[] = [];
    for (let j = i; j < Math.min(keys, i + batch); j++) args.push(`key:${j}`, `value:${j}`);
    await db.call('mset', ...args);
  }
  await saveWhenIdle(db);
  await db.close();
  return name;
}

/** SAVE, waiting out a background snapshot the writes may have started (SAVE refuses to run beside one). */
async function saveWhenIdle(db: Db): Promise<void> {
  for (;;) {
    try {
      await db.call('save');
      return;
    } catch (error) {
      if (!String(error).includes('Background save already in progress')) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Time to open a filled store and answer its first command (ms). */
async function load(name: string): Promise<{ ms: number; keys: number }> {
  const t = now();
  const db = createClient({ name });
  const keys = (await db.dbsize()) as number;
  const ms = now() - t;
  await db.close();
  return { ms, keys };
}

/** A snapshot of a filled store while a GET runs every millisecond: total ms and the worst GET latency. */
async function snapshotLatency(name: string): Promise<{ snapshotMs: number; worstMs: number; p99Ms: number; gets: number }> {
  const db = createClient({ name, durability: 'relaxed' });
  await db.ready;
  // The probe needs a connection of its own: SAVE holds its client's connection until it is done.
  const probeClient = db.duplicate();
  const latencies: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t = now();
      await probeClient.get('key:1');
      latencies.push(now() - t);
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  const t = now();
  await db.call('save');
  const snapshotMs = now() - t;
  running = false;
  await probe;
  await probeClient.close();
  await db.close();
  return { snapshotMs, worstMs: Math.max(...latencies), p99Ms: percentile(latencies, 99), gets: latencies.length };
}

/** Bytes the store's records take for `keys` keys (from the origin's storage estimate). */
async function bytesPerKey(keys: number): Promise<{ bytes: number }> {
  const before = (await navigator.storage.estimate()).usage ?? 0;
  await fill(keys);
  const after = (await navigator.storage.estimate()).usage ?? 0;
  return { bytes: (after - before) / keys };
}

Object.assign(window, { bench: { roundTrip, bulkSet, durableWrites, fill, load, snapshotLatency, bytesPerKey, percentile } });
document.title = 'ready';
