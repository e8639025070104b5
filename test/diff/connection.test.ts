/**
 * The connection group against a real redis-server: PING, ECHO, SELECT, QUIT,
 * HELLO, AUTH, RESET and every CLIENT subcommand we offer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, NORMALIZE } from './harness.js';
import type { RespConnection } from './connection.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

type Side = 'redis' | 'redlite';

/**
 * Runs the same scenario on each server (it may need per-server values such
 * as a client id) and expects both to produce the same transcript.
 */
async function sameOnBoth(scenario: (conn: RespConnection, side: Side) => Promise<string[]>): Promise<void> {
  const redis = await scenario(t.redis, 'redis');
  const redlite = await scenario(t.redlite, 'redlite');
  expect(redlite).toEqual(redis);
}

/** A command's reply on one connection, normalised as the harness does. */
async function reply(conn: RespConnection, argv: string[]): Promise<string> {
  const r = await conn.command(argv);
  const normalize = NORMALIZE[argv[0].toLowerCase()];
  return normalize ? JSON.stringify(normalize(r.value, argv)) : r.raw;
}

/** A second connection to each server, closed when the test is done. */
async function withPair(test: (pair: Record<Side, RespConnection>) => Promise<void>): Promise<void> {
  const pair = await t.connectPair();
  try {
    await test(pair);
  } finally {
    pair.redis.close();
    pair.redlite.close();
  }
}

async function clientId(conn: RespConnection): Promise<string> {
  return String((await conn.command(['CLIENT', 'ID'])).value);
}

/** The connection's address as the server sees it (CLIENT INFO addr=). */
async function addrOf(conn: RespConnection): Promise<string> {
  return /addr=(\S+)/.exec((await conn.command(['CLIENT', 'INFO'])).raw)![1];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PING, ECHO, SELECT', () => {
  it('answers as Redis does, errors included', async () => {
    await t.run([
      'PING',
      'PING hello',
      'PING a b',
      'ECHO "\\x00\\xffbinary"',
      'ECHO',
      'ECHO a b',
      'SELECT 1',
      'SET k v',
      'SELECT 0',
      'GET k',
      'SELECT 15',
      'SELECT 16',
      'SELECT -1',
      'SELECT abc',
      'SELECT 0',
    ]);
  });
});

describe('HELLO', () => {
  it('handshakes in RESP2 and RESP3, with options', async () => {
    await t.run([
      'HELLO',
      'HELLO 2',
      'HELLO 4',
      'HELLO 1',
      'HELLO abc',
      'HELLO 99999999999999999999',
      'HELLO 2 SETNAME conn-a',
      'CLIENT GETNAME',
      'HELLO 2 SETNAME "bad name"',
      'HELLO 2 SETNAME',
      'HELLO 2 FOO',
      'HELLO 2 AUTH default anything',
      'HELLO 2 AUTH nobody secret',
      'HELLO 2 AUTH default',
      'HELLO 2 SETNAME late BAD',
      'CLIENT GETNAME',
      'HELLO 3',
      'PING',
      'HGETALL nokey',
      'CLIENT TRACKINGINFO',
      'CONFIG GET maxmemory',
      'HELLO 3 SETNAME "x y"',
      'HELLO 2',
    ]);
  });
});

describe('AUTH', () => {
  it('refuses without a configured password', async () => {
    await t.run(['AUTH secret', 'AUTH default secret', 'AUTH nobody secret', 'AUTH a b c', 'AUTH']);
  });

  it('checks requirepass, and NOAUTH until authenticated', async () => {
    await t.run(['CONFIG SET requirepass s3cret']);
    try {
      await withPair((pair) =>
        sameOnBoth(async (_conn, side) => {
          const out: string[] = [];
          for (const line of [
            'PING',
            'GET k',
            'HELLO 3',
            'AUTH wrong',
            'AUTH default wrong',
            'AUTH nobody s3cret',
            'CLIENT SETNAME x',
            'AUTH s3cret',
            'PING',
            'RESET',
            'PING',
            'HELLO 2 AUTH default s3cret SETNAME authed',
            'CLIENT GETNAME',
          ]) {
            out.push(await reply(pair[side], line.split(' ')));
          }
          return out;
        }),
      );
    } finally {
      // The main connections authenticated before the password existed and stay so.
      await t.run(['CONFIG SET requirepass ""']);
    }
  });
});

