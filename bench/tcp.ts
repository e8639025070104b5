/**
 * Over TCP: redlite-server against redis-server with redis-benchmark, runs
 * interleaved so both see the same machine noise; medians and ratios.
 */
import { execFileSync } from 'node:child_process';
import { median, printTable, type Row } from './stats.js';
import { startRedisServer, startRedliteServer } from './servers.js';

const ROUNDS = 3;

/** Requests per second by test name, from redis-benchmark --csv: its named tests, or one command of our own. */
function redisBenchmark(port: number, tests: string | string[], requests: number, pipeline: number): Map<string, number> {
  const what = typeof tests === 'string' ? ['-t', tests] : ['-r', '100000', ...tests];
  const out = execFileSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-n', String(requests), '-P', String(pipeline), '-c', '50', '--csv', ...what], { encoding: 'utf8' });
  const rates = new Map<string, number>();
  for (const line of out.trim().split('\n').slice(1)) {
    const [name, rps] = line.split(',').map((f) => f.replace(/"/g, ''));
    rates.set(name, Number(rps));
  }
  return rates;
}

/**
 * Runs redis-benchmark on both servers and prints ratios: named tests
 * ('set,get,incr'), or a list of commands run in order (so writes fill what
 * later reads read), `__rand_int__` standing for random numbers.
 */
export async function benchTcp(title: string, tests: string | string[][], pipelines: number[], requests = 100_000, goals: Record<number, number> = {}): Promise<void> {
  const redis = await startRedisServer();
  const redlite = await startRedliteServer();
  try {
    const rows: Row[] = [];
    for (const pipeline of pipelines) {
      const ours = new Map<string, number[]>();
      const theirs = new Map<string, number[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const test of typeof tests === 'string' ? [tests] : tests) {
          for (const [name, rps] of redisBenchmark(redis.port, test, requests, pipeline)) theirs.set(name, [...(theirs.get(name) ?? []), rps]);
          for (const [name, rps] of redisBenchmark(redlite.port, test, requests, pipeline)) ours.set(name, [...(ours.get(name) ?? []), rps]);
        }
      }
      for (const [name, rates] of ours) {
        rows.push({ name: `${name} -P ${pipeline}`, ours: median(rates), peer: median(theirs.get(name) ?? [NaN]), peerName: 'redis-server', unit: 'req/s', goal: goals[pipeline] });
      }
    }
    printTable(`${title}: redis-benchmark, 50 clients, ${requests.toLocaleString('en-US')} requests, median of ${ROUNDS} interleaved runs`, rows);
  } finally {
    redis.stop();
    redlite.stop();
  }
}
