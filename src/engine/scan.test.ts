import { seededRandom as rng } from '../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { ErrorReply } from './reply.js';
import { parseScanCursor, parseScanOptions, scanHash, scanStep, type Scannable } from './scan.js';

/** Runs a whole iteration; `between` may change the collection after each step. */
function iterate(collection: Scannable, count: number, between?: (step: number) => void): string[] {
  const seen: string[] = [];
  let cursor = 0;
  for (let step = 0; step < 1_000_000; step++) {
    const r = scanStep(collection, cursor, count);
    seen.push(...r.elements);
    cursor = r.cursor;
    if (cursor === 0) return seen;
    between?.(step);
  }
  throw new Error('iteration did not end');
}


const keysMap = (n: number, prefix = 'key:') => new Map(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));

describe('parseScanCursor', () => {
  it('reads what strtoul reads', () => {
    expect(parseScanCursor('0')).toBe(0);
    expect(parseScanCursor('')).toBe(0);
    expect(parseScanCursor('00')).toBe(0);
    expect(parseScanCursor('-0')).toBe(0);
    expect(parseScanCursor('+17')).toBe(17);
    expect(parseScanCursor('007')).toBe(7);
    expect(parseScanCursor('4294967295')).toBe(4294967295);
    expect(parseScanCursor('18446744073709551615')).toBe(2 ** 64);
    expect(parseScanCursor('-1')).toBeGreaterThan(2 ** 32);
  });

  it('refuses anything else', () => {
    for (const bad of ['18446744073709551616', '99999999999999999999999', ' 1', '1 ', '1.5', '-', '+', '0x10', 'abc', '1\0']) {
      expect(() => parseScanCursor(bad), bad).toThrow(ErrorReply);
    }
  });
});

describe('parseScanOptions', () => {
  it('defaults, repeats and case', () => {
    expect(parseScanOptions(['SCAN', '0'], 2, true)).toEqual({ count: 10, pattern: null, type: null });
    expect(parseScanOptions(['SCAN', '0', 'count', '5', 'MATCH', 'a*', 'Count', '7', 'type', 'list'], 2, true)).toEqual({
      count: 7,
      pattern: 'a*',
      type: 'list',
    });
    expect(parseScanOptions(['SCAN', '0', 'MATCH', '*'], 2, true).pattern).toBeNull();
  });

  it('syntax errors', () => {
    for (const opts of [['COUNT', '0'], ['COUNT', '-3'], ['COUNT'], ['MATCH'], ['TYPE'], ['FOO', 'bar'], ['COUNT', '1', 'x']]) {
      expect(() => parseScanOptions(['SCAN', '0', ...opts], 2, true), opts.join(' ')).toThrow('ERR syntax error');
    }
    // TYPE is SCAN's alone.
    expect(() => parseScanOptions(['HSCAN', 'k', '0', 'TYPE', 'string'], 3, false)).toThrow('ERR syntax error');
    expect(() => parseScanOptions(['SCAN', '0', 'COUNT', 'x'], 2, true)).toThrow('ERR value is not an integer or out of range');
  });
});

describe('scanStep', () => {
  it('returns a collection that fits in one step at once', () => {
    const m = keysMap(5);
    expect(scanStep(m, 0, 10)).toEqual({ cursor: 0, elements: [...m.keys()] });
    expect(scanStep(new Map(), 0, 10)).toEqual({ cursor: 0, elements: [] });
  });

  it('visits every element exactly once when nothing changes', () => {
    for (const [n, count] of [[1000, 10], [1000, 1], [3000, 100], [50, 7]]) {
      const m = keysMap(n);
      const seen = iterate(m, count);
      expect(seen.length).toBe(n);
      expect(new Set(seen).size).toBe(n);
    }
  });

  it('works over a Set', () => {
    const s = new Set(Array.from({ length: 500 }, (_, i) => `m${i}`));
    expect(new Set(iterate(s, 10))).toEqual(s);
  });

  it('returns every element present for the whole iteration, whatever else changes', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const m = keysMap(2000);
      const stable = new Set([...m.keys()].filter(() => random() < 0.5));
      let added = 0;
      const seen = new Set(
        iterate(m, 1 + Math.floor(random() * 30), () => {
          // Delete and re-add other keys, add new ones, delete some for good.
          for (let i = 0; i < 20; i++) {
            const key = `key:${Math.floor(random() * 2000)}`;
            if (stable.has(key)) continue;
            if (m.has(key)) m.delete(key);
            else m.set(key, 0);
          }
          for (let i = 0; i < 10; i++) m.set(`new:${seed}:${added++}`, 0);
        }),
      );
      for (const key of stable) expect(seen.has(key), `seed ${seed}: ${key}`).toBe(true);
    }
  });

  it('survives other iterations starting over and finishing', () => {
    const m = keysMap(1000);
    const seen = new Set<string>();
    let cursor = 0;
    do {
      const r = scanStep(m, cursor, 10);
      r.elements.forEach((k) => seen.add(k));
      cursor = r.cursor;
      m.set(`added:${cursor}`, 0);
      iterate(m, 50); // another client's complete iteration rebuilds and frees the index
      scanStep(m, 0, 5); // and another one starts
    } while (cursor !== 0);
    for (let i = 0; i < 1000; i++) expect(seen.has(`key:${i}`)).toBe(true);
  });

  it('resumes from a cursor alone, as after a restart', () => {
    const m = keysMap(1000);
    const first = scanStep(m, 0, 100);
    const copy = new Map(m); // another host with the same keys and no index yet
    const seen = new Set(first.elements);
    let cursor = first.cursor;
    while (cursor !== 0) {
      const r = scanStep(copy, cursor, 100);
      r.elements.forEach((k) => seen.add(k));
      cursor = r.cursor;
    }
    expect(seen.size).toBe(1000);
  });

  it('never splits elements of equal hash across steps', () => {
    const pair = ['c693596', 'c1170850'];
    expect(scanHash(pair[0])).toBe(scanHash(pair[1]));
    const m = keysMap(300);
    m.set(pair[0], 0);
    m.set(pair[1], 0);
    let cursor = 0;
    do {
      const r = scanStep(m, cursor, 1);
      const hits = r.elements.filter((k) => pair.includes(k));
      expect(hits.length === 0 || hits.length === 2).toBe(true);
      cursor = r.cursor;
    } while (cursor !== 0);
  });

  it('rebuilds its index when most indexed elements are gone, and still finds the rest', () => {
    const m = keysMap(10_000);
    const first = scanStep(m, 0, 10);
    for (let i = 0; i < 10_000; i++) if (i % 1000 !== 0) m.delete(`key:${i}`);
    const seen = new Set(first.elements);
    let cursor = first.cursor;
    while (cursor !== 0) {
      const r = scanStep(m, cursor, 3);
      expect(r.elements.every((k) => m.has(k))).toBe(true);
      r.elements.forEach((k) => seen.add(k));
      cursor = r.cursor;
    }
    for (const key of m.keys()) expect(seen.has(key)).toBe(true);
  });

  it('a cursor past the end ends the iteration', () => {
    const m = keysMap(100);
    expect(scanStep(m, 2 ** 33, 10)).toEqual({ cursor: 0, elements: [] });
  });
});