describe('CLIENT', () => {
  it('names, ids and the simple subcommands', async () => {
    await t.run([
      'CLIENT ID',
      'CLIENT ID extra',
      'CLIENT GETNAME',
      'CLIENT SETNAME my-conn',
      'CLIENT GETNAME',
      'CLIENT SETNAME "with space"',
      'CLIENT SETNAME "nl\\n"',
      'CLIENT SETNAME "\\x7f"',
      'CLIENT SETNAME ""',
      'CLIENT GETNAME',
      'CLIENT SETNAME',
      'CLIENT NO-EVICT on',
      'CLIENT NO-EVICT OFF',
      'CLIENT NO-EVICT maybe',
      'CLIENT GETREDIR',
      'CLIENT TRACKINGINFO',
      'CLIENT CACHING yes',
      'CLIENT CACHING maybe',
      'CLIENT HELP',
      'CLIENT HELP extra',
      'CLIENT',
      'CLIENT FOO',
      'CLIENT UNBLOCK 1 2 3',
      'CLIENT UNBLOCK 1 maybe',
      'CLIENT UNBLOCK abc',
      'CLIENT UNBLOCK 99999',
      'CLIENT UNBLOCK 99999 ERROR',
    ]);
  });

  it('INFO and LIST describe connections field by field', () =>
    withPair(async (pair) => {
      await Promise.all([pair.redis.command(['SUBSCRIBE', 'news']), pair.redlite.command(['SUBSCRIBE', 'news'])]);
      await t.run([
        'CLIENT SETNAME lister',
        'SELECT 3',
        'CLIENT INFO',
        'CLIENT LIST',
        'CLIENT LIST TYPE normal',
        'CLIENT LIST TYPE pubsub',
        'CLIENT LIST TYPE replica',
        'CLIENT LIST TYPE master',
        'CLIENT LIST TYPE bogus',
        'CLIENT LIST TYPE normal extra',
        'CLIENT LIST ID',
        'CLIENT LIST ID abc',
        'CLIENT LIST ID 1 abc',
        'CLIENT LIST ID 99999',
        'CLIENT LIST FOO',
        'SELECT 0',
        'CLIENT SETNAME ""',
      ]);
      // A client in a transaction shows its flag and queued commands.
      await withPair(async (tx) => {
        for (const side of ['redis', 'redlite'] as const) {
          for (const line of ['WATCH w', 'MULTI', 'SET a 1', 'GET a']) await tx[side].command(line.split(' '));
        }
        await t.run(['SET w changed', 'CLIENT LIST']);
      });
      await sameOnBoth(async (conn) => {
        const id = await clientId(conn);
        return [await reply(conn, ['CLIENT', 'LIST', 'ID', id, '99999', id])];
      });
    }));

  it('REPLY OFF, ON and SKIP silence replies', async () => {
    await sameOnBoth(async (conn) => {
      for (const line of [
        'CLIENT REPLY OFF',
        'SET r 1',
        'CLIENT REPLY SKIP',
        'CLIENT REPLY ON',
        'CLIENT REPLY SKIP',
        'GET r',
        'ECHO after-skip',
        'CLIENT REPLY SKIP',
        'CLIENT REPLY ON',
        'CLIENT REPLY bogus',
      ]) {
        conn.write(line.split(' '));
      }
      const out: string[] = [];
      for (let i = 0; i < 4; i++) out.push((await conn.read()).raw);
      return out;
    });
  });

  it('KILL by address (old form) and by filters (new form)', async () => {
    await t.run([
      'CLIENT KILL 1.2.3.4:5',
      'CLIENT KILL ADDR 1.2.3.4:5',
      'CLIENT KILL LADDR 1.2.3.4:5 SKIPME no',
      'CLIENT KILL ID 0',
      'CLIENT KILL ID abc',
      'CLIENT KILL ID 99999',
      'CLIENT KILL TYPE bogus',
      'CLIENT KILL TYPE master',
      'CLIENT KILL USER nobody',
      'CLIENT KILL SKIPME maybe',
      'CLIENT KILL ID 1 SKIPME',
      'CLIENT KILL FOO bar',
      'CLIENT KILL a b c',
    ]);
    // Each victim is killed twice: the second time there is no such client.
    const killTwice = (victimArgs: (victim: RespConnection) => Promise<string[]>) =>
      withPair((victims) =>
        sameOnBoth(async (conn, side) => {
          const args = await victimArgs(victims[side]);
          const out = [await reply(conn, args)];
          await sleep(50);
          out.push(String(victims[side].isClosed), await reply(conn, args));
          return out;
        }),
      );
    await killTwice(async (victim) => ['CLIENT', 'KILL', 'ID', await clientId(victim)]);
    await killTwice(async (victim) => ['CLIENT', 'KILL', await addrOf(victim)]);
    await killTwice(async (victim) => ['CLIENT', 'KILL', 'ADDR', await addrOf(victim), 'USER', 'default']);
    await withPair(async (pubsub) => {
      await Promise.all([pubsub.redis.command(['SUBSCRIBE', 'c']), pubsub.redlite.command(['SUBSCRIBE', 'c'])]);
      await t.run(['CLIENT KILL TYPE pubsub', 'CLIENT KILL TYPE pubsub']);
    });
  });

  it('KILL with SKIPME no closes the caller after its reply', () =>
    withPair((pair) =>
      sameOnBoth(async (_conn, side) => {
        const self = pair[side];
        const out = [await reply(self, ['CLIENT', 'KILL', 'ID', await clientId(self), 'SKIPME', 'no'])];
        await sleep(50);
        out.push(String(self.isClosed));
        return out;
      }),
    ));

  it('UNBLOCK ends a blocked command with its timeout reply or an error', () =>
    withPair((pair) =>
      sameOnBoth(async (conn, side) => {
        const blocked = pair[side];
        const id = await clientId(blocked);
        const out: string[] = [];
        for (const reason of [[], ['ERROR'], ['TIMEOUT']]) {
          blocked.write(['XREAD', 'BLOCK', '0', 'STREAMS', 'nostream', '$']);
          await sleep(50);
          out.push(await reply(conn, ['CLIENT', 'UNBLOCK', id, ...reason]));
          out.push((await blocked.read()).raw);
        }
        out.push(await reply(conn, ['CLIENT', 'UNBLOCK', id]));
        return out;
      }),
    ));
});

