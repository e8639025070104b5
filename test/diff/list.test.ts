/**
 * The list commands against a real redis-server: every command and option,
 * wrong types, missing and emptied keys, bad arguments, edge indices, RESP3
 * shapes, keyspace events, propagation, and seeded random sequences.
 * (The blocking commands have their own file: blocking.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, type Rng } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});


const BIG = '9223372036854775807';
const SMALL = '-9223372036854775808';

describe('LPUSH, RPUSH, LPUSHX, RPUSHX', () => {
  it('push at both ends, create and report the length', () =>
    t.run([
      'LPUSH l a',
      'LPUSH l b c',
      'RPUSH l d e f',
      'LRANGE l 0 -1',
      'RPUSH l ""',
      'LPUSH l "\\x00\\xff" "a b"',
      'LRANGE l 0 -1',
      'LLEN l',
      'TYPE l',
      'OBJECT ENCODING l',
      'lpush l lower',
      'LINDEX l 0',
    ]));

  it('PUSHX only on existing lists', () =>
    t.run([
      'LPUSHX l a',
      'RPUSHX l a b',
      'EXISTS l',
      'RPUSH l x',
      'LPUSHX l a b',
      'RPUSHX l c d',
      'LRANGE l 0 -1',
      'SET s v',
      'LPUSHX s a',
      'RPUSHX s a',
    ]));

  it('wrong type and arity', () =>
    t.run(['SET s v', 'LPUSH s a', 'RPUSH s a', 'HSET h f v', 'LPUSH h a', 'LPUSH', 'LPUSH l', 'RPUSH l', 'LPUSHX l', 'RPUSHX']));

  it('many elements and a long list', () =>
    t.run([
      ['RPUSH', 'l', ...Array.from({ length: 300 }, (_, i) => `e${i}`)],
      ['LPUSH', 'l', ...Array.from({ length: 300 }, (_, i) => `h${i}`)],
      'LLEN l',
      'LRANGE l 295 305',
      'LINDEX l 450',
      'LINDEX l -450',
      'OBJECT ENCODING l',
      'LRANGE l -3 -1',
    ]));
});

describe('LPOP, RPOP', () => {
  it('pop single elements and delete the emptied list', () =>
    t.run(['RPUSH l a b c', 'LPOP l', 'RPOP l', 'LLEN l', 'LPOP l', 'EXISTS l', 'LPOP l', 'RPOP l', 'LPOP missing']));

  it('COUNT', () =>
    t.run([
      'RPUSH l a b c d e',
      'LPOP l 2',
      'RPOP l 2',
      'LPOP l 0',
      'RPOP l 0',
      'LPOP l 10',
      'EXISTS l',
      'RPUSH l a b c',
      'RPOP l 100',
      'LPOP missing 0',
      'LPOP missing 2',
      'RPOP missing 1',
      `RPUSH l x`,
      `LPOP l ${BIG}`,
    ]));

  it('bad counts, wrong types and arity', () =>
    t.run([
      'RPUSH l a b',
      'LPOP l -1',
      'RPOP l abc',
      'LPOP l 1.5',
      `LPOP l ${SMALL}`,
      'LPOP l 99999999999999999999',
      'LPOP l ""',
      'LPOP missing -1',
      'SET s v',
      'LPOP s',
      'LPOP s 0',
      'RPOP s 2',
      'LPOP s -1',
      'LPOP l 1 2',
      'RPOP l 1 2',
      'LPOP',
      'LRANGE l 0 -1',
    ]));

  it('RESP3 nil shapes', () =>
    t.runResp3(['LPOP missing', 'RPOP missing 1', 'LPOP missing 0', 'RPUSH l a', 'LPOP l 0', 'LPOP l 5', 'LINDEX missing 0', 'LPOS missing a']));
});

describe('LLEN, LRANGE, LINDEX', () => {
  it('LRANGE with every kind of index', () =>
    t.run([
      'RPUSH l a b c d e',
      'LRANGE l 0 -1',
      'LRANGE l 1 3',
      'LRANGE l -2 -1',
      'LRANGE l -100 100',
      'LRANGE l 3 1',
      'LRANGE l 5 10',
      'LRANGE l 4 4',
      'LRANGE l -1 -2',
      'LRANGE l 0 -6',
      'LRANGE l -6 0',
      `LRANGE l ${SMALL} ${BIG}`,
      `LRANGE l ${BIG} ${SMALL}`,
      'LRANGE missing 0 -1',
    ]));

  it('LRANGE parses indices before looking at the key', () =>
    t.run(['SET s v', 'LRANGE s a 1', 'LRANGE s 0 b', 'LRANGE s 0 1', 'LRANGE missing x 1', 'LRANGE l 1.0 2', 'LRANGE l 0']));

  it('LINDEX and LLEN', () =>
    t.run([
      'RPUSH l a b c',
      'LINDEX l 0',
      'LINDEX l 2',
      'LINDEX l 3',
      'LINDEX l -1',
      'LINDEX l -3',
      'LINDEX l -4',
      `LINDEX l ${BIG}`,
      `LINDEX l ${SMALL}`,
      'LINDEX l x',
      'LINDEX missing x',
      'LINDEX missing 0',
      'SET s v',
      'LINDEX s x',
      'LLEN l',
      'LLEN missing',
      'LLEN s',
      'LLEN',
      'LINDEX l',
    ]));
});

describe('LSET, LINSERT, LREM, LTRIM', () => {
  it('LSET', () =>
    t.run([
      'LSET missing 0 x',
      'LSET missing x x',
      'RPUSH l a b c',
      'LSET l 0 x',
      'LSET l -1 y',
      'LSET l 1 ""',
      'LRANGE l 0 -1',
      'LSET l 3 z',
      'LSET l -4 z',
      'LSET l abc z',
      `LSET l ${BIG} z`,
      'SET s v',
      'LSET s 0 x',
      'LSET s abc x',
      'LSET l 0',
    ]));

  it('LINSERT', () =>
    t.run([
      'LINSERT missing BEFORE a x',
      'LINSERT missing middle a x',
      'RPUSH l a b c b',
      'LINSERT l BEFORE b x',
      'LINSERT l AFTER b y',
      'LINSERT l after c z',
      'LINSERT l before a w',
      'LINSERT l BeFoRe nope q',
      'LRANGE l 0 -1',
      'LINSERT l AROUND a q',
      'LINSERT l "" a q',
      'SET s v',
      'LINSERT s BEFORE a x',
      'LINSERT s AROUND a x',
      'LINSERT l BEFORE a',
    ]));

  it('LINSERT in the middle of a long list', () =>
    t.run([
      ['RPUSH', 'l', ...Array.from({ length: 100 }, (_, i) => String(i))],
      'LINSERT l BEFORE 10 x',
      'LINSERT l AFTER 80 y',
      'LINSERT l BEFORE 0 first',
      'LINSERT l AFTER 99 last',
      'LRANGE l 0 -1',
    ]));

  it('LREM', () =>
    t.run([
      'RPUSH l a b a c a b a',
      'LREM l 2 a',
      'LRANGE l 0 -1',
      'LREM l -1 a',
      'LRANGE l 0 -1',
      'LREM l 0 b',
      'LRANGE l 0 -1',
      'LREM l 0 nope',
      'LREM l 0 a',
      'LRANGE l 0 -1',
      'LREM l 1 c',
      'EXISTS l',
      'LREM missing 0 a',
      'LREM l abc a',
      'SET s v',
      'LREM s 0 a',
      'LREM s x a',
      'RPUSH m x y x y x',
      `LREM m ${SMALL} x`,
      'LRANGE m 0 -1',
      `LREM m ${BIG} y`,
      'EXISTS m',
    ]));

  it('LTRIM', () =>
    t.run([
      'RPUSH l a b c d e f',
      'LTRIM l 1 -2',
      'LRANGE l 0 -1',
      'LTRIM l 0 100',
      'LRANGE l 0 -1',
      'LTRIM l -2 -1',
      'LRANGE l 0 -1',
      'LTRIM l 1 0',
      'EXISTS l',
      'RPUSH l a b c',
      'LTRIM l 5 10',
      'EXISTS l',
      'RPUSH l a b c',
      'LTRIM l -100 -3',
      'LRANGE l 0 -1',
      `LTRIM l ${SMALL} ${BIG}`,
      'LRANGE l 0 -1',
      'LTRIM missing 0 1',
      'LTRIM l a 1',
      'SET s v',
      'LTRIM s 0 1',
      'LTRIM s x 1',
    ]));
});

describe('LPOS', () => {
  it('RANK, COUNT and MAXLEN', () =>
    t.run([
      'RPUSH l a b c a b c a',
      'LPOS l a',
      'LPOS l c',
      'LPOS l z',
      'LPOS l a RANK 2',
      'LPOS l a RANK 3',
      'LPOS l a RANK 4',
      'LPOS l a RANK -1',
      'LPOS l a RANK -3',
      'LPOS l a COUNT 0',
      'LPOS l a COUNT 2',
      'LPOS l a COUNT 2 RANK 2',
      'LPOS l a COUNT 0 RANK -1',
      'LPOS l z COUNT 0',
      'LPOS l a MAXLEN 1',
      'LPOS l a MAXLEN 3',
      'LPOS l a MAXLEN 4 COUNT 0',
      'LPOS l a RANK -1 MAXLEN 1',
      'LPOS l a RANK -1 MAXLEN 2 COUNT 0',
      'LPOS l a RANK 1 RANK 2',
      'lpos l a rank 2 count 1 maxlen 0',
      `LPOS l a RANK ${SMALL}`,
      `LPOS l a RANK ${SMALL} COUNT 1`,
      `LPOS l a RANK -${BIG} COUNT 1`,
      `LPOS l a RANK ${BIG}`,
      `LPOS l a COUNT ${BIG}`,
    ]));

  it('errors and missing keys', () =>
    t.run([
      'RPUSH l a b',
      'LPOS l a RANK 0',
      'LPOS l a RANK x',
      'LPOS l a COUNT -1',
      'LPOS l a COUNT x',
      'LPOS l a MAXLEN -1',
      'LPOS l a MAXLEN x',
      'LPOS l a RANK',
      'LPOS l a FOO 1',
      'LPOS l a COUNT',
      'LPOS missing a',
      'LPOS missing a COUNT 1',
      'LPOS missing a RANK 0',
      'SET s v',
      'LPOS s a',
      'LPOS s a RANK 0',
      'LPOS s a COUNT 1',
      'LPOS l',
    ]));
});

describe('RPOPLPUSH, LMOVE', () => {
  it('move between lists, create the destination, delete an emptied source', () =>
    t.run([
      'RPUSH src a b c',
      'RPOPLPUSH src dst',
      'LMOVE src dst LEFT RIGHT',
      'LMOVE src dst right left',
      'EXISTS src',
      'LRANGE dst 0 -1',
      'LMOVE dst dst LEFT RIGHT',
      'LRANGE dst 0 -1',
      'RPOPLPUSH dst dst',
      'LRANGE dst 0 -1',
      'RPUSH one x',
      'LMOVE one one LEFT LEFT',
      'LRANGE one 0 -1',
      'RPOPLPUSH missing dst',
      'LMOVE missing dst LEFT LEFT',
      'LRANGE dst 0 -1',
    ]));

  it('wrong types and bad directions', () =>
    t.run([
      'RPUSH src a',
      'SET s v',
      'RPOPLPUSH src s',
      'LMOVE src s LEFT LEFT',
      'LRANGE src 0 -1',
      'RPOPLPUSH s src',
      'RPOPLPUSH missing s',
      'LMOVE src dst UP LEFT',
      'LMOVE src dst LEFT DOWN',
      'LMOVE s dst UP LEFT',
      'LMOVE missing dst LEFT DOWN',
      'LMOVE src dst LEFT',
      'RPOPLPUSH src',
    ]));
});

describe('LMPOP', () => {
  it('pops from the first non-empty list', () =>
    t.run([
      'RPUSH b 1 2 3',
      'RPUSH c 4 5',
      'LMPOP 3 a b c LEFT',
      'LMPOP 3 a b c RIGHT COUNT 2',
      'LMPOP 2 b c left count 10',
      'EXISTS b',
      'LMPOP 1 c RIGHT COUNT 1',
      'LMPOP 2 a b LEFT',
      'RPUSH d x',
      'LMPOP 1 d LEFT COUNT ' + BIG,
    ]));

  it('errors, in the order Redis checks them', () =>
    t.run([
      'RPUSH l a',
      'SET s v',
      'LMPOP 0 l LEFT',
      'LMPOP -1 l LEFT',
      'LMPOP x l LEFT',
      'LMPOP 2 l LEFT',
      'LMPOP 1 l MIDDLE',
      'LMPOP 1 l LEFT COUNT 0',
      'LMPOP 1 l LEFT COUNT -1',
      'LMPOP 1 l LEFT COUNT x',
      'LMPOP 1 l LEFT COUNT',
      'LMPOP 1 l LEFT COUNT 1 COUNT 1',
      'LMPOP 1 l LEFT FOO',
      'LMPOP 2 missing s LEFT',
      'LMPOP 2 l s LEFT',
      'LMPOP 2 s l LEFT',
      `LMPOP ${BIG} l LEFT`,
      'LMPOP 1 l',
    ]));

  it('RESP3', () => t.runResp3(['LMPOP 1 missing LEFT', 'RPUSH l a b', 'LMPOP 1 l LEFT COUNT 5']));
});

describe('encoding and keyspace events', () => {
  it('OBJECT ENCODING is quicklist in 7.0 whatever the size', () =>
    t.run([
      'RPUSH l a',
      'OBJECT ENCODING l',
      'CONFIG SET list-max-listpack-size 1',
      'RPUSH l b c',
      'OBJECT ENCODING l',
      ['RPUSH', 'big', 'x'.repeat(10000)],
      'OBJECT ENCODING big',
      'CONFIG SET list-max-listpack-size -2',
    ]));

  it('events of every list command', () =>
    t.run(
      [
        'LPUSH l a b',
        'RPUSH l c',
        'LPUSHX l d',
        'RPUSHX l e',
        'LPUSHX missing x',
        'LPOP l',
        'RPOP l 2',
        'LPOP l 0',
        'LSET l 0 z',
        'LINSERT l BEFORE z y',
        'LINSERT l BEFORE nope y',
        'LREM l 1 y',
        'LREM l 1 nope',
        'LTRIM l 0 0',
        'LTRIM missing 0 0',
        'RPUSH l a b c',
        'RPOPLPUSH l l2',
        'LMOVE l l2 LEFT RIGHT',
        'LMOVE l l2 LEFT RIGHT',
        'LMOVE l2 l2 LEFT LEFT',
        'LMPOP 2 l l2 RIGHT COUNT 1',
        'LMPOP 1 l2 RIGHT COUNT 5',
        'RPUSH l a b',
        'LREM l 0 a',
        'LREM l 0 b',
        'RPUSH l a b',
        'LTRIM l 2 3',
        'RPUSH l a',
        'LPOP l 3',
        'RPUSH l a',
        'RPOP l',
      ],
      { events: 'KEA' },
    ));
});

describe('propagation', () => {
  it('list writes propagate as themselves; LMPOP as [LR]POP with a count', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'RPUSH l a b c d',
        'LPUSHX l z',
        'LPUSHX missing z',
        'LPOP l',
        'RPOP l 2',
        'LPOP missing',
        'LSET l 0 y',
        'LINSERT l AFTER y x',
        'LREM l 0 x',
        'LTRIM l 0 -1',
        'RPOPLPUSH l m',
        'LMOVE m l left RIGHT',
        'LMPOP 2 missing l LEFT COUNT 10',
        'LMPOP 1 missing LEFT',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

// ——— Fuzz ———

const KEYS = ['l1', 'l2', 'l3', 'str'];
const VALUES = ['a', 'b', 'c', '', '1', '-1', '007', '\x00\xff', 'x'.repeat(70)];
const INDICES = ['0', '1', '2', '-1', '-2', '5', '-5', '100', '-100', 'x', BIG, SMALL];
const COUNTS = ['0', '1', '2', '3', '-1', '-2', '10', 'x'];

function listCommand(rng: Rng): string[] {
  const k = rng.pick(KEYS);
  const v = rng.pick(VALUES);
  const end = () => rng.pick(['LEFT', 'RIGHT', 'left', 'up']);
  switch (rng.int(0, 20)) {
    case 0: return [rng.pick(['LPUSH', 'RPUSH']), k, v, ...(rng.chance(0.5) ? [rng.pick(VALUES)] : [])];
    case 1: return [rng.pick(['LPUSHX', 'RPUSHX']), k, v];
    case 2: return [rng.pick(['LPOP', 'RPOP']), k, ...(rng.chance(0.5) ? [rng.pick(COUNTS)] : [])];
    case 3: return ['LLEN', k];
    case 4: return ['LRANGE', k, rng.pick(INDICES), rng.pick(INDICES)];
    case 5: return ['LINDEX', k, rng.pick(INDICES)];
    case 6: return ['LSET', k, rng.pick(INDICES), v];
    case 7: return ['LINSERT', k, rng.pick(['BEFORE', 'AFTER', 'after', 'x']), rng.pick(VALUES), v];
    case 8: return ['LREM', k, rng.pick(COUNTS), v];
    case 9: return ['LTRIM', k, rng.pick(INDICES), rng.pick(INDICES)];
    case 10: {
      const argv = ['LPOS', k, v];
      if (rng.chance(0.4)) argv.push('RANK', rng.pick(['1', '2', '-1', '-2', '0']));
      if (rng.chance(0.4)) argv.push('COUNT', rng.pick(['0', '1', '2', '-1']));
      if (rng.chance(0.3)) argv.push('MAXLEN', rng.pick(['0', '1', '3', '-1']));
      return argv;
    }
    case 11: return ['RPOPLPUSH', k, rng.pick(KEYS)];
    case 12: return ['LMOVE', k, rng.pick(KEYS), end(), end()];
    case 13: {
      const keys = [k, rng.pick(KEYS)];
      const argv = ['LMPOP', rng.pick(['1', '2', '2', '3']), ...keys, end()];
      if (rng.chance(0.5)) argv.push('COUNT', rng.pick(COUNTS));
      return argv;
    }
    case 14: return ['SET', 'str', v];
    case 15: return ['DEL', k];
    case 16: return ['OBJECT', 'ENCODING', k];
    case 17: return ['TYPE', k];
    case 18: return ['EXISTS', k];
    default: return ['RPUSH', k, rng.pick(VALUES), rng.pick(VALUES), rng.pick(VALUES)];
  }
}

describe('fuzz', () => {
  it('random list commands', () => t.fuzz({ seed: 11, sequences: 500, length: 30, gen: listCommand }));
  it('random list commands with keyspace events', () =>
    t.fuzz({ seed: 12, sequences: 60, length: 25, gen: listCommand, events: 'KEAnm' }));
});
