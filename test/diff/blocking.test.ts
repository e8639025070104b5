/**
 * The blocking list commands against a real redis-server: BLPOP, BRPOP,
 * BRPOPLPUSH, BLMOVE and BLMPOP answering at once, timing out, and being
 * served by pushes from another connection — in FIFO order, after a whole
 * MULTI/EXEC, from the key that became ready — plus timeouts' syntax, MULTI,
 * CLIENT UNBLOCK, keyspace events and propagation. Every reply is compared
 * byte for byte.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RespConnection } from './connection.js';
import { DiffTarget, parseLine } from './harness.js';
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
  await waitBlocked(0);
  await t.both(['FLUSHALL']);
});

/** Another client on each server. */
async function connect(): Promise<Pair> {
  const pair = await t.connectPair();
  opened.push(pair);
  return pair;
}

/** Sends a command on both sides of a pair without waiting for the replies. */
function send(c: Pair, line: string): void {
  const argv = parseLine(line);
  c.redis.write(argv);
  c.redlite.write(argv);
}

/** The next reply on both sides, which must be the same bytes. */
async function expectReply(c: Pair, what: string, timeoutMs = 3000): Promise<string> {
  const [a, b] = await Promise.all([c.redis.read(timeoutMs), c.redlite.read(timeoutMs)]);
  expect(b.raw, what).toBe(a.raw);
  return a.raw;
}

