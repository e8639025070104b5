/**
 * DUMP / RESTORE against a real redis-server: payloads Redis writes are
 * restored by redlite and payloads redlite writes are restored by Redis, for
 * every type and encoding; then the errors, expiry, notifications and
 * propagation of RESTORE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '../../src/persistence/rdb/crc64.js';
import { bytesToString, stringToBytes } from '../../src/persistence/rdb/bytes.js';
import { DiffTarget, parseLine } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

/** The reads that show a key's whole content, type and encoding. */
function reads(key: string, type: string): string[][] {
  const common = [['TYPE', key], ['OBJECT', 'ENCODING', key], ['PTTL', key]];
  switch (type) {
    case 'string':
      return [...common, ['GET', key]];
    case 'list':
      return [...common, ['LRANGE', key, '0', '-1']];
    case 'hash':
      return [...common, ['HGETALL', key]];
    case 'set':
      return [...common, ['SMEMBERS', key]];
    case 'zset':
      return [...common, ['ZRANGE', key, '0', '-1', 'WITHSCORES']];
    default:
      return [
        ...common,
        ['XRANGE', key, '-', '+'],
        ['XINFO', 'STREAM', key],
        ['XINFO', 'GROUPS', key],
        ['XPENDING', key, 'g1'],
      ];
  }
}

async function dumpOf(which: 'redis' | 'redlite', key: string): Promise<string> {
  const r = await t[which].command(['DUMP', key]);
  expect(typeof r.value).toBe('string');
  return r.value as string;
}

/** Builds `k` on both servers, then restores each server's DUMP of it on both and compares every read. */
async function roundTrip(type: string, setup: string[]): Promise<void> {
  await t.both(['FLUSHALL']);
  for (const line of setup) {
    const { redis, redlite } = await t.both(parseLine(line));
    expect(redlite, line).toBe(redis);
  }
  const fromRedis = await dumpOf('redis', 'k');
  const fromRedlite = await dumpOf('redlite', 'k');
  for (const [target, payload] of [['r1', fromRedis], ['r2', fromRedlite]]) {
    const { redis, redlite } = await t.both(['RESTORE', target, '0', payload]);
    expect(redis, `RESTORE ${target} in Redis`).toBe('+OK\r\n');
    expect(redlite, `RESTORE ${target} in redlite`).toBe('+OK\r\n');
  }
  const original = await Promise.all(reads('k', type).map((argv) => t.both(argv)));
  for (const key of ['r1', 'r2']) {
    for (const [i, argv] of reads(key, type).entries()) {
      const { redis, redlite } = await t.both(argv);
      expect(redlite, argv.join(' ')).toBe(redis);
      // The restored key holds what the original held (encodings may change on load, as in Redis).
      if (argv[0] !== 'OBJECT' && argv[0] !== 'XINFO' && argv[0] !== 'PTTL') {
        expect(redis.replace(`'${key}'`, "'k'"), `${argv.join(' ')} vs k`).toBe(original[i].redis);
      }
    }
  }
}

