/**
 * Number parsing and formatting against a real redis-server: every expected
 * value is what Redis answers. INCRBY on a missing key shows how string2ll
 * reads its argument; ZADD + ZSCORE (skiplist encoding) shows string2d and
 * %.17g; DUMP of a listpack sorted set shows d2string.
 */
import { seededRandom as rng } from '../../test/rng.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../../test/redis-server.js';
import {
  d2string,
  formatDouble,
  formatInt,
  parseDouble,
  parseInt64,
  toBigInt,
  toDouble,
  toInt,
} from './number.js';
import { ErrorReply } from './reply.js';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis({ port: server.port, stringNumbers: true, maxRetriesPerRequest: 0 });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** Byte string → the bytes Redis should receive (ioredis would UTF-8 encode a string). */
const bytes = (s: string) => Buffer.from(s, 'latin1');

/** Runs commands in one pipeline; each result is the reply, or the error message. */
async function batch(commands: (string | Buffer)[][]): Promise<(string | null)[]> {
  const pipe = redis.pipeline();
  for (const [name, ...args] of commands) pipe.call(name as string, ...args);
  const results = (await pipe.exec()) ?? [];
  return results.map(([err, value]) => (err ? `error: ${err.message}` : (value as string | null)));
}


const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
};

describe('integers (string2ll)', () => {
  const HAND = [
    '0', '1', '-1', '-0', '00', '01', '-01', '+1', ' 1', '1 ', '', '-', '--1', '1-', '1.0', '1e3', '0x10',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
    '18446744073709551615', '18446744073709551616', '99999999999999999999', '-99999999999999999999',
    '100000000000000000000', '09223372036854775807', '922337203685477580', '9007199254740993',
    '123456789012345', '-12345678901234', '1234567890123456', '-123456789012345', '1\x00', '\x001', '١',
    '12345678901234a', '-2147483649', '4294967296',
  ];

  function randomInts(count: number): string[] {
    const r = rng(7);
    const out: string[] = [];
    const pick = (alphabet: string) => alphabet[Math.floor(r() * alphabet.length)];
    for (let n = 0; n < count; n++) {
      const mode = r();
      let s = '';
      if (mode < 0.4) {
        // Valid-looking numbers of every length, including past int64.
        const len = 1 + Math.floor(r() * 21);
        s = (r() < 0.4 ? '-' : '') + pick('123456789');
        for (let i = 1; i < len; i++) s += pick('0123456789');
      } else if (mode < 0.7) {
        // Close to the int64 bounds.
        s = (r() < 0.5 ? '-' : '') + '92233720368547758' + pick('0123456789') + pick('0123456789');
      } else {
        const len = Math.floor(r() * 8);
        for (let i = 0; i < len; i++) s += pick('0123456789-+ .e0');
      }
      out.push(s);
    }
    return out;
  }

  it('parseInt64, toBigInt, toInt and formatInt agree with INCRBY', async () => {
    const cases = [...HAND, ...randomInts(3000)];
    const replies = await batch(cases.map((s, i) => ['INCRBY', `int:${i}`, bytes(s)]));
    for (let i = 0; i < cases.length; i++) {
      const s = cases[i];
      const reply = replies[i];
      const parsed = parseInt64(s);
      if (reply?.startsWith('error: ')) {
        expect(parsed, JSON.stringify(s)).toBeNull();
        expect(outcome(() => toBigInt(s))).toBe(reply);
        expect(outcome(() => toInt(s))).toBe(reply);
      } else {
        expect(parsed, JSON.stringify(s)).not.toBeNull();
        expect(formatInt(parsed!)).toBe(reply);
        expect(toBigInt(s)).toBe(BigInt(reply!));
        expect(toInt(s)).toBe(Number(reply));
      }
    }
  });

  it('toInt throws the error it is given', () => {
    const custom = () => new ErrorReply('ERR timeout is not an integer or out of range');
    expect(() => toInt('1.5', custom)).toThrow('ERR timeout is not an integer or out of range');
    expect(() => toInt('99999999999999999999', custom)).toThrow(ErrorReply);
  });

  it('formatInt prints large numbers without exponents', async () => {
    const [max, min] = await batch([
      ['INCRBY', 'fi:max', '9223372036854775807'],
      ['INCRBY', 'fi:min', '-9223372036854775808'],
    ]);
    expect(formatInt(2n ** 63n - 1n)).toBe(max);
    expect(formatInt(-(2n ** 63n))).toBe(min);
    expect(formatInt(-(2 ** 63))).toBe(min);
  });
});

