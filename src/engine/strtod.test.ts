import { describe, expect, it } from 'vitest';
import { strtodWhole } from './strtod.js';

// Expected values and errno as glibc's strtod gives them (checked with a C program).
describe('strtodWhole', () => {
  it('reads what strtod reads, whole', () => {
    expect(strtodWhole('')).toEqual({ value: 0, erange: false });
    expect(strtodWhole(' 5')).toEqual({ value: 5, erange: false });
    expect(strtodWhole('\t\n\v\f\r5')).toEqual({ value: 5, erange: false });
    expect(strtodWhole('-1.5e3')).toEqual({ value: -1500, erange: false });
    expect(strtodWhole('.5')).toEqual({ value: 0.5, erange: false });
    expect(strtodWhole('0x10')).toEqual({ value: 16, erange: false });
    expect(strtodWhole('infinity')).toEqual({ value: Infinity, erange: false });
    expect(strtodWhole('-INF')).toEqual({ value: -Infinity, erange: false });
  });

  it('stops at a NUL byte, as C strings do', () => {
    expect(strtodWhole('5\x00junk')).toEqual({ value: 5, erange: false });
    expect(strtodWhole('\x00')).toEqual({ value: 0, erange: false });
  });

  it('refuses leftovers, blanks and NaN', () => {
    for (const s of ['  ', '5 ', '1e', '0x', '1.5.5', 'abc', 'nan', '-nan', '+-1', ' ']) expect(strtodWhole(s)).toBeNull();
  });

  it('flags ERANGE on overflow and on inexact tiny results only', () => {
    expect(strtodWhole('1e400')).toEqual({ value: Infinity, erange: true });
    expect(strtodWhole('-1e400')).toEqual({ value: -Infinity, erange: true });
    expect(strtodWhole('1e-400')).toEqual({ value: 0, erange: true });
    expect(strtodWhole('1e-310')).toEqual({ value: 1e-310, erange: true });
    expect(strtodWhole('2.2250738585072014e-308')).toEqual({ value: 2.2250738585072014e-308, erange: false });
    expect(strtodWhole('0x1p-1074')).toEqual({ value: 5e-324, erange: false });
    expect(strtodWhole('0x1.8p-1074')).toEqual({ value: 1e-323, erange: true });
    expect(strtodWhole('0x1p1024')).toEqual({ value: Infinity, erange: true });
    expect(strtodWhole('0x1.fffffffffffffp1023')).toEqual({ value: 1.7976931348623157e308, erange: false });
    expect(strtodWhole('0.0')).toEqual({ value: 0, erange: false });
  });
});
