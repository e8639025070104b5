/**
 * The sorted-set commands against a real redis-server: every command, option
 * and error, score and range syntax, RESP3 shapes, encodings, keyspace
 * events, propagation, blocking pops served by another client, and seeded
 * fuzzing over small (listpack) and large (skiplist) sets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RespConnection } from './connection.js';
import { DiffTarget, parseLine, type Rng } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});

/** `ZADD key 1 m1 2 m2 …` with n members, for sets past the listpack limits. */
function bigZadd(key: string, n: number, score: (i: number) => number = (i) => i): string {
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(String(score(i)), `m${String(i).padStart(3, '0')}`);
  return `ZADD ${key} ${args.join(' ')}`;
}

describe('ZADD and ZINCRBY', () => {
  it('adds, updates and counts', () =>
    t.run([
      'ZADD z 1 a',
      'ZADD z 2 b 3 c 1 a',
      'ZADD z 5 a',
      'ZRANGE z 0 -1 WITHSCORES',
      'ZADD z 1 a 1 a 2 a',
      'ZSCORE z a',
      'ZCARD z',
      'ZADD z CH 1 a 2 b 10 d',
      'ZADD z ch 1 a',
      'zadd z Ch 7 a',
      'ZADD "" 1 ""',
      'ZSCORE "" ""',
      'ZADD z 0 "\\x00\\xff" -1 "a b"',
      'ZRANGE z 0 -1 WITHSCORES',
    ]));

  it('NX, XX, GT, LT and their conflicts', () =>
    t.run([
      'ZADD z 10 a 20 b',
      'ZADD z NX 1 a 3 c',
      'ZADD z XX 1 a 4 d',
      'ZRANGE z 0 -1 WITHSCORES',
      'ZADD z GT 5 a 30 b 1 e',
      'ZADD z LT 100 a 10 b 2 f',
      'ZADD z GT CH 5 a 50 b',
      'ZADD z LT CH 5 a 50 b',
      'ZADD z XX GT 60 b 70 new',
      'ZADD z XX LT 1 b',
      'ZRANGE z 0 -1 WITHSCORES',
      'ZADD z NX XX 1 a',
      'ZADD z XX NX 1 a',
      'ZADD z GT LT 1 a',
      'ZADD z NX GT 1 a',
      'ZADD z LT NX 1 a',
      'ZADD z NX XX GT 1 a',
      'ZADD missing XX 1 a',
      'EXISTS missing',
      'ZADD missing XX INCR 1 a',
      'ZADD new GT 1 a',
      'ZADD new2 LT 5 a',
      'ZRANGE new 0 -1 WITHSCORES',
    ]));

  it('INCR and ZINCRBY', () =>
    t.run([
      'ZADD z INCR 1 a',
      'ZADD z INCR 2.5 a',
      'ZINCRBY z 1 a',
      'ZINCRBY z -10 b',
      'ZADD z INCR 1 a 2 b',
      'ZADD z NX INCR 1 a',
      'ZADD z XX INCR 1 nope',
      'ZADD z GT INCR -1 a',
      'ZADD z LT INCR -1 a',
      'ZADD z GT INCR 0 a',
      'ZADD z INCR 0 a',
      'ZINCRBY z abc a',
      'ZINCRBY z nan a',
      'ZINCRBY z 1',
      'ZINCRBY z nx a',
      'ZINCRBY z 1e308 big',
      'ZINCRBY z 1e308 big',
      'ZADD z INCR +inf i',
      'ZINCRBY z -inf i',
      'ZSCORE z i',
      'ZADD z INCR -inf i',
      'ZRANGE z 0 -1 WITHSCORES',
    ]));

  it('scores: syntax, exponents, infinities, precision', () =>
    t.run([
      'ZADD z 0.1 a 1e3 b -1.5E-3 c +5 d inf e -inf f +inf g 0x10 h 1.7976931348623157e308 i 5e-324 j',
      'ZRANGE z 0 -1 WITHSCORES',
      'ZADD z 3.0000000000000004 k 1.1 l 100000000000000000000 m 123456789012345678 n',
      'ZSCORE z k',
      'ZSCORE z l',
      'ZSCORE z m',
      'ZSCORE z n',
      'ZADD z Infinity o -INF p',
      'ZADD z nan x',
      'ZADD z 1e400 x',
      'ZADD z " 1" x',
      'ZADD z "1 " x',
      'ZADD z "" x',
      'ZADD z 1.5.5 x',
      'ZADD z 0x x',
      'ZADD z 1 a 2',
      'ZADD z 1',
      'ZADD z',
      'ZADD z abc a 1 b',
      'EXISTS x',
    ]));

  it('-0: kept by a skiplist, stored as 0 by a listpack', () =>
    t.run([
      'ZADD small -0 a',
      'ZSCORE small a',
      'ZADD small INCR -0 b',
      'ZSCORE small b',
      'ZINCRBY small -0 a',
      'CONFIG SET zset-max-listpack-entries 0',
      'ZADD big -0 a',
      'ZSCORE big a',
      'ZINCRBY big -0 b',
      'ZRANGE big 0 -1 WITHSCORES',
      'ZADD big 0 a',
      'ZSCORE big a',
      'CONFIG SET zset-max-listpack-entries 128',
      'ZUNIONSTORE u 1 big',
      'ZSCORE u a',
      'ZUNION 1 small WEIGHTS -1 WITHSCORES',
      'ZUNIONSTORE u2 1 small WEIGHTS -1',
      'ZRANGE u2 0 -1 WITHSCORES',
    ]));

  it('WRONGTYPE and arity', () =>
    t.run([
      'SET s x',
      'ZADD s 1 a',
      'ZADD s abc a',
      'ZINCRBY s 1 a',
      'ZINCRBY s',
      'ZADD s NX XX 1 a',
    ]));
});