describe('doubles (string2d and %.17g)', () => {
  /** ZADD then ZSCORE on a skiplist zset, where Redis keeps the exact double. */
  async function zscores(inputs: string[]): Promise<(string | null)[]> {
    await redis.config('SET', 'zset-max-listpack-entries', '0');
    await redis.del('dz');
    const commands: (string | Buffer)[][] = [];
    inputs.forEach((s, i) => commands.push(['ZADD', 'dz', bytes(s), `m${i}`], ['ZSCORE', 'dz', `m${i}`]));
    const replies = await batch(commands);
    return inputs.map((_, i) => (replies[2 * i]!.startsWith('error: ') ? replies[2 * i] : replies[2 * i + 1]));
  }

  const HAND = [
    '1.1', '-1.1', '0', '-0', '+0', '0.0', '-0.0', '1', '1.', '.5', '+.5', '-.5', '.', '5e', '5e+', '5e-1', '5E+1',
    '1e308', '1.7976931348623157e308', '1.7976931348623159e308', '1e309', '-1e309', '1e-308', '1e-310', '4.9e-324',
    '2.4703282292062328e-324', '2.4703282292062327e-324', '1e-400', '0e-400', '0e400', '1e400',
    'inf', '+inf', '-inf', 'INF', 'Inf', 'infinity', '-Infinity', 'INFINITY', 'infinit', 'infinityy', 'in', 'nan',
    '-nan', 'NaN', 'nan(1)', '0x10', '0X1P3', '0x1.8p1', '0x.8', '0x.', '0x', '0xp1', '0x1p', '0x1p+', '0x1P-1074',
    '0x1p-1075', '0x1.0000000000001p-1075', '0x1p1024', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023',
    '-0x1.8', '0xg', '0x1g', ' 1', '1 ', '\t1', '1\x00', '', '-', '+', '++1', '1e1.5', '1..2', '1,5', '١',
    '1000000000000000.25', '2.98023223876953125e-8', '0.00001', '0.0001', '0.00009999999999999999',
    '99999999999999999', '100000000000000000', '123456789012345678', '9007199254740993', '1e16', '1e17',
    '12345678901234567', '0.1', '0.2', '0.3', '1e22', '1e21', '5e-324', '000123.4500', '1_000', '1e+0400',
  ];

  it('parses and formats as ZADD / ZSCORE do (hand-picked)', async () => {
    const replies = await zscores(HAND);
    HAND.forEach((s, i) => {
      const d = parseDouble(s);
      const mine = d === null ? outcome(() => toDouble(s)) : formatDouble(d);
      expect(mine, JSON.stringify(s)).toBe(replies[i]);
    });
  });

  it('parses random literals as ZADD does', async () => {
    const r = rng(11);
    const pick = <T,>(items: ArrayLike<T>): T => items[Math.floor(r() * items.length)];
    const digits = (max: number, alphabet = '0123456789') => {
      let s = '';
      for (let n = Math.floor(r() * (max + 1)); n > 0; n--) s += pick(alphabet);
      return s;
    };
    const inputs: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const mode = r();
      let s = pick(['', '', '+', '-']);
      if (mode < 0.45) {
        s += digits(4) + (r() < 0.6 ? '.' : '') + digits(4);
        if (r() < 0.5) s += pick('eE') + pick(['', '+', '-']) + (r() < 0.3 ? String(280 + Math.floor(r() * 60)) : digits(3));
      } else if (mode < 0.7) {
        s += '0' + pick('xX') + digits(4, '0123456789abcdefABCDEF') + (r() < 0.5 ? '.' : '');
        s += digits(3, '0123456789abcdef');
        if (r() < 0.5) s += pick('pP') + pick(['', '+', '-']) + (r() < 0.3 ? String(1020 + Math.floor(r() * 60)) : digits(2));
      } else if (mode < 0.8) {
        s += pick(['inf', 'INF', 'infinity', 'Infinity', 'nan', 'infini', 'i']);
      } else {
        s = digits(6, '0123456789.eEx+- pi');
      }
      if (r() < 0.05) s = r() < 0.5 ? ' ' + s : s + pick(' x\x00');
      inputs.push(s);
    }
    const replies = await zscores(inputs);
    inputs.forEach((s, i) => {
      const d = parseDouble(s);
      expect(d === null ? 'error' : formatDouble(d), JSON.stringify(s)).toBe(
        replies[i]!.startsWith('error: ') ? 'error' : replies[i],
      );
    });
  });

  /** Doubles that stress %.17g: random bit patterns, exact ties, layout boundaries. */
  function interestingDoubles(count: number): number[] {
    const r = rng(42);
    const view = new DataView(new ArrayBuffer(8));
    const out: number[] = [];
    for (let n = 0; n < count; n++) {
      const mode = r();
      let d: number;
      if (mode < 0.4) {
        // Any finite double.
        do {
          view.setUint32(0, Math.floor(r() * 2 ** 32));
          view.setUint32(4, Math.floor(r() * 2 ** 32));
          d = view.getFloat64(0);
        } while (!Number.isFinite(d));
      } else if (mode < 0.6) {
        // Exact decimal ties at the 17th digit: m / 2^k with m odd and m·5^k of 18 digits.
        const k = 1 + Math.floor(r() * 25);
        const lo = Math.ceil(1e17 / 5 ** k);
        const hi = Math.min(1e18 / 5 ** k, 2 ** 53);
        const m = Math.floor(lo + r() * (hi - lo)) | 1;
        d = m / 2 ** k;
      } else if (mode < 0.7) {
        // Short decimals, as users type them.
        d = Math.floor(r() * 1e6) / 10 ** Math.floor(r() * 12);
      } else if (mode < 0.8) {
        // Short binary fractions (0.5, 99.125 …), around the 1e5 and 2^-10 edges of a fast path.
        d = Math.floor(r() * 2 ** 28) / 2 ** Math.floor(r() * 16);
      } else {
        // Near the fixed/exponent switch points of %g and powers of ten.
        const e = [-5, -4, 16, 17, Math.floor(r() * 40) - 20][Math.floor(r() * 5)];
        d = 10 ** e * (1 - (r() < 0.5 ? 1 : -1) * r() * 1e-15);
      }
      out.push(r() < 0.3 ? -d : d);
    }
    return out;
  }

  it('formats doubles as ZSCORE does (%.17g, ties to even)', async () => {
    const doubles = [...interestingDoubles(4000), -0, 5e-324, Number.MAX_VALUE, 2 ** 62, 2 ** 53 + 2, 1e17 - 16];
    // JS's shortest round-trip form is enough for strtod to rebuild the same double.
    const replies = await zscores(doubles.map((d) => String(Object.is(d, -0) ? '-0' : d)));
    doubles.forEach((d, i) => expect(formatDouble(d), String(d)).toBe(replies[i]));
    expect(formatDouble(Infinity)).toBe((await zscores(['inf']))[0]);
    expect(formatDouble(-Infinity)).toBe((await zscores(['-inf']))[0]);
  });

  it('toDouble throws Redis errors', async () => {
    const [reply] = await batch([['ZADD', 'dz', 'abc', 'm']]);
    expect(outcome(() => toDouble('abc'))).toBe(reply);
    expect(() => toDouble('x', () => new ErrorReply('ERR min or max is not a float'))).toThrow(
      'ERR min or max is not a float',
    );
  });
});

