/**
 * The hash commands against a real redis-server: every command and option,
 * wrong types, missing and emptied keys, bad numbers, listpack/hashtable
 * encodings, HRANDFIELD's shapes and distribution rules, HSCAN, RESP3,
 * keyspace events, propagation and seeded random sequences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, parseLine, type Rng } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});



/** A command's reply on redlite alone, decoded. */
async function onRedlite(line: string): Promise<unknown> {
  return (await t.redlite.command(parseLine(line))).value;
}

const BIG = '9223372036854775807';
const SMALL = '-9223372036854775808';

describe('HSET, HSETNX, HMSET, HGET, HMGET', () => {
  it('set and read fields', () =>
    t.run([
      'HSET h f v',
      'HSET h f v2 g w',
      'HGET h f',
      'HGET h g',
      'HGET h nope',
      'HGET missing f',
      'HSET h "" empty-field',
      'HSET h e ""',
      'HSET h "\\x00\\xff" "\\r\\n\\x00"',
      'HMGET h f g nope "" e "\\x00\\xff"',
      'HMGET missing a b',
      'HMSET h a 1 b 2',
      'HMSET h a 3',
      'HLEN h',
      'HGETALL h',
      'hset h F upper',
      'HGET h F',
      'TYPE h',
    ]));

  it('HSETNX', () =>
    t.run(['HSETNX h f v', 'HSETNX h f w', 'HGET h f', 'HSETNX h g w', 'HGETALL h', 'SET s v', 'HSETNX s f v', 'HSETNX h f']));

  it('wrong types and arity', () =>
    t.run([
      'SET s v',
      'RPUSH l a',
      'HSET s f v',
      'HSET l f v',
      'HGET s f',
      'HMGET s f',
      'HMSET s f v',
      'HSET h f',
      'HSET h f v g',
      'HMSET h f v g',
      'HSET h',
      'HGET h',
      'HMGET h',
      'HSETNX h f v w',
      'EXISTS h',
    ]));
});

describe('HGETALL, HKEYS, HVALS, HLEN, HEXISTS, HSTRLEN', () => {
  it('whole-hash reads', () =>
    t.run([
      'HGETALL missing',
      'HKEYS missing',
      'HVALS missing',
      'HLEN missing',
      'HSET h a 1 b 2 c 3',
      'HGETALL h',
      'HKEYS h',
      'HVALS h',
      'HLEN h',
      'HEXISTS h a',
      'HEXISTS h z',
      'HEXISTS missing a',
      'HSTRLEN h a',
      'HSTRLEN h z',
      'HSTRLEN missing a',
      'HSET h n -12345 big 9223372036854775807 f 1.5 z 007',
      'HSTRLEN h n',
      'HSTRLEN h big',
      'HSTRLEN h z',
      'SET s v',
      'HGETALL s',
      'HKEYS s',
      'HVALS s',
      'HLEN s',
      'HEXISTS s a',
      'HSTRLEN s a',
    ]));

  it('small hashes list fields in insertion order, as a listpack does', () =>
    t.runExact([
      'HSET h c 3 a 1 b 2',
      'HSET h a 10',
      'HDEL h c',
      'HSET h c 30 d 4',
      'HGETALL h',
      'HKEYS h',
      'HVALS h',
      'HSCAN h 0',
      'HRANDFIELD h 10',
      'HRANDFIELD h 10 WITHVALUES',
    ]));

  it('RESP3: maps and nulls', () =>
    t.runResp3(['HGETALL missing', 'HGET missing f', 'HMGET missing a', 'HSET h a 1 b 2', 'HGETALL h', 'HGET h z', 'HRANDFIELD missing', 'HRANDFIELD h 2 WITHVALUES', 'HRANDFIELD h -3 WITHVALUES']));
});

describe('HDEL', () => {
  it('deletes fields and the emptied hash', () =>
    t.run([
      'HSET h a 1 b 2 c 3',
      'HDEL h a',
      'HDEL h a',
      'HDEL h b z b',
      'HGETALL h',
      'HDEL h c d',
      'EXISTS h',
      'HDEL missing a',
      'SET s v',
      'HDEL s a',
      'HDEL h',
    ]));
});