const seq = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('DUMP → RESTORE both ways', () => {
  it('strings: small, integers, binary, long, compressible', async () => {
    await roundTrip('string', ['SET k hello']);
    await roundTrip('string', ['SET k 12345']);
    await roundTrip('string', ['SET k -2147483649']);
    await roundTrip('string', ['SET k "\\x00\\xff\\r\\nbin"']);
    await roundTrip('string', [`SET k ${'a'.repeat(5000)}`]);
    await roundTrip('string', [`SET k ${'abcdefgh'.repeat(2000)}xyz`]);
    await roundTrip('string', ['SET k ""']);
  });

  it('lists: small, big (many quicklist nodes), integers, binary', async () => {
    await roundTrip('list', ['RPUSH k a b c 1 -5 300 70000 -9223372036854775808 "\\x00x"']);
    await roundTrip('list', [`RPUSH k ${seq(3000, (i) => (i % 3 ? `item-${i}` : String(i * 7919)))}`]);
    await roundTrip('list', [`RPUSH k ${'x'.repeat(10000)} y ${'z'.repeat(300)}`]);
  });

  it('hashes: listpack and hashtable', async () => {
    await roundTrip('hash', ['HSET k f1 v1 f2 2 n -77 "\\x01" "\\xfe"']);
    await roundTrip('hash', [`HSET k ${seq(600, (i) => `f${i} ${i * 3}`)}`]);
    await roundTrip('hash', [`HSET k a ${'v'.repeat(100)}`]);
  });

  it('sets: intset, hashtable', async () => {
    await roundTrip('set', ['SADD k 1 2 3 -100 9223372036854775807']);
    await roundTrip('set', ['SADD k a b c 1']);
    await roundTrip('set', [`SADD k ${seq(1000, (i) => String(i))}`]);
    await roundTrip('set', [`SADD k ${seq(700, (i) => `m${i}`)}`]);
  });

  it('sorted sets: listpack and skiplist, odd scores', async () => {
    await roundTrip('zset', ['ZADD k 1 a 2.5 b -inf c +inf d 0 e -0.1 f 1e300 g']);
    await roundTrip('zset', [`ZADD k ${seq(500, (i) => `${i / 7} m${i}`)}`]);
    await roundTrip('zset', [`ZADD k 1 ${'m'.repeat(100)} 2 x`]);
  });

  it('streams: entries, deletions, groups, PEL, consumers', async () => {
    await roundTrip('stream', ['XADD k 1-1 a 1 b 2', 'XADD k 1-2 a 3 b 4', 'XADD k 2-0 c "\\x00" d 5']);
    await roundTrip('stream', [
      `XADD k 1-1 f v`,
      ...Array.from({ length: 250 }, (_, i) => `XADD k ${i + 2}-${i} f ${i} ${i % 5 ? 'g x' : 'h y z w'}`),
      'XDEL k 5-3 100-98 1-1',
      'XGROUP CREATE k g1 0',
      'XGROUP CREATE k g2 $',
      'XREADGROUP GROUP g1 alice COUNT 5 STREAMS k >',
      'XREADGROUP GROUP g1 bob COUNT 3 STREAMS k >',
      'XGROUP CREATECONSUMER k g1 carol',
      'XACK k g1 2-0',
      'XCLAIM k g1 carol 0 4-2 RETRYCOUNT 7 TIME 1700000000000',
    ]);
    await roundTrip('stream', ['XADD k 5-5 a b', 'XDEL k 5-5', 'XGROUP CREATE k g1 0']);
    await roundTrip('stream', ['XADD k MAXLEN 0 18446744073709551615-1 a b', 'XSETID k 18446744073709551615-1 ENTRIESADDED 99 MAXDELETEDID 3-3']);
  });

  it('expiry travels with RESTORE, not with the payload', async () => {
    await roundTrip('string', ['SET k v EX 1000']);
    await roundTrip('hash', ['HSET k a b', 'PEXPIRE k 50000']);
  });
});