describe('d2string', () => {
  /** The listpack string entry Redis writes for a short string: a 0x80|len byte, then the bytes. */
  const stringEntry = (s: string) => Buffer.concat([Buffer.from([0x80 | s.length]), bytes(s)]);

  /** The listpack integer entry for a value beyond 24 bits: 0xF3 + int32 or 0xF4 + int64, little-endian. */
  function intEntry(text: string): Buffer {
    const v = BigInt(text);
    const wide = v < -(2n ** 31n) || v >= 2n ** 31n;
    const buf = Buffer.alloc(wide ? 9 : 5);
    buf[0] = wide ? 0xf4 : 0xf3;
    if (wide) buf.writeBigInt64LE(v, 1);
    else buf.writeInt32LE(Number(v), 1);
    return buf;
  }

  it('is how a listpack sorted set stores scores (seen through DUMP)', async () => {
    await redis.config('SET', 'zset-max-listpack-entries', '128');
    await redis.config('SET', 'rdbcompression', 'no');
    const values = [
      1.1, -1.1, 0.1, 1e-300, 5e-324, 1e300, -Number.MAX_VALUE, 1000000000000000.25, 2.5e-8, 1e17, -1e17,
      2 ** 62, -(2 ** 62), 2 ** 62 + 1024, -(2 ** 62) - 1024, 2 ** 63, 12345.678, 2 ** 53 + 2, 4e18, 5e18,
      99999999999999950, -123456789012345680, 2 ** 31, -(2 ** 31) - 1, 16777216, Infinity, -Infinity,
    ];
    for (const d of values) {
      await redis.del('lz');
      await redis.zadd('lz', String(d), 'm');
      const dump = await redis.dumpBuffer('lz');
      const text = d2string(d);
      // Integral text means Redis took its integer branch and stored a listpack integer.
      const entry = /^-?\d+$/.test(text) ? intEntry(text) : stringEntry(text);
      expect(dump.includes(entry), `${d} as ${text}`).toBe(true);
    }
  });

  it('prints NaN and zeros as util.c does', () => {
    // Not observable through commands: scores are never NaN, and a zero score
    // is stored as the integer 0. These follow the C source.
    expect([d2string(NaN), d2string(0), d2string(-0)]).toEqual(['nan', '0', '-0']);
  });
});
