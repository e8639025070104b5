/**
 * The keyspace (generic) commands against a real redis-server: deleting,
 * renaming, copying, moving, listing, scanning, OBJECT, expiry; what they
 * propagate; and a seeded fuzz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, type Rng } from './harness.js';
import type { RespConnection } from './connection.js';
import { captureEvents } from './events.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});

/** Far-future absolute times (seconds, ms): expiry replies on them are deterministic. */
const AT = '4102444800';
const PAT = '4102444800123';

describe('DEL, UNLINK, EXISTS, TYPE, TOUCH', () => {
  it('DEL and UNLINK', () =>
    t.run([
      'MSET a 1 b 2 c 3',
      'DEL a',
      'DEL a',
      'DEL b c missing b',
      'MSET a 1 b 2',
      'UNLINK a b a missing',
      'EXISTS a b',
      'RPUSH l x',
      'DEL l',
      'SET e v PXAT 1',
      'DEL e',
      'SET "\\x00" v',
      'DEL "\\x00"',
      'DEL',
      'UNLINK',
    ]));

  it('EXISTS counts every argument', () =>
    t.run(['MSET a 1 b 2', 'EXISTS a', 'EXISTS a a a', 'EXISTS a b missing', 'SET e v PXAT 1', 'EXISTS e', 'EXISTS']));

  it('TYPE', () =>
    t.run(['SET s v', 'RPUSH l x', 'TYPE s', 'TYPE l', 'TYPE missing', 'SET e v PXAT 1', 'TYPE e', 'TYPE', 'TYPE a b']));

  it('TOUCH', () => t.run(['MSET a 1 b 2', 'TOUCH a', 'TOUCH a b missing a', 'SET e v PXAT 1', 'TOUCH e', 'TOUCH']));
});

describe('RENAME and RENAMENX', () => {
  it('moves the value and its expiry', () =>
    t.run([
      'SET a 1',
      'RENAME a b',
      'GET a',
      'GET b',
      `PEXPIREAT b ${PAT}`,
      'RENAME b c',
      'PEXPIRETIME c',
      'SET d plain EX 100',
      'RENAME c d',
      'PEXPIRETIME d',
      'SET e 5',
      'RENAME e d',
      'TTL d',
      'GET d',
      'RPUSH l x',
      'RENAME l s',
      'TYPE s',
      'SET "\\x00\\xff" bin',
      'RENAME "\\x00\\xff" "\\xff"',
      'GET "\\xff"',
      'SET i 12',
      'RENAME i j',
      'OBJECT ENCODING j',
      'APPEND r x',
      'APPEND r 1',
      'RENAME r r2',
      'OBJECT ENCODING r2',
    ]));

  it('same key, missing key', () =>
    t.run([
      'RENAME missing x',
      'RENAMENX missing x',
      'RENAME missing missing',
      'RENAMENX missing missing',
      'SET a 1',
      'RENAME a a',
      'RENAMENX a a',
      'GET a',
      'SET e v PXAT 1',
      'RENAME e f',
      'EXISTS f',
    ]));

  it('RENAMENX', () =>
    t.run([
      'MSET a 1 b 2',
      'RENAMENX a b',
      'MGET a b',
      'RENAMENX a c',
      'MGET a c',
      'SET e v PXAT 1',
      'RENAMENX c e',
      'GET e',
      'RENAME a',
      'RENAMENX a b c',
    ]));
});

