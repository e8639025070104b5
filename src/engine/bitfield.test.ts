import { describe, expect, it } from 'vitest';
import { getSigned, getUnsigned, setField, signedOverflow, unsignedOverflow } from './bitfield.js';
import { ByteEditor } from './bytes.js';

describe('bitfield integers', () => {
  it('writes and reads back fields of every width at unaligned offsets', () => {
    const bytes = new ByteEditor('', 40);
    for (let bits = 1; bits <= 64; bits++) {
      for (const offset of [0, 3, 13, 64 + bits]) {
        const value = BigInt.asIntN(bits, 0x5a5a5a5a5a5a5a5an * BigInt(bits));
        setField(bytes, offset, bits, value);
        expect(getSigned(bytes, offset, bits)).toBe(value);
        expect(getUnsigned(bytes, offset, bits)).toBe(BigInt.asUintN(bits, value));
      }
    }
  });

  it('stores most significant bit first, like SETBIT', () => {
    const bytes = new ByteEditor('', 2);
    setField(bytes, 7, 5, 23n);
    expect([bytes.get(0), bytes.get(1)]).toEqual([0b00000001, 0b01110000]);
  });

  it('detects overflow of in-range values plus an increment', () => {
    for (const bits of [1, 5, 8, 63]) {
      const max = (1n << BigInt(bits)) - 1n;
      for (const [value, incr] of [[0n, 1n], [max, 1n], [0n, -1n], [max, -max], [1n, max]]) {
        const exact = value + incr;
        const fits = exact >= 0n && exact <= max;
        expect(unsignedOverflow(value, incr, bits, 'wrap')).toBe(fits ? null : BigInt.asUintN(bits, exact));
        expect(unsignedOverflow(value, incr, bits, 'sat')).toBe(fits ? null : exact < 0n ? 0n : max);
      }
    }
    for (const bits of [1, 5, 8, 64]) {
      const max = (1n << BigInt(bits - 1)) - 1n;
      const min = -max - 1n;
      for (const [value, incr] of [[0n, 1n], [max, 1n], [min, -1n], [min, max], [max, min], [-1n, min]]) {
        const exact = value + incr;
        const fits = exact >= min && exact <= max;
        expect(signedOverflow(value, incr, bits, 'wrap')).toBe(fits ? null : BigInt.asIntN(bits, exact));
        expect(signedOverflow(value, incr, bits, 'sat')).toBe(fits ? null : exact < min ? min : max);
      }
    }
  });
});