describe('reading', () => {
  it('ZSCORE, ZMSCORE, ZCARD, ZRANK, ZREVRANK', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c 3 d',
      'ZSCORE z a',
      'ZSCORE z nope',
      'ZSCORE nokey a',
      'ZMSCORE z a nope c',
      'ZMSCORE nokey a b',
      'ZCARD z',
      'ZCARD nokey',
      'ZRANK z a',
      'ZRANK z d',
      'ZREVRANK z a',
      'ZREVRANK z d',
      'ZRANK z nope',
      'ZRANK nokey a',
      'SET s x',
      'ZSCORE s a',
      'ZMSCORE s a',
      'ZCARD s',
      'ZRANK s a',
      'ZREVRANK s a',
      'ZMSCORE z',
      'ZRANK z',
    ]));

  it('ZCOUNT and score ranges', () =>
    t.run([
      'ZADD z -inf a 1 b 2 c 2.5 d 3 e inf f',
      'ZCOUNT z -inf +inf',
      'ZCOUNT z 1 2',
      'ZCOUNT z (1 2',
      'ZCOUNT z (1 (2',
      'ZCOUNT z 2 1',
      'ZCOUNT z (2 2',
      'ZCOUNT z 2 (2',
      'ZCOUNT z 2 2',
      'ZCOUNT z -inf -inf',
      'ZCOUNT z (-inf (inf',
      'ZCOUNT z " 2" 3',
      'ZCOUNT z "" 2',
      'ZCOUNT z ( 2',
      'ZCOUNT z 1e400 inf',
      'ZCOUNT z -1e400 0',
      'ZCOUNT z 0x1 0x2',
      'ZCOUNT z "2 " 3',
      'ZCOUNT z " " 3',
      'ZCOUNT z nan 3',
      'ZCOUNT z ((1 3',
      'ZCOUNT z [1 3',
      'ZCOUNT z 1 abc',
      'ZCOUNT nokey 1 2',
      'ZCOUNT nokey a b',
      'SET s x',
      'ZCOUNT s 1 2',
      'ZCOUNT s a b',
    ]));

  it('ZLEXCOUNT and lex ranges', () =>
    t.run([
      'ZADD z 0 a 0 b 0 c 0 d 0 e 0 "" 0 "a\\x00"',
      'ZLEXCOUNT z - +',
      'ZLEXCOUNT z [a [c',
      'ZLEXCOUNT z (a [c',
      'ZLEXCOUNT z (a (c',
      'ZLEXCOUNT z [c [a',
      'ZLEXCOUNT z + -',
      'ZLEXCOUNT z - -',
      'ZLEXCOUNT z + +',
      'ZLEXCOUNT z [b [b',
      'ZLEXCOUNT z (b [b',
      'ZLEXCOUNT z [ [a',
      'ZLEXCOUNT z ( +',
      'ZLEXCOUNT z - [a\\x00',
      'ZLEXCOUNT z a c',
      'ZLEXCOUNT z [a c',
      'ZLEXCOUNT z +a +',
      'ZLEXCOUNT z -- +',
      'ZLEXCOUNT z "" +',
      'ZLEXCOUNT nokey a b',
      'ZLEXCOUNT nokey [a [b',
      'SET s x',
      'ZLEXCOUNT s [a [b',
      'ZLEXCOUNT s a b',
    ]));

  it('lex ranges over mixed scores follow the listpack scan', () =>
    t.run([
      'ZADD z 1 c 2 a 3 d 4 b 5 e',
      'ZRANGEBYLEX z [b +',
      'ZRANGEBYLEX z - [c',
      'ZREVRANGEBYLEX z [c -',
      'ZREVRANGEBYLEX z + (a',
      'ZLEXCOUNT z [b [d',
      'ZLEXCOUNT z - [b',
      'ZRANGE z (a [d BYLEX',
      'ZRANGEBYLEX z [a [e LIMIT 1 2',
      'ZREMRANGEBYLEX z [b [d',
      'ZRANGE z 0 -1',
    ]));
});

