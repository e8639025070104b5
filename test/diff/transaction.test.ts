/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH against a real redis-server:
 * queueing and its errors, runtime errors that do not roll back, WATCH
 * broken by this client, by another client, by expiry (and not by the
 * deletion of keys that were already stale), by FLUSHDB / FLUSHALL / SWAPDB,
 * blocking commands inside EXEC, RESP3, keyspace events, propagation, and
 * seeded random sequences with transactions in them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RespConnection } from './connection.js';
import { captureEvents } from './events.js';
import { DiffTarget, parseLine, type Rng } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});

interface Pair {
  redis: RespConnection;
  redlite: RespConnection;
}

const opened: Pair[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) {
    c.redis.close();
    c.redlite.close();
  }
  // A failed test may leave the main connections inside MULTI or in another database.
  await t.both(['RESET']);
});

/** A second client on each server. */
async function other(): Promise<Pair> {
  const pair = await t.connectPair();
  opened.push(pair);
  return pair;
}

/** Runs a command on a pair (or the main connections) and compares the replies. */
async function on(c: Pair | null, line: string): Promise<void> {
  const argv = parseLine(line);
  if (c === null) {
    const { redis, redlite } = await t.both(argv);
    expect(redlite, line).toBe(redis);
    return;
  }
  const [a, b] = await Promise.all([c.redis.command(argv), c.redlite.command(argv)]);
  expect(b.raw, line).toBe(a.raw);
}

