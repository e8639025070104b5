/**
 * The string commands against a real redis-server: every command, option and
 * error, binary and edge values, what writes propagate, and a seeded fuzz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, type Rng } from './harness.js';
import { captureEvents } from './events.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});

/** A far-future absolute time in seconds, and in ms: TTL replies on it are deterministic. */
const AT = '4102444800';
const PAT = '4102444800123';
const LONG = 'x'.repeat(45);

describe('SET', () => {
  it('sets, overwrites and reads back', () =>
    t.run([
      'SET k v',
      'GET k',
      'SET k ""',
      'GET k',
      'STRLEN k',
      'SET "\\x00\\xff" "\\x00a\\xffb\\r\\n"',
      'GET "\\x00\\xff"',
      'SET "" empty-key',
      'GET ""',
      'set K lower',
      'GET K',
      'GET k',
    ]));

  it('NX, XX and GET', () =>
    t.run([
      'SET k v NX',
      'SET k v2 NX',
      'GET k',
      'SET k v3 XX',
      'GET k',
      'SET missing v XX',
      'EXISTS missing',
      'SET k v4 GET',
      'SET k v5 NX GET',
      'GET k',
      'SET k v6 XX GET',
      'SET n1 v NX GET',
      'GET n1',
      'SET n2 v XX GET',
      'EXISTS n2',
      'SET k v7 GET GET',
      'set k v8 nX',
      'SET k v9 xx gEt',
    ]));

  it('expiry options', () =>
    t.run([
      'SET k v EX 100',
      'TTL k',
      'SET k v PX 100000',
      'TTL k',
      `SET k v EXAT ${AT}`,
      'EXPIRETIME k',
      'PEXPIRETIME k',
      `SET k v PXAT ${PAT}`,
      'PEXPIRETIME k',
      'SET k v2 KEEPTTL',
      'PEXPIRETIME k',
      'SET k v3 XX KEEPTTL GET',
      'PEXPIRETIME k',
      'SET k v4',
      'TTL k',
      'SET k v EX 10 EX 20',
      'TTL k',
      'SET k v ex 30 get',
      'TTL k',
      'SET k v NX EX 10',
      'TTL k',
      'SET k v xx px 50000',
      'TTL k',
    ]));

  it('a time already past sets a key that is gone at once', () =>
    t.run(['SET k v EXAT 1', 'GET k', 'EXISTS k', 'SET k v PXAT 1 GET', 'SET k v2 NX', 'GET k', 'TTL k']));

  it('KEEPTTL on an expired key does not revive its expiry', () =>
    t.run(['SET k v PXAT 1', 'SET k v2 KEEPTTL', 'TTL k', 'GET k']));

  it('syntax errors', () =>
    t.run([
      'SET k v NX XX',
      'SET k v XX NX',
      'SET k v EX',
      'SET k v EX 10 PX 10',
      'SET k v PX 10 EXAT 10',
      'SET k v EXAT 10 PXAT 10',
      'SET k v PXAT 10 EX 10',
      'SET k v EX 10 KEEPTTL',
      'SET k v KEEPTTL EX 10',
      'SET k v KEEPTTL PXAT 10',
      'SET k v PERSIST',
      'SET k v FOO',
      'SET k v NX FOO',
      'SET k v "NX\\x00"',
      'SET k v "\\x00"',
      'SET k v EX 10 GET FOO',
      'EXISTS k',
    ]));

  it('invalid expire times', () =>
    t.run([
      'SET k v EX 0',
      'SET k v EX -1',
      'SET k v PX 0',
      'SET k v EXAT 0',
      'SET k v PXAT -5',
      'SET k v EX abc',
      'SET k v EX 1.5',
      'SET k v EX " 10"',
      'SET k v EX 9223372036854775808',
      'SET k v PX 9223372036854775807',
      'SET k v EX 9223372036854775',
      'SET k v EX 9223372036854776',
      'SET k v EXAT 9223372036854776',
      'SET k v EX 100000000000000',
      'SET k v EXAT 9223372036854775',
      'SET k v PXAT 9223372036854775807',
      'GET k',
      'EXISTS k',
    ]));

  it('errors come before GET, and GET before setting', () =>
    t.run([
      'RPUSH l a',
      'SET l v GET EX -1',
      'SET l v GET EX abc',
      'SET l v GET',
      'TYPE l',
      'SET l v NX GET',
      'SET l v',
      'TYPE l',
      'GET l',
    ]));

  it('arity', () => t.run(['SET', 'SET k', 'SETNX k', 'SETNX k v x', 'SETEX k 10', 'PSETEX k 10', 'GET', 'GET k x']));
});

