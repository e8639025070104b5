/**
 * One tab of the tab benchmarks (driven by bench/tabs.ts, which opens several
 * of these pages in one browser context). Each page holds one client of the
 * store; every figure is timed inside a single page, on its own clock — pages
 * have different time origins, so no timestamp crosses from one to another.
 */
import { createClient } from '../../src/index.js';
import type { OpenReport } from '../../src/worker/protocol.js';

const now = () => performance.now();
let db: ReturnType<typeof createClient>;

async function open(name: string, durability: 'strict' | 'relaxed' | 'memory'): Promise<OpenReport> {
  db = createClient({ name, durability });
  return db.ready;
}

const role = () => db.role;

/** Times `n` calls of `op`, each awaited before the next: ms per call. */
async function timeEach(n: number, op: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await op();
    times.push(now() - t);
  }
  return times;
}

/** The raw peer: answers every message on `channel` with the same message. */
function echo(channel: string): void {
  const bc = new BroadcastChannel(channel);
  bc.onmessage = (event) => bc.postMessage(event.data);
}

async function echoLatencies(channel: string, n: number): Promise<number[]> {
  const bc = new BroadcastChannel(channel);
  let answered = () => {};
  bc.onmessage = () => answered();
  const times = await timeEach(n, () => new Promise<void>((resolve) => ((answered = resolve), bc.postMessage('ping'))));
  bc.close();
  return times;
}

const getLatencies = (key: string, n: number) => timeEach(n, () => db.get(key));

/** Publishes back on `to` every message heard on `from`: the far end of a pub/sub ping-pong. */
async function reflect(from: string, to: string): Promise<void> {
  await db.subscribe(from, (message) => void db.publish(to, message));
}

/** PUBLISH on `ping`, wait for the message on `pong` (see reflect), `n` times: ms per round trip. */
async function pubsubLatencies(ping: string, pong: string, n: number): Promise<number[]> {
  let answered = () => {};
  const stop = await db.subscribe(pong, () => answered());
  const times = await timeEach(n, () => new Promise<void>((resolve) => ((answered = resolve), void db.publish(ping, 'x'))));
  await stop();
  return times;
}

/**
 * The receiving end of a throughput run: counts what arrives on `channel` —
 * through the store (pub/sub) or on a raw BroadcastChannel — and says 'done'
 * on the raw channel `done` at the `n`th message.
 */
async function countArrivals(channel: string, n: number, done: string, raw: boolean): Promise<void> {
  const doneChannel = new BroadcastChannel(done);
  let count = 0;
  const heard = () => {
    if (++count === n) doneChannel.postMessage(count);
  };
  if (raw) new BroadcastChannel(channel).onmessage = heard;
  else await db.subscribe(channel, heard);
}

/** The sending end: `n` messages sent at once; ms until the receiver says it has them all. */
async function sendMany(channel: string, n: number, done: string, raw: boolean): Promise<number> {
  const doneChannel = new BroadcastChannel(done);
  const received = new Promise((resolve) => (doneChannel.onmessage = resolve));
  const payload = 'message payload of 32 bytes ....';
  const t = now();
  if (raw) {
    const bc = new BroadcastChannel(channel);
    for (let i = 0; i < n; i++) bc.postMessage(payload);
  } else {
    await Promise.all(Array.from({ length: n }, () => db.publish(channel, payload)));
  }
  await received;
  doneChannel.close();
  return now() - t;
}

/** Fills the store with `keys` keys of ~20 bytes each. */
async function fill(keys: number): Promise<void> {
  for (let i = 0; i < keys; i += 10_000) {
    const args: string[] = [];
    for (let j = i; j < Math.min(keys, i + 10_000); j++) args.push(`key:${j}`, `value:${j}`);
    await db.call('mset', ...args);
  }
}

/** The leading tab says on `channel` when it starts to close (its pagehide). */
function announceClose(channel: string): void {
  addEventListener('pagehide', () => new BroadcastChannel(channel).postMessage('closing'));
}

/**
 * The follower's side of a failover: when the leader says it is closing, GETs
 * `key` until a reply comes with this tab leading. Resolves with the ms from
 * the leader's pagehide to that reply, and the new leader's load time as it
 * announced it on the store's channel (`redlite:<store>`, src/tabs/protocol.ts).
 */
function awaitFailover(channel: string, store: string, key: string): Promise<{ ms: number; loadMs: number; keys: number }> {
  const closing = new BroadcastChannel(channel);
  const storeChannel = new BroadcastChannel(`redlite:${store}`);
  const announced = new Promise<OpenReport>((resolve) => {
    storeChannel.onmessage = (event) => event.data?.type === 'leader' && resolve(event.data.report);
  });
  return new Promise((resolve) => {
    closing.onmessage = async () => {
      const t = now();
      do await db.get(key);
      while (db.role !== 'leader');
      const ms = now() - t;
      const report = await announced;
      closing.close();
      storeChannel.close();
      resolve({ ms, loadMs: report.loadMs, keys: report.keys });
    };
  });
}

const failover: { result?: Promise<{ ms: number; loadMs: number; keys: number }> } = {};
const armFailover = (channel: string, store: string, key: string) => void (failover.result = awaitFailover(channel, store, key));
const failoverResult = () => failover.result;

Object.assign(window, {
  tabs: { open, role, echo, echoLatencies, getLatencies, reflect, pubsubLatencies, countArrivals, sendMany, fill, announceClose, armFailover, failoverResult },
});
document.title = 'ready';
