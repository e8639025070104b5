import { describe, expect, it } from 'vitest';
import {
  decrId,
  formatId,
  idMs,
  idSeq,
  incrId,
  makeId,
  MAX_ID,
  MIN_ID,
  parseIdArg,
  parseU64,
  msDelta,
  seqDelta,
} from './stream-id.js';

const U64_MAX = (1n << 64n) - 1n;

describe('stream IDs', () => {
  it('order like (ms, seq) pairs, across the whole 64-bit range', () => {
    const pairs: [bigint, bigint][] = [
      [0n, 0n], [0n, 1n], [1n, 0n], [65535n, U64_MAX], [65536n, 0n],
      [2n ** 53n - 1n, 5n], [2n ** 53n, 0n], [2n ** 63n, 2n ** 40n], [U64_MAX, U64_MAX],
    ];
    const ids = pairs.map(([ms, seq]) => makeId(ms, seq));
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1] < ids[i]).toBe(true);
    pairs.forEach(([ms, seq], i) => {
      expect(idMs(ids[i])).toBe(ms);
      expect(idSeq(ids[i])).toBe(seq);
      expect(formatId(ids[i])).toBe(`${ms}-${seq}`);
    });
    expect(makeId(1234567, 89)).toBe(makeId(1234567n, 89n));
    expect(MIN_ID).toBe(makeId(0, 0));
    expect(MAX_ID).toBe(makeId(U64_MAX, U64_MAX));
  });

  it('increments and decrements with carry, and stops at the ends', () => {
    expect(formatId(incrId(makeId(5, U64_MAX))!)).toBe('6-0');
    expect(formatId(decrId(makeId(6, 0))!)).toBe(`5-${U64_MAX}`);
    expect(formatId(incrId(makeId(7, 41))!)).toBe('7-42');
    expect(incrId(MAX_ID)).toBeNull();
    expect(decrId(MIN_ID)).toBeNull();
  });

  it('computes listpack deltas as signed 64-bit values', () => {
    expect(msDelta(makeId(100, 7), makeId(40, 9))).toBe(60);
    expect(seqDelta(makeId(100, 7), makeId(40, 9))).toBe(-2);
    expect(msDelta(makeId(U64_MAX, 0), makeId(0, 0))).toBe(-1n);
    expect(msDelta(makeId(2n ** 63n, 0), makeId(0, 0))).toBe(-(2n ** 63n));
    expect(seqDelta(makeId(0, 2n ** 53n + 1n), makeId(0, 1))).toBe(2n ** 53n);
  });

  it('reads numbers as string2ull does', () => {
    expect(parseU64('0')).toBe(0n);
    expect(parseU64('18446744073709551615')).toBe(U64_MAX);
    expect(parseU64('18446744073709551616')).toBeNull();
    expect(parseU64('-1')).toBeNull(); // a canonical negative is refused
    expect(parseU64('-01')).toBe(U64_MAX); // strtoull wraps the rest
    expect(parseU64('-0')).toBe(0n);
    expect(parseU64(' 7')).toBe(7n);
    expect(parseU64('+7')).toBe(7n);
    expect(parseU64('007')).toBe(7n);
    expect(parseU64('7 ')).toBeNull();
    expect(parseU64('')).toBeNull();
    expect(parseU64('0x10')).toBeNull();
  });

  it('parses ID arguments with Redis rules', () => {
    const id = (s: string) => {
      const p = parseIdArg(s, 'min', false);
      return p && formatId(p.id);
    };
    expect(id('5')).toBe('5-0');
    expect(id('5-3')).toBe('5-3');
    expect(id('-')).toBe('0-0');
    expect(id('+')).toBe(`${U64_MAX}-${U64_MAX}`);
    expect(formatId(parseIdArg('5', 'max', false)!.id)).toBe(`5-${U64_MAX}`);
    expect(parseIdArg('-', 'min', true)).toBeNull();
    expect(id('5-')).toBeNull();
    expect(id('-5')).toBeNull();
    expect(id('1-2-3')).toBeNull();
    expect(id('5\u0000junk')).toBe('5-0'); // C string: stops at NUL
    expect(id('1'.repeat(128))).toBeNull();
    expect(parseIdArg('5-*', 'min', true)).toBeNull();
    expect(parseIdArg('5-*', 'min', true, true)).toEqual({ id: makeId(5, 0), seqGiven: false });
  });
});