describe('ZRANGE family', () => {
  it('by rank', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c 4 d 5 e',
      'ZRANGE z 0 -1',
      'ZRANGE z 1 3 WITHSCORES',
      'ZRANGE z -2 -1',
      'ZRANGE z -100 100',
      'ZRANGE z 3 1',
      'ZRANGE z 5 10',
      'ZRANGE z -1 -2',
      'ZRANGE z 0 0 REV',
      'ZRANGE z 0 1 REV WITHSCORES',
      'ZRANGE z 0 -1 withscores rev',
      'ZREVRANGE z 0 -1',
      'ZREVRANGE z 1 2 WITHSCORES',
      'ZREVRANGE z -1 -1',
      'ZRANGE z 0 -1 LIMIT 0 1',
      'ZRANGE z 0 -1 LIMIT 0 -1',
      'ZREVRANGE z 0 -1 LIMIT 0 1',
      'ZREVRANGE z 0 -1 REV',
      'ZRANGE z a 1',
      'ZRANGE z 0 1.5',
      'ZRANGE z 0 -1 FOO',
      'ZRANGE z 0 -1 LIMIT 1',
      'ZRANGE nokey 0 -1',
      'ZREVRANGE nokey 0 -1 WITHSCORES',
      'ZRANGE z 0 9223372036854775807',
      'ZRANGE z -9223372036854775808 1',
      'ZRANGE z 0 9223372036854775808',
    ]));

  it('by score', () =>
    t.run([
      'ZADD z -inf ninf 1 a 2 b 2 bb 3 c 4 d inf pinf',
      'ZRANGEBYSCORE z -inf +inf',
      'ZRANGEBYSCORE z 2 3 WITHSCORES',
      'ZRANGEBYSCORE z (2 3',
      'ZRANGEBYSCORE z 2 (3',
      'ZRANGEBYSCORE z 3 2',
      'ZREVRANGEBYSCORE z 3 2',
      'ZREVRANGEBYSCORE z +inf -inf WITHSCORES',
      'ZREVRANGEBYSCORE z (3 (1',
      'ZRANGEBYSCORE z -inf +inf LIMIT 2 3',
      'ZRANGEBYSCORE z -inf +inf LIMIT 2 -1',
      'ZRANGEBYSCORE z -inf +inf LIMIT 2 0',
      'ZRANGEBYSCORE z -inf +inf LIMIT -1 2',
      'ZRANGEBYSCORE z -inf +inf LIMIT 7 2',
      'ZRANGEBYSCORE z -inf +inf LIMIT 6 2',
      'ZRANGEBYSCORE z 2 3 LIMIT 1 5',
      'ZRANGEBYSCORE z 2 3 LIMIT 3 5',
      'ZREVRANGEBYSCORE z 3 2 LIMIT 1 1 WITHSCORES',
      'ZRANGEBYSCORE z 2 3 WITHSCORES LIMIT 0 1 WITHSCORES',
      'ZRANGE z 2 3 BYSCORE',
      'ZRANGE z 3 2 BYSCORE REV',
      'ZRANGE z (2 +inf BYSCORE LIMIT 1 2 WITHSCORES',
      'ZRANGE z +inf (2 BYSCORE REV LIMIT 1 2',
      'ZRANGE z 0 -1 BYSCORE BYLEX',
      'ZRANGE z 0 -1 BYSCORE BYSCORE',
      'ZRANGE z 0 -1 REV REV',
      'ZRANGEBYSCORE z 1 2 BYSCORE',
      'ZRANGEBYSCORE z 1 2 REV',
      'ZRANGEBYSCORE z a 2',
      'ZRANGEBYSCORE z 1 2 LIMIT a 1',
      'ZRANGEBYSCORE z 1 2 LIMIT 0',
      'ZRANGEBYSCORE nokey 1 2',
      'ZRANGEBYSCORE nokey a b',
      'SET s x',
      'ZRANGEBYSCORE s 1 2',
      'ZRANGEBYSCORE s a 2',
    ]));

  it('by lex', () =>
    t.run([
      'ZADD z 0 a 0 b 0 c 0 d 0 e 0 f',
      'ZRANGEBYLEX z - +',
      'ZRANGEBYLEX z [b (e',
      'ZRANGEBYLEX z (b [e LIMIT 1 2',
      'ZRANGEBYLEX z - + LIMIT -1 2',
      'ZRANGEBYLEX z - + LIMIT 10 2',
      'ZREVRANGEBYLEX z + -',
      'ZREVRANGEBYLEX z [e (b',
      'ZREVRANGEBYLEX z + - LIMIT 2 2',
      'ZRANGE z [b [d BYLEX',
      'ZRANGE z [d [b BYLEX REV',
      'ZRANGE z - + BYLEX LIMIT 1 1',
      'ZRANGE z - + BYLEX WITHSCORES',
      'ZRANGEBYLEX z - + WITHSCORES',
      'ZRANGEBYLEX z a +',
      'ZRANGEBYLEX z - +x',
      'ZRANGEBYLEX nokey - +',
      'ZRANGEBYLEX nokey a b',
    ]));

  it('RESP3 shapes', () =>
    t.run([
      'HELLO 3',
      'ZADD z 1 a 2.5 b inf c',
      'ZRANGE z 0 -1 WITHSCORES',
      'ZRANGE z 0 -1',
      'ZREVRANGEBYSCORE z +inf -inf WITHSCORES',
      'ZSCORE z b',
      'ZSCORE z nope',
      'ZMSCORE z a nope',
      'ZRANK z nope',
      'ZINCRBY z 1 a',
      'ZADD z XX INCR 1 nope',
      'ZUNION 1 z WITHSCORES',
      'ZINTER 1 z WITHSCORES',
      'ZDIFF 1 z WITHSCORES',
      'ZRANDMEMBER z 10 WITHSCORES',
      'ZRANDMEMBER nokey',
      'ZPOPMIN z',
      'ZPOPMIN z 1',
      'ZPOPMAX z 5',
      'ZADD z 1 a 2 b',
      'ZMPOP 1 z MIN COUNT 1',
      'ZMPOP 1 nokey MIN',
      'ZSCAN z 0',
      'HELLO 2',
    ]));

  it('ZRANGESTORE', () =>
    t.run([
      'ZADD src 1 a 2 b 3 c 4 d',
      'ZRANGESTORE dst src 0 -1',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZRANGESTORE dst src 1 2 REV',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZRANGESTORE dst src (1 3 BYSCORE LIMIT 1 1',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZRANGESTORE dst src [b [c BYLEX',
      'ZRANGESTORE dst src 10 20',
      'EXISTS dst',
      'SET dst x',
      'ZRANGESTORE dst src 0 0',
      'TYPE dst',
      'SET dst x',
      'ZRANGESTORE dst nokey 0 -1',
      'EXISTS dst',
      'ZRANGESTORE dst src 0 -1 WITHSCORES',
      'ZRANGESTORE dst src 0 -1 LIMIT 0 1',
      'SET str x',
      'ZRANGESTORE dst str 0 -1',
      'ZRANGESTORE src src 1 2',
      'ZRANGE src 0 -1',
      'ZRANGESTORE dst src',
    ]));
});

describe('removing', () => {
  it('ZREM', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c',
      'ZREM z a nope',
      'ZREM z nope',
      'ZREM z b c a',
      'EXISTS z',
      'ZREM nokey a',
      'SET s x',
      'ZREM s a',
      'ZREM z',
    ]));

  it('ZREMRANGEBYRANK, BYSCORE, BYLEX', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c 4 d 5 e',
      'ZREMRANGEBYRANK z 1 2',
      'ZRANGE z 0 -1',
      'ZREMRANGEBYRANK z -1 -1',
      'ZREMRANGEBYRANK z 5 10',
      'ZREMRANGEBYRANK z 2 1',
      'ZREMRANGEBYRANK z a 1',
      'ZREMRANGEBYRANK z 0 -1',
      'EXISTS z',
      'ZADD z 1 a 2 b 3 c 4 d 5 e',
      'ZREMRANGEBYSCORE z (1 3',
      'ZREMRANGEBYSCORE z 10 20',
      'ZREMRANGEBYSCORE z 5 1',
      'ZREMRANGEBYSCORE z a 1',
      'ZREMRANGEBYSCORE z -inf +inf',
      'EXISTS z',
      'ZADD z 0 a 0 b 0 c 0 d',
      'ZREMRANGEBYLEX z (a [c',
      'ZREMRANGEBYLEX z a c',
      'ZREMRANGEBYLEX z - +',
      'EXISTS z',
      'ZREMRANGEBYRANK nokey 0 -1',
      'ZREMRANGEBYSCORE nokey a b',
      'ZREMRANGEBYLEX nokey a b',
      'SET s x',
      'ZREMRANGEBYRANK s 0 1',
      'ZREMRANGEBYSCORE s 0 1',
      'ZREMRANGEBYLEX s [a [b',
      'ZREMRANGEBYLEX s a b',
    ]));
});

