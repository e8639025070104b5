/**
 * The set commands against a real redis-server: every command and option,
 * wrong types, missing and emptied keys, bad counts, intset/hashtable
 * encodings (and intset order), SPOP / SRANDMEMBER shapes and distribution
 * rules, the set algebra, SSCAN, RESP3, keyspace events, propagation and
 * seeded random sequences.
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
async function onRedlite(line: string | string[]): Promise<unknown> {
  return (await t.redlite.command(typeof line === 'string' ? parseLine(line) : line)).value;
}

const BIG = '9223372036854775807';
const SMALL = '-9223372036854775808';

describe('SADD, SREM, SISMEMBER, SMISMEMBER, SCARD, SMEMBERS', () => {
  it('add, test and remove members', () =>
    t.run([
      'SADD s a b c',
      'SADD s a d',
      'SADD s a',
      'SCARD s',
      'SISMEMBER s a',
      'SISMEMBER s z',
      'SMISMEMBER s a z b',
      'SMEMBERS s',
      'SADD s "" "\\x00\\xff"',
      'SISMEMBER s ""',
      'SREM s a z',
      'SREM s z',
      'SMEMBERS s',
      'SREM s b c d "" "\\x00\\xff"',
      'EXISTS s',
      'SCARD missing',
      'SISMEMBER missing a',
      'SMISMEMBER missing a b',
      'SMEMBERS missing',
      'SREM missing a',
      'TYPE s',
    ]));

  it('wrong types and arity', () =>
    t.run([
      'SET str v',
      'SADD str a',
      'SREM str a',
      'SISMEMBER str a',
      'SMISMEMBER str a',
      'SCARD str',
      'SMEMBERS str',
      'SADD s',
      'SREM s',
      'SISMEMBER s',
      'SMISMEMBER s',
      'SCARD',
      'SMEMBERS s t',
    ]));

  it('intsets list members in ascending order', () =>
    t.runExact([
      'SADD s 5 -3 100 0 42 -9223372036854775808 9223372036854775807 7',
      'OBJECT ENCODING s',
      'SMEMBERS s',
      'SREM s 42',
      'SADD s 41 43',
      'SMEMBERS s',
      'SSCAN s 0',
      'SSCAN s 0 MATCH 4*',
      'SRANDMEMBER s 100',
      'SUNION s',
      'SINTER s',
      'SDIFF s',
    ]));

  it('RESP3 sets', () =>
    t.runResp3(['SMEMBERS missing', 'SADD s a b', 'SMEMBERS s', 'SINTER s missing', 'SUNION s missing', 'SDIFF missing s', 'SPOP missing 2', 'SPOP s 0', 'SRANDMEMBER missing 2', 'SPOP missing', 'SRANDMEMBER missing', 'SMISMEMBER s a z']));
});

describe('encoding', () => {
  it('intset while every member is an integer and there are few enough', () =>
    t.run([
      'SADD s 1 2 3',
      'OBJECT ENCODING s',
      'SADD s 007',
      'OBJECT ENCODING s',
      'SREM s 007',
      'OBJECT ENCODING s',
      'SADD i -0',
      'OBJECT ENCODING i',
      'SADD j " 1"',
      'OBJECT ENCODING j',
      'SADD k 1.0',
      'OBJECT ENCODING k',
      `SADD b ${BIG} ${SMALL}`,
      'OBJECT ENCODING b',
      'SADD o 9223372036854775808',
      'OBJECT ENCODING o',
      'SADD first a 1',
      'OBJECT ENCODING first',
      'SADD second 1 a',
      'OBJECT ENCODING second',
      'SREM second a',
      'OBJECT ENCODING second',
      'CONFIG SET set-max-intset-entries 3',
      'SADD c 1 2 3',
      'OBJECT ENCODING c',
      'SADD c 3',
      'OBJECT ENCODING c',
      'SADD c 4',
      'OBJECT ENCODING c',
      'SREM c 4',
      'OBJECT ENCODING c',
      'SADD d 1 2',
      'CONFIG SET set-max-intset-entries 1',
      'SADD d 2',
      'OBJECT ENCODING d',
      'SADD d 3',
      'OBJECT ENCODING d',
      'CONFIG SET set-max-intset-entries 0',
      'SADD z 1',
      'OBJECT ENCODING z',
      'CONFIG SET set-max-intset-entries 512',
    ]));

  it('stored results are built anew: intset when they can be', () =>
    t.run([
      'SADD a 1 2 3 x',
      'SADD b 1 2 y',
      'OBJECT ENCODING a',
      'SINTERSTORE d a b',
      'OBJECT ENCODING d',
      'SDIFFSTORE d a b',
      'OBJECT ENCODING d',
      'SUNIONSTORE d a b',
      'OBJECT ENCODING d',
      'SADD n 4 5',
      'SUNIONSTORE d n b',
      'OBJECT ENCODING d',
      'SREM a x',
      'SUNIONSTORE d a',
      'OBJECT ENCODING d',
      'CONFIG SET set-max-intset-entries 2',
      'SUNIONSTORE d a',
      'OBJECT ENCODING d',
      'CONFIG SET set-max-intset-entries 512',
      'SMOVE a fresh 1',
      'OBJECT ENCODING fresh',
      'SMOVE b fresh2 y',
      'OBJECT ENCODING fresh2',
      'COPY b b2',
      'OBJECT ENCODING b2',
    ]));
});

describe('SPOP, SRANDMEMBER', () => {
  it('shapes, errors, and counts that take everything', () =>
    t.run([
      'SPOP missing',
      'SPOP missing 0',
      'SPOP missing 3',
      'SPOP missing -1',
      'SPOP missing x',
      'SRANDMEMBER missing',
      'SRANDMEMBER missing 3',
      'SRANDMEMBER missing -3',
      'SRANDMEMBER missing 0',
      'SRANDMEMBER missing x',
      'SADD s a b c',
      'SPOP s 0',
      'SRANDMEMBER s 0',
      'SPOP s -1',
      'SPOP s x',
      `SPOP s ${SMALL}`,
      'SPOP s 1 2',
      'SRANDMEMBER s 1 2',
      `SRANDMEMBER s ${SMALL}`,
      'SRANDMEMBER s x',
      'SRANDMEMBER s',
      'SRANDMEMBER s 1',
      'SRANDMEMBER s 2',
      'SRANDMEMBER s 3',
      'SRANDMEMBER s 10',
      'SRANDMEMBER s -2',
      'SRANDMEMBER s -10',
      'SCARD s',
      'SPOP s',
      'SCARD s',
      'SPOP s 1',
      'SCARD s',
      'SPOP s 5',
      'EXISTS s',
      'SADD i 3 1 2',
      `SPOP i ${BIG}`,
      'EXISTS i',
      'SET str v',
      'SPOP str',
      'SPOP str 2',
      'SPOP str 0',
      'SPOP str -1',
      'SRANDMEMBER str',
      'SRANDMEMBER str 2',
      'SRANDMEMBER str x',
    ]));

  it('a popped set keeps the rest, its TTL, and becomes an intset again when rebuilt', () =>
    t.run([
      'SADD s a 1 2 3 4 5 6 7 8 9',
      'SREM s a',
      'OBJECT ENCODING s',
      'EXPIRE s 1000',
      'SPOP s 8',
      'SCARD s',
      'OBJECT ENCODING s',
      'TTL s',
      'SADD t x 1 2 3 4 5 6 7 8 9',
      'SPOP t 1',
      'SCARD t',
      'OBJECT ENCODING t',
    ]));

  it('SPOP and SRANDMEMBER pick distinct members for positive counts', async () => {
    const members = Array.from({ length: 30 }, (_, i) => `m${i}`);
    for (const count of [1, 3, 9, 10, 25, 29]) {
      await t.run([['SADD', 's', ...members]]);
      const picked = (await onRedlite(`SRANDMEMBER s ${count}`)) as string[];
      expect(picked).toHaveLength(count);
      expect(new Set(picked).size).toBe(count);
      const popped = (await onRedlite(`SPOP s ${count}`)) as string[];
      expect(new Set(popped).size).toBe(count);
      const rest = (await onRedlite('SMEMBERS s')) as string[];
      expect(rest).toHaveLength(30 - count);
      expect([...rest, ...popped].sort()).toEqual([...members].sort());
    }
    const repeated = (await onRedlite('SRANDMEMBER s -100')) as string[];
    expect(repeated).toHaveLength(100);
    expect(new Set(repeated).size).toBeLessThan(100);
    const counts = new Map<string, number>();
    for (const m of (await onRedlite('SRANDMEMBER s -3000')) as string[]) counts.set(m, (counts.get(m) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThan(500 / 30);
  });
});

describe('SMOVE', () => {
  it('moves members, creating and deleting keys', () =>
    t.run([
      'SADD a 1 x',
      'SMOVE a b 1',
      'SMOVE a b 1',
      'SMOVE a b nope',
      'SMEMBERS b',
      'SADD b x',
      'SMOVE a b x',
      'EXISTS a',
      'SMEMBERS b',
      'SMOVE b b x',
      'SMOVE b b nope',
      'SMOVE missing b x',
      'SET str v',
      'SMOVE missing str x',
      'SMOVE str b x',
      'SMOVE b str x',
      'SMOVE b str nope',
      'SMEMBERS b',
      'SMOVE b',
    ]));
});

describe('SINTER, SINTERCARD, SUNION, SDIFF and their STORE forms', () => {
  it('the algebra', () =>
    t.run([
      'SADD a 1 2 3 x y',
      'SADD b 2 3 4 y z',
      'SADD c 3 y',
      'SINTER a b',
      'SINTER a b c',
      'SINTER a missing',
      'SINTER a',
      'SINTER a a',
      'SUNION a b c',
      'SUNION missing',
      'SUNION a missing',
      'SDIFF a b',
      'SDIFF a b c',
      'SDIFF a a',
      'SDIFF a missing',
      'SDIFF missing a',
      'SDIFF b a a',
      'SINTERCARD 2 a b',
      'SINTERCARD 3 a b c',
      'SINTERCARD 2 a missing',
      'SINTERCARD 2 a b LIMIT 1',
      'SINTERCARD 2 a b LIMIT 0',
      'SINTERCARD 2 a b LIMIT 100',
      'SINTERCARD 1 a limit 2 LIMIT 3',
    ]));

  it('wrong types are found even after a missing key', () =>
    t.run([
      'SADD a 1',
      'SET str v',
      'SINTER missing str',
      'SINTER str missing',
      'SUNION a str',
      'SDIFF missing str',
      'SDIFF a str',
      'SINTERCARD 2 missing str',
      'SINTERSTORE d missing str',
      'SUNIONSTORE d a str',
      'SDIFFSTORE d missing str',
      'EXISTS d',
    ]));

  it('SINTERCARD arguments', () =>
    t.run([
      'SADD a 1',
      'SINTERCARD 0 a',
      'SINTERCARD -1 a',
      'SINTERCARD x a',
      'SINTERCARD 2 a',
      'SINTERCARD 1 a LIMIT -1',
      'SINTERCARD 1 a LIMIT x',
      'SINTERCARD 1 a LIMIT',
      'SINTERCARD 1 a FOO 1',
      `SINTERCARD ${BIG} a`,
      'SINTERCARD 1',
    ]));

  it('STORE forms overwrite, delete on empty results, and clear the TTL', () =>
    t.run([
      'SADD a 1 2 3',
      'SADD b 2 3 4',
      'SINTERSTORE d a b',
      'SMEMBERS d',
      'SUNIONSTORE d a b',
      'SMEMBERS d',
      'SDIFFSTORE d a b',
      'SMEMBERS d',
      'EXPIRE d 100',
      'SUNIONSTORE d d a',
      'TTL d',
      'SINTERSTORE d a missing',
      'EXISTS d',
      'SINTERSTORE d a missing',
      'SET str v',
      'SUNIONSTORE str a',
      'TYPE str',
      'SDIFFSTORE str a a',
      'EXISTS str',
      'SDIFFSTORE a a b',
      'SMEMBERS a',
      'SUNIONSTORE e missing',
      'EXISTS e',
      'SINTERSTORE d',
      'SUNIONSTORE d',
    ]));
});

describe('SSCAN', () => {
  it('small sets in one step', () =>
    t.run([
      'SSCAN missing 0',
      'SSCAN missing x',
      'SSCAN missing 0 COUNT 0',
      'SADD s a b ab "\\x00"',
      'SSCAN s 0',
      'SSCAN s 0 MATCH a*',
      'SSCAN s 0 match *b COUNT 100',
      'SSCAN s 0 COUNT 0',
      'SSCAN s 0 COUNT x',
      'SSCAN s 0 MATCH',
      'SSCAN s 0 TYPE string',
      'SSCAN s 18446744073709551616',
      'SSCAN s abc',
      'SADD i 3 1 2 10',
      'SSCAN i 0 COUNT 1',
      'SSCAN i 5',
      'SSCAN i -1',
      'SSCAN i 0 MATCH 1*',
      'SET str v',
      'SSCAN str 0',
      'SSCAN s',
    ]));

  it('a hashtable is iterated in full across steps', async () => {
    const members = Array.from({ length: 400 }, (_, i) => `m:${i}`);
    await t.run([['SADD', 's', ...members], 'OBJECT ENCODING s']);
    for (const [match, count] of [['*', '10'], ['m:2*', '3'], ['*', '1000']]) {
      const seen = new Set<string>();
      let cursor = '0';
      let steps = 0;
      do {
        const [next, items] = (await onRedlite(`SSCAN s ${cursor} MATCH ${match} COUNT ${count}`)) as [string, string[]];
        for (const m of items) seen.add(m);
        cursor = next;
        steps++;
      } while (cursor !== '0' && steps < 1000);
      expect(cursor).toBe('0');
      const expected = members.filter((m) => match === '*' || m.startsWith('m:2'));
      expect([...seen].sort()).toEqual(expected.sort());
    }
  });
});

describe('keyspace events and propagation', () => {
  it('events of every set command', () =>
    t.run(
      [
        'SADD s a b 1',
        'SADD s a',
        'SREM s z',
        'SREM s a',
        'SMOVE s t b',
        'SMOVE s t 1',
        'SMOVE t t b',
        'SMOVE missing t b',
        'SADD u b',
        'SMOVE t u b',
        'SADD x 1 2 3',
        'SINTERSTORE d x u',
        'SUNIONSTORE d x u',
        'SINTERSTORE d x u',
        'SDIFFSTORE d x u',
        'SDIFFSTORE d x x',
        'SDIFFSTORE d x x',
        'SPOP x 0',
        'SPOP x',
        'SPOP x 1',
        'SPOP x 10',
        'SADD y 1',
        'SPOP y',
        'SADD y 1 2',
        'SREM y 1 2',
      ],
      { events: 'KEA' },
    ));

  it('SPOP propagates as SREM of the chosen members, or DEL when it takes them all', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run(['SADD s only', 'SPOP s', 'SADD a 1 2 3', 'SPOP a 10', 'SPOP a 1', 'SPOP missing 1', 'SADD s x', 'SMOVE s t x', 'SUNIONSTORE u t', 'SINTERSTORE u t missing', 'SINTERSTORE u t missing']);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
      // A random pick propagates as SREM of that member: the effect must name what is gone.
      await t.run([['SADD', 'r', ...Array.from({ length: 20 }, (_, i) => String(i))]]);
      await onRedlite('SPOP r 3');
      await onRedlite('SPOP r');
      const left = new Set((await onRedlite('SMEMBERS r')) as string[]);
      const effects = (await probe.take()).redlite.filter((line) => line.includes('SREM'));
      expect(effects).toHaveLength(4);
      for (const line of effects) expect(left.has(line.split(' ').at(-1)!)).toBe(false);
    } finally {
      probe.close();
    }
  });
});

// ——— Fuzz ———

const KEYS = ['s1', 's2', 's3', 'str'];
const MEMBERS = ['a', 'b', '', '1', '2', '-1', '007', '10', BIG, '\x00'];
const COUNTS = ['0', '1', '2', '-1', '10', 'x'];

function setCommand(rng: Rng): string[] {
  const k = rng.pick(KEYS);
  const m = rng.pick(MEMBERS);
  const keys = () => Array.from({ length: rng.int(1, 3) }, () => rng.pick(KEYS));
  switch (rng.int(0, 20)) {
    case 0: return ['SADD', k, m, ...(rng.chance(0.5) ? [rng.pick(MEMBERS)] : [])];
    case 1: return ['SREM', k, m, ...(rng.chance(0.3) ? [rng.pick(MEMBERS)] : [])];
    case 2: return ['SISMEMBER', k, m];
    case 3: return ['SMISMEMBER', k, m, rng.pick(MEMBERS)];
    case 4: return ['SCARD', k];
    case 5: return ['SMEMBERS', k];
    // Random picks change state differently on each server: only counts that take the whole set.
    case 6: return ['SPOP', k, rng.pick(['0', '100', '-1', 'x'])];
    case 7: return ['SRANDMEMBER', k, rng.pick(['0', '100', 'x'])];
    case 8: return ['SMOVE', k, rng.pick(KEYS), m];
    case 9: return ['SINTER', ...keys()];
    case 10: return ['SUNION', ...keys()];
    case 11: return ['SDIFF', ...keys()];
    case 12: return ['SINTERSTORE', rng.pick(KEYS), ...keys()];
    case 13: return ['SUNIONSTORE', rng.pick(KEYS), ...keys()];
    case 14: return ['SDIFFSTORE', rng.pick(KEYS), ...keys()];
    case 15: {
      const ks = keys();
      return ['SINTERCARD', String(ks.length), ...ks, ...(rng.chance(0.5) ? ['LIMIT', rng.pick(COUNTS)] : [])];
    }
    case 16: return ['SSCAN', k, '0', ...rng.pick([[], ['MATCH', '*'], ['MATCH', '1*'], ['COUNT', '20']])];
    case 17: return ['OBJECT', 'ENCODING', k];
    case 18: return ['SET', 'str', m];
    case 19: return ['DEL', k];
    default: return ['SADD', k, rng.pick(MEMBERS), rng.pick(MEMBERS), rng.pick(MEMBERS)];
  }
}

describe('fuzz', () => {
  it('random set commands', () => t.fuzz({ seed: 31, sequences: 500, length: 30, gen: setCommand }));
  it('random set commands with keyspace events', () =>
    t.fuzz({ seed: 32, sequences: 60, length: 25, gen: setCommand, events: 'KEAnm' }));
});