describe('COPY', () => {
  it('copies values and expiry', () =>
    t.run([
      'SET a hello',
      'COPY a b',
      'GET b',
      'COPY a b',
      'COPY a b REPLACE',
      `PEXPIREAT a ${PAT}`,
      'COPY a c',
      'PEXPIRETIME c',
      'SET b other EX 100',
      'COPY c b REPLACE',
      'PEXPIRETIME b',
      'COPY missing x',
      'EXISTS x',
      'SET i 123',
      'COPY i j',
      'OBJECT ENCODING j',
      'APPEND r x',
      'COPY r r2',
      'OBJECT ENCODING r2',
      'SET e v PXAT 1',
      'COPY e e2',
      'EXISTS e2',
    ]));

  it('deep-copies collections', () =>
    t.run(['RPUSH l a b', 'COPY l m', 'RPUSH m c', 'LRANGE l 0 -1', 'LRANGE m 0 -1', 'TYPE m', 'COPY l s', 'SET s v', 'COPY s l REPLACE', 'TYPE l']));

  it('between databases', () =>
    t.run([
      'SET a 1',
      'COPY a a DB 1',
      'COPY a a DB 1',
      'COPY a b db 1 replace',
      'SELECT 1',
      'MGET a b',
      'SET a other',
      'SELECT 0',
      'COPY a a DB 1 REPLACE',
      'SELECT 1',
      'GET a',
      'COPY a a DB 0',
      'COPY a a DB 0 REPLACE',
      'SELECT 0',
      'GET a',
      'COPY a z REPLACE REPLACE DB 2 DB 15',
      'SELECT 15',
      'GET z',
      'SELECT 0',
    ]));

  it('errors', () =>
    t.run([
      'SET a 1',
      'COPY a a',
      'COPY a a DB 0',
      'COPY a b DB 16',
      'COPY a b DB -1',
      'COPY a b DB x',
      'COPY a b DB 2147483648',
      'COPY a b DB 99999999999',
      'COPY a b DB',
      'COPY a b FOO',
      'COPY a b REPLACE FOO',
      'COPY missing missing',
      'COPY missing b DB 99',
      'COPY a',
    ]));
});

describe('MOVE', () => {
  it('moves keys between databases', () =>
    t.run([
      'SET a 1',
      `PEXPIREAT a ${PAT}`,
      'MOVE a 1',
      'EXISTS a',
      'SELECT 1',
      'GET a',
      'PEXPIRETIME a',
      'SET b db1',
      'SELECT 0',
      'SET b db0',
      'MOVE b 1',
      'GET b',
      'MOVE missing 1',
      'RPUSH l x',
      'MOVE l 15',
      'SELECT 15',
      'TYPE l',
      'SELECT 0',
      'SET e v PXAT 1',
      'MOVE e 2',
      'SELECT 2',
      'EXISTS e',
      'SELECT 0',
    ]));

  it('errors', () =>
    t.run([
      'SET a 1',
      'MOVE a 0',
      'MOVE a 16',
      'MOVE a -1',
      'MOVE a x',
      'MOVE a 2147483648',
      'MOVE a 1.0',
      'MOVE missing 0',
      'MOVE missing 16',
      'MOVE a',
      'MOVE a 1 2',
    ]));
});