describe('SETNX, SETEX, PSETEX', () => {
  it('SETNX', () => t.run(['SETNX k v', 'SETNX k v2', 'GET k', 'RPUSH l a', 'SETNX l v', 'TYPE l', 'SET e v PXAT 1', 'SETNX e v2', 'GET e']));

  it('SETEX and PSETEX', () =>
    t.run([
      'SETEX k 100 v',
      'TTL k',
      'GET k',
      'PSETEX k 100000 v2',
      'TTL k',
      'GET k',
      'SETEX k 0 v',
      'SETEX k -1 v',
      'SETEX k abc v',
      'PSETEX k 0 v',
      'PSETEX k -5 v',
      'SETEX k 9223372036854776 v',
      'PSETEX k 9223372036854775807 v',
      'GET k',
      'RPUSH l a',
      'SETEX l 100 v',
      'TYPE l',
      'TTL l',
      'SETEX binary 100 "\\x00\\xff"',
      'GET binary',
    ]));
});

describe('GET family', () => {
  it('GET', () => t.run(['GET missing', 'RPUSH l a', 'GET l', 'SET n 12', 'GET n', 'SET big 123456789012345678901234567890', 'GET big']));

  it('GETSET', () =>
    t.run([
      'GETSET k v',
      'GET k',
      'GETSET k v2',
      'SET k v3 EX 100',
      'GETSET k v4',
      'TTL k',
      'GET k',
      'RPUSH l a',
      'GETSET l v',
      'TYPE l',
      'GETSET',
      'GETSET k',
    ]));

  it('GETDEL', () => t.run(['GETDEL k', 'SET k v', 'GETDEL k', 'EXISTS k', 'RPUSH l a', 'GETDEL l', 'TYPE l', 'GETDEL', 'GETDEL a b']));

  it('GETEX', () =>
    t.run([
      'GETEX missing',
      'GETEX missing EX 0',
      'GETEX missing FOO',
      'SET k v',
      'GETEX k',
      'TTL k',
      'GETEX k EX 100',
      'TTL k',
      'GETEX k PX 200000',
      'TTL k',
      `GETEX k EXAT ${AT}`,
      'PEXPIRETIME k',
      `GETEX k PXAT ${PAT}`,
      'PEXPIRETIME k',
      'GETEX k PERSIST',
      'TTL k',
      'GETEX k PERSIST',
      'GETEX k ex 100 ex 200',
      'TTL k',
      'GETEX k EXAT 1',
      'EXISTS k',
      'SET k v',
      'GETEX k PXAT 1',
      'EXISTS k',
    ]));

  it('GETEX errors', () =>
    t.run([
      'SET k v',
      'GETEX k EX 0',
      'GETEX k EX -1',
      'GETEX k PX abc',
      'GETEX k EXAT 0',
      'GETEX k EX 9223372036854776',
      'GETEX k NX',
      'GETEX k XX',
      'GETEX k GET',
      'GETEX k KEEPTTL',
      'GETEX k EX',
      'GETEX k EX 10 PX 10',
      'GETEX k PERSIST EX 10',
      'GETEX k EX 10 PERSIST',
      'GETEX k PERSIST PERSIST',
      'TTL k',
      'RPUSH l a',
      'GETEX l',
      'GETEX l EX 0',
      'GETEX l FOO',
      'GETEX',
    ]));
});

describe('MSET, MSETNX, MGET', () => {
  it('MSET and MGET', () =>
    t.run([
      'MSET a 1 b 2 "\\x00" "\\xff"',
      'MGET a b "\\x00" missing',
      'MSET a 1 a 2',
      'GET a',
      'SET t v EX 100',
      'MSET t w',
      'TTL t',
      'RPUSH l x',
      'MGET a l b',
      'MSET l v',
      'TYPE l',
      'MSET a',
      'MSET a 1 b',
      'MGET',
    ]));

  it('MSETNX', () =>
    t.run([
      'MSETNX a 1 b 2',
      'MGET a b',
      'MSETNX b 3 c 4',
      'MGET a b c',
      'MSETNX c 1 c 2',
      'GET c',
      'RPUSH l x',
      'MSETNX l 1 d 2',
      'EXISTS d',
      'SET e v PXAT 1',
      'MSETNX e 1',
      'GET e',
      'MSETNX a 1 b',
    ]));
});

