import { describe, expect, it } from 'vitest';
import { Hash } from './hash.js';

const LIMITS = { entries: 3, value: 5 };

describe('Hash', () => {
  it('keeps insertion order, and a field its place when updated', () => {
    const hash = new Hash();
    expect(hash.set('b', '1', LIMITS)).toBe(true);
    expect(hash.set('a', '2', LIMITS)).toBe(true);
    expect(hash.set('b', '3', LIMITS)).toBe(false);
    expect([...hash.fields]).toEqual([['b', '3'], ['a', '2']]);
    expect(hash.delete('b')).toBe(true);
    expect(hash.delete('b')).toBe(false);
    expect(hash.get('a')).toBe('2');
  });

  it('is a listpack until too many entries or too long a string, then a hashtable for good', () => {
    const hash = new Hash();
    hash.set('a', '12345', LIMITS);
    hash.set('b', '1', LIMITS);
    hash.set('c', '1', LIMITS);
    expect(hash.encoding()).toBe('listpack');
    hash.set('d', '1', LIMITS);
    expect(hash.encoding()).toBe('hashtable');
    hash.delete('d');
    expect(hash.encoding()).toBe('hashtable');
    const long = new Hash();
    long.set('f', '123456', LIMITS);
    expect(long.encoding()).toBe('hashtable');
    const longField = new Hash();
    longField.set('123456', 'v', LIMITS);
    expect(longField.encoding()).toBe('hashtable');
  });

  it('picks random fields among the live ones', () => {
    const hash = new Hash();
    for (const f of ['a', 'b', 'c']) hash.set(f, 'v', LIMITS);
    hash.delete('b');
    for (let i = 0; i < 20; i++) expect(['a', 'c']).toContain(hash.randomField(Math.random));
    hash.set('d', 'v', LIMITS);
    const seen = new Set(Array.from({ length: 200 }, () => hash.randomField(Math.random)));
    expect([...seen].sort()).toEqual(['a', 'c', 'd']);
  });

  it('clones with its encoding', () => {
    const hash = new Hash();
    hash.set('f', '123456', LIMITS);
    const copy = hash.clone();
    copy.set('g', 'v', LIMITS);
    expect(hash.size).toBe(1);
    expect(copy.encoding()).toBe('hashtable');
  });
});