/** Neither side answers within `ms` (the client is still blocked). */
async function expectNoReply(c: Pair, ms = 150): Promise<void> {
  const results = await Promise.allSettled([c.redis.read(ms), c.redlite.read(ms)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
}

/** Runs a command on a pair and compares its replies. */
async function call(c: Pair, line: string): Promise<string> {
  send(c, line);
  return expectReply(c, line);
}

/** Runs a command on the main connections and compares the replies. */
async function main(line: string): Promise<string> {
  const { redis, redlite } = await t.both(parseLine(line));
  expect(redlite, line).toBe(redis);
  return redis;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until both servers count `n` blocked clients, so what follows finds them waiting. */
async function waitBlocked(n: number): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const counts = await Promise.all([t.redis, t.redlite].map(async (conn) => {
      const info = (await conn.command(['INFO', 'clients'])).value as string;
      return Number(/blocked_clients:(\d+)/.exec(info)?.[1]);
    }));
    if (counts[0] === n && counts[1] === n) return;
    await sleep(10);
  }
  throw new Error(`blocked clients never reached ${n}`);
}

/** Sends a blocking command and waits until it blocks (the n-th blocked client). */
async function block(c: Pair, line: string, n = 1): Promise<void> {
  send(c, line);
  await waitBlocked(n);
}

describe('answering at once', () => {
  it('pops when a list has elements, and checks types and keys in order', () =>
    t.run([
      'RPUSH a 1 2 3 4 5',
      'RPUSH b 4',
      'BLPOP a b 0',
      'BRPOP a b 0',
      'BLPOP missing b 1',
      'EXISTS b',
      'BRPOP missing a 0',
      'SET s v',
      'BLPOP s 0',
      'BLPOP missing s 0',
      'BLPOP a s 0',
      'BRPOPLPUSH a dst 0',
      'RPUSH a x y',
      'BLMOVE a dst LEFT RIGHT 0',
      'BLMOVE a a right left 0',
      'BLMOVE a s LEFT RIGHT 0',
      'BRPOPLPUSH s dst 0',
      'BRPOPLPUSH a s 0',
      'LRANGE dst 0 -1',
      'BLMPOP 0 2 missing dst LEFT COUNT 5',
      'BLMPOP 0 1 a RIGHT',
      'BLMPOP 0 2 missing s LEFT',
    ]));

  it('argument errors, timeouts first for BLPOP and last for BLMPOP', () =>
    t.run([
      'RPUSH a 1 2 3 4 5 6 7 8 9 10',
      'BLPOP a x',
      'BLPOP a -1',
      'BLPOP a ""',
      'BLPOP a " 1"',
      'BLPOP a "1 "',
      'BLPOP a nan',
      'BLPOP a inf',
      'BLPOP a -inf',
      'BLPOP a 1e20',
      'BLPOP a 9.3e15',
      'BLPOP a 1e4932',
      'BLPOP a 1e5000',
      'BLPOP a 0x10',
      'BLPOP a 1.5',
      'BLPOP a 1e-400',
      'BLPOP a -0.0001',
      'BRPOP a -0.5',
      'SET s v',
      'BLPOP s -1',
      'BRPOPLPUSH a b x',
      'BRPOPLPUSH s b -1',
      'BLMOVE a b LEFT RIGHT x',
      'BLMOVE a b UP RIGHT x',
      'BLMOVE a b LEFT DOWN -1',
      'BLMPOP x 1 a LEFT',
      'BLMPOP 0 0 a LEFT',
      'BLMPOP -1 1 a LEFT',
      'BLMPOP 0 1 a MIDDLE',
      'BLMPOP x 1 a LEFT COUNT 0',
      'BLMPOP 0 2 a LEFT',
      'BLMPOP 0 1 a LEFT COUNT 1 COUNT 2',
      'BLPOP a',
      'BLMOVE a b LEFT RIGHT',
      'BLMPOP 0 1 a',
    ]));

  it('never blocks inside MULTI: the timeout reply at once', () =>
    t.run([
      'MULTI',
      'BLPOP missing 0',
      'BRPOP missing 1',
      'BRPOPLPUSH missing dst 0',
      'BLMOVE missing dst LEFT LEFT 0',
      'BLMPOP 0 1 missing LEFT',
      'RPUSH l a b',
      'BLPOP l 0',
      'BLMOVE l dst LEFT LEFT 0',
      'EXEC',
    ]));
});

describe('timing out', () => {
  it('answers a nil array once the timeout passes, for each command', async () => {
    const c = await connect();
    for (const line of ['BLPOP k 0.05', 'BRPOP k1 k2 0.05', 'BRPOPLPUSH k d 0.05', 'BLMOVE k d LEFT RIGHT 0.05', 'BLMPOP 0.05 2 k1 k2 LEFT COUNT 2']) {
      send(c, line);
      await expectReply(c, line);
    }
  });

  it('RESP3 nil on timeout, arrays when served', async () => {
    const c = await connect();
    send(c, 'HELLO 3');
    await Promise.all([c.redis.read(), c.redlite.read()]);
    await call(c, 'BLPOP k 0.05');
    await call(c, 'BLMOVE k d LEFT RIGHT 0.05');
    await block(c, 'BLMPOP 0 1 k LEFT COUNT 3');
    await main('RPUSH k a b');
    await expectReply(c, 'served BLMPOP');
  });

  it('timeout 0 waits until served', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 0');
    await expectNoReply(c, 300);
    await main('RPUSH k v');
    await expectReply(c, 'served');
    await main('EXISTS k');
  });

  it('a timeout longer than a timer can hold still waits', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 3000000');
    await expectNoReply(c, 300);
    await main('RPUSH k v');
    await expectReply(c, 'served');
  });
});