describe('APPEND and STRLEN', () => {
  it('APPEND', () =>
    t.run([
      'APPEND k hello',
      'APPEND k " world"',
      'GET k',
      'APPEND k ""',
      'APPEND e ""',
      'EXISTS e',
      'APPEND b "\\x00\\xff"',
      'APPEND b "\\x00"',
      'GET b',
      'SET t v EX 100',
      'APPEND t w',
      'TTL t',
      'RPUSH l a',
      'APPEND l x',
      'APPEND',
      'APPEND k',
    ]));

  it('STRLEN', () =>
    t.run(['STRLEN missing', 'SET k hello', 'STRLEN k', 'SET n -12345', 'STRLEN n', 'SET z ""', 'STRLEN z', 'RPUSH l a', 'STRLEN l', 'STRLEN']));
});

describe('GETRANGE and SUBSTR', () => {
  const ranges = [
    [0, -1], [0, 0], [0, 3], [-3, -1], [5, 3], [-1, -5], [100, 200], [-100, 100], [0, -100], [-100, -50],
    [3, 100], [-2, -2], [4, 4], [9, 9], ['9223372036854775807', '9223372036854775807'],
    ['-9223372036854775808', '9223372036854775807'], ['-9223372036854775808', '-9223372036854775808'],
  ];
  it('every kind of range', () =>
    t.run([
      'SET k "Hello\\x00World"',
      ...ranges.map(([a, b]) => `GETRANGE k ${a} ${b}`),
      ...ranges.map(([a, b]) => `SUBSTR k ${a} ${b}`),
      'SET n 123456',
      'GETRANGE n 1 3',
      'SET z ""',
      'GETRANGE z 0 -1',
      'GETRANGE z 0 0',
      'GETRANGE missing 0 -1',
    ]));

  it('errors', () =>
    t.run([
      'GETRANGE missing a 1',
      'GETRANGE missing 0 1.5',
      'GETRANGE missing 0 9223372036854775808',
      'RPUSH l a',
      'GETRANGE l 0 -1',
      'GETRANGE l x 1',
      'GETRANGE k 0',
      'SUBSTR k 0',
      'GETRANGE k 0 1 2',
    ]));
});

describe('SETRANGE', () => {
  it('writes, pads and extends', () =>
    t.run([
      'SETRANGE k 0 hello',
      'SETRANGE k 6 world',
      'GET k',
      'SETRANGE k 1 "\\x00\\xff"',
      'GET k',
      'SETRANGE k 0 ""',
      'SETRANGE k 100 ""',
      'SETRANGE e 0 ""',
      'SETRANGE e 100 ""',
      'EXISTS e',
      'SETRANGE p 3 x',
      'GET p',
      'SET t v EX 100',
      'SETRANGE t 0 w',
      'TTL t',
      'SET n 1234',
      'SETRANGE n 1 3',
      'GET n',
      'SETRANGE n 5 2',
      'GET n',
    ]));

  it('errors', () =>
    t.run([
      'SETRANGE k -1 x',
      'SETRANGE k abc x',
      'SETRANGE k 536870912 x',
      'SETRANGE k 536870911 xy',
      'SETRANGE k 9223372036854775807 x',
      'SETRANGE k 9223372036854775808 x',
      'EXISTS k',
      'SET k v',
      'SETRANGE k 536870912 x',
      'SETRANGE k 536870912 ""',
      'RPUSH l a',
      'SETRANGE l 0 x',
      'SETRANGE l 0 ""',
      'SETRANGE l -1 x',
      'SETRANGE k 0',
    ]));
});