describe('HINCRBY, HINCRBYFLOAT', () => {
  it('HINCRBY', () =>
    t.run([
      'HINCRBY h n 5',
      'HINCRBY h n -7',
      'HGET h n',
      `HINCRBY h n ${BIG}`,
      'HSET h m 10',
      `HINCRBY h m ${BIG}`,
      `HSET h big ${BIG}`,
      'HINCRBY h big 1',
      'HINCRBY h big 0',
      `HSET h small ${SMALL}`,
      'HINCRBY h small -1',
      `HINCRBY h small ${BIG}`,
      'HSET h s abc',
      'HINCRBY h s 1',
      'HSET h z 007',
      'HINCRBY h z 1',
      'HSET h sp " 1"',
      'HINCRBY h sp 1',
      'HINCRBY h n x',
      'HINCRBY h n 1.5',
      'HINCRBY h n ""',
      `HINCRBY h n 9223372036854775808`,
      'HINCRBY missing n x',
      'SET str v',
      'HINCRBY str f 1',
      'HINCRBY str f x',
      'HGETALL h',
    ]));

  it('HINCRBYFLOAT', () =>
    t.run([
      'HINCRBYFLOAT h f 1.5',
      'HINCRBYFLOAT h f 0.1',
      'HINCRBYFLOAT h f -1.6',
      'HINCRBYFLOAT h f 1e3',
      'HINCRBYFLOAT h f 0x10',
      'HINCRBYFLOAT h f 3.0e-2',
      'HSET h i 10',
      'HINCRBYFLOAT h i 5',
      'HINCRBYFLOAT h i 1e400',
      'HINCRBYFLOAT h f inf',
      'HINCRBYFLOAT h f -inf',
      'HINCRBYFLOAT h f nan',
      'HINCRBYFLOAT h f x',
      'HINCRBYFLOAT h f ""',
      'HINCRBYFLOAT h f " 1"',
      'HSET h s abc',
      'HINCRBYFLOAT h s 1',
      'HSET h inf inf',
      'HINCRBYFLOAT h inf 1',
      'HINCRBYFLOAT h big 1e4932',
      'HINCRBYFLOAT h big 1e4932',
      'SET str v',
      'HINCRBYFLOAT str f 1',
      'HINCRBYFLOAT str f x',
      'HINCRBYFLOAT str f inf',
      'HINCRBYFLOAT missing f x',
      'EXISTS missing',
      'HGETALL h',
    ]));
});

describe('HRANDFIELD', () => {
  it('shapes, errors and the whole hash', () =>
    t.run([
      'HRANDFIELD missing',
      'HRANDFIELD missing 5',
      'HRANDFIELD missing -5 WITHVALUES',
      'HRANDFIELD missing 0',
      'HSET h a 1 b 2 c 3',
      'HRANDFIELD h',
      'HRANDFIELD h 0',
      'HRANDFIELD h 0 WITHVALUES',
      'HRANDFIELD h 1',
      'HRANDFIELD h 2',
      'HRANDFIELD h 3',
      'HRANDFIELD h 5',
      'HRANDFIELD h -1',
      'HRANDFIELD h -5',
      'HRANDFIELD h 2 WITHVALUES',
      'HRANDFIELD h -5 withvalues',
      'HRANDFIELD h 5 WITHVALUE',
      'HRANDFIELD h 5 WITHVALUES x',
      'HRANDFIELD h x',
      'HRANDFIELD h x WITHVALUES',
      `HRANDFIELD h ${SMALL}`,
      `HRANDFIELD h ${BIG}`,
      `HRANDFIELD h ${BIG} WITHVALUES`,
      'HRANDFIELD h 4611686018427387904 WITHVALUES',
      'HRANDFIELD h -4611686018427387904 WITHVALUES',
      'HRANDFIELD h 4611686018427387903 WITHVALUES',
      'SET s v',
      'HRANDFIELD s',
      'HRANDFIELD s 2',
      'HRANDFIELD s x',
      'HRANDFIELD s 0',
      'HRANDFIELD missing x',
    ]));

  it('positive counts give distinct fields, negative ones may repeat', async () => {
    const fields = Array.from({ length: 20 }, (_, i) => [`f${i}`, `v${i}`]).flat();
    await t.run([['HSET', 'h', ...fields]]);
    for (const count of [2, 5, 8, 15, 19]) {
      const got = (await onRedlite(`HRANDFIELD h ${count}`)) as string[];
      expect(got).toHaveLength(count);
      expect(new Set(got).size).toBe(count);
    }
    const all = (await onRedlite('HRANDFIELD h 100')) as string[];
    expect([...all].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `f${i}`).sort());
    const many = (await onRedlite('HRANDFIELD h -200')) as string[];
    expect(many).toHaveLength(200);
    expect(new Set(many).size).toBeLessThan(200);
    const pairs = (await onRedlite('HRANDFIELD h -50 WITHVALUES')) as string[];
    for (let i = 0; i < pairs.length; i += 2) expect(pairs[i + 1]).toBe(`v${pairs[i].slice(1)}`);
    // Every field comes up, and none far more often than the others.
    const counts = new Map<string, number>();
    for (const f of (await onRedlite('HRANDFIELD h -4000')) as string[]) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect(counts.size).toBe(20);
    for (const n of counts.values()) expect(n).toBeGreaterThan(100);
  });
});

