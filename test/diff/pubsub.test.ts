/**
 * Pub/Sub against a real redis-server: subscription confirmations (one reply
 * each), the RESP2 subscribed-mode rules, message delivery to a second
 * connection, PUBSUB introspection, RESP3 pushes, and random sequences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapReply, PushReply, type Reply } from '../../src/engine/reply.js';
import type { ReadReply } from '../../src/resp/reply-reader.js';
import type { RespConnection } from './connection.js';
import { DiffTarget, parseLine, Rng } from './harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

interface Pair {
  redis: RespConnection;
  redlite: RespConnection;
}

/**
 * How to compare a command's several replies: in order, as a multiset (pattern
 * messages: Redis walks its patterns in hash order), or as (un)subscribe
 * confirmations whose channel order is a hash order but whose counts are not.
 */
type Order = 'ordered' | 'unordered' | 'confirmations';

const argvOf = (c: string | string[]) => (typeof c === 'string' ? parseLine(c) : c);

async function read(conn: RespConnection, n: number): Promise<ReadReply[]> {
  const out: ReadReply[] = [];
  for (let i = 0; i < n; i++) out.push(await conn.read(2000));
  return out;
}

function items(reply: Reply): Reply[] {
  return reply instanceof PushReply ? reply.items : (reply as Reply[]);
}

function normalize(replies: ReadReply[], order: Order): string[] {
  const raw = replies.map((r) => r.raw);
  if (order === 'ordered') return raw;
  if (order === 'unordered') return raw.sort();
  const names = replies.map((r) => JSON.stringify(items(r.value).slice(0, 2))).sort();
  const counts = replies.map((r) => String(items(r.value)[2]));
  return [...names, ...counts];
}

/** Reads `n` replies from each side and expects them equal. */
async function expectNext(pair: Pair, n: number, order: Order = 'ordered', what = ''): Promise<ReadReply[]> {
  const [a, b] = await Promise.all([read(pair.redis, n), read(pair.redlite, n)]);
  expect(normalize(b, order), `redlite vs redis after ${what}`).toEqual(normalize(a, order));
  return a;
}

/** Sends a command on both sides and expects its `n` replies equal. */
async function check(pair: Pair, command: string | string[], n = 1, order: Order = 'ordered'): Promise<ReadReply[]> {
  const argv = argvOf(command);
  pair.redis.write(argv);
  pair.redlite.write(argv);
  return expectNext(pair, n, order, argv.join(' '));
}

/** Runs a command on the main connections and expects equal replies; returns Redis's. */
async function onMain(command: string | string[]): Promise<string> {
  const argv = argvOf(command);
  const { redis, redlite } = await t.both(argv);
  expect(redlite, argv.join(' ')).toBe(redis);
  return redis;
}

/** Checks that nothing else is pending on either side: the next reply must be PING's. */
async function expectQuiet(pair: Pair): Promise<void> {
  const [a] = await check(pair, 'PING');
  expect(a.raw).toMatch(/^(\+PONG\r\n|[*>]2\r\n\$4\r\npong\r\n)/);
}

async function withPair(body: (pair: Pair) => Promise<void>): Promise<void> {
  const pair = await t.connectPair();
  try {
    await body(pair);
  } finally {
    pair.redis.close();
    pair.redlite.close();
  }
}

/** Switches a pair to RESP3 (HELLO's reply carries ids and versions, so it is not compared). */
async function hello3(pair: Pair): Promise<void> {
  const [a, b] = await Promise.all([pair.redis.command(['HELLO', '3']), pair.redlite.command(['HELLO', '3'])]);
  expect(a.value).toBeInstanceOf(MapReply);
  expect(b.value).toBeInstanceOf(MapReply);
}