describe('INCR family', () => {
  it('counts', () =>
    t.run([
      'INCR k',
      'INCR k',
      'DECR k',
      'DECR k',
      'DECR k',
      'INCRBY k 100',
      'INCRBY k -1000',
      'DECRBY k -50',
      'DECRBY k 7',
      'GET k',
      'DECR n',
      'INCRBY m 9007199254740993',
      'INCR m',
      'GET m',
      'SET t 10 EX 100',
      'INCR t',
      'TTL t',
      'SET s "-5"',
      'INCRBY s 5',
      'GET s',
    ]));

  it('int64 limits', () =>
    t.run([
      'SET k 9223372036854775806',
      'INCR k',
      'INCR k',
      'GET k',
      'INCRBY k -1',
      'SET k -9223372036854775807',
      'DECR k',
      'DECR k',
      'DECRBY k 1',
      'INCRBY k 9223372036854775807',
      'SET k 1',
      'INCRBY k 9223372036854775807',
      'INCRBY k 9223372036854775806',
      'SET k 0',
      'INCRBY k -9223372036854775808',
      'DECRBY k -9223372036854775808',
      'DECRBY k 9223372036854775807',
      'DECRBY k 1',
      'DECRBY k 2',
      'DECRBY missing -9223372036854775808',
      'INCRBY k 9223372036854775808',
      'SET k 9223372036854775807',
      'DECRBY k -1',
      'SET k 9223372036854775808',
      'INCR k',
    ]));

  it('values that are not integers', () =>
    t.run([
      ...['abc', '1.5', '" 1"', '"1 "', '+1', '01', '-0', '""', '"1\\x00"', '0x10', '1e3', '-'].flatMap((v) => [
        `SET k ${v}`,
        'INCR k',
        'DECRBY k 1',
      ]),
      'INCRBY k abc',
      'INCRBY k 1.0',
      'DECRBY k ""',
      'RPUSH l a',
      'INCR l',
      'INCRBY l abc',
      'DECRBY l -9223372036854775808',
      'INCR',
      'INCRBY k',
      'DECR k 1',
    ]));

  it('INCRBYFLOAT', () =>
    t.run([
      'INCRBYFLOAT k 10.5',
      'INCRBYFLOAT k 0.1',
      'INCRBYFLOAT k -5',
      'INCRBYFLOAT k 5.0e3',
      'INCRBYFLOAT k 0x10',
      'GET k',
      'SET k 3.0',
      'INCRBYFLOAT k 0',
      'SET k 17179869184',
      'INCRBYFLOAT k 1.5',
      'SET t 1 EX 100',
      'INCRBYFLOAT t 1',
      'TTL t',
      'INCRBYFLOAT big 1e300',
      'INCRBYFLOAT huge 1e400',
      'INCRBYFLOAT tiny 1e-20',
      'INCRBYFLOAT neg -0.0',
    ]));

  it('INCRBYFLOAT errors', () =>
    t.run([
      'INCRBYFLOAT k abc',
      'INCRBYFLOAT k inf',
      'INCRBYFLOAT k -inf',
      'INCRBYFLOAT k nan',
      'INCRBYFLOAT k ""',
      'INCRBYFLOAT k " 1"',
      'INCRBYFLOAT k "1 "',
      'SET k abc',
      'INCRBYFLOAT k 1',
      'SET k inf',
      'INCRBYFLOAT k 1',
      'SET k 1e4932',
      'INCRBYFLOAT k 1e4932',
      'SET k "1\\x00"',
      'INCRBYFLOAT k 1',
      'RPUSH l a',
      'INCRBYFLOAT l 1',
      'INCRBYFLOAT l abc',
      'INCRBYFLOAT k',
    ]));
});