describe('popping', () => {
  it('ZPOPMIN, ZPOPMAX', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c 4 d',
      'ZPOPMIN z',
      'ZPOPMAX z',
      'ZPOPMIN z 0',
      'ZPOPMIN z 1',
      'ZPOPMAX z 10',
      'EXISTS z',
      'ZPOPMIN z',
      'ZPOPMIN z 3',
      'ZPOPMIN z -1',
      'ZPOPMIN z abc',
      'ZPOPMIN z 1 2',
      'SET s x',
      'ZPOPMIN s',
      'ZPOPMAX s 0',
    ]));

  it('ZMPOP', () =>
    t.run([
      'ZADD z2 1 a 2 b 3 c',
      'ZMPOP 2 z1 z2 MIN',
      'ZMPOP 2 z1 z2 MAX COUNT 10',
      'ZMPOP 2 z1 z2 MAX',
      'ZMPOP 1 z1 min count 1',
      'ZMPOP 0 z1 MIN',
      'ZMPOP -1 z1 MIN',
      'ZMPOP abc z1 MIN',
      'ZMPOP 3 z1 MIN',
      'ZMPOP 1 z1 LEFT',
      'ZMPOP 1 z1 MIN COUNT 0',
      'ZMPOP 1 z1 MIN COUNT -1',
      'ZMPOP 1 z1 MIN COUNT abc',
      'ZMPOP 1 z1 MIN COUNT 1 COUNT 1',
      'ZMPOP 1 z1 MIN COUNT',
      'ZMPOP 1 z1 MIN FOO',
      'SET s x',
      'ZADD z3 1 a',
      'ZMPOP 2 s z3 MIN',
      'ZMPOP 2 z3 s MIN',
    ]));
});

describe('ZRANDMEMBER', () => {
  it('replies with the right shapes and errors', () =>
    t.run([
      'ZADD z 1 a 2 b 3 c',
      'ZRANDMEMBER z',
      'ZRANDMEMBER z 2',
      'ZRANDMEMBER z 5',
      'ZRANDMEMBER z -5',
      'ZRANDMEMBER z 0',
      'ZRANDMEMBER z 2 WITHSCORES',
      'ZRANDMEMBER z -7 WITHSCORES',
      'ZRANDMEMBER z 1 withscores',
      'ZRANDMEMBER nokey',
      'ZRANDMEMBER nokey 5',
      'ZRANDMEMBER nokey 5 WITHSCORES',
      'ZRANDMEMBER z abc',
      'ZRANDMEMBER z 1 FOO',
      'ZRANDMEMBER z 1 WITHSCORES x',
      'ZRANDMEMBER z -9223372036854775808',
      'ZRANDMEMBER z 9223372036854775807 WITHSCORES',
      'ZRANDMEMBER z -4611686018427387904 WITHSCORES',
      'SET s x',
      'ZRANDMEMBER s',
      'ZRANDMEMBER s 1',
      'ZRANDMEMBER s abc',
    ]));

  /** The raw replies of both servers (no normalisation). */
  async function raw(line: string): Promise<[string, string]> {
    const argv = parseLine(line);
    const [a, b] = await Promise.all([t.redis.command(argv), t.redlite.command(argv)]);
    return [a.raw, b.raw];
  }

  it('returns the whole set from the highest score down when the count covers it', async () => {
    await t.run(['ZADD z 3 c 1 a 2 b 2 bb', 'CONFIG SET zset-max-listpack-entries 2', 'ZADD big 1 x 2 y 3 z']);
    try {
      for (const line of ['ZRANDMEMBER z 4', 'ZRANDMEMBER z 100 WITHSCORES', 'ZRANDMEMBER big 3 WITHSCORES', 'HELLO 3', 'ZRANDMEMBER z 4 WITHSCORES']) {
        const [redis, redlite] = await raw(line);
        if (line !== 'HELLO 3') expect(redlite, line).toBe(redis);
      }
    } finally {
      await t.both(['HELLO', '2']);
      await t.both(['CONFIG', 'SET', 'zset-max-listpack-entries', '128']);
    }
  });

  it('returns distinct members from the set, or repeats with a negative count', async () => {
    await t.run([bigZadd('big', 200)]);
    for (const [line, distinct] of [
      ['ZRANDMEMBER big 150', true],
      ['ZRANDMEMBER big 10', true],
      ['ZRANDMEMBER big -300', false],
    ] as const) {
      const argv = parseLine(line);
      const reply = (await t.redlite.command(argv)).value as string[];
      expect(reply.length).toBe(Math.abs(Number(argv[2])));
      if (distinct) expect(new Set(reply).size).toBe(reply.length);
      for (const m of reply) expect(m).toMatch(/^m\d{3}$/);
    }
  });
});

