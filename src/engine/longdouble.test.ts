/**
 * INCRBYFLOAT against a real redis-server: the x87 long double arithmetic and
 * `%.17Lf` formatting must give Redis's reply string byte for byte.
 */
import { seededRandom as rng } from '../../test/rng.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../../test/redis-server.js';
import { addLongDouble, formatLongDouble, incrByFloat, parseLongDouble } from './longdouble.js';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis({ port: server.port, maxRetriesPerRequest: 0 });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const bytes = (s: string) => Buffer.from(s, 'latin1');


function mine(current: string | undefined, incr: string): string {
  try {
    return incrByFloat(current, incr);
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

/**
 * For each [current, incr]: SET the key to `current` (or leave it missing),
 * INCRBYFLOAT it, and collect Redis's reply or error, in one pipeline.
 */
async function redisIncr(cases: [string | undefined, string][]): Promise<string[]> {
  const pipe = redis.pipeline();
  cases.forEach(([current, incr], i) => {
    const key = `f:${i}`;
    if (current === undefined) pipe.del(key);
    else pipe.set(key, bytes(current));
    pipe.call('INCRBYFLOAT', key, bytes(incr));
  });
  const results = (await pipe.exec()) ?? [];
  return cases.map((_, i) => {
    const [err, value] = results[2 * i + 1];
    return err ? `error: ${err.message}` : String(value);
  });
}

async function expectSameAsRedis(cases: [string | undefined, string][]): Promise<void> {
  const replies = await redisIncr(cases);
  cases.forEach(([current, incr], i) => {
    expect(mine(current, incr), `${JSON.stringify(current)} + ${JSON.stringify(incr)}`).toBe(replies[i]);
  });
}

describe('INCRBYFLOAT', () => {
  it('matches Redis on hand-picked cases', async () => {
    const U = undefined;
    await expectSameAsRedis([
      ['10.50', '0.1'], [U, '0.1'], ['0.1', '0.2'], ['0.3', '0.1'], [U, '5.0e3'], [U, '3.0e3'], [U, '1.5e10'],
      ['1e400', '0'], ['1e400', '1'], ['-1e400', '1e400'], [U, '1e4932'], [U, '1.18e4932'], [U, '1.19e4932'],
      [U, '1e5000'], [U, '-1e5000'], ['1.18e4932', '1.18e4932'], [U, '1e-400'], [U, '1e-4950'], [U, '3.6e-4951'],
      [U, '1e-4952'], [U, '1e-5000'], [U, '0e-5000'], [U, '-1e-20'], [U, '-0'], ['-0', '0'], ['-0', '-0'],
      ['0.000003814697265625', '0'], ['0.000011444091796875', '0'], ['-0.000011444091796875', '0'],
      [U, '0.000000000000000005'], [U, '0.000000000000000015'], [U, '0.000000000000000025'],
      [U, '0.00000000000000001'], [U, '0.000000000000000001'], ['9007199254740993', '0.5'],
      ['18446744073709551615', '1'], ['18446744073709551617', '0'], ['1.7976931348623157e308', '1e308'],
      [U, 'inf'], [U, '-inf'], [U, 'Infinity'], [U, 'nan'], [U, 'NaN'], ['inf', '0'], ['inf', '-inf'],
      [U, ' 1'], [U, '1 '], [' 1', '1'], ['1 ', '1'], [U, ''], ['', '1'], ['abc', '1'], ['1', 'abc'],
      [U, '1e'], [U, '.'], [U, '1.'], [U, '.5'], [U, '+.5'], [U, '+1'], [U, '0x1p-3'], [U, '0x10'],
      [U, '0x1.8p1'], [U, '0x1p-16445'], [U, '0x1p-16446'], [U, '0x1p16383'], [U, '0x1p16384'], [U, '0x'],
      ['1\x002', '1'], ['5', '1\x00'], ['1', '-1'], ['-1', '1'], ['100', '-99.999999999999999999'],
      ['3.141592653589793238462643383279', '0'], ['0.1', '-0.1'], ['1e20', '-1e20'], ['123', '0.00000000000000001'],
      ['12345678901234567890', '0.1'], [U, '1'.repeat(5119)], [U, '1'.repeat(5120)], [U, '0.' + '0'.repeat(5000) + '1'],
    ]);
  });

  /**
   * A decimal literal as a user might send it: sign, digits, point, exponent.
   * `huge` allows exponents out to long double's range (and past it).
   */
  function randomDecimal(r: () => number, huge: boolean): string {
    const digits = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
      return s;
    };
    const sign = r() < 0.3 ? '-' : r() < 0.1 ? '+' : '';
    const int = String(BigInt(digits(1 + Math.floor(r() * 8))));
    const frac = r() < 0.8 ? '.' + digits(Math.floor(r() * 20)) : '';
    const roll = r();
    let exp = '';
    if (roll < 0.3) exp = `e${Math.floor(r() * 21) - 12}`;
    else if (huge && roll < 0.6) exp = `E${r() < 0.5 ? '-' : '+'}${Math.floor(r() * 4960)}`;
    return sign + int + frac + exp;
  }

  it('matches Redis over random walks of increments (fixed seed)', async () => {
    const r = rng(20240601);
    const walks = 30;
    const steps = 25;
    for (let w = 0; w < walks; w++) {
      const incrs: string[] = [];
      for (let i = 0; i < steps; i++) incrs.push(randomDecimal(r, false));
      // Redis walks one key from nothing; we walk our own value. Both must agree at every step.
      const pipe = redis.pipeline();
      pipe.del('walk');
      for (const incr of incrs) pipe.incrbyfloat('walk', incr);
      const results = ((await pipe.exec()) ?? []).slice(1);
      let value: string | undefined;
      incrs.forEach((incr, i) => {
        const [err, reply] = results[i];
        const expected = err ? `error: ${err.message}` : String(reply);
        const got = mine(value, incr);
        expect(got, `walk ${w} step ${i}: ${value} + ${incr}`).toBe(expected);
        if (!err) value = got;
      });
    }
  });

  it('matches Redis on random pairs of values (fixed seed)', async () => {
    const r = rng(7);
    const cases: [string, string][] = [];
    for (let i = 0; i < 400; i++) cases.push([randomDecimal(r, true), randomDecimal(r, i % 2 === 0)]);
    await expectSameAsRedis(cases);
  });
});

describe('the long double primitives', () => {
  it('parse, add and format compose into INCRBYFLOAT', async () => {
    const a = parseLongDouble('0.1')!;
    const b = parseLongDouble('0.2')!;
    const [reply] = await redisIncr([['0.1', '0.2']]);
    expect(formatLongDouble(addLongDouble(a, b))).toBe(reply);
    expect(parseLongDouble(' 1')).toBeNull();
    expect(parseLongDouble('1e400')).not.toBeNull();
    expect(parseLongDouble('1e5000')).toBeNull();
    expect(parseLongDouble('inf')).toEqual({ kind: 'inf', neg: false });
    expect(addLongDouble(parseLongDouble('inf')!, parseLongDouble('-inf')!)).toEqual({ kind: 'nan' });
  });
});