describe('LCS', () => {
  it('subsequence, LEN and IDX', () =>
    t.run([
      'MSET key1 ohmytext key2 mynewtext',
      'LCS key1 key2',
      'LCS key1 key2 LEN',
      'LCS key1 key2 IDX',
      'LCS key1 key2 IDX MINMATCHLEN 4',
      'LCS key1 key2 IDX WITHMATCHLEN',
      'LCS key1 key2 IDX MINMATCHLEN 4 WITHMATCHLEN',
      'LCS key1 key2 idx minmatchlen -3 withmatchlen',
      'LCS key1 key2 IDX MINMATCHLEN 100',
      'LCS key2 key1 IDX WITHMATCHLEN',
      'LCS key1 key1 IDX WITHMATCHLEN',
      'LCS key1 missing',
      'LCS missing key1 IDX',
      'LCS missing missing LEN',
      'MSET a "\\x00\\xffab\\x00c" b "b\\x00\\xffc\\x00"',
      'LCS a b',
      'LCS a b IDX WITHMATCHLEN',
      'MSET x AAAABBBBCCCC y ABCABCABCABC',
      'LCS x y',
      'LCS x y IDX WITHMATCHLEN',
      'MSET n 1234567 m 7654321',
      'LCS n m IDX',
      'SET e ""',
      'LCS e key1 IDX',
    ]));

  it('strings longer than 255 bytes (wider table cells)', () => {
    const word = (seed: number, n: number) => Array.from({ length: n }, (_, i) => 'abc'[(i * seed + (i >> 3)) % 3]).join('');
    return t.run([
      ['MSET', 'a', word(7, 300), 'b', word(11, 280)],
      'LCS a b',
      'LCS a b LEN',
      'LCS a b IDX MINMATCHLEN 3 WITHMATCHLEN',
    ]);
  });

  it('errors', () =>
    t.run([
      'SET a foo',
      'RPUSH l x',
      'LCS a l',
      'LCS l a LEN',
      'LCS l a FOO',
      'LCS a b LEN IDX',
      'LCS a b IDX LEN',
      'LCS a b FOO',
      'LCS a b MINMATCHLEN',
      'LCS a b MINMATCHLEN x',
      'LCS a b MINMATCHLEN 1.5 IDX',
      'LCS a',
    ]));
});

describe('encodings', () => {
  it('OBJECT ENCODING and REFCOUNT of strings', () =>
    t.run([
      'SET i 12345',
      'OBJECT ENCODING i',
      'OBJECT REFCOUNT i',
      'SET s 5',
      'OBJECT REFCOUNT s',
      'SET s 9999',
      'OBJECT REFCOUNT s',
      'SET s 10000',
      'OBJECT REFCOUNT s',
      'SET s -1',
      'OBJECT ENCODING s',
      'OBJECT REFCOUNT s',
      ...['-0', '007', '9223372036854775807', '-9223372036854775808', '9223372036854775808', '12345678901234567890123',
        '1.5', '" 1"', '""', `"${'y'.repeat(44)}"`, LONG].flatMap((v) => [`SET e ${v}`, 'OBJECT ENCODING e', 'OBJECT REFCOUNT e']),
      'APPEND a 123',
      'OBJECT ENCODING a',
      'APPEND a 4',
      'OBJECT ENCODING a',
      'SETRANGE r 0 abc',
      'OBJECT ENCODING r',
      'SET r2 1234',
      'SETRANGE r2 0 ""',
      'OBJECT ENCODING r2',
      'SETRANGE r2 0 9',
      'OBJECT ENCODING r2',
      'INCR r2',
      'OBJECT ENCODING r2',
      'INCRBYFLOAT f 3',
      'OBJECT ENCODING f',
      'OBJECT REFCOUNT f',
      'INCRBYFLOAT g 1e50',
      'OBJECT ENCODING g',
      'INCR c',
      'OBJECT ENCODING c',
      'OBJECT REFCOUNT c',
      'GETSET c 77',
      'OBJECT ENCODING c',
      'MSET m1 1 m2 abc',
      'OBJECT ENCODING m1',
      'OBJECT ENCODING m2',
      'SETEX x 100 42',
      'OBJECT ENCODING x',
    ]));
});

describe('proto-max-bulk-len', () => {
  it('bounds APPEND, SETRANGE and the LCS table', async () => {
    const kb = 'x'.repeat(1024);
    try {
      await t.run([
        'CONFIG SET proto-max-bulk-len 1mb',
        'SETRANGE k 1048576 x',
        'SETRANGE k 1048575 x',
        'STRLEN k',
        'APPEND k x',
        'SETRANGE k 1048575 y',
        'SETRANGE k 1048576 ""',
        'GETRANGE k 1048570 -1',
        ['SET', 'a', kb.slice(0, 500)],
        ['SET', 'b', kb.slice(0, 500)],
        'LCS a b LEN',
        ['SET', 'b', kb.slice(0, 600)],
        ['SET', 'a', kb.slice(0, 600)],
        'LCS a b LEN',
        'LCS a b IDX',
        'LCS a missing LEN',
      ]);
    } finally {
      await t.both(['CONFIG', 'SET', 'proto-max-bulk-len', '512mb']);
    }
  });
});