describe('ZUNION, ZINTER, ZDIFF and their STORE forms', () => {
  it('aggregates with weights', () =>
    t.run([
      'ZADD a 1 x 2 y 3 z',
      'ZADD b 10 y 20 z 30 w',
      'ZUNION 2 a b WITHSCORES',
      'ZINTER 2 a b WITHSCORES',
      'ZDIFF 2 a b WITHSCORES',
      'ZDIFF 2 b a',
      'ZUNION 2 a b WEIGHTS 2 0.5 WITHSCORES',
      'ZUNION 2 a b AGGREGATE MIN WITHSCORES',
      'ZUNION 2 a b AGGREGATE max WITHSCORES',
      'ZINTER 2 a b WEIGHTS -1 1 AGGREGATE MAX WITHSCORES',
      'ZINTER 2 a b AGGREGATE SUM AGGREGATE MIN WITHSCORES',
      'ZUNION 2 a b WEIGHTS 1 2 WEIGHTS 3 4 WITHSCORES',
      'ZUNION 2 a b WITHSCORES WITHSCORES',
      'ZUNION 3 a b nokey WITHSCORES',
      'ZINTER 3 a b nokey',
      'ZDIFF 3 a nokey b',
      'ZDIFF 2 nokey a',
      'ZDIFF 2 a a',
      'ZINTER 2 a a WITHSCORES',
      'ZUNION 2 a a WITHSCORES',
      'ZUNIONSTORE dst 2 a b',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZINTERSTORE dst 2 a b WEIGHTS 2 3',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZDIFFSTORE dst 2 a b',
      'ZRANGE dst 0 -1 WITHSCORES',
      'ZINTERSTORE dst 2 a nokey',
      'EXISTS dst',
      'ZUNIONSTORE a 2 a b',
      'ZRANGE a 0 -1 WITHSCORES',
    ]));

  it('infinities and NaN: inf + -inf is 0, 0 × inf is 0', () =>
    t.run([
      'ZADD a inf x -inf y 1 z 0 w',
      'ZADD b -inf x -inf y inf z inf w',
      'ZUNION 2 a b WITHSCORES',
      'ZINTER 2 a b WITHSCORES',
      'ZUNION 2 a b WEIGHTS 0 1 WITHSCORES',
      'ZUNION 2 a b WEIGHTS 0 0 WITHSCORES',
      'ZINTER 2 a b WEIGHTS 0 1 AGGREGATE MIN WITHSCORES',
      'ZINTER 2 a b WEIGHTS 1 0 AGGREGATE MAX WITHSCORES',
      'ZUNION 1 a WEIGHTS inf WITHSCORES',
      'ZUNION 1 a WEIGHTS -inf WITHSCORES',
      'ZUNIONSTORE d 2 a b',
      'ZRANGE d 0 -1 WITHSCORES',
    ]));

  it('takes plain sets with score 1', () =>
    t.run([
      'SADD s x y 5',
      'SADD s2 y q',
      'ZADD z 10 x 20 q',
      'ZUNION 2 s z WITHSCORES',
      'ZINTER 2 s z WITHSCORES',
      'ZINTER 2 z s WEIGHTS 2 3 WITHSCORES',
      'ZDIFF 2 s z WITHSCORES',
      'ZDIFF 2 z s WITHSCORES',
      'ZUNION 2 s s2 WITHSCORES',
      'ZINTERCARD 2 s z',
      'ZUNIONSTORE d 3 s s2 z',
      'ZRANGE d 0 -1 WITHSCORES',
      'OBJECT ENCODING d',
    ]));

  it('errors', () =>
    t.run([
      'ZADD a 1 x',
      'SET str v',
      'ZUNIONSTORE dst 0 a',
      'ZUNION 0 a',
      'ZINTER -1 a',
      'ZDIFFSTORE dst 0 a',
      'ZINTERCARD 0 a',
      'ZUNION abc a',
      'ZUNION 2 a',
      'ZUNION 9223372036854775807 a',
      'ZUNION 1 str',
      'ZUNION 2 a str WEIGHTS x y',
      'ZUNION 1 str FOO',
      'ZUNION 1 a WEIGHTS',
      'ZUNION 1 a WEIGHTS abc',
      'ZUNION 2 a a WEIGHTS 1',
      'ZUNION 2 a a WEIGHTS 1 nan',
      'ZUNION 1 a AGGREGATE',
      'ZUNION 1 a AGGREGATE AVG',
      'ZUNION 1 a FOO',
      'ZUNIONSTORE dst 1 a WITHSCORES',
      'ZDIFF 1 a WEIGHTS 1',
      'ZDIFF 1 a AGGREGATE SUM',
      'ZDIFFSTORE dst 1 a WITHSCORES',
      'ZINTERCARD 1 a WITHSCORES',
      'ZINTERCARD 1 a WEIGHTS 1',
      'ZUNIONSTORE dst',
      'ZUNION',
    ]));

  it('ZINTERCARD', () =>
    t.run([
      'ZADD a 1 x 2 y 3 z 4 w',
      'ZADD b 1 y 2 z 3 w 4 v',
      'ZINTERCARD 2 a b',
      'ZINTERCARD 2 a b LIMIT 0',
      'ZINTERCARD 2 a b LIMIT 2',
      'ZINTERCARD 2 a b LIMIT 10',
      'ZINTERCARD 2 a b LIMIT -1',
      'ZINTERCARD 2 a b LIMIT abc',
      'ZINTERCARD 2 a b LIMIT',
      'ZINTERCARD 2 a nokey',
      'ZINTERCARD 1 a',
      'ZINTERCARD 3 a b',
    ]));

  it('stores compact or skiplist results as Redis does', () =>
    t.run([
      'ZADD a 1 x 2 y',
      'ZADD b 1 x 3 z',
      'ZUNIONSTORE d 2 a b',
      'OBJECT ENCODING d',
      'ZADD long 1 "' + 'x'.repeat(65) + '"',
      'OBJECT ENCODING long',
      'ZUNIONSTORE d 2 a long',
      'OBJECT ENCODING d',
      'ZINTERSTORE d 2 a b',
      'OBJECT ENCODING d',
      bigZadd('big', 200),
      'OBJECT ENCODING big',
      'ZUNIONSTORE d 1 big',
      'OBJECT ENCODING d',
      'ZDIFFSTORE d 2 big a',
      'ZCARD d',
      'ZRANGESTORE d big 0 127',
      'OBJECT ENCODING d',
      'ZRANGESTORE d big 0 128',
      'OBJECT ENCODING d',
      'ZRANGESTORE d big -inf +inf BYSCORE',
      'OBJECT ENCODING d',
      'ZRANGESTORE d big 0 10 BYSCORE',
      'OBJECT ENCODING d',
      'ZRANGESTORE d long 0 -1',
      'OBJECT ENCODING d',
    ]));
});