describe('KEYS', () => {
  it('glob patterns', () =>
    t.run([
      'MSET hello 1 hallo 2 hxllo 3 hllo 4 heeeello 5 "h*llo" 6 "" 7 "\\x00\\xff" 8 a 9 ab 10 "[x]" 11',
      ...['*', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[a-b]llo', 'h\\*llo', '?', '', 'a*', '*b', '[', '[x]', '\\[x\\]',
        '"\\x00*"', '"*\\xff"', 'H*', 'h[a-]llo', '**', '*?*', 'x*'].map((p) => `KEYS ${p.startsWith('"') ? p : JSON.stringify(p)}`),
      'SET e v PXAT 1',
      'KEYS e',
      'KEYS *',
      'KEYS',
      'KEYS a b',
    ]));

  it('in an empty database', () => t.run(['KEYS *', 'SELECT 3', 'SET k v', 'KEYS *', 'SELECT 0', 'KEYS *']));
});

/** Every key a full SCAN returns (sorted), iterating until the cursor comes back to 0. */
async function scanAll(conn: RespConnection, options: string[]): Promise<string[]> {
  const seen = new Set<string>();
  let cursor = '0';
  for (let steps = 0; steps < 100_000; steps++) {
    const reply = (await conn.command(['SCAN', cursor, ...options])).value as [string, string[]];
    for (const key of reply[1]) seen.add(key);
    cursor = reply[0];
    if (cursor === '0') return [...seen].sort();
  }
  throw new Error('SCAN did not finish');
}

describe('SCAN', () => {
  it('a full iteration returns every key, with MATCH, COUNT and TYPE', async () => {
    const mset = ['MSET'];
    for (let i = 0; i < 700; i++) mset.push(`key:${i}`, String(i));
    await t.run([mset, 'RPUSH list:1 a', 'RPUSH list:2 a', 'SET "\\x00bin\\xff" v', 'SET gone v PXAT 1', 'SELECT 0']);
    for (const options of [[], ['COUNT', '1'], ['COUNT', '1000'], ['MATCH', 'key:1*'], ['MATCH', 'list:*', 'COUNT', '3'],
      ['TYPE', 'list'], ['TYPE', 'STRING', 'MATCH', '*:5?'], ['TYPE', 'hash'], ['MATCH', 'nothing*'], ['MATCH', '*']]) {
      const [redis, redlite] = await Promise.all([scanAll(t.redis, options), scanAll(t.redlite, options)]);
      expect(redlite, `SCAN ${options.join(' ')}`).toEqual(redis);
    }
    await t.run(['KEYS gone']);
  });

  it('small databases and empty ones', async () => {
    for (const setup of [[], ['SET a 1'], ['MSET a 1 b 2 c 3', 'SELECT 2', 'SET other 1', 'SELECT 0']]) {
      await t.run(setup);
      const [redis, redlite] = await Promise.all([scanAll(t.redis, []), scanAll(t.redlite, [])]);
      expect(redlite).toEqual(redis);
    }
  });

  it('expired keys are left out and deleted', async () => {
    await t.run(['MSET a 1 b 2', 'SET e1 v PXAT 1', 'SET e2 v PXAT 1']);
    const [redis, redlite] = await Promise.all([scanAll(t.redis, ['COUNT', '100']), scanAll(t.redlite, ['COUNT', '100'])]);
    expect(redlite).toEqual(redis);
  });

  it('errors', () =>
    t.run([
      'SCAN abc',
      'SCAN " 0"',
      'SCAN "0 "',
      'SCAN 1.5',
      'SCAN 18446744073709551616',
      'SCAN 99999999999999999999999',
      'SCAN -',
      'SCAN +',
      'SCAN 0x10',
      'SCAN 0 COUNT 0',
      'SCAN 0 COUNT -1',
      'SCAN 0 COUNT abc',
      'SCAN 0 COUNT',
      'SCAN 0 MATCH',
      'SCAN 0 TYPE',
      'SCAN 0 FOO bar',
      'SCAN 0 COUNT 10 FOO',
      'SCAN abc COUNT 0',
      'SCAN 0 COUNT 0 FOO',
      'SCAN',
    ]));

  it('cursors Redis reads as numbers', () =>
    t.run(['SCAN ""', 'SCAN 0', 'SCAN 00', 'SCAN +0', 'SCAN -0', 'SCAN 0 COUNT 5 MATCH x* TYPE string count 7']));
});

describe('RANDOMKEY', () => {
  it('a key, or nil', () =>
    t.run([
      'RANDOMKEY',
      'SET a 1',
      'RANDOMKEY',
      'MSET b 1 c 2',
      'RANDOMKEY',
      'FLUSHALL',
      'SET e1 v PXAT 1',
      'SET e2 v PXAT 1',
      'RANDOMKEY',
      'KEYS *',
      'RANDOMKEY x',
    ]));
});

describe('OBJECT', () => {
  it('ENCODING, REFCOUNT, IDLETIME', () =>
    t.run([
      'SET i 100',
      'SET s hello',
      'RPUSH l x',
      'OBJECT ENCODING i',
      'OBJECT ENCODING s',
      'OBJECT ENCODING l',
      'OBJECT ENCODING missing',
      'OBJECT REFCOUNT i',
      'OBJECT REFCOUNT s',
      'OBJECT REFCOUNT l',
      'OBJECT REFCOUNT missing',
      'OBJECT IDLETIME s',
      'OBJECT IDLETIME missing',
      'object encoding s',
      'SET e v PXAT 1',
      'OBJECT ENCODING e',
    ]));

  it('FREQ outside an LFU policy, HELP and errors', () =>
    t.run([
      'SET s v',
      'OBJECT FREQ s',
      'OBJECT FREQ missing',
      'OBJECT HELP',
      'object help',
      'OBJECT',
      'OBJECT FOO',
      'OBJECT FOO s',
      'OBJECT ENCODING',
      'OBJECT ENCODING s x',
      'OBJECT HELP x',
      'OBJECT FREQ',
    ]));
});

describe('OBJECT under an LFU policy', () => {
  it('FREQ of a fresh key, and IDLETIME refused', async () => {
    try {
      await t.run([
        'CONFIG SET maxmemory-policy allkeys-lfu',
        'SET k hello',
        'OBJECT FREQ k',
        'OBJECT FREQ missing',
        'OBJECT IDLETIME k',
        'OBJECT IDLETIME missing',
        'CONFIG SET maxmemory-policy volatile-lfu',
        'OBJECT IDLETIME k',
      ]);
    } finally {
      await t.both(['CONFIG', 'SET', 'maxmemory-policy', 'noeviction']);
    }
  });
});

describe('EXPIRE family', () => {
  it('sets expiry, relative and absolute', () =>
    t.run([
      'SET k v',
      'EXPIRE k 100',
      'TTL k',
      'PEXPIRE k 200000',
      'TTL k',
      'PTTL k',
      `EXPIREAT k ${AT}`,
      'EXPIRETIME k',
      'PEXPIRETIME k',
      `PEXPIREAT k ${PAT}`,
      'PEXPIRETIME k',
      'EXPIRETIME k',
      'TTL missing',
      'PTTL missing',
      'EXPIRETIME missing',
      'PEXPIRETIME missing',
      'SET p v',
      'TTL p',
      'PTTL p',
      'EXPIRETIME p',
      'PEXPIRETIME p',
      'EXPIRE missing 100',
      'PEXPIREAT missing 1',
    ]));

  it('a time in the past deletes the key', () =>
    t.run([
      'SET a v',
      'EXPIRE a 0',
      'EXISTS a',
      'SET a v',
      'EXPIRE a -100',
      'EXISTS a',
      'SET a v',
      'PEXPIRE a -1',
      'EXISTS a',
      'SET a v',
      'EXPIREAT a 1',
      'EXISTS a',
      'SET a v',
      'PEXPIREAT a 0',
      'EXISTS a',
      'SET a v',
      'EXPIRE a -9223372036854775',
      'EXISTS a',
      'SET a v',
      'PEXPIREAT a -9223372036854775808',
      'EXISTS a',
    ]));

  it('NX, XX, GT, LT', () => {
    // Equal times are neither greater nor less: an absolute time makes the tie exact,
    // however many milliseconds pass between the commands.
    const at = Date.now() + 150_000;
    return t.run([
      'SET k v',
      'EXPIRE k 100 XX',
      'EXPIRE k 100 GT',
      'TTL k',
      'EXPIRE k 100 LT',
      'TTL k',
      'EXPIRE k 200 NX',
      'TTL k',
      'EXPIRE k 300 GT',
      'TTL k',
      `PEXPIREAT k ${at} LT`,
      'TTL k',
      'EXPIRE k 400 LT',
      'EXPIRE k 50 GT',
      `PEXPIREAT k ${at} GT`,
      `PEXPIREAT k ${at} LT`,
      'EXPIRE k 60 XX',
      'TTL k',
      'EXPIRE k 70 XX GT',
      'EXPIRE k 65 xx lt',
      'TTL k',
      'EXPIRE k -1 LT',
      'EXISTS k',
      'SET k v',
      'EXPIRE k -1 GT',
      'EXISTS k',
      'EXPIRE k -1 LT',
      'EXISTS k',
      'SET k v',
      'EXPIRE k 100 GT LT',
      'EXPIRE k 100 NX XX',
      'EXPIRE k 100 NX GT',
      'EXPIRE k 100 NX LT',
      'EXPIRE k 100 XX NX',
      'EXPIRE k 100 LT GT',
      'EXPIRE k 100 NX NX',
      'TTL k',
      'EXPIRE k 100 FOO',
      'EXPIRE k 100 "NX\\x00FOO"',
      'EXPIRE k 100 "FOO\\x00BAR"',
      'EXPIRE k 100 NX FOO',
      'EXPIRE k 100 FOO NX XX',
      'EXPIRE k abc FOO',
      'PEXPIRE k 100 nx xx gt lt',
    ]);
  });

  it('invalid times', () =>
    t.run([
      'SET k v',
      'EXPIRE k abc',
      'EXPIRE k 1.5',
      'EXPIRE k ""',
      'EXPIRE k 9223372036854775808',
      'EXPIRE missing abc',
      'EXPIRE missing 9223372036854776',
      'EXPIRE k 9223372036854776',
      'EXPIRE k -9223372036854776',
      'EXPIRE k 9223372036854775',
      'EXPIREAT k 9223372036854776',
      'PEXPIRE k 9223372036854775807',
      'PEXPIRE k 9223372036854000000',
      'TTL k',
      'EXPIREAT k 9223372036854775',
      'PEXPIREAT k 9223372036854775807',
      'EXISTS k',
      'EXPIRE k',
      'PEXPIREAT',
    ]));

  it('PERSIST', () =>
    t.run([
      'SET k v EX 100',
      'PERSIST k',
      'TTL k',
      'PERSIST k',
      'PERSIST missing',
      'SET e v PXAT 1',
      'PERSIST e',
      'EXISTS e',
      'PERSIST',
      'PERSIST a b',
    ]));

  it('expiry survives what keeps the value and goes with what replaces it', () =>
    t.run([
      `SET k 1 PXAT ${PAT}`,
      'INCR k',
      'APPEND k 0',
      'SETRANGE k 0 5',
      'INCRBYFLOAT k 1',
      'GETEX k',
      'PEXPIRETIME k',
      'SET k 2',
      'PEXPIRETIME k',
      `PEXPIREAT k ${PAT}`,
      'GETSET k 3',
      'PEXPIRETIME k',
    ]));
});

describe('RESP3', () => {
  it('replies in their RESP3 shapes', async () => {
    try {
      await t.run([
        'HELLO 3',
        'SET k v',
        'TYPE k',
        'TYPE missing',
        'SCAN 0',
        'KEYS *',
        'OBJECT HELP',
        'OBJECT ENCODING missing',
        'RANDOMKEY',
        'DEL k',
        'RANDOMKEY',
        'SCAN 0',
        'RENAME k x',
      ]);
    } finally {
      await t.both(['HELLO', '2']);
    }
  });
});

describe('databases', () => {
  it('sixteen of them, each its own keyspace', () =>
    t.run([
      ...Array.from({ length: 16 }, (_, i) => [`SELECT ${i}`, `SET k db${i}`, `EXPIREAT k ${Number(AT) + i}`]).flat(),
      'SELECT 16',
      'SELECT -1',
      ...Array.from({ length: 16 }, (_, i) => [`SELECT ${15 - i}`, 'GET k', 'EXPIRETIME k', 'KEYS *']).flat(),
      'SELECT 0',
    ]));
});

describe('propagation', () => {
  it('is what Redis sends its replicas', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'MSET a 1 b 2 c 3 d 4',
        'EXPIRE a 100',
        'PEXPIRE a 200000 GT',
        `EXPIREAT a ${AT}`,
        `PEXPIREAT a ${PAT}`,
        'pexpireat a 4102444800124 gt',
        'EXPIRE a 100 NX',
        'EXPIRE a -1',
        'EXPIRE b 0',
        'PEXPIREAT c 1',
        'EXPIRE missing 100',
        'PERSIST d',
        'EXPIRE d 100',
        'PERSIST d',
        'SET e v PXAT 1',
        'EXISTS e',
        'MSET f 1 g 2',
        'DEL f missing',
        'UNLINK g',
        'SET h 1',
        'RENAME h i',
        'RENAMENX i j',
        'COPY j k',
        'COPY j k DB 2 REPLACE',
        'MOVE k 3',
        'TOUCH j',
        'SET x v PXAT 1',
        'TTL x',
        'SELECT 5',
        'SET y v',
        'EXPIRE y 100',
        'SELECT 0',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

describe('keyspace notifications', () => {
  it('generic events', async () => {
    const { redis, redlite } = await captureEvents(t, 'KEA', [
      'MSET a 1 b 2 c 3 d 4 e 5',
      'DEL a missing',
      'UNLINK b',
      'RENAME c c2',
      'SET c3 v',
      'RENAME c2 c3',
      'RENAMENX c3 d',
      'RENAMENX c3 c4',
      'COPY d d2',
      'COPY d d2 REPLACE',
      'COPY d d2 DB 3',
      'MOVE d2 4',
      'MOVE d 0',
      'EXPIRE e 100',
      'PEXPIRE e 200000 GT',
      `EXPIREAT e ${AT} NX`,
      'PERSIST e',
      'PERSIST e',
      'EXPIRE e -1',
      'SET x v',
      'PEXPIREAT x 1',
      'SET y v PXAT 1',
      'EXISTS y',
      'SET z v PXAT 1',
      'TTL z',
      'TOUCH missing',
      'TYPE missing',
    ]);
    expect(redlite).toEqual(redis);
  });

  it('key misses, and none from OBJECT', async () => {
    const { redis, redlite } = await captureEvents(t, 'KEm', [
      'EXISTS a b',
      'TYPE a',
      'TTL a',
      'PTTL a',
      'EXPIRETIME a',
      'TOUCH a',
      'OBJECT ENCODING a',
      'OBJECT IDLETIME a',
      'COPY a b',
      'RENAME a b',
      'MOVE a 1',
      'EXPIRE a 10',
      'PERSIST a',
      'DEL a',
    ]);
    expect(redlite).toEqual(redis);
  });
});

// ——— Fuzz ———

const KEYS = ['k1', 'k2', 'k3', 'list'];
const TIMES = ['0', '-1', 'abc', '9223372036854775807'];
/**
 * A relative time, mostly a fresh positive one: GT / LT compare with the key's
 * current expiry, and two equal relative times tie only if no millisecond
 * passed between the commands — on either server. Whole seconds, so that TTL
 * and PTTL (compared in seconds) never sit on a rounding boundary.
 */
const relativeTime = (rng: Rng) => (rng.chance(0.7) ? String(rng.int(1, 100_000) * 1000) : rng.pick(TIMES));

function keyspaceCommand(rng: Rng): string[] {
  const k = rng.pick(KEYS);
  const k2 = rng.pick(KEYS);
  switch (rng.int(0, 26)) {
    case 0: return ['SET', k, rng.pick(['1', 'v', '12345678901234567890', 'x'.repeat(50)])];
    case 1: return ['RPUSH', 'list', 'x'];
    case 2: return ['DEL', k, k2];
    case 3: return ['UNLINK', k];
    case 4: return ['EXISTS', k, k2, k];
    case 5: return ['TYPE', k];
    case 6: return ['RENAME', k, k2];
    case 7: return ['RENAMENX', k, k2];
    case 8: return ['COPY', k, k2, ...rng.pick([[], ['REPLACE'], ['DB', '1'], ['DB', '1', 'REPLACE'], ['DB', '16']])];
    case 9: return ['MOVE', k, rng.pick(['0', '1', '2'])];
    case 10: return ['SELECT', rng.pick(['0', '1'])];
    case 11: return [rng.pick(['EXPIRE', 'PEXPIRE']), k, relativeTime(rng), ...rng.pick([[], ['NX'], ['XX'], ['GT'], ['LT'], ['NX', 'GT']])];
    case 12: return [rng.pick(['EXPIREAT', 'PEXPIREAT']), k, rng.pick([AT, PAT, '1', '0', '-5']), ...rng.pick([[], ['GT'], ['LT']])];
    case 13: return ['TTL', k];
    case 14: return ['PTTL', k];
    case 15: return ['EXPIRETIME', k];
    case 16: return ['PEXPIRETIME', k];
    case 17: return ['PERSIST', k];
    case 18: return ['TOUCH', k, k2];
    case 19: return ['KEYS', rng.pick(['*', 'k*', '?2', '[kl]*'])];
    case 20: return ['OBJECT', rng.pick(['ENCODING', 'REFCOUNT']), k];
    case 21: return ['GET', k];
    case 22: return ['APPEND', k, 'z'];
    case 23: return ['INCR', k];
    case 24: return ['SET', k, 'v', 'PXAT', '1'];
    case 25: return ['RANDOMKEY'];
    default: return ['GETEX', k, ...rng.pick([['PERSIST'], ['EX', '100'], ['EXAT', AT]])];
  }
}

describe('fuzz', () => {
  it('random keyspace commands', () => t.fuzz({ seed: 11, sequences: 300, length: 30, gen: keyspaceCommand }));
});