describe('served by pushes', () => {
  it('BLPOP and BRPOP take from the pushed list', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 0');
    await main('RPUSH k a b c');
    await expectReply(c, 'BLPOP');
    await main('LRANGE k 0 -1');
    await main('DEL k');
    await block(c, 'BRPOP k2 k 5');
    await main('LPUSH k x');
    await expectReply(c, 'BRPOP');
    await main('LRANGE k 0 -1');
  });

  it('waiters are served in the order they blocked', async () => {
    const [c1, c2, c3] = [await connect(), await connect(), await connect()];
    await block(c1, 'BLPOP k 0', 1);
    await block(c2, 'BLPOP k 0', 2);
    await block(c3, 'BRPOP k 0', 3);
    await main('RPUSH k a b');
    await expectReply(c1, 'first waiter');
    await expectReply(c2, 'second waiter');
    await expectNoReply(c3);
    await main('EXISTS k');
    await main('RPUSH k c');
    await expectReply(c3, 'third waiter');
  });

  it('a waiter on several keys is served from the first that gets data', async () => {
    const c = await connect();
    await block(c, 'BLPOP a b c 0');
    await main('RPUSH c x');
    await expectReply(c, 'from c');
    await block(c, 'BRPOP a b c 0');
    await main('RPUSH b y z');
    await expectReply(c, 'from b');
    await main('LRANGE b 0 -1');
  });

  it('a push inside MULTI/EXEC is served after EXEC, from the first key made ready', async () => {
    const c = await connect();
    await block(c, 'BLPOP a b 0');
    await main('MULTI');
    await main('RPUSH b 1');
    await main('RPUSH a 2');
    await main('RPUSH b 3');
    await expectNoReply(c, 50);
    await main('EXEC');
    await expectReply(c, 'after EXEC');
    await main('LRANGE a 0 -1');
    await main('LRANGE b 0 -1');
  });

  it('a push inside a script is served after the script', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 0');
    await main(`EVAL "redis.call('rpush', KEYS[1], 'a', 'b'); return redis.call('llen', KEYS[1])" 1 k`);
    await expectReply(c, 'after the script');
    await main('LRANGE k 0 -1');
  });

  it('scripts never block: BLMPOP answers nil, BLPOP is refused', () =>
    t.run([
      `EVAL "return redis.call('blmpop', 0, 1, 'nokey', 'LEFT')" 0`,
      `EVAL "return redis.call('blpop', 'nokey', 0)" 0`,
      `EVAL "return redis.call('brpoplpush', 'nokey', 'd', 0)" 0`,
      'RPUSH k a',
      `EVAL "return redis.call('blmpop', 0, 1, 'k', 'LEFT')" 0`,
    ]));

  it('a list pushed and emptied in one transaction serves no one', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 0');
    await main('MULTI');
    await main('RPUSH k 1');
    await main('DEL k');
    await main('EXEC');
    await expectNoReply(c);
    await main('RPUSH k 2');
    await expectReply(c, 'served later');
  });

  it('a key of another type does not serve or fail a waiter', async () => {
    const c = await connect();
    await block(c, 'BLPOP a b 0');
    await main('SET a str');
    await expectNoReply(c);
    await main('RPUSH b x');
    await expectReply(c, 'served from b');
    await block(c, 'BLPOP k 0');
    await main('SADD k m');
    await main('DEL k');
    await expectNoReply(c);
    await main('LPUSH k v');
    await expectReply(c, 'served once k is a list');
  });

  it('only pushes in the waiter’s database count', async () => {
    const c = await connect();
    await call(c, 'SELECT 1');
    await block(c, 'BLPOP k 0');
    await main('RPUSH k in-db-0');
    await expectNoReply(c);
    await main('SELECT 1');
    await main('RPUSH k in-db-1');
    await expectReply(c, 'served in db 1');
    await main('SELECT 0');
    await main('LRANGE k 0 -1');
  });

  it('a list that appears by RENAME, COPY, MOVE or SWAPDB serves too', async () => {
    const c = await connect();
    const cases: [setup: string[], appear: string[]][] = [
      [['RPUSH src a b'], ['RENAME src k']],
      [['RPUSH src a b'], ['COPY src k']],
      [['SELECT 1', 'RPUSH k a b'], ['MOVE k 0', 'SELECT 0']],
      [['SELECT 1', 'RPUSH k a b', 'SELECT 0'], ['SWAPDB 0 1']],
    ];
    for (const [setup, appear] of cases) {
      for (const line of setup) await main(line);
      await block(c, 'BLPOP k 0');
      for (const line of appear) await main(line);
      await expectReply(c, appear.join(' / '));
      await main('LRANGE k 0 -1');
      await main('FLUSHALL');
    }
  });

  it('BRPOPLPUSH and BLMOVE move the pushed element', async () => {
    const c = await connect();
    await block(c, 'BRPOPLPUSH src dst 0');
    await main('RPUSH src a b');
    await expectReply(c, 'BRPOPLPUSH');
    await block(c, 'BLMOVE empty dst LEFT RIGHT 0');
    await main('RPUSH empty c');
    await expectReply(c, 'BLMOVE');
    await main('LRANGE dst 0 -1');
    await main('LRANGE src 0 -1');
    await main('EXISTS empty');
    await block(c, 'BLMOVE rot rot RIGHT LEFT 0');
    await main('RPUSH rot 1 2');
    await expectReply(c, 'BLMOVE onto itself');
    await main('LRANGE rot 0 -1');
  });

  it('BLMOVE feeds a waiter on its destination', async () => {
    const [c1, c2] = [await connect(), await connect()];
    await block(c1, 'BLMOVE a b RIGHT LEFT 0', 1);
    await block(c2, 'BLPOP b 0', 2);
    await main('RPUSH a x');
    await expectReply(c1, 'BLMOVE');
    await expectReply(c2, 'BLPOP on the destination');
    await main('EXISTS a b');
  });

  it('a served BLMOVE with a destination of the wrong type fails', async () => {
    const c = await connect();
    await main('SET dst str');
    await block(c, 'BRPOPLPUSH src dst 0');
    await main('RPUSH src a');
    await expectReply(c, 'WRONGTYPE');
    await main('LRANGE src 0 -1');
    await waitBlocked(0);
  });

  it('BLMPOP takes up to COUNT elements', async () => {
    const [c1, c2] = [await connect(), await connect()];
    await block(c1, 'BLMPOP 0 2 a b LEFT COUNT 2', 1);
    await block(c2, 'BLMPOP 0 1 b RIGHT COUNT 5', 2);
    await main('RPUSH b 1 2 3');
    await expectReply(c1, 'first BLMPOP');
    await expectReply(c2, 'second BLMPOP');
    await main('EXISTS b');
  });

  it('a key given twice is served once', async () => {
    const c = await connect();
    await block(c, 'BLPOP k k 0');
    await main('RPUSH k a b');
    await expectReply(c, 'served');
    await main('LRANGE k 0 -1');
  });
});