describe('ZSCAN', () => {
  it('returns a listpack whole, in order', () =>
    t.run([
      'ZADD z 1 a 2.5 b -0 c inf d 1e20 e 0.1 f',
      'ZSCAN z 0',
      'ZSCAN z 0 MATCH [a-c]',
      'ZSCAN z 0 COUNT 1',
      'ZSCAN z 0 MATCH * COUNT 100',
      'ZSCAN z 0 COUNT 0',
      'ZSCAN z 0 COUNT abc',
      'ZSCAN z 0 FOO bar',
      'ZSCAN z abc',
      'ZSCAN z -1',
      'ZSCAN nokey 0',
      'ZSCAN nokey 0 COUNT 0',
      'SET s x',
      'ZSCAN s 0',
    ]));

  it('iterates a skiplist set completely', async () => {
    await t.run([bigZadd('big', 300, (i) => i / 4)]);
    const seen = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, items] = (await t.redlite.command(['ZSCAN', 'big', cursor, 'COUNT', '17'])).value as [string, string[]];
      for (let i = 0; i < items.length; i += 2) seen.set(items[i], items[i + 1]);
      cursor = next;
    } while (cursor !== '0');
    // Every member comes back, with its score as Redis writes it.
    const expected = (await t.redis.command(['ZRANGE', 'big', '0', '-1', 'WITHSCORES'])).value as string[];
    expect(seen.size).toBe(300);
    for (let i = 0; i < expected.length; i += 2) expect(seen.get(expected[i])).toBe(expected[i + 1]);
  });
});

describe('encodings', () => {
  it('moves from listpack to skiplist one way, per entries and value limits', () =>
    t.run([
      'CONFIG SET zset-max-listpack-entries 3',
      'CONFIG SET zset-max-listpack-value 5',
      'ZADD z 1 a 2 b 3 c',
      'OBJECT ENCODING z',
      'ZADD z 4 d',
      'OBJECT ENCODING z',
      'ZREM z a b c',
      'OBJECT ENCODING z',
      'ZADD y 1 abcde',
      'OBJECT ENCODING y',
      'ZADD y 1 abcdef',
      'OBJECT ENCODING y',
      'ZADD x 1 abcdef',
      'OBJECT ENCODING x',
      'ZADD w 1 a 2 abcdefgh',
      'OBJECT ENCODING w',
      'ZADD v XX 1 abcdefgh',
      'ZINCRBY u 1 abcdefgh',
      'OBJECT ENCODING u',
      'CONFIG SET zset-max-listpack-entries 0',
      'ZADD t 1 a',
      'OBJECT ENCODING t',
      'CONFIG SET zset-max-listpack-entries 128',
      'CONFIG SET zset-max-listpack-value 64',
      'ZADD s 1 a',
      'SORT s',
      'OBJECT ENCODING s',
      'ZADD r 1 a',
      'SORT_RO r',
      'OBJECT ENCODING r',
      'COPY z zc',
      'OBJECT ENCODING zc',
      'ZRANGE zc 0 -1',
    ]));

  it('large sets: ranks, ranges and removals on a skiplist', () =>
    t.run([
      bigZadd('big', 1000, (i) => Math.floor(i / 3)),
      'ZCARD big',
      'ZRANK big m500',
      'ZREVRANK big m500',
      'ZRANGE big 400 410 WITHSCORES',
      'ZRANGE big -5 -1',
      'ZREVRANGE big 10 12',
      'ZRANGEBYSCORE big 100 102 WITHSCORES',
      'ZRANGEBYSCORE big (100 +inf LIMIT 50 3',
      'ZREVRANGEBYSCORE big 200 (100 LIMIT 50 3',
      'ZCOUNT big 100 200',
      'ZCOUNT big (100 (200',
      'ZREMRANGEBYRANK big 100 199',
      'ZRANK big m500',
      'ZREMRANGEBYSCORE big 250 260',
      'ZCARD big',
      'ZREMRANGEBYRANK big 0 600',
      'ZRANGE big 0 3',
      'ZPOPMIN big 3',
      'ZPOPMAX big 3',
      'ZADD lex ' + Array.from({ length: 300 }, (_, i) => `0 k${String(i).padStart(3, '0')}`).join(' '),
      'ZRANGEBYLEX lex [k100 (k105',
      'ZREVRANGEBYLEX lex (k200 - LIMIT 3 2',
      'ZLEXCOUNT lex [k050 [k250',
      'ZLEXCOUNT lex - +',
      'ZREMRANGEBYLEX lex [k000 (k280',
      'ZRANGE lex 0 -1',
    ]));
});

describe('keyspace events', () => {
  it('sends Redis events for every write', () =>
    t.run(
      [
        'ZADD z 1 a 2 b 3 c',
        'ZADD z 1 a',
        'ZADD z XX 5 nope',
        'ZINCRBY z 1 a',
        'ZADD z INCR 1 a',
        'ZREM z nope',
        'ZREM z a',
        'ZREMRANGEBYSCORE z 2 2',
        'ZREMRANGEBYRANK z 0 0',
        'ZADD z 0 a 0 b',
        'ZREMRANGEBYLEX z [a [a',
        'ZREMRANGEBYLEX z - +',
        'ZADD z 1 a 2 b 3 c',
        'ZPOPMIN z',
        'ZPOPMAX z 5',
        'ZADD z 1 a 2 b',
        'ZMPOP 1 z MIN COUNT 5',
        'ZADD a 1 x',
        'ZADD b 1 y',
        'ZUNIONSTORE d 2 a b',
        'ZINTERSTORE d 2 a b',
        'ZUNIONSTORE d 2 a b',
        'ZDIFFSTORE d 2 a b',
        'ZDIFFSTORE d 2 a a',
        'ZRANGESTORE d a 0 -1',
        'ZRANGESTORE d nokey 0 -1',
        'ZRANGESTORE d nokey 0 -1',
        'BZPOPMIN a 0',
        'ZADD a 1 x 2 y',
        'BZMPOP 0 1 a MAX COUNT 1',
      ],
      { events: 'KEA' },
    ));
});

