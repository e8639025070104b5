/**
 * Lua 5.1's number reading (luaO_str2d over C's strtod) and its C int casts,
 * which redlite's fengari patches rely on. Expected values are what Lua 5.1
 * (as Redis runs it) gives for the same strings.
 */
import { describe, expect, it } from 'vitest';
import { cInt, str2number, toInt32 } from './lua51.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('str2number', () => {
  it.each([
    ['42', 42],
    ['  12.5  ', 12.5],
    ['\t-3\n', -3],
    ['0x10', 16],
    ['0X1p4', 16],
    ['1e3', 1000],
    ['.5', 0.5],
    ['5.', 5],
    ['1e500', Infinity],
    ['-inf', -Infinity],
    ['infinity', Infinity],
    ['2147483648', 2147483648],
    ['9007199254740993', 9007199254740992],
  ])('reads %j as %d', (s, n) => {
    expect(str2number(bytes(s))).toBe(n);
  });

  it('reads nan and refuses what is not a number', () => {
    expect(str2number(bytes('nan'))).toBeNaN();
    for (const s of ['', '   ', 'abc', '12abc', '0x', '1e', '--1', '1 2']) expect(str2number(bytes(s))).toBeNull();
  });
});

describe('C int casts', () => {
  it('toInt32 truncates and saturates (library integer arguments)', () => {
    expect(toInt32(2.9)).toBe(2);
    expect(toInt32(-2.9)).toBe(-2);
    expect(toInt32(3e9)).toBe(2147483647);
    expect(toInt32(-3e9)).toBe(-2147483648);
    expect(toInt32(NaN)).toBe(0);
  });

  it('cInt keeps the low 32 bits, as luaL_checkint', () => {
    expect(cInt(2 ** 31)).toBe(-2147483648);
    expect(cInt(2 ** 32 + 2)).toBe(2);
    expect(cInt(-1.5)).toBe(-1);
    expect(cInt(Infinity)).toBe(0);
  });
});