describe('RESET', () => {
  it('returns the connection to its initial state', async () => {
    await t.run([
      'SELECT 2',
      'CLIENT SETNAME before-reset',
      'CLIENT NO-EVICT on',
      'HELLO 3',
      'WATCH w',
      'MULTI',
      'SET x 1',
      'RESET',
      'CLIENT GETNAME',
      'SET y 1',
      'SELECT 0',
      'GET y',
      'SELECT 2',
      'GET y',
      'EXEC',
      'HGETALL nokey',
      'CLIENT INFO',
      'RESET extra',
      'SELECT 0',
    ]);
  });

  it('leaves subscribed mode', () =>
    withPair((pair) =>
      sameOnBoth(async (_conn, side) => {
        const c = pair[side];
        const out = [await reply(c, ['SUBSCRIBE', 'a', 'b']), (await c.read()).raw];
        for (const line of ['GET k', 'RESET', 'GET k', 'CLIENT INFO']) out.push(await reply(c, line.split(' ')));
        return out;
      }),
    ));
});

describe('QUIT', () => {
  it('answers OK and closes, even inside MULTI', () =>
    withPair((pair) =>
      sameOnBoth(async (_conn, side) => {
        const c = pair[side];
        const out = [await reply(c, ['MULTI']), await reply(c, ['QUIT', 'extra', 'args'])];
        await sleep(50);
        out.push(String(c.isClosed));
        return out;
      }),
    ));
});

describe('fuzz', () => {
  it('random connection commands agree', async () => {
    const names = ['a', 'bb', '', 'bad name', 'x-1'];
    await t.fuzz({
      seed: 7,
      sequences: 30,
      length: 12,
      gen: (rng) =>
        rng.pick([
          () => ['SELECT', String(rng.int(-1, 17))],
          () => ['ECHO', rng.pick(names)],
          () => (rng.chance(0.5) ? ['PING'] : ['PING', rng.pick(names)]),
          () => ['CLIENT', 'SETNAME', rng.pick(names)],
          () => ['CLIENT', 'GETNAME'],
          () => ['CLIENT', 'NO-EVICT', rng.pick(['on', 'off', 'x'])],
          () => ['HELLO', String(rng.int(1, 4)), ...(rng.chance(0.5) ? ['SETNAME', rng.pick(names)] : [])],
          () => ['SET', rng.pick(['k1', 'k2']), rng.pick(names)],
          () => ['GET', rng.pick(['k1', 'k2'])],
          () => ['DBSIZE'],
          () => ['RESET'],
        ])(),
    });
  });
});
