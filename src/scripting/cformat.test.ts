/**
 * C's printf for numbers (what Lua 5.1 prints through tostring, string.format
 * and cjson). Expected strings are glibc's output for the same format.
 */
import { describe, expect, it } from 'vitest';
import { doubleToInt64, formatFloat, formatInteger, luaNumberToString, NO_FLAGS, type FormatSpec } from './cformat.js';

/** Parses a printf spec like '%-10.2e' into the formatter's arguments. */
function printf(spec: string, x: number): string {
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([eEfgG])$/.exec(spec)!;
  const flags = m[1];
  const s: FormatSpec = {
    ...NO_FLAGS,
    minus: flags.includes('-'),
    plus: flags.includes('+'),
    space: flags.includes(' '),
    alt: flags.includes('#'),
    zero: flags.includes('0'),
    width: m[2] ? Number(m[2]) : 0,
    precision: m[3] === undefined ? -1 : Number(m[3] || '0'),
  };
  return formatFloat(x, m[4], s);
}

describe('formatFloat', () => {
  it.each([
    ['%.14g', 1234567890123.25, '1234567890123.2'],
    ['%.14g', 123456789012345, '1.2345678901234e+14'],
    ['%.14g', 0.1, '0.1'],
    ['%.14g', 1 / 3, '0.33333333333333'],
    ['%.14g', 2 ** 53, '9.007199254741e+15'],
    ['%.14g', 1e15, '1e+15'],
    ['%.14g', 1e-5, '1e-05'],
    ['%.14g', 0.0001, '0.0001'],
    ['%.14g', 1e100, '1e+100'],
    ['%.14g', -1.5e-7, '-1.5e-07'],
    ['%.14g', 5e-324, '4.9406564584125e-324'],
    ['%.14g', 1.7976931348623157e308, '1.7976931348623e+308'],
    ['%.0f', 0.5, '0'],
    ['%.0f', 1.5, '2'],
    ['%.0f', 2.5, '2'],
    ['%.1f', 0.25, '0.2'],
    ['%.2f', 1.005, '1.00'],
    ['%.3f', 2.0005, '2.001'],
    ['%.20f', 0.1, '0.10000000000000000555'],
    ['%f', 1e22, '10000000000000000000000.000000'],
    ['%.2e', 12345.675, '1.23e+04'],
    ['%e', 0, '0.000000e+00'],
    ['%g', 100000, '100000'],
    ['%g', 1000000, '1e+06'],
    ['%g', 1e-5, '1e-05'],
    ['%#g', 5, '5.00000'],
    ['%#.0f', 5, '5.'],
    ['%#.0e', 5, '5.e+00'],
    ['%10.3f', -3.14159, '    -3.142'],
    ['%-10.2e', 1234.5, '1.23e+03  '],
    ['%+g', 2.5, '+2.5'],
    ['% .3g', 0.00012345, ' 0.000123'],
    ['%010.2f', -1.5, '-000001.50'],
    ['%G', 1e-10, '1E-10'],
    ['%E', 123.456, '1.234560E+02'],
  ])('%s of %d', (spec, x, expected) => {
    expect(printf(spec, x)).toBe(expected);
  });

  it('prints infinities and NaN as glibc does', () => {
    expect(printf('%f', Infinity)).toBe('inf');
    expect(printf('%5.1e', -Infinity)).toBe(' -inf');
    expect(printf('%G', Infinity)).toBe('INF');
    expect(printf('%f', NaN).endsWith('nan')).toBe(true);
  });
});

describe('luaNumberToString', () => {
  it('is %.14g, with -0, inf and -inf', () => {
    expect(luaNumberToString(5)).toBe('5');
    expect(luaNumberToString(-0)).toBe('-0');
    expect(luaNumberToString(2147483648)).toBe('2147483648');
    expect(luaNumberToString(99999999999999)).toBe('99999999999999');
    expect(luaNumberToString(100000000000000)).toBe('1e+14');
    expect(luaNumberToString(Infinity)).toBe('inf');
    expect(luaNumberToString(-Infinity)).toBe('-inf');
  });
});

describe('formatInteger and doubleToInt64', () => {
  it('format 64-bit integers with flags, precision and radix', () => {
    expect(formatInteger(-1n, 'x', NO_FLAGS)).toBe('ffffffffffffffff');
    expect(formatInteger(255n, 'X', { ...NO_FLAGS, alt: true })).toBe('0XFF');
    expect(formatInteger(8n, 'o', { ...NO_FLAGS, alt: true })).toBe('010');
    expect(formatInteger(7n, 'd', { ...NO_FLAGS, zero: true, width: 3 })).toBe('007');
    expect(formatInteger(5n, 'd', { ...NO_FLAGS, plus: true })).toBe('+5');
    expect(formatInteger(0n, 'd', { ...NO_FLAGS, precision: 0 })).toBe('');
    expect(formatInteger(42n, 'd', { ...NO_FLAGS, minus: true, width: 5 })).toBe('42   ');
  });

  it('casts doubles as x86-64 does', () => {
    expect(doubleToInt64(3.7)).toBe(3n);
    expect(doubleToInt64(-3.7)).toBe(-3n);
    expect(doubleToInt64(2 ** 62)).toBe(4611686018427387904n);
    expect(doubleToInt64(2 ** 63)).toBe(-9223372036854775808n);
    expect(doubleToInt64(-(2 ** 63))).toBe(-9223372036854775808n);
    expect(doubleToInt64(NaN)).toBe(-9223372036854775808n);
    expect(doubleToInt64(1e20)).toBe(-9223372036854775808n);
  });
});
