/**
 * Data types: the commands of lists, hashes, sets, sorted sets, streams and
 * HyperLogLog over TCP against redis-server, in process against ioredis-mock,
 * sorted-set growth from 10k to 1M members, and PUBLISH fan-out.
 */
import RedisMock from 'ioredis-mock';
import net from 'node:net';
import { Engine } from '../src/engine/engine.js';
import { createClient } from '../src/node.js';
import { encodeCommand } from '../src/resp/encode.js';
import { median, opsPerSecond, printTable, type Row } from './stats.js';
import { startRedisServer, startRedliteServer } from './servers.js';
import { benchTcp } from './tcp.js';
import { execFileSync } from 'node:child_process';

const cmd = (line: string) => line.split(' ');

export const benchTypesTcp = () =>
  benchTcp(
    'Data types over TCP',
    [
      'LPUSH list __rand_int__', 'LPOP list', 'HSET hash f:__rand_int__ v', 'HGET hash f:__rand_int__',
      'SADD set m:__rand_int__', 'SISMEMBER set m:__rand_int__', 'ZADD zset __rand_int__ m:__rand_int__',
      'ZRANGE zset 0 9', 'ZRANK zset m:__rand_int__', 'XADD stream * f v', 'XRANGE stream - + COUNT 10',
      'PFADD hll e:__rand_int__', 'PFCOUNT hll',
    ].map(cmd),
    [16],
    50_000,
  );

const OPS = 20_000;
type Db = Record<string, (...args: (string | number)[]) => Promise<unknown>>;
const OPS_IN_PROCESS: [string, (db: Db, i: number) => Promise<unknown>][] = [
  // Pushes alternate with pops so the list stays short: ioredis-mock's LPUSH is linear in its length.
  ['LPUSH / LPOP', (db, i) => (i % 2 === 0 ? db.lpush('list', i) : db.lpop('list'))],
  ['HSET', (db, i) => db.hset('hash', `f${i % 1000}`, 'v')],
  ['HGET', (db, i) => db.hget('hash', `f${i % 1000}`)],
  ['SADD', (db, i) => db.sadd('set', `m${i % 1000}`)],
  ['SISMEMBER', (db, i) => db.sismember('set', `m${i % 1000}`)],
  ['ZADD', (db, i) => db.zadd('zset', i % 1000, `m${i % 1000}`)],
  ['ZRANGE', (db) => db.zrange('zset', 0, 9)],
  ['ZRANK', (db, i) => db.zrank('zset', `m${i % 1000}`)],
];

export async function benchTypesInProcess(): Promise<void> {
  const db = createClient({ name: 'bench-types' }) as unknown as Db;
  const mock = new RedisMock() as unknown as Db;
  const rows: Row[] = [];
  for (const [name, op] of OPS_IN_PROCESS) {
    const run = (target: Db) => () => Promise.all(Array.from({ length: OPS }, (_, i) => op(target, i)));
    const ours = await opsPerSecond(OPS, 5, run(db));
    const theirs = await opsPerSecond(OPS, 5, run(mock));
    rows.push({ name, ours, peer: theirs, peerName: 'ioredis-mock', unit: 'ops/s' });
  }
  printTable(`Data types in process, ${OPS.toLocaleString('en-US')} commands issued at once, median of 5`, rows);
  await (db as unknown as { close(): Promise<void> }).close();
}

/** ZADD and ZRANK per operation on sorted sets of growing size: logarithmic growth shows as a slowly rising line. */
export async function benchZsetGrowth(): Promise<void> {
  const rows: Row[] = [];
  let base: { zadd: number; zrank: number } | null = null;
  for (const size of [10_000, 100_000, 1_000_000]) {
    const engine = new Engine({ activeExpiry: false });
    const c = engine.connect({ reply: () => {}, push: () => {} });
    for (let i = 0; i < size; i += 1000) {
      const argv = ['ZADD', 'z'];
      for (let j = i; j < i + 1000; j++) argv.push(String(Math.random() * 1e9), `member:${j}`);
      engine.execute(c, argv);
    }
    const n = 50_000;
    const time = (make: (i: number) => string[]) => {
      const argvs = Array.from({ length: n }, (_, i) => make(i));
      const samples: number[] = [];
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        for (const argv of argvs) engine.execute(c, argv);
        samples.push(((performance.now() - t) / n) * 1000);
      }
      return median(samples);
    };
    const zadd = time((i) => ['ZADD', 'z', String(Math.random() * 1e9), `member:${(i * 7919) % size}`]);
    const zrank = time((i) => ['ZRANK', 'z', `member:${(i * 104729) % size}`]);
    base ??= { zadd, zrank };
    rows.push({ name: `ZADD (update) on ${size.toLocaleString('en-US')} members`, ours: zadd, peer: base.zadd, peerName: 'at 10k', unit: 'µs', lowerIsBetter: true });
    rows.push({ name: `ZRANK on ${size.toLocaleString('en-US')} members`, ours: zrank, peer: base.zrank, peerName: 'at 10k', unit: 'µs', lowerIsBetter: true });
    engine.close();
  }
  printTable('Sorted-set growth, in the engine: per-operation time against the 10k-member set', rows);
}

/** PUBLISH to 1, 10 and 100 subscribers over TCP: publishes per second while every subscriber reads. */
export async function benchPublish(): Promise<void> {
  const redis = await startRedisServer();
  const redlite = await startRedliteServer();
  const rows: Row[] = [];
  try {
    for (const subscribers of [1, 10, 100]) {
      const rates = async (port: number) => {
        const sockets = await Promise.all(
          Array.from({ length: subscribers }, () => new Promise<net.Socket>((resolve) => {
            const s = net.connect(port, '127.0.0.1', () => {
              s.write(Buffer.from(encodeCommand(['SUBSCRIBE', 'ch']), 'latin1'));
              s.on('data', () => {});
              resolve(s);
            });
          })),
        );
        await new Promise((r) => setTimeout(r, 200));
        const out = execFileSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-n', '50000', '-P', '16', '-c', '10', '--csv', 'PUBLISH', 'ch', 'message'], { encoding: 'utf8' });
        for (const s of sockets) s.destroy();
        return Number(out.trim().split('\n')[1].split(',')[1].replace(/"/g, ''));
      };
      const theirs: number[] = [];
      const ours: number[] = [];
      for (let round = 0; round < 3; round++) {
        theirs.push(await rates(redis.port));
        ours.push(await rates(redlite.port));
      }
      rows.push({ name: `PUBLISH to ${subscribers} subscriber${subscribers > 1 ? 's' : ''} -P 16`, ours: median(ours), peer: median(theirs), peerName: 'redis-server', unit: 'req/s' });
    }
  } finally {
    redis.stop();
    redlite.stop();
  }
  printTable('Pub/Sub fan-out over TCP: redis-benchmark publishing while subscribers read, median of 3', rows);
}