/** Runs lines in order on the main connections, each compared. */
async function steps(...lines: string[]): Promise<void> {
  for (const line of lines) await on(null, line);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('MULTI and EXEC', () => {
  it('queues and runs commands, runtime errors included', () =>
    t.run([
      'MULTI',
      'SET a 1',
      'INCR a',
      'LPUSH a x',
      'ZADD z 1 m',
      'SET k v EX abc',
      'GET a',
      'EXEC',
      'GET a',
      'ZRANGE z 0 -1',
      'MULTI',
      'EXEC',
      'MULTI',
      'PING',
      'ECHO hi',
      'EXEC',
    ]));

  it('queueing errors abort EXEC', () =>
    t.run([
      'MULTI',
      'SET a 1',
      'NOSUCHCOMMAND x',
      'SET b 2',
      'EXEC',
      'EXISTS a b',
      'EXEC',
      'MULTI',
      'GET',
      'EXEC',
      'MULTI',
      'CONFIG NOSUCH',
      'DISCARD',
      'EXEC',
      'MULTI',
      'SET a',
      'INCR a',
      'DISCARD',
      'GET a',
    ]));

  it('MULTI, EXEC, DISCARD and WATCH in the wrong place', () =>
    t.run([
      'EXEC',
      'DISCARD',
      'MULTI',
      'MULTI',
      'SET a 1',
      'WATCH a',
      'EXEC',
      'GET a',
      'MULTI extra',
      'EXEC extra',
      'DISCARD extra',
      'WATCH',
      'UNWATCH extra',
      'MULTI',
      'UNWATCH',
      'EXEC',
    ]));

  it('DISCARD drops the queue', () => t.run(['MULTI', 'SET a 1', 'INCR a', 'DISCARD', 'EXISTS a', 'DISCARD']));

  it('does not block inside EXEC', () =>
    t.run(['MULTI', 'BLPOP l 0', 'BRPOPLPUSH l m 0', 'BZPOPMIN z 0', 'BZMPOP 0 1 z MIN', 'BLMOVE l m LEFT RIGHT 0', 'EXEC']));

  it('runs SELECT and the commands after it in the new database', () =>
    t.run(['MULTI', 'SET a 0', 'SELECT 1', 'SET a 1', 'GET a', 'SELECT 0', 'GET a', 'EXEC', 'SELECT 1', 'GET a', 'SELECT 0']));

  it('RESP3', () =>
    t.run(['HELLO 3', 'MULTI', 'ZADD z 1 a', 'ZSCORE z a', 'ZRANGE z 0 -1 WITHSCORES', 'EXEC', 'WATCH z', 'DEL z', 'MULTI', 'PING', 'EXEC', 'HELLO 2']));
});

describe('WATCH', () => {
  it('is broken by this client writing the key, including no-op-looking writes', () =>
    t.run([
      'SET a 1',
      'WATCH a',
      'SET a 1',
      'MULTI',
      'GET a',
      'EXEC',
      'WATCH a',
      'MULTI',
      'GET a',
      'EXEC',
      'WATCH a b',
      'ZADD b 1 x',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH nokey',
      'DEL nokey',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH a',
      'UNWATCH',
      'SET a 2',
      'MULTI',
      'GET a',
      'EXEC',
      'WATCH a',
      'MULTI',
      'SET a 3',
      'EXEC',
      'WATCH a',
      'SET a 4',
      'WATCH b',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH a',
      'EXPIRE a 100',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH a',
      'PERSIST a',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH a',
      'PERSIST a',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH a',
      'ZADD a 1 x',
      'MULTI',
      'PING',
      'EXEC',
      'WATCH z',
      'ZADD z 1 m',
      'WATCH z',
      'MULTI',
      'PING',
      'DISCARD',
      'MULTI',
      'PING',
      'EXEC',
    ]));

  it('is broken by another client, in the same database only', async () => {
    const c = await other();
    await steps('FLUSHALL', 'SET a 1', 'WATCH a');
    await on(c, 'SET a 2');
    await steps('MULTI', 'GET a', 'EXEC');

    await steps('WATCH a');
    await on(c, 'SELECT 1');
    await on(c, 'SET a 3');
    await steps('MULTI', 'GET a', 'EXEC');

    await steps('WATCH nokey');
    await on(c, 'SELECT 0');
    await on(c, 'ZADD nokey 1 x');
    await steps('MULTI', 'PING', 'EXEC');

    await steps('WATCH z');
    await on(c, 'ZINCRBY z 0 x');
    await steps('MULTI', 'PING', 'EXEC');

    await steps('WATCH z');
    await on(c, 'ZADD z 1 x');
    await steps('MULTI', 'PING', 'EXEC');

    await steps('WATCH z');
    await on(c, 'ZREM z nope');
    await steps('MULTI', 'PING', 'EXEC');

    // Another client's queued write counts once its EXEC runs.
    await steps('WATCH a');
    await on(c, 'MULTI');
    await on(c, 'SET a 9');
    await steps('MULTI', 'GET a');
    await on(c, 'EXEC');
    await steps('EXEC');
  });

  it('is broken by FLUSHDB, FLUSHALL and SWAPDB when the key exists', async () => {
    await steps('FLUSHALL', 'SET a 1', 'WATCH a', 'FLUSHDB', 'MULTI', 'PING', 'EXEC');
    await steps('WATCH a', 'FLUSHDB', 'MULTI', 'PING', 'EXEC');
    await steps('SET a 1', 'WATCH a', 'FLUSHALL', 'MULTI', 'PING', 'EXEC');
    await steps('SELECT 1', 'SET a 1', 'SELECT 0', 'WATCH a', 'FLUSHDB', 'MULTI', 'PING', 'EXEC');
    await steps('SELECT 1', 'SET a 1', 'SELECT 0', 'WATCH a', 'SWAPDB 0 1', 'MULTI', 'PING', 'EXEC');
    await steps('FLUSHALL', 'WATCH a', 'SWAPDB 0 1', 'MULTI', 'PING', 'EXEC');
    const c = await other();
    await steps('SET a 1', 'WATCH a');
    await on(c, 'FLUSHALL');
    await steps('MULTI', 'PING', 'EXEC');
  });

  it('fails EXEC once a watched key expires', async () => {
    await steps('FLUSHALL', 'SET a 1 PX 40', 'WATCH a', 'MULTI', 'PING');
    await sleep(80);
    await steps('EXEC');
    await steps('SET a 1 PX 40', 'WATCH a');
    await sleep(80);
    await steps('GET a', 'MULTI', 'PING', 'EXEC');
  });

  it('ignores keys that were already stale when watched', async () => {
    // Watched stale: its deletion (lazy, DEL or FLUSHDB) and finding it expired are no change.
    await steps('FLUSHALL', 'SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'MULTI', 'PING', 'EXEC');
    await steps('SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'GET a', 'MULTI', 'PING', 'EXEC');
    await steps('SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'DEL a', 'MULTI', 'PING', 'EXEC');
    await steps('SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'FLUSHDB', 'MULTI', 'PING', 'EXEC');
    // But writing a new value to it is a change.
    await steps('SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'SET a 2', 'MULTI', 'PING', 'EXEC');
    await steps('SET a 1 PX 1');
    await sleep(20);
    await steps('WATCH a', 'ZADD a 1 x', 'MULTI', 'PING', 'EXEC');
  });
});

describe('keyspace events and propagation', () => {
  it('EXEC publishes each command’s events', async () => {
    // Events are collected at the end: the per-command fence would be queued inside MULTI.
    const { redis, redlite } = await captureEvents(t, 'KEA', ['MULTI', 'SET a 1', 'ZADD z 1 x 2 y', 'ZPOPMIN z', 'DEL a', 'EXEC']);
    expect(redlite).toEqual(redis);
    expect(redis.length).toBeGreaterThan(0);
  });

  it('a transaction’s writes propagate together, wrapped in MULTI / EXEC', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'MULTI',
        'SET a 1',
        'ZADD z 1 x',
        'GET a',
        'BZPOPMIN z 0',
        'EXEC',
        'MULTI',
        'INCR a',
        'EXEC',
        'MULTI',
        'GET a',
        'EXEC',
        'MULTI',
        'SET b 1',
        'NOSUCH',
        'EXEC',
        'WATCH a',
        'SET a 5',
        'MULTI',
        'SET a 6',
        'EXEC',
        'MULTI',
        'SELECT 1',
        'SET a 1',
        'SELECT 0',
        'SET a 2',
        'EXEC',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

describe('fuzz', () => {
  const LENGTH = 40;
  let generated = 0;

  /**
   * String and sorted-set writes and reads with MULTI / EXEC / DISCARD /
   * WATCH mixed in, and some queueing errors. Each sequence starts with
   * RESET, so no transaction or database choice leaks into the next one.
   */
  function gen(rng: Rng): string[] {
    if (generated++ % LENGTH === 0) return ['RESET'];
    const key = () => rng.pick(['a', 'b', 'z']);
    switch (rng.int(0, 17)) {
      case 0:
      case 1:
        return ['MULTI'];
      case 2:
      case 3:
        return ['EXEC'];
      case 4:
        return ['DISCARD'];
      case 5:
        return ['WATCH', key(), ...(rng.chance(0.3) ? [key()] : [])];
      case 6:
        return ['UNWATCH'];
      case 7:
        return ['SET', key(), String(rng.int(0, 9))];
      case 8:
        return ['INCR', key()];
      case 9:
        return ['ZADD', key(), String(rng.int(0, 3)), rng.pick(['x', 'y'])];
      case 10:
        return ['ZPOPMIN', key()];
      case 11:
        return ['GET', key()];
      case 12:
        return ['DEL', key()];
      case 13:
        return [rng.pick(['NOSUCH', 'GET', 'ZADD'])];
      case 14:
        return ['ZRANGE', key(), '0', '-1', 'WITHSCORES'];
      case 15:
        return ['SELECT', String(rng.int(0, 1))];
      case 16:
        return ['EXISTS', key()];
      default:
        return ['ZINCRBY', key(), '1', 'x'];
    }
  }

  it('random sequences with transactions', () => t.fuzz({ seed: 3, sequences: 200, length: LENGTH, gen }));
});
