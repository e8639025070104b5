import { describe, expect, it } from 'vitest';
import { cachedCount, count, countRegisters, EMPTY_HLL, HLL_REGISTERS, HllWriter, isDense, isHll, mergeInto, patternOf, withCachedCount } from './hyperloglog.js';

const registersOf = (s: string) => {
  const max = new Uint8Array(HLL_REGISTERS);
  expect(mergeInto(max, s)).toBe(true);
  return max;
};

describe('HyperLogLog', () => {
  it('hashes elements to the register and run Redis computes', () => {
    // Register index and value as PFDEBUG DECODE shows them on redis-server 7.0.
    const fromRedis: [string, number, number][] = [
      ['a', 12711, 2],
      ['foo', 7348, 5],
      ['', 5938, 2],
      ['hello', 9216, 1],
      ['12345678', 10579, 3],
      ['longer than eight', 8046, 1],
    ];
    for (const [element, index, value] of fromRedis) {
      const pattern = patternOf(element);
      expect([pattern & (HLL_REGISTERS - 1), pattern >>> 14], element).toEqual([index, value]);
    }
  });

  it('starts empty, sparse and with a valid cached count of 0', () => {
    expect(isHll(EMPTY_HLL)).toBe(true);
    expect(isDense(EMPTY_HLL)).toBe(false);
    expect(count(EMPTY_HLL)).toBe(0);
    expect(cachedCount(EMPTY_HLL)).toBe(0);
    expect(isHll('HYLL')).toBe(false);
    expect(isHll('HYLL\x00' + '\0'.repeat(20))).toBe(false);
  });

  it('keeps sparse and dense encodings in agreement, promoting past the size limit', () => {
    const sparse = new HllWriter(EMPTY_HLL, 1e6);
    const promoted = new HllWriter(EMPTY_HLL, 300);
    for (let i = 0; i < 2000; i++) {
      sparse.add(`e${i}`);
      promoted.add(`e${i}`);
    }
    expect(sparse.isDense).toBe(false);
    expect(promoted.isDense).toBe(true);
    expect(registersOf(promoted.toString())).toEqual(registersOf(sparse.toString()));
    expect(count(promoted.toString())).toBe(count(sparse.toString()));
    expect(countRegisters(registersOf(sparse.toString()))).toBe(count(sparse.toString()));
    expect(Math.abs(count(sparse.toString())! - 2000)).toBeLessThan(100);
  });

  it('promotes for a register too large for the sparse encoding', () => {
    const hll = new HllWriter(EMPTY_HLL, 3000);
    hll.add('a');
    expect(hll.set(100, 33)).toBe(1);
    expect(hll.isDense).toBe(true);
    const registers = registersOf(hll.toString());
    expect([registers[100], registers[12711]]).toEqual([33, 2]);
    expect(hll.set(100, 20)).toBe(0);
  });

  it('detects sparse values that do not cover every register', () => {
    const short = 'HYLL\x01' + '\0'.repeat(11) + '\x7f\xfe';
    expect(count(short)).toBeNull();
    expect(mergeInto(new Uint8Array(HLL_REGISTERS), short)).toBe(false);
    expect(new HllWriter(short, 3000).toDense()).toBe(false);
    expect(new HllWriter(short, 3000).set(16383, 1)).toBe(-1);
  });

  it('caches the count in the header, the top bit marking it stale', () => {
    const hll = new HllWriter(EMPTY_HLL, 3000);
    hll.add('x');
    hll.invalidateCache();
    const stale = hll.toString();
    expect(cachedCount(stale)).toBeNull();
    expect(cachedCount(withCachedCount(stale, 123456789))).toBe(123456789);
  });
});
