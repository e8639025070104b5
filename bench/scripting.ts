/**
 * Lua scripting: EVAL and EVALSHA of two small scripts — one INCR through
 * redis.call, and a 100-iteration loop — in process against ioredis-mock
 * (which also runs Lua on fengari) and over TCP against redis-server with
 * redis-benchmark, interleaved, medians and ratios.
 */
import { execFileSync } from 'node:child_process';
import RedisMock from 'ioredis-mock';
import { createClient } from '../src/node.js';
import { sha1hex } from '../src/scripting/sha1.js';
import { startRedisServer, startRedliteServer } from './servers.js';
import { median, opsPerSecond, printTable, type Row } from './stats.js';

const SCRIPTS = {
  'INCR via redis.call': "return redis.call('INCR', KEYS[1])",
  '100-iteration loop': 'local s = 0 for i = 1, 100 do s = s + i end return s',
};
const OPS = 2_000;
const MOCK_OPS = 200;
const ROUNDS = 5;

interface Evaluator {
  eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
  evalsha(sha: string, numkeys: number, ...args: string[]): Promise<unknown>;
}

/** Issues `ops` calls at once and awaits them all. */
function runner(db: Evaluator, ops: number, bySha: boolean, script: string): () => Promise<unknown> {
  const sha = sha1hex(script);
  return () =>
    Promise.all(
      Array.from({ length: ops }, (_, i) => (bySha ? db.evalsha(sha, 1, `k${i % 100}`) : db.eval(script, 1, `k${i % 100}`))),
    );
}

async function inProcess(): Promise<Row[]> {
  const client = createClient({ name: 'bench-scripting' });
  const redlite: Evaluator = {
    eval: (script, numkeys, ...args) => client.call('EVAL', script, String(numkeys), ...args),
    evalsha: (sha, numkeys, ...args) => client.call('EVALSHA', sha, String(numkeys), ...args),
  };
  const mock = new RedisMock() as unknown as Evaluator & { disconnect(): void };
  const rows: Row[] = [];
  for (const [name, script] of Object.entries(SCRIPTS)) {
    // Warm both: load fengari, compile and cache the script.
    await redlite.eval(script, 1, 'warm');
    await mock.eval(script, 1, 'warm');
    for (const bySha of [false, true]) {
      const ours = await opsPerSecond(OPS, ROUNDS, runner(redlite, OPS, bySha, script));
      const theirs = await opsPerSecond(MOCK_OPS, ROUNDS, runner(mock, MOCK_OPS, bySha, script));
      rows.push({ name: `${bySha ? 'EVALSHA' : 'EVAL'} ${name}`, ours, peer: theirs, peerName: 'ioredis-mock', unit: 'ops/s', goal: 50 });
    }
  }
  await client.close();
  mock.disconnect();
  return rows;
}

/** Requests per second of one command from redis-benchmark (its CSV quotes each field; the command may hold commas). */
function benchmark(port: number, requests: number, argv: string[]): number {
  const out = execFileSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-n', String(requests), '-c', '50', '--csv', ...argv], { encoding: 'utf8' });
  const line = out.trim().split('\n').at(-1) ?? '';
  return Number(line.split('","')[1]);
}

async function overTcp(): Promise<Row[]> {
  const redis = await startRedisServer();
  const redlite = await startRedliteServer();
  const requests = 50_000;
  const rows: Row[] = [];
  try {
    for (const [name, script] of Object.entries(SCRIPTS)) {
      const sha = sha1hex(script);
      for (const port of [redis.port, redlite.port]) execFileSync('redis-cli', ['-p', String(port), 'SCRIPT', 'LOAD', script]);
      for (const bySha of [false, true]) {
        const argv = bySha ? ['EVALSHA', sha, '1', 'key:__rand_int__'] : ['EVAL', script, '1', 'key:__rand_int__'];
        // A first run warms the JIT (and fills both caches): not counted.
        benchmark(redlite.port, requests, argv);
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let round = 0; round < 3; round++) {
          theirs.push(benchmark(redis.port, requests, argv));
          ours.push(benchmark(redlite.port, requests, argv));
        }
        rows.push({ name: `${bySha ? 'EVALSHA' : 'EVAL'} ${name}`, ours: median(ours), peer: median(theirs), peerName: 'redis-server', unit: 'req/s', goal: 0.3 });
      }
    }
  } finally {
    redis.stop();
    redlite.stop();
  }
  return rows;
}

export async function benchScripting(): Promise<void> {
  printTable(`Scripting in process, ${OPS.toLocaleString('en-US')} calls at once (ioredis-mock: ${MOCK_OPS}), median of ${ROUNDS}`, await inProcess());
  printTable('Scripting over TCP: redis-benchmark, 50 clients, 50,000 requests, median of 3 interleaved runs after a warm-up', await overTcp());
}