describe('HSCAN', () => {
  it('small hashes in one step, with MATCH and COUNT', () =>
    t.run([
      'HSCAN missing 0',
      'HSCAN missing x',
      'HSCAN missing 0 COUNT 0',
      'HSET h a 1 b 2 ab 3 "\\x00" 4',
      'HSCAN h 0',
      'HSCAN h 0 MATCH a*',
      'HSCAN h 0 match *b COUNT 1',
      'HSCAN h 0 MATCH "\\x00"',
      'HSCAN h 7',
      'HSCAN h 0 COUNT 0',
      'HSCAN h 0 COUNT -1',
      'HSCAN h 0 COUNT x',
      'HSCAN h 0 MATCH',
      'HSCAN h 0 TYPE string',
      'HSCAN h 0 FOO bar',
      'HSCAN h -1',
      'HSCAN h 18446744073709551616',
      'HSCAN h " 0"',
      'HSCAN h abc',
      'SET s v',
      'HSCAN s 0',
      'HSCAN s x',
      'HSCAN h',
    ]));

  it('a hashtable is iterated in full across steps', async () => {
    const fields = Array.from({ length: 300 }, (_, i) => [`field:${i}`, `${i}`]).flat();
    await t.run([['HSET', 'h', ...fields], 'OBJECT ENCODING h']);
    for (const [match, count] of [['*', '10'], ['field:1*', '7'], ['*', '1000']]) {
      const seen = new Map<string, string>();
      let cursor = '0';
      let steps = 0;
      do {
        const [next, items] = (await onRedlite(`HSCAN h ${cursor} MATCH ${match} COUNT ${count}`)) as [string, string[]];
        for (let i = 0; i < items.length; i += 2) seen.set(items[i], items[i + 1]);
        cursor = next;
        steps++;
      } while (cursor !== '0' && steps < 1000);
      expect(cursor).toBe('0');
      const expected = Array.from({ length: 300 }, (_, i) => `field:${i}`).filter((f) => match === '*' || f.startsWith('field:1'));
      expect([...seen.keys()].sort()).toEqual(expected.sort());
      for (const [f, v] of seen) expect(v).toBe(f.slice(6));
    }
  });
});

describe('encoding', () => {
  it('listpack until hash-max-listpack-entries or -value is passed, then hashtable for good', () =>
    t.run([
      'HSET h a 1',
      'OBJECT ENCODING h',
      'CONFIG SET hash-max-listpack-entries 3',
      'HSET h b 2 c 3',
      'OBJECT ENCODING h',
      'HSET h d 4',
      'OBJECT ENCODING h',
      'HDEL h a b c',
      'OBJECT ENCODING h',
      'CONFIG SET hash-max-listpack-value 5',
      'HSET v f 12345',
      'OBJECT ENCODING v',
      'HSET v f 123456',
      'OBJECT ENCODING v',
      'HSET k 123456 v',
      'OBJECT ENCODING k',
      'HSETNX n f 123456',
      'OBJECT ENCODING n',
      'HSET x f 1',
      'HSETNX x f 1234567',
      'OBJECT ENCODING x',
      'HINCRBYFLOAT y f 1.25',
      'OBJECT ENCODING y',
      'HINCRBYFLOAT y f 0.001',
      'OBJECT ENCODING y',
      'HINCRBY z 1234567 1',
      'OBJECT ENCODING z',
      'HINCRBY w f 123456',
      'OBJECT ENCODING w',
      'CONFIG SET hash-max-listpack-entries 2',
      'HSET many a 1 b 2',
      'CONFIG SET hash-max-listpack-entries 1',
      'HGET many a',
      'OBJECT ENCODING many',
      'HSET many a 1',
      'OBJECT ENCODING many',
      'CONFIG SET hash-max-listpack-entries 0',
      'HSET zero f v',
      'OBJECT ENCODING zero',
      'CONFIG SET hash-max-listpack-entries 128',
      'CONFIG SET hash-max-listpack-value 64',
      ['HSET', 'long', 'f', 'x'.repeat(65)],
      'OBJECT ENCODING long',
      'HDEL long f',
      'HSET long f v',
      'OBJECT ENCODING long',
    ]));

  it('COPY keeps the encoding', () =>
    t.run(['CONFIG SET hash-max-listpack-entries 1', 'HSET h a 1 b 2', 'HDEL h b', 'COPY h h2', 'OBJECT ENCODING h2', 'HGETALL h2', 'CONFIG SET hash-max-listpack-entries 128']));
});

