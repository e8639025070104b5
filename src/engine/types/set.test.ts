import { describe, expect, it } from 'vitest';
import { isIntegerMember, SetValue } from './set.js';

describe('isIntegerMember (what an intset can hold: string2ll)', () => {
  it('accepts canonical int64 decimals only', () => {
    for (const s of ['0', '1', '-1', '42', '9223372036854775807', '-9223372036854775808', '123456789012345678']) {
      expect(isIntegerMember(s), s).toBe(true);
    }
    for (const s of ['', '-', '-0', '007', '+1', ' 1', '1 ', '1.0', '1e3', 'a', '9223372036854775808', '-9223372036854775809', '12345678901234567890']) {
      expect(isIntegerMember(s), s).toBe(false);
    }
  });
});

describe('SetValue', () => {
  it('adds, removes and picks members', () => {
    const set = new SetValue(false);
    expect(set.add('a', 512)).toBe(true);
    expect(set.add('a', 512)).toBe(false);
    set.add('b', 512);
    set.add('c', 512);
    expect(set.delete('a')).toBe(true);
    expect(set.delete('a')).toBe(false);
    expect(set.has('b') && set.has('c') && !set.has('a')).toBe(true);
    expect([...set.members()].sort()).toEqual(['b', 'c']);
    for (let i = 0; i < 20; i++) expect(['b', 'c']).toContain(set.random(Math.random));
  });

  it('is an intset while members are integers and few, then a hashtable for good', () => {
    const set = SetValue.forFirstMember('10');
    expect(set.encoding()).toBe('intset');
    set.add('10', 3);
    set.add('-5', 3);
    set.add('7', 3);
    expect(set.members()).toEqual(['-5', '7', '10']);
    set.add('8', 3);
    expect(set.encoding()).toBe('hashtable');
    set.delete('8');
    expect(set.encoding()).toBe('hashtable');
    const words = SetValue.forFirstMember('x');
    expect(words.encoding()).toBe('hashtable');
    const mixed = SetValue.forFirstMember('1');
    mixed.add('one', 512);
    expect(mixed.encoding()).toBe('hashtable');
  });

  it('orders an intset numerically, negatives and 64-bit extremes included', () => {
    const members = ['9223372036854775807', '-1', '100', '-9223372036854775808', '0', '99', '-100', '9223372036854775806'];
    const set = SetValue.fromMembers(members, 512);
    expect(set.members()).toEqual(['-9223372036854775808', '-100', '-1', '0', '99', '100', '9223372036854775806', '9223372036854775807']);
  });

  it('builds results as Redis does: intset when it can be', () => {
    expect(SetValue.fromMembers(['1', '2'], 512).encoding()).toBe('intset');
    expect(SetValue.fromMembers(['1', 'a'], 512).encoding()).toBe('hashtable');
    expect(SetValue.fromMembers(['1', '2', '3'], 2).encoding()).toBe('hashtable');
  });

  it('clones with its encoding', () => {
    const set = SetValue.fromMembers(['1', '2'], 512);
    const copy = set.clone();
    copy.add('3', 512);
    expect(set.size).toBe(2);
    expect(copy.encoding()).toBe('intset');
  });
});
