import { seededRandom as rng } from '../../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { OrderedMap, type SeekMode } from './ordered-map.js';


const keyOf = (n: number): string => String.fromCharCode(n >> 8, n & 0xff);

/** The reference answer for seek: index into the sorted keys, or -1. */
function expectedSeek(sorted: string[], key: string, mode: SeekMode): number {
  switch (mode) {
    case '>=':
      return sorted.findIndex((k) => k >= key);
    case '>':
      return sorted.findIndex((k) => k > key);
    case '<=':
      return sorted.findLastIndex((k) => k <= key);
    case '<':
      return sorted.findLastIndex((k) => k < key);
  }
}

function keysForward<V>(m: OrderedMap<V>): string[] {
  return [...m.entries()].map(([k]) => k);
}

function keysBackward<V>(m: OrderedMap<V>): string[] {
  const out: string[] = [];
  for (let c = m.last(), more = c !== null; more; more = c!.prev()) out.push(c!.key);
  return out;
}

describe('OrderedMap', () => {
  it('starts empty', () => {
    const m = new OrderedMap<number>();
    expect(m.size).toBe(0);
    expect(m.first()).toBeNull();
    expect(m.last()).toBeNull();
    expect(m.seek('a', '>=')).toBeNull();
    expect(m.seek('a', '<=')).toBeNull();
    expect(m.delete('a')).toBe(false);
  });

  it('replaces values without growing', () => {
    const m = new OrderedMap<number>();
    expect(m.set('a', 1)).toBe(true);
    expect(m.set('a', 2)).toBe(false);
    expect(m.size).toBe(1);
    expect(m.get('a')).toBe(2);
  });

  it('matches a sorted array under random inserts and deletes', () => {
    const random = rng(7);
    const m = new OrderedMap<number>();
    const ref = new Map<string, number>();
    for (let step = 0; step < 40000; step++) {
      const k = keyOf(Math.floor(random() * 6000));
      // Grow for a while, then shrink, so splits and merges both happen at every level.
      const insert = random() < (step < 25000 ? 0.7 : 0.25);
      if (insert) {
        expect(m.set(k, step)).toBe(!ref.has(k));
        ref.set(k, step);
      } else {
        expect(m.delete(k)).toBe(ref.delete(k));
      }
      if (step % 2500 === 0 || step === 39999) {
        const sorted = [...ref.keys()].sort();
        expect(m.size).toBe(sorted.length);
        expect(keysForward(m)).toEqual(sorted);
        expect(keysBackward(m)).toEqual([...sorted].reverse());
        for (let probe = 0; probe < 200; probe++) {
          const key = keyOf(Math.floor(random() * 6100));
          for (const mode of ['>=', '>', '<=', '<'] as SeekMode[]) {
            const i = expectedSeek(sorted, key, mode);
            const c = m.seek(key, mode);
            expect(c === null ? -1 : sorted.indexOf(c.key)).toBe(i);
          }
          expect(m.get(key)).toBe(ref.get(key));
        }
      }
    }
  });

  it('walks on from a seek in both directions', () => {
    const m = new OrderedMap<number>();
    for (let i = 0; i < 1000; i += 2) m.set(keyOf(i), i);
    const c = m.seek(keyOf(501), '>=')!;
    expect(c.value).toBe(502);
    expect(c.next()).toBe(true);
    expect(c.value).toBe(504);
    expect(c.prev() && c.prev()).toBe(true);
    expect(c.value).toBe(500);
    const end = m.seek(keyOf(998), '>=')!;
    expect(end.next()).toBe(false);
  });

  it('empties completely and can be refilled', () => {
    const m = new OrderedMap<number>();
    for (let i = 0; i < 3000; i++) m.set(keyOf(i), i);
    for (let i = 0; i < 3000; i++) expect(m.delete(keyOf(i))).toBe(true);
    expect(m.size).toBe(0);
    expect(m.first()).toBeNull();
    m.set('x', 1);
    expect(keysForward(m)).toEqual(['x']);
  });
});