describe('keyspace events and propagation', () => {
  it('events of every hash command', () =>
    t.run(
      [
        'HSET h a 1 b 2',
        'HMSET h c 3',
        'HSETNX h a 1',
        'HSETNX h d 4',
        'HINCRBY h n 1',
        'HINCRBYFLOAT h f 1.5',
        'HINCRBY h a x',
        'HDEL h zz',
        'HDEL h a b',
        'HDEL h c d n f',
        'HGET h a',
        'HSET h a 1',
        'HDEL missing a',
      ],
      { events: 'KEA' },
    ));

  it('HINCRBYFLOAT propagates as HSET of the result', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'HSET h a 1 b 2',
        'HMSET h c 3',
        'HSETNX h a 9',
        'HSETNX h z 9',
        'HINCRBY h a 5',
        'HINCRBYFLOAT h f 1.1',
        'HINCRBYFLOAT h f 2.2e-1',
        'HINCRBYFLOAT h x nope',
        'HDEL h a nope',
        'HDEL h nope',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

// ——— Fuzz ———

const KEYS = ['h1', 'h2', 'h3', 'str'];
const FIELDS = ['a', 'b', 'c', '', '1', '\x00', 'f'.repeat(70)];
const VALUES = ['', 'v', '0', '1', '-1', '10', '1.5', '007', 'abc', '9223372036854775807', '-9223372036854775808', 'x'.repeat(70)];
const INCRS = ['0', '1', '-1', '5', '100', BIG, SMALL, 'x', '1.5'];
const FLOATS = ['0', '1', '-1.5', '0.1', '1e10', 'x', 'inf', '2.5e-3'];

function hashCommand(rng: Rng): string[] {
  const k = rng.pick(KEYS);
  const f = rng.pick(FIELDS);
  const v = rng.pick(VALUES);
  switch (rng.int(0, 19)) {
    case 0: return ['HSET', k, f, v, ...(rng.chance(0.4) ? [rng.pick(FIELDS), rng.pick(VALUES)] : [])];
    case 1: return ['HSETNX', k, f, v];
    case 2: return ['HMSET', k, f, v];
    case 3: return ['HGET', k, f];
    case 4: return ['HMGET', k, f, rng.pick(FIELDS)];
    case 5: return ['HGETALL', k];
    case 6: return [rng.pick(['HKEYS', 'HVALS', 'HLEN']), k];
    case 7: return ['HEXISTS', k, f];
    case 8: return ['HSTRLEN', k, f];
    case 9: return ['HDEL', k, f, ...(rng.chance(0.5) ? [rng.pick(FIELDS)] : [])];
    case 10: return ['HINCRBY', k, f, rng.pick(INCRS)];
    case 11: return ['HINCRBYFLOAT', k, f, rng.pick(FLOATS)];
    case 12: return ['HRANDFIELD', k, ...rng.pick([[], ['5'], ['-2'], ['0'], ['3', 'WITHVALUES'], ['x']])];
    // A hashtable's cursors are Redis's own dict positions: only steps that cover the whole hash (COUNT ≥ its size) compare.
    case 13: return ['HSCAN', k, '0', ...rng.pick([[], ['MATCH', '*'], ['MATCH', 'a*'], ['COUNT', '20'], ['COUNT', '0']])];
    case 14: return ['OBJECT', 'ENCODING', k];
    case 15: return ['SET', 'str', v];
    case 16: return ['DEL', k];
    case 17: return ['TYPE', k];
    default: return ['HSET', k, rng.pick(FIELDS), rng.pick(VALUES), rng.pick(FIELDS), rng.pick(VALUES)];
  }
}

describe('fuzz', () => {
  it('random hash commands', () => t.fuzz({ seed: 21, sequences: 500, length: 30, gen: hashCommand }));
  it('random hash commands with keyspace events', () =>
    t.fuzz({ seed: 22, sequences: 60, length: 25, gen: hashCommand, events: 'KEAnm' }));
});