describe('subscribing (RESP2)', () => {
  it('confirms each channel with its own reply', async () => {
    await withPair(async (p) => {
      await check(p, 'SUBSCRIBE a b c', 3);
      await check(p, 'SUBSCRIBE a', 1);
      await check(p, 'PSUBSCRIBE p* q?', 2);
      await check(p, 'PSUBSCRIBE p*', 1);
      await check(p, 'SSUBSCRIBE s1 s2', 2);
      await check(p, 'SSUBSCRIBE s1', 1);
      await check(p, 'UNSUBSCRIBE a zz', 2);
      await check(p, 'UNSUBSCRIBE', 2, 'confirmations');
      await check(p, 'UNSUBSCRIBE', 1);
      await check(p, 'PUNSUBSCRIBE nope', 1);
      await check(p, 'PSUBSCRIBE x y z', 3);
      await check(p, 'PUNSUBSCRIBE', 5);
      await check(p, 'PUNSUBSCRIBE', 1);
      await check(p, 'SUNSUBSCRIBE s3', 1);
      await check(p, 'SUNSUBSCRIBE', 2, 'confirmations');
      await check(p, 'SUNSUBSCRIBE', 1);
      await check(p, 'GET x');
      await expectQuiet(p);
    });
  });

  it('allows only (un)subscribe, PING, QUIT and RESET while subscribed', async () => {
    await withPair(async (p) => {
      await check(p, 'SUBSCRIBE a', 1);
      for (const c of ['GET x', 'SET x y', 'PUBLISH a b', 'SPUBLISH a b', 'PUBSUB NUMSUB a', 'PUBSUB CHANNELS', 'SELECT 1', 'ECHO hi', 'PFADD h a', 'SETBIT b 1 1']) {
        await check(p, c);
      }
      await check(p, 'NOSUCHCOMMAND x');
      await check(p, 'PUBSUB NOSUCH');
      await check(p, 'GET');
      await check(p, 'SUBSCRIBE');
      await check(p, 'PSUBSCRIBE');
      await check(p, 'SSUBSCRIBE');
      await check(p, 'PING');
      await check(p, 'PING hello');
      await check(p, 'PING a b');
      await check(p, 'UNSUBSCRIBE a', 1);
      await check(p, 'PING');
      await check(p, 'SSUBSCRIBE s', 1);
      await check(p, 'GET x');
      await check(p, 'SUNSUBSCRIBE', 1);
      await check(p, 'GET x');
    });
  });
});

describe('subscribing with other connection state', () => {
  it('confirms even when replies are off (confirmations are pushes)', async () => {
    await withPair(async (p) => {
      for (const conn of [p.redis, p.redlite]) conn.write(['CLIENT', 'REPLY', 'OFF']);
      await check(p, 'SUBSCRIBE a b', 2);
      await onMain('PUBLISH a m');
      await expectNext(p, 1, 'ordered', 'PUBLISH a m');
      for (const conn of [p.redis, p.redlite]) conn.write(['GET', 'x']);
      await check(p, 'UNSUBSCRIBE', 2, 'confirmations');
      await check(p, 'CLIENT REPLY ON');
      for (const conn of [p.redis, p.redlite]) conn.write(['CLIENT', 'REPLY', 'SKIP']);
      await check(p, 'SUBSCRIBE c', 1);
      await check(p, 'UNSUBSCRIBE c', 1);
      await expectQuiet(p);
    });
  });

  // One channel per command: Redis writes a command's several confirmations inside
  // EXEC's array, where redlite sends all but the last before the array.
  it('subscribes inside MULTI (SSUBSCRIBE refuses)', async () => {
    for (const resp of [2, 3]) {
      await withPair(async (p) => {
        if (resp === 3) await hello3(p);
        for (const c of ['MULTI', 'SUBSCRIBE a', 'PSUBSCRIBE a*', 'SSUBSCRIBE s', 'UNSUBSCRIBE b']) await check(p, c);
        await check(p, 'EXEC');
        await onMain('PUBSUB NUMSUB a s');
        await check(p, 'UNSUBSCRIBE', 1);
        await check(p, 'PUNSUBSCRIBE', 1);
        await expectQuiet(p);
      });
    }
  });

  it('leaves every subscription on RESET', async () => {
    await withPair(async (p) => {
      await check(p, 'SUBSCRIBE a', 1);
      await check(p, 'PSUBSCRIBE a*', 1);
      await check(p, 'SSUBSCRIBE s', 1);
      await check(p, 'RESET');
      await onMain('PUBSUB NUMSUB a');
      await onMain('PUBSUB NUMPAT');
      await onMain('PUBSUB SHARDNUMSUB s');
      await onMain('PUBLISH a m');
      await check(p, 'GET x');
      await expectQuiet(p);
    });
  });
});

