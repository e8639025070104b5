/**
 * In process: SET / GET / INCR through the Node client (engine in process)
 * against ioredis-mock and a raw Map doing the same key/value work, same run.
 */
import RedisMock from 'ioredis-mock';
import { createClient } from '../src/node.js';
import { opsPerSecond, printTable, type Row } from './stats.js';

const OPS = 20_000;
const ROUNDS = 7;
const keys = Array.from({ length: OPS }, (_, i) => `key:${i % 1000}`);

type Runner = (op: 'set' | 'get' | 'incr') => () => Promise<unknown>;

/** Issues OPS commands at once and awaits them all, as an app firing requests would. */
function clientRunner(db: { set(k: string, v: string): Promise<unknown>; get(k: string): Promise<unknown>; incr(k: string): Promise<unknown> }): Runner {
  return (op) => () =>
    Promise.all(keys.map((k, i) => (op === 'set' ? db.set(k, 'value') : op === 'get' ? db.get(k) : db.incr(`n:${i % 1000}`))));
}

export async function benchInProcess(): Promise<void> {
  const db = createClient({ name: 'bench' });
  const mock = new RedisMock();
  const map = new Map<string, string>();
  const redlite = clientRunner(db as never);
  const peer = clientRunner(mock as never);
  const raw: Runner = (op) => async () => {
    for (let i = 0; i < OPS; i++) {
      if (op === 'set') map.set(keys[i], 'value');
      else if (op === 'get') map.get(keys[i]);
      else map.set(`n:${i % 1000}`, String(Number(map.get(`n:${i % 1000}`) ?? 0) + 1));
    }
  };
  const rows: Row[] = [];
  for (const op of ['set', 'get', 'incr'] as const) {
    // Interleave the contenders so machine noise hits each alike.
    const ours = await opsPerSecond(OPS, ROUNDS, redlite(op));
    const theirs = await opsPerSecond(OPS, ROUNDS, peer(op));
    const baseline = await opsPerSecond(OPS, ROUNDS, raw(op));
    rows.push({ name: `${op.toUpperCase()} (client)`, ours, peer: theirs, peerName: 'ioredis-mock', unit: 'ops/s', goal: 5 });
    rows.push({ name: `${op.toUpperCase()} (client)`, ours, peer: baseline, peerName: 'raw Map', unit: 'ops/s' });
  }
  printTable(`In process, ${OPS.toLocaleString('en-US')} commands issued at once, median of ${ROUNDS}`, rows);
  await db.close();
  mock.disconnect();
}