describe('ending a wait otherwise', () => {
  it('CLIENT UNBLOCK with the timeout reply or an error', async () => {
    const c = await connect();
    for (const how of ['', ' TIMEOUT', ' ERROR']) {
      const [idRedis, idRedlite] = await Promise.all([c.redis.command(['CLIENT', 'ID']), c.redlite.command(['CLIENT', 'ID'])]);
      await block(c, 'BLMOVE k d LEFT LEFT 0');
      const [a, b] = await Promise.all([
        t.redis.command(parseLine(`CLIENT UNBLOCK ${idRedis.value}${how}`)),
        t.redlite.command(parseLine(`CLIENT UNBLOCK ${idRedlite.value}${how}`)),
      ]);
      expect(b.raw).toBe(a.raw);
      await expectReply(c, `unblocked${how}`);
    }
  });

  it('a closed waiter is forgotten', async () => {
    const c = await connect();
    await block(c, 'BLPOP k 0');
    c.redis.close();
    c.redlite.close();
    await waitBlocked(0);
    await main('RPUSH k v');
    await main('LLEN k');
  });
});

describe('events and propagation', () => {
  it('a served waiter publishes its pop (and the del) after the push', async () => {
    const [c1, c2] = [await connect(), await connect()];
    await block(c1, 'BLPOP k 0', 1);
    await block(c2, 'BLMOVE m n LEFT RIGHT 0', 2);
    await t.run(['RPUSH k a', 'RPUSH m b c', 'RPUSH k x'], { events: 'KEA' });
    await expectReply(c1, 'BLPOP');
    await expectReply(c2, 'BLMOVE');
  });

  it('served commands propagate as the pops and moves they did', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      const [c1, c2, c3, c4] = [await connect(), await connect(), await connect(), await connect()];
      await block(c1, 'BLPOP k 0', 1);
      await block(c2, 'BLMOVE m n left RIGHT 0', 2);
      await block(c3, 'BRPOPLPUSH p q 0', 3);
      await block(c4, 'BLMPOP 0 1 r RIGHT COUNT 5', 4);
      await main('RPUSH k a b');
      await main('RPUSH m c');
      await main('RPUSH p d');
      await main('RPUSH r e f');
      for (const c of [c1, c2, c3, c4]) await expectReply(c, 'served');
      await main('RPUSH x 1 2');
      await main('BLPOP x 0');
      await main('BLMOVE x y LEFT right 0');
      await main('BLMPOP 0 1 y LEFT COUNT 3');
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});