describe('propagation', () => {
  it('blocking and multi-key pops propagate as ZPOPMIN / ZPOPMAX', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        'ZADD z 1 a 2 b 3 c 4 d 5 e',
        'BZPOPMIN z 0',
        'BZPOPMAX z 0',
        'BZMPOP 0 1 z MIN',
        'BZMPOP 0 2 nokey z MAX COUNT 10',
        'ZADD z 1 a 2 b',
        'ZMPOP 2 nokey z MIN COUNT 1',
        'ZMPOP 1 z MAX COUNT 5',
        'ZMPOP 1 z MAX COUNT 5',
        'ZPOPMIN nokey',
        'ZADD z 1 a',
        'ZPOPMIN z 0',
        'ZPOPMAX z 3',
        'ZADD z 1 a',
        'ZADD z NX 2 a',
        'ZINCRBY z 1 a',
        'ZADD z INCR 1 a',
        'ZUNIONSTORE d 1 z',
        'ZRANGESTORE d z 0 -1',
        'ZREMRANGEBYSCORE z 100 200',
        'ZREMRANGEBYSCORE z -inf +inf',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

describe('blocking pops', () => {
  interface Pair {
    redis: RespConnection;
    redlite: RespConnection;
  }
  const opened: Pair[] = [];
  afterEach(() => {
    for (const c of opened.splice(0)) {
      c.redis.close();
      c.redlite.close();
    }
  });
  async function connect(): Promise<Pair> {
    const pair = await t.connectPair();
    opened.push(pair);
    return pair;
  }
  function send(c: Pair, line: string): void {
    const argv = parseLine(line);
    c.redis.write(argv);
    c.redlite.write(argv);
  }
  async function expectReply(c: Pair, what: string): Promise<void> {
    const [a, b] = await Promise.all([c.redis.read(3000), c.redlite.read(3000)]);
    expect(b.raw, what).toBe(a.raw);
  }
  async function expectNoReply(c: Pair): Promise<void> {
    const results = await Promise.allSettled([c.redis.read(150), c.redlite.read(150)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  }
  /** Until both servers count n blocked clients. */
  async function waitBlocked(n: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const [a, b] = await Promise.all([t.redis.command(['INFO', 'clients']), t.redlite.command(['INFO', 'clients'])]);
      const count = (r: unknown) => Number(/blocked_clients:(\d+)/.exec(String(r))?.[1]);
      if (count(a.value) === n && count(b.value) === n) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never reached ${n} blocked clients`);
  }
  async function main(line: string): Promise<void> {
    const { redis, redlite } = await t.both(parseLine(line));
    expect(redlite, line).toBe(redis);
  }

  it('answers at once when a set has members, and checks its arguments', () =>
    t.run([
      'ZADD z 1 a 2 b',
      'BZPOPMIN nokey z 0',
      'BZPOPMAX z 1',
      'ZADD z 1 a 2 b',
      'BZMPOP 1 2 nokey z MIN COUNT 5',
      'BZPOPMIN z -1',
      'BZPOPMIN z abc',
      'BZPOPMIN z 1e400',
      'BZPOPMIN z inf',
      'BZMPOP abc 0 z MIN',
      'BZMPOP abc 1 z FOO',
      'BZMPOP abc 1 z MIN',
      'BZMPOP 0 1 z MIN COUNT 0',
      'SET s x',
      'BZPOPMIN s 0',
      'BZPOPMIN nokey s 0',
      'BZMPOP 0 1 s MIN',
      'BZPOPMIN z',
    ]));

  it('times out with a null array', async () => {
    await main('FLUSHALL');
    const c = await connect();
    send(c, 'BZPOPMIN nokey 0.05');
    await expectReply(c, 'BZPOPMIN timeout');
    send(c, 'BZMPOP 0.05 1 nokey MIN');
    await expectReply(c, 'BZMPOP timeout');
  });

  it('does not block inside MULTI', () =>
    t.run(['MULTI', 'BZPOPMIN nokey 0', 'BZMPOP 0 1 nokey MAX', 'ZADD z 1 a', 'BZPOPMAX z 0', 'EXEC']));

  it('is served by a write from another client, first blocked first served', async () => {
    await main('FLUSHALL');
    const first = await connect();
    const second = await connect();
    const third = await connect();
    send(first, 'BZPOPMIN z1 z2 0');
    await waitBlocked(1);
    send(second, 'BZPOPMAX z2 0');
    await waitBlocked(2);
    send(third, 'BZMPOP 0 2 z2 z1 MAX COUNT 2');
    await waitBlocked(3);
    await main('ZADD z2 1 a 2 b');
    await expectReply(first, 'first waiter');
    await expectReply(second, 'second waiter');
    await expectNoReply(third);
    await main('ZADD z1 5 x 6 y 7 z');
    await expectReply(third, 'third waiter');
    await main('ZRANGE z1 0 -1 WITHSCORES');
    await main('ZRANGE z2 0 -1 WITHSCORES');
  });

  it('serves from the key that became ready after a transaction', async () => {
    await main('FLUSHALL');
    const waiter = await connect();
    send(waiter, 'BZPOPMIN a b 0');
    await waitBlocked(1);
    await t.run(['MULTI', 'ZADD b 1 from-b', 'ZADD a 1 from-a', 'EXEC']);
    await expectReply(waiter, 'served from b');
    await main('ZCARD a');
  });

  it('served pops publish their events and propagate as ZPOPMIN / ZPOPMAX', async () => {
    await main('FLUSHALL');
    const probe = await PropagationProbe.attach(t);
    try {
      const [c1, c2, c3] = [await connect(), await connect(), await connect()];
      send(c1, 'BZPOPMIN a 0');
      await waitBlocked(1);
      send(c2, 'BZPOPMAX b 0');
      await waitBlocked(2);
      send(c3, 'BZMPOP 0 1 c MIN COUNT 5');
      await waitBlocked(3);
      await t.run(['ZADD a 1 x 2 y', 'ZADD b 1 x', 'ZADD c 3 p 4 q'], { events: 'KEA' });
      for (const c of [c1, c2, c3]) await expectReply(c, 'served');
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });

  it('stays blocked on a key of another type, and is served when it becomes a zset', async () => {
    await main('FLUSHALL');
    const waiter = await connect();
    send(waiter, 'BZPOPMIN k 0');
    await waitBlocked(1);
    await main('SET k v');
    await expectNoReply(waiter);
    await main('DEL k');
    await main('ZADD k 1 a');
    await expectReply(waiter, 'served');
  });
});

describe('fuzz', () => {
  const MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'aa', '', '\x00x'];
  const SCORES = ['0', '1', '2', '-1', '1.5', '-0', 'inf', '-inf', '3', '10', '0.1'];
  const BOUNDS = ['-inf', '+inf', '0', '1', '(1', '2', '(2', '1.5', '(-1', '10', '(inf'];
  const LEX = ['-', '+', '[a', '(a', '[c', '(c', '[aa', '[', '(', '[f', '(e'];

  function options(rng: Rng, words: string[]): string[] {
    return words.filter(() => rng.chance(0.2));
  }

  /** Random sorted-set commands over a few keys: `z*` sorted sets, `s` a set, `str` a string. */
  function gen(lexKey: (rng: Rng) => string) {
    return (rng: Rng): string[] => {
      const key = () => rng.pick(['z1', 'z1', 'z1', 'z1', 'z2', 'z2', 'z3', 's', 'str']);
      const member = () => rng.pick(MEMBERS);
      const score = () => rng.pick(SCORES);
      const bound = () => rng.pick(BOUNDS);
      const lex = () => rng.pick(LEX);
      const int = () => String(rng.int(-4, 6));
      const pairs = () => Array.from({ length: rng.int(1, 4) }, () => [score(), member()]).flat();
      const keys = () => Array.from({ length: rng.int(1, 3) }, key);
      // One command in four adds, so sets grow enough for ranges and ranks to matter.
      if (rng.chance(0.25)) return ['ZADD', key(), ...options(rng, ['NX', 'XX', 'GT', 'LT', 'CH']), ...pairs()];
      switch (rng.int(3, 33)) {
        case 3:
          return ['ZADD', key(), ...options(rng, ['NX', 'XX', 'GT', 'LT']), 'INCR', score(), member()];
        case 4:
          return ['ZINCRBY', key(), score(), member()];
        case 5:
          return ['ZREM', key(), member(), member()];
        case 6:
          return ['ZRANGE', key(), int(), int(), ...options(rng, ['REV', 'WITHSCORES'])];
        case 7:
          return ['ZRANGE', key(), bound(), bound(), 'BYSCORE', ...options(rng, ['REV', 'WITHSCORES']), ...(rng.chance(0.5) ? ['LIMIT', int(), int()] : [])];
        case 8:
          return ['ZRANGE', lexKey(rng), lex(), lex(), 'BYLEX', ...options(rng, ['REV']), ...(rng.chance(0.5) ? ['LIMIT', int(), int()] : [])];
        case 9:
          return [rng.pick(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), key(), bound(), bound(), ...options(rng, ['WITHSCORES'])];
        case 10:
          return [rng.pick(['ZRANGEBYLEX', 'ZREVRANGEBYLEX']), lexKey(rng), lex(), lex()];
        case 11:
          return ['ZCOUNT', key(), bound(), bound()];
        case 12:
          return ['ZLEXCOUNT', lexKey(rng), lex(), lex()];
        case 13:
          return [rng.pick(['ZRANK', 'ZREVRANK', 'ZSCORE']), key(), member()];
        case 14:
          return ['ZMSCORE', key(), member(), member()];
        case 15:
          return ['ZCARD', key()];
        case 16:
          return [rng.pick(['ZPOPMIN', 'ZPOPMAX']), key(), ...(rng.chance(0.5) ? [int()] : [])];
        case 17:
          return ['ZMPOP', '2', key(), key(), rng.pick(['MIN', 'MAX']), ...(rng.chance(0.5) ? ['COUNT', String(rng.int(1, 4))] : [])];
        case 18: {
          const ks = keys();
          const cmd = rng.pick(['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']);
          const extra = cmd === 'ZDIFFSTORE' ? [] : [...(rng.chance(0.4) ? ['WEIGHTS', ...ks.map(() => rng.pick(['1', '2', '-1', '0', '0.5']))] : []), ...(rng.chance(0.4) ? ['AGGREGATE', rng.pick(['SUM', 'MIN', 'MAX'])] : [])];
          return [cmd, key(), String(ks.length), ...ks, ...extra];
        }
        case 19: {
          const ks = keys();
          const cmd = rng.pick(['ZUNION', 'ZINTER', 'ZDIFF']);
          const extra = cmd === 'ZDIFF' ? [] : [...(rng.chance(0.4) ? ['WEIGHTS', ...ks.map(() => rng.pick(['1', '3', '-2', '0']))] : []), ...(rng.chance(0.4) ? ['AGGREGATE', rng.pick(['SUM', 'MIN', 'MAX'])] : [])];
          return [cmd, String(ks.length), ...ks, ...extra, ...options(rng, ['WITHSCORES'])];
        }
        case 20: {
          const ks = keys();
          return ['ZINTERCARD', String(ks.length), ...ks, ...(rng.chance(0.5) ? ['LIMIT', String(rng.int(0, 3))] : [])];
        }
        case 21:
          return ['ZRANGESTORE', key(), key(), int(), int(), ...options(rng, ['REV'])];
        case 22:
          return ['ZRANGESTORE', key(), key(), bound(), bound(), 'BYSCORE', ...(rng.chance(0.5) ? ['LIMIT', int(), int()] : [])];
        case 23:
          return ['ZREMRANGEBYRANK', key(), int(), int()];
        case 24:
          return ['ZREMRANGEBYSCORE', key(), bound(), bound()];
        case 25:
          return ['ZREMRANGEBYLEX', lexKey(rng), lex(), lex()];
        case 26:
          return ['SADD', 's', member(), member()];
        case 27:
          return ['SET', 'str', 'v'];
        case 28:
          return ['DEL', key()];
        case 29:
          return ['OBJECT', 'ENCODING', key()];
        case 30:
          return ['ZRANDMEMBER', key(), String(rng.int(-3, 10)), ...options(rng, ['WITHSCORES'])];
        case 31:
          return ['ZADD', 'lex', '0', member(), '0', member()];
        case 32:
          return ['ZSCAN', key(), '0'];
        default:
          return ['ZRANGE', key(), '0', '-1', 'WITHSCORES'];
      }
    };
  }

  it('small sets (listpack): lex ranges even over mixed scores', () =>
    t.fuzz({ seed: 1, sequences: 150, length: 50, gen: gen((rng) => rng.pick(['z1', 'z2', 'lex'])) }));

  it('sets that outgrow a tiny listpack (skiplist): lex ranges over equal scores', async () => {
    await t.both(['CONFIG', 'SET', 'zset-max-listpack-entries', '3']);
    try {
      await t.fuzz({ seed: 2, sequences: 150, length: 50, gen: gen(() => 'lex') });
    } finally {
      await t.both(['CONFIG', 'SET', 'zset-max-listpack-entries', '128']);
    }
  });
});