describe('delivering messages', () => {
  it('sends messages and pattern messages to a second connection', async () => {
    await withPair(async (sub) => {
      await check(sub, 'SUBSCRIBE news "bin\\x00ary" ""', 3);
      await check(sub, 'PSUBSCRIBE n* "[a-c]?"', 2);
      for (const [command, messages] of [
        ['PUBLISH news hello', 2],
        ['PUBLISH other x', 0],
        ['PUBLISH nx y', 1],
        ['PUBLISH b1 "\\xff\\x00"', 1],
        ['PUBLISH "bin\\x00ary" "\\r\\n"', 1],
        ['PUBLISH "" empty', 1],
        ['PUBLISH n ""', 1],
      ] as const) {
        await onMain(command);
        await expectNext(sub, messages, 'ordered', command);
      }
      await onMain('PUBSUB NUMSUB news other "" "bin\\x00ary"');
      await onMain('PUBSUB NUMSUB');
      await onMain('PUBSUB NUMPAT');
      await onMain('PUBSUB CHANNELS');
      await onMain('PUBSUB CHANNELS n*');
      await onMain('PUBSUB CHANNELS *');
      await onMain('PUBSUB CHANNELS "bin*"');
      await expectQuiet(sub);
    });
  });

  it('delivers once per matching pattern', async () => {
    await withPair(async (sub) => {
      await check(sub, 'PSUBSCRIBE * a* *b ab', 4);
      await check(sub, 'SUBSCRIBE ab', 1);
      await onMain('PUBLISH ab m');
      await expectNext(sub, 5, 'unordered', 'PUBLISH ab m');
      await onMain('PUBLISH xb m');
      await expectNext(sub, 2, 'unordered', 'PUBLISH xb m');
      await onMain('PUBSUB NUMPAT');
      await expectQuiet(sub);
    });
  });

  it('counts subscribers across connections and forgets closed ones', async () => {
    const first = await t.connectPair();
    const second = await t.connectPair();
    try {
      await check(first, 'SUBSCRIBE ch', 1);
      await check(second, 'SUBSCRIBE ch other', 2);
      await check(first, 'PSUBSCRIBE c*', 1);
      await check(second, 'PSUBSCRIBE c*', 1);
      await check(second, 'SSUBSCRIBE sh', 1);
      await onMain('PUBSUB NUMSUB ch other');
      await onMain('PUBSUB NUMPAT');
      await onMain('PUBSUB SHARDNUMSUB sh x');
      await onMain('PUBSUB SHARDCHANNELS');
      await onMain('PUBLISH ch hi');
      await expectNext(first, 2, 'ordered', 'PUBLISH ch hi');
      await expectNext(second, 2, 'ordered', 'PUBLISH ch hi');
      await onMain('SPUBLISH sh hi');
      await expectNext(second, 1, 'ordered', 'SPUBLISH sh hi');
      await onMain('SPUBLISH ch hi');
      second.redis.close();
      second.redlite.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await onMain('PUBSUB NUMSUB ch other');
      await onMain('PUBSUB NUMPAT');
      await onMain('PUBSUB SHARDCHANNELS');
      await onMain('PUBLISH ch again');
      await expectNext(first, 2, 'ordered', 'PUBLISH ch again');
      await expectQuiet(first);
    } finally {
      first.redis.close();
      first.redlite.close();
    }
  });

  it('sends shard messages only to shard subscribers', async () => {
    await withPair(async (sub) => {
      await check(sub, 'SSUBSCRIBE s1 s2', 2);
      await check(sub, 'SUBSCRIBE s1', 1);
      await check(sub, 'PSUBSCRIBE s*', 1);
      await onMain('SPUBLISH s1 m');
      await expectNext(sub, 1, 'ordered', 'SPUBLISH s1 m');
      await onMain('PUBLISH s1 m');
      await expectNext(sub, 2, 'ordered', 'PUBLISH s1 m');
      await onMain('SPUBLISH nobody m');
      await onMain('PUBSUB SHARDCHANNELS s*');
      await onMain('PUBSUB SHARDCHANNELS');
      await onMain('PUBSUB SHARDNUMSUB s1 s2 s3');
      await onMain('PUBSUB SHARDNUMSUB');
      await onMain('PUBSUB CHANNELS');
      await expectQuiet(sub);
    });
  });
});

describe('PUBSUB', () => {
  it('answers help and argument errors', async () => {
    await t.run([
      'PUBSUB HELP',
      'PUBSUB help',
      'PUBSUB HELP x',
      'PUBSUB CHANNELS a b',
      'PUBSUB SHARDCHANNELS a b',
      'PUBSUB NUMPAT x',
      'PUBSUB FOO',
      'PUBSUB',
      'PUBSUB CHANNELS',
      'PUBSUB NUMSUB a a',
      'PUBLISH',
      'PUBLISH a',
      'PUBLISH a b c',
      'SPUBLISH a',
      'PUBLISH nobody x',
      'SPUBLISH nobody x',
    ]);
  });
});