describe('RESP3', () => {
  it('replies in their RESP3 shapes', async () => {
    try {
      await t.run([
        'HELLO 3',
        'MSET key1 ohmytext key2 mynewtext',
        'LCS key1 key2 IDX MINMATCHLEN 2 WITHMATCHLEN',
        'LCS key1 key2 LEN',
        'GET missing',
        'SET k v NX',
        'SET k v NX GET',
        'GETEX missing',
        'MGET key1 missing',
        'INCRBYFLOAT f 1.5',
      ]);
    } finally {
      await t.both(['HELLO', '2']);
    }
  });
});

describe('databases', () => {
  it('keys live in their database', () =>
    t.run([
      'SET k db0',
      'SELECT 1',
      'GET k',
      'SET k db1',
      'INCR counter',
      'SELECT 15',
      'GET k',
      'MSET k db15 c 1',
      'SELECT 16',
      'SELECT 0',
      'GET k',
      'SELECT 1',
      'GET k',
      'GET counter',
      'SELECT 15',
      'MGET k c',
      'SELECT 0',
    ]));
});

describe('propagation', () => {
  it('is what Redis sends its replicas', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'SET a v',
        'SET b v EX 100',
        'SET c v PX 100000 GET',
        `SET d v EXAT ${AT}`,
        `SET e v PXAT ${PAT} NX`,
        'SET f v KEEPTTL GET',
        'SET f v2 GET get XX',
        'SET f v3 NX',
        'SETNX g v',
        'SETEX h 100 v',
        'PSETEX i 100000 v',
        'GETSET a w',
        'GETDEL a',
        'GETDEL a',
        'GETEX b EX 200',
        'GETEX b PERSIST',
        'GETEX b PERSIST',
        `GETEX b EXAT ${AT}`,
        'GETEX b PXAT 1',
        'GETEX c',
        'MSET m1 1 m2 2',
        'MSETNX m3 1 m1 2',
        'MSETNX m3 1 m4 2',
        'APPEND m1 x',
        'SETRANGE m2 3 y',
        'SETRANGE m2 0 ""',
        'INCR n',
        'DECRBY n 5',
        'INCRBY n abc',
        'INCRBYFLOAT fl 1.5',
        'INCRBYFLOAT fl 1e3',
        'SET x v PXAT 1',
        'GET x',
      ]);
      // A SET over a key that expired propagates DEL and SET together. Sent back to
      // back, so neither server's active expiry cycle can delete the key in between.
      for (const conn of [t.redis, t.redlite]) {
        conn.write(['SET', 'y', 'v', 'PXAT', '1']);
        conn.write(['SET', 'y', 'v2']);
      }
      for (const conn of [t.redis, t.redlite]) for (let i = 0; i < 2; i++) await conn.read();
      for (const argv of [['SELECT', '3'], ['SET', 'z', 'v', 'EX', '100'], ['SELECT', '0']]) await t.both(argv);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

describe('keyspace notifications', () => {
  it('string events', async () => {
    const { redis, redlite } = await captureEvents(t, 'KEA', [
      'SET a v',
      'SET a v EX 100',
      'SET a v NX',
      'SET b v GET',
      'SETNX c v',
      'SETEX d 100 v',
      'PSETEX d 100000 v',
      'GETSET a w',
      'GETDEL a',
      'GETDEL a',
      'GETEX b EX 100',
      'GETEX b PERSIST',
      'GETEX b PERSIST',
      'GETEX b PXAT 1',
      'MSET m1 1 m2 2',
      'MSETNX m1 1 m3 3',
      'MSETNX m3 3 m4 4',
      'APPEND m1 x',
      'APPEND new x',
      'SETRANGE m2 2 y',
      'SETRANGE m2 0 ""',
      'SETRANGE nothing 0 ""',
      'INCR n',
      'DECRBY n 3',
      'INCRBY n x',
      'INCRBYFLOAT f 1.5',
      'SET x v PXAT 1',
      'GET x',
      'SELECT 2',
      'SET y v',
      'SELECT 0',
    ]);
    expect(redlite).toEqual(redis);
  });

  it('new keys and key misses', async () => {
    const { redis, redlite } = await captureEvents(t, 'KEnm$', [
      'GET missing',
      'SET a v',
      'SET a v2',
      'MGET a b c',
      'GETEX missing',
      'STRLEN missing',
      'GETRANGE missing 0 1',
      'LCS missing a',
      'APPEND b x',
      'INCR c',
      'INCRBYFLOAT d 1',
      'SETRANGE e 1 x',
      'SET f v GET',
      'GETDEL missing',
      'GETSET g v',
    ]);
    expect(redlite).toEqual(redis);
  });
});

// ——— Fuzz ———

const KEYS = ['k1', 'k2', 'k3', 'list'];
const VALUES = ['', 'a', 'hello', '0', '1', '-1', '10', '9999', '10000', '3.5', '-0', '007', ' 1', '1e3', '9223372036854775807',
  '-9223372036854775808', '\x00\xff', 'x'.repeat(50)];
const NUMBERS = ['0', '1', '-1', '2', '100', '-100', '9223372036854775807', '-9223372036854775808', 'abc', '1.5', ''];
const FLOATS = ['0', '1', '-1.5', '0.1', '1e10', '-1e-5', 'abc', 'inf', '3'];
const OFFSETS = ['0', '1', '3', '-1', '-3', '10', '100', '-100', 'x'];

function stringCommand(rng: Rng): string[] {
  const k = rng.pick(KEYS);
  const v = rng.pick(VALUES);
  switch (rng.int(0, 24)) {
    case 0: {
      const argv = ['SET', k, v];
      if (rng.chance(0.3)) argv.push(rng.pick(['NX', 'XX']));
      if (rng.chance(0.3)) argv.push('GET');
      if (rng.chance(0.3)) argv.push(...rng.pick([['EX', '100'], ['PX', '100000'], ['EXAT', AT], ['PXAT', '1'], ['KEEPTTL'], ['EX', '0']]));
      return argv;
    }
    case 1: return ['GET', k];
    case 2: return ['GETSET', k, v];
    case 3: return ['GETDEL', k];
    case 4: return ['GETEX', k, ...rng.pick([[], ['EX', '100'], ['PERSIST'], ['PXAT', '1'], ['EXAT', AT], ['PX', '0']])];
    case 5: return ['SETNX', k, v];
    case 6: return [rng.pick(['SETEX', 'PSETEX']), k, rng.pick(['100000', '0', '-1']), v];
    case 7: return ['MSET', k, v, rng.pick(KEYS), rng.pick(VALUES)];
    case 8: return ['MSETNX', k, v, rng.pick(KEYS), rng.pick(VALUES)];
    case 9: return ['MGET', k, rng.pick(KEYS), 'missing'];
    case 10: return ['APPEND', k, v];
    case 11: return ['STRLEN', k];
    case 12: return [rng.pick(['GETRANGE', 'SUBSTR']), k, rng.pick(OFFSETS), rng.pick(OFFSETS)];
    case 13: return ['SETRANGE', k, rng.pick(OFFSETS), v];
    case 14: return [rng.pick(['INCR', 'DECR']), k];
    case 15: return [rng.pick(['INCRBY', 'DECRBY']), k, rng.pick(NUMBERS)];
    case 16: return ['INCRBYFLOAT', k, rng.pick(FLOATS)];
    case 17: return ['LCS', k, rng.pick(KEYS), ...rng.pick([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN'], ['IDX', 'MINMATCHLEN', '2']])];
    case 18: return ['OBJECT', 'ENCODING', k];
    case 19: return ['TTL', k];
    case 20: return ['EXPIRE', k, rng.pick(['100', '-1', '0'])];
    case 21: return ['PERSIST', k];
    case 22: return ['TYPE', k];
    case 23: return ['RPUSH', 'list', v];
    default: return ['DEL', k];
  }
}

/** LCS over short random strings of a small alphabet, where ties in the table are common. */
function lcsCommand(rng: Rng): string[] {
  const word = () => Array.from({ length: rng.int(0, 12) }, () => rng.pick(['a', 'b', 'c', '\x00'])).join('');
  if (rng.chance(0.5)) return ['MSET', 'a', word(), 'b', word()];
  return ['LCS', 'a', 'b', ...rng.pick([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN'], ['IDX', 'MINMATCHLEN', String(rng.int(0, 3))]])];
}

describe('fuzz', () => {
  it('random string commands', () => t.fuzz({ seed: 7, sequences: 300, length: 30, gen: stringCommand }));
  it('LCS', () => t.fuzz({ seed: 3, sequences: 200, length: 20, gen: lcsCommand }));
});