describe('RESTORE', () => {
  let payload = '';
  beforeAll(async () => {
    await t.redis.command(['SET', 'src', 'value']);
    payload = await dumpOf('redis', 'src');
  });

  /** The payload with a different body and a checksum that matches it. */
  const resigned = (body: string): string => {
    const bytes = stringToBytes(body + payload.slice(-10, -8));
    return bytesToString(bytes) + bytesToString(crc64(bytes));
  };

  it('errors byte for byte', async () => {
    const corrupt = payload.slice(0, -1) + String.fromCharCode(payload.charCodeAt(payload.length - 1) ^ 1);
    const future = payload.slice(0, -10) + '\x0b\x00' + payload.slice(-8);
    await t.run([
      ['RESTORE', 'k', '0', payload],
      ['RESTORE', 'k', '0', payload],
      ['RESTORE', 'k', '0', payload, 'REPLACE'],
      ['RESTORE', 'n', '-1', payload],
      ['RESTORE', 'n', 'abc', payload],
      ['RESTORE', 'n', '0', corrupt],
      ['RESTORE', 'n', '0', future],
      ['RESTORE', 'n', '0', 'short'],
      ['RESTORE', 'n', '0', ''],
      ['RESTORE', 'n', '0', resigned('\x07\x05hello')],
      ['RESTORE', 'n', '0', resigned('\x00\x09hi')],
      ['RESTORE', 'n', '0', resigned('\x02\x00')],
      ['RESTORE', 'n', '0', resigned('\x12\x01\x02\x03abc')],
      ['RESTORE', 'n', '0', payload, 'BOGUS'],
      ['RESTORE', 'n', '0', payload, 'IDLETIME'],
      ['RESTORE', 'n', '0', payload, 'IDLETIME', '-1'],
      ['RESTORE', 'n', '0', payload, 'IDLETIME', 'x'],
      ['RESTORE', 'n', '0', payload, 'FREQ', '256'],
      ['RESTORE', 'n', '0', payload, 'FREQ', '-1'],
      ['RESTORE', 'n', '0', payload, 'FREQ', '5', 'IDLETIME', '5'],
      ['RESTORE', 'n', '0', payload, 'IDLETIME', '5', 'FREQ', '5'],
      ['RESTORE', 'k', 'abc', payload, 'BOGUS'],
      ['RESTORE', 'k', '-1', payload],
      'RESTORE n',
      'COMMAND INFO dump',
      'DUMP',
      'DUMP missing',
      'EXISTS n',
    ]);
  });

  it('TTL, ABSTTL, IDLETIME, REPLACE with a past time', async () => {
    await t.run([
      ['RESTORE', 'a', '100000', payload],
      'PTTL a',
      ['RESTORE', 'b', '4102444800000', payload, 'ABSTTL'],
      'PEXPIRETIME b',
      ['RESTORE', 'c', '1', payload, 'ABSTTL'],
      'EXISTS c',
      'SET d old',
      ['RESTORE', 'd', '1', payload, 'ABSTTL', 'REPLACE'],
      'EXISTS d',
      ['RESTORE', 'e', '0', payload, 'IDLETIME', '1000'],
      'OBJECT IDLETIME e',
      'GET e',
      ['RESTORE', 'f', '0', payload, 'FREQ', '10'],
      'GET f',
      'DBSIZE',
    ]);
  });

  it('keyspace notifications', async () => {
    await t.run(
      [
        ['RESTORE', 'a', '0', payload],
        ['RESTORE', 'a', '0', payload, 'REPLACE'],
        ['RESTORE', 'a', '1', payload, 'ABSTTL', 'REPLACE'],
        ['RESTORE', 'b', '1', payload, 'ABSTTL'],
        ['RESTORE', 'b', '5000', payload],
      ],
      { events: 'KEA' },
    );
  });

  it('propagates RESTORE with an absolute TTL, DEL for a replaced key already expired', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        ['RESTORE', 'a', '0', payload],
        ['RESTORE', 'b', '100000', payload],
        ['RESTORE', 'c', '4102444800000', payload, 'ABSTTL'],
        ['RESTORE', 'd', '1', payload, 'ABSTTL'],
        ['RESTORE', 'a', '1', payload, 'ABSTTL', 'REPLACE'],
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

/** A ziplist (Redis ≤ 6.2's compact encoding) of short strings and small integers, for payloads only older servers write. */
function ziplist(items: (string | number)[]): string {
  const entries: number[][] = [];
  let prev = 0;
  for (const item of items) {
    const body =
      typeof item === 'number'
        ? item >= 0 && item <= 12 ? [0xf1 + item] : [0xfe, item & 0xff] // 4-bit immediate, or int8
        : [item.length, ...[...item].map((c) => c.charCodeAt(0))]; // strings < 64 bytes
    const entry = [prev, ...body];
    entries.push(entry);
    prev = entry.length;
  }
  const size = 10 + entries.reduce((n, e) => n + e.length, 0) + 1;
  const tail = size - 1 - (entries.at(-1)?.length ?? 0);
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
  return String.fromCharCode(...u32(size), ...u32(items.length ? tail : 10), items.length & 0xff, items.length >> 8, ...entries.flat(), 0xff);
}

/** A DUMP payload around a body: RDB version 9 (what Redis 6.2 writes) and its checksum. */
function payloadOf(body: string): string {
  const bytes = stringToBytes(body + '\x09\x00');
  return bytesToString(bytes) + bytesToString(crc64(bytes));
}

const str = (s: string): string => String.fromCharCode(s.length) + s;

describe('RESTORE of encodings only older versions write', () => {
  it('LIST_ZIPLIST, LIST_QUICKLIST, HASH_ZIPLIST, ZSET_ZIPLIST, SET_INTSET, HASH_ZIPMAP, old ZSET', async () => {
    const intset = String.fromCharCode(2, 0, 0, 0, 3, 0, 0, 0, 0xfe, 0xff, 5, 0, 0, 1);
    const zipmap = String.fromCharCode(2, 1, 97, 2, 0, 120, 121, 2, 98, 98, 1, 0, 122, 0xff);
    const payloads = {
      l1: payloadOf('\x0a' + str(ziplist(['a', 5, 'bc', -7, 12]))),
      l2: payloadOf('\x0e\x02' + str(ziplist(['x', 1])) + str(ziplist([100, 'y']))),
      h: payloadOf('\x0d' + str(ziplist(['f', 'v', 'g', 3]))),
      z: payloadOf('\x0c' + str(ziplist(['o', '-inf', 'n', '1.5', 'm', 2]))),
      s: payloadOf('\x0b' + str(intset)),
      hm: payloadOf('\x09' + str(zipmap)),
      zo: payloadOf('\x03\x02' + str('a') + '\x031.5' + str('b') + '\xfe'),
      bad: payloadOf('\x0a' + str(ziplist(['a']).slice(0, -1) + '\x00')),
    };
    await t.run([
      ...Object.entries(payloads).map(([key, p]) => ['RESTORE', key, '0', p]),
      'LRANGE l1 0 -1',
      'LRANGE l2 0 -1',
      'HGETALL h',
      'ZRANGE z 0 -1 WITHSCORES',
      'SMEMBERS s',
      'OBJECT ENCODING s',
      'HGETALL hm',
      'ZRANGE zo 0 -1 WITHSCORES',
      'EXISTS bad',
    ]);
  });
});