describe('RESP3', () => {
  it('sends confirmations and messages as pushes and allows every command', async () => {
    await withPair(async (p) => {
      await hello3(p);
      await check(p, 'SUBSCRIBE a b', 2);
      await check(p, 'PSUBSCRIBE *', 1);
      await check(p, 'SET x 1');
      await check(p, 'GET x');
      // Publishing to itself: the messages come before PUBLISH's own reply.
      await check(p, 'PUBLISH a hello', 3);
      await check(p, 'SSUBSCRIBE s', 1);
      await check(p, 'SPUBLISH s m', 2);
      await check(p, 'PUBSUB NUMSUB a b');
      await check(p, 'PING');
      await check(p, 'PING x');
      await check(p, 'UNSUBSCRIBE', 2, 'confirmations');
      await check(p, 'UNSUBSCRIBE', 1);
      await check(p, 'PUNSUBSCRIBE', 1);
      await check(p, 'PUNSUBSCRIBE', 1);
      await check(p, 'SUNSUBSCRIBE', 1);
      await check(p, 'SUNSUBSCRIBE', 1);
      await check(p, 'SUBSCRIBE c', 1);
      await onMain('PUBLISH c from-outside');
      await expectNext(p, 1, 'ordered', 'PUBLISH c from-outside');
      // Back to RESP2 while subscribed: the subscribed-mode rules apply again.
      await Promise.all([p.redis.command(['HELLO', '2']), p.redlite.command(['HELLO', '2'])]);
      await check(p, 'GET x');
      await check(p, 'PING');
      await check(p, 'UNSUBSCRIBE', 1);
      await check(p, 'GET x');
    });
  });
});

describe('random subscription sequences', () => {
  const channels = ['c1', 'c2', 'c3', 'x', ''];
  const patterns = ['c*', '*', 'c[12]', '?', 'x*', 'c\\*'];

  /** Reads replies up to and including the first integer (a RESP3 client's own PUBLISH: its messages come first). */
  async function untilInteger(conn: RespConnection): Promise<ReadReply[]> {
    const out: ReadReply[] = [];
    do out.push(await conn.read(2000));
    while (!out[out.length - 1].raw.startsWith(':'));
    return out;
  }

  for (const resp of [2, 3]) {
    it(`matches Redis (RESP${resp})`, async () => {
      const rng = new Rng(4242 + resp);
      for (let round = 0; round < 10; round++) {
        await withPair(async (sub) => {
          if (resp === 3) await hello3(sub);
          // The model tells how many replies each command owes.
          const subscribed = { channels: new Set<string>(), patterns: new Set<string>() };
          const some = (pool: string[]) => Array.from({ length: rng.int(1, 3) }, () => rng.pick(pool));
          for (let step = 0; step < 40; step++) {
            const choice = rng.int(0, 10);
            if (choice <= 1) {
              const names = some(channels);
              await check(sub, ['SUBSCRIBE', ...names], names.length);
              for (const n of names) subscribed.channels.add(n);
            } else if (choice === 2) {
              const names = rng.chance(0.3) ? [] : some(channels);
              const n = names.length || Math.max(1, subscribed.channels.size);
              await check(sub, ['UNSUBSCRIBE', ...names], n, names.length ? 'ordered' : 'confirmations');
              if (names.length) for (const c of names) subscribed.channels.delete(c);
              else subscribed.channels.clear();
            } else if (choice === 3) {
              const names = some(patterns);
              await check(sub, ['PSUBSCRIBE', ...names], names.length);
              for (const n of names) subscribed.patterns.add(n);
            } else if (choice === 4) {
              const names = rng.chance(0.3) ? [] : some(patterns);
              await check(sub, ['PUNSUBSCRIBE', ...names], names.length || Math.max(1, subscribed.patterns.size));
              if (names.length) for (const p of names) subscribed.patterns.delete(p);
              else subscribed.patterns.clear();
            } else if (choice === 5) {
              const names = some(channels);
              await check(sub, [rng.chance(0.7) ? 'SSUBSCRIBE' : 'SUNSUBSCRIBE', ...names], names.length);
            } else if (choice <= 7) {
              const command = [rng.chance(0.2) ? 'SPUBLISH' : 'PUBLISH', rng.pick(channels), `m${step}`];
              const reply = await onMain(command);
              await expectNext(sub, Number(/^:(\d+)/.exec(reply)![1]), 'unordered', command.join(' '));
            } else if (choice === 8 && resp === 3) {
              const command = ['PUBLISH', rng.pick(channels), `self${step}`];
              for (const conn of [sub.redis, sub.redlite]) conn.write(command);
              const [a, b] = await Promise.all([untilInteger(sub.redis), untilInteger(sub.redlite)]);
              expect(normalize(b, 'unordered'), command.join(' ')).toEqual(normalize(a, 'unordered'));
              expect(b[b.length - 1].raw).toBe(a[a.length - 1].raw);
            } else if (choice === 9) {
              await onMain(['PUBSUB', rng.pick(['NUMSUB', 'SHARDNUMSUB']), ...some(channels)]);
              await onMain(['PUBSUB', rng.pick(['CHANNELS', 'SHARDCHANNELS']), ...(rng.chance(0.5) ? [rng.pick(patterns)] : [])]);
              await onMain('PUBSUB NUMPAT');
            } else {
              await check(sub, rng.pick(['GET k', 'PING', 'PING m']));
            }
          }
          await expectQuiet(sub);
        });
      }
    });
  }
});
