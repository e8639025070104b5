/**
 * Tabs in Chromium (issue #8): a command from a follower tab against the same
 * command in the leader tab, pub/sub between two tabs, and failover — each
 * beside a raw BroadcastChannel between the same tabs, or the store's load
 * time, measured in the same run. Pages: bench/browser/tabs-page.ts.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { withChromium } from './chromium.js';
import { median, percentile, printTable } from './stats.js';

type Tabs = Record<string, (...args: any[]) => any>;
const call = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([fn, args]) => ((window as any).tabs as Tabs)[fn as string](...(args as unknown[])), [fn, args] as const);

/** A new tab with a client of `store` (the first tab of a store leads). */
async function openTab(context: BrowserContext, origin: string, store: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/bench/browser/tabs.html`);
  await page.waitForFunction(() => document.title === 'ready');
  await call(page, 'open', store, 'strict');
  return page;
}

async function expectRoles(pages: Page[], roles: string[]): Promise<void> {
  const actual = await Promise.all(pages.map((page) => call<string>(page, 'role')));
  if (actual.join() !== roles.join()) throw new Error(`tab roles ${actual.join()}, expected ${roles.join()}`);
}

const µs = (ms: number[]) => ms.map((m) => m * 1000);

export async function benchTabs(): Promise<void> {
  await withChromium(async (browser, origin) => {
    const context = await browser.newContext();
    const store = `bench-tabs-${Date.now()}`;
    const leader = await openTab(context, origin, store);
    const a = await openTab(context, origin, store);
    const b = await openTab(context, origin, store);
    await expectRoles([leader, a, b], ['leader', 'follower', 'follower']);
    await benchGet(leader, a);
    await benchPubsub(a, b);
    await context.close();
    await benchFailover(await browser.newContext(), origin);
  });
}

/** GET from a follower tab and from the leader tab, and a raw round trip between the two tabs. */
async function benchGet(leader: Page, follower: Page): Promise<void> {
  const rounds = 5;
  const n = 400;
  await call(leader, 'fill', 1);
  await call(leader, 'echo', 'echo-leader');
  const samples = { follower: [] as number[], leader: [] as number[], raw: [] as number[] };
  // Warm up, then interleave: the machine's noise falls on all three alike.
  for (let r = 0; r <= rounds; r++) {
    const follower_ = await call<number[]>(follower, 'getLatencies', 'key:0', n);
    const leader_ = await call<number[]>(leader, 'getLatencies', 'key:0', n);
    const raw = await call<number[]>(follower, 'echoLatencies', 'echo-leader', n);
    if (r === 0) continue;
    samples.follower.push(...µs(follower_));
    samples.leader.push(...µs(leader_));
    samples.raw.push(...µs(raw));
  }
  const row = (p: number, peer: 'leader' | 'raw') => ({
    name: `GET from a follower tab, p${p}`,
    ours: percentile(samples.follower, p),
    peer: percentile(samples[peer], p),
    peerName: peer === 'leader' ? 'same GET in the leader tab' : 'raw BroadcastChannel round trip',
    unit: 'µs',
    lowerIsBetter: true,
  });
  printTable(`Tabs in Chromium: one awaited GET (${rounds} interleaved rounds of ${n})`, [row(50, 'leader'), row(99, 'leader'), row(50, 'raw'), row(99, 'raw')]);
}

/** Pub/sub between two follower tabs (a third tab leads), against a raw BroadcastChannel between them. */
async function benchPubsub(a: Page, b: Page): Promise<void> {
  const n = 1000;
  await call(b, 'reflect', 'ping', 'pong');
  await call(b, 'echo', 'echo-b');
  const pubsub: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r <= 3; r++) {
    const ours = await call<number[]>(a, 'pubsubLatencies', 'ping', 'pong', n / 2);
    const peer = await call<number[]>(a, 'echoLatencies', 'echo-b', n / 2);
    if (r === 0) continue;
    pubsub.push(...µs(ours));
    raw.push(...µs(peer));
  }

  const messages = 20_000;
  const rates = { pubsub: [] as number[], raw: [] as number[] };
  for (let r = 0; r < 4; r++) {
    for (const kind of ['pubsub', 'raw'] as const) {
      const channel = `flood-${kind}-${r}`;
      await call(b, 'countArrivals', channel, messages, `${channel}-done`, kind === 'raw');
      const ms = await call<number>(a, 'sendMany', channel, messages, `${channel}-done`, kind === 'raw');
      if (r > 0) rates[kind].push(messages / (ms / 1000));
    }
  }
  const latency = (p: number) => ({
    name: `PUBLISH → message in the other tab → PUBLISH back, p${p}`,
    ours: percentile(pubsub, p),
    peer: percentile(raw, p),
    peerName: 'raw BroadcastChannel round trip',
    unit: 'µs',
    lowerIsBetter: true,
  });
  printTable(`Tabs in Chromium: pub/sub between two follower tabs (${n} round trips; ${messages.toLocaleString('en-US')} messages, median of 3)`, [
    latency(50),
    latency(99),
    { name: 'messages from one tab to the other', ours: median(rates.pubsub), peer: median(rates.raw), peerName: 'raw BroadcastChannel', unit: 'msg/s' },
  ]);
}

/** The leader tab closes: time from its pagehide to the first reply from the new leader, in the follower. */
async function benchFailover(context: BrowserContext, origin: string): Promise<void> {
  const store = `bench-failover-${Date.now()}`;
  const keys = 50_000;
  const runs: { ms: number; loadMs: number; keys: number }[] = [];
  for (let r = 0; r < 5; r++) {
    const leader = await openTab(context, origin, store);
    if (r === 0) await call(leader, 'fill', keys);
    const follower = await openTab(context, origin, store);
    await expectRoles([leader, follower], ['leader', 'follower']);
    await call(leader, 'announceClose', 'closing');
    await call(follower, 'armFailover', 'closing', store, 'key:0');
    await leader.close();
    const result = await call<{ ms: number; loadMs: number; keys: number }>(follower, 'failoverResult');
    if (result.keys !== keys) throw new Error(`the new leader loaded ${result.keys} of ${keys} keys`);
    runs.push(result);
    await follower.close();
  }
  const ms = median(runs.map((r) => r.ms));
  const loadMs = median(runs.map((r) => r.loadMs));
  printTable(`Tabs in Chromium: failover, strict durability, ${keys.toLocaleString('en-US')} keys (median of ${runs.length})`, [
    { name: "leader's pagehide → first reply from the new leader", ours: ms, peer: loadMs, peerName: "new leader's load (OpenReport.loadMs)", unit: 'ms', lowerIsBetter: true },
  ]);
  await context.close();
}
