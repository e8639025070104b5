import { describe, expect, it } from 'vitest';
import { bitpos, bitposOfByte, popcount, popcountByte } from './bits.js';

const bitAt = (s: string, i: number) => (s.charCodeAt(i >> 3) >> (7 - (i & 7))) & 1;

describe('bit scanning', () => {
  const samples = ['', '\x00', '\xff', '\x00\x00\x80', '\xff\xff\x7f', 'foobar', '\x01\x00\x00\x00\x00\x00\x00\x00\x00\x02'];

  it('popcount counts set bits of a byte range', () => {
    for (let b = 0; b < 256; b++) expect(popcountByte(b)).toBe(b.toString(2).replace(/0/g, '').length);
    for (const s of samples) {
      for (let start = 0; start <= s.length; start++) {
        for (let end = start; end <= s.length; end++) {
          let n = 0;
          for (let i = start * 8; i < end * 8; i++) n += bitAt(s, i);
          expect(popcount(s, start, end)).toBe(n);
        }
      }
    }
  });

  it('bitpos finds the first matching bit, -1 for no 1, the padding for no 0', () => {
    for (const s of samples) {
      for (let start = 0; start < s.length; start++) {
        for (let count = 1; start + count <= s.length; count++) {
          for (const bit of [0, 1]) {
            let expected = bit ? -1 : count * 8;
            for (let i = 0; i < count * 8; i++) {
              if (bitAt(s, start * 8 + i) === bit) {
                expected = i;
                break;
              }
            }
            expect(bitpos(s, start, count, bit)).toBe(expected);
          }
        }
      }
    }
    expect(bitposOfByte(0, 1)).toBe(-1);
    expect(bitposOfByte(0xff, 0)).toBe(8);
    expect(bitposOfByte(0x10, 1)).toBe(3);
    expect(bitposOfByte(0xfe, 0)).toBe(7);
  });
});
