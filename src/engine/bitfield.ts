/**
 * BITFIELD's integers: signed (i1..i64) and unsigned (u1..u63) fields at any
 * bit offset of a byte string, most significant bit first, with Redis's three
 * overflow policies. Field values are bigints (64-bit two's complement math).
 */
import type { ByteEditor } from './bytes.js';

export type Overflow = 'wrap' | 'sat' | 'fail';

/** The raw `bits`-wide field at bit `offset`, as an unsigned value. */
export function getUnsigned(bytes: ByteEditor, offset: number, bits: number): bigint {
  // Two 32-bit halves keep the bit loop in plain numbers.
  let hi = 0;
  let lo = 0;
  for (let j = 0; j < bits; j++, offset++) {
    const bit = (bytes.get(Math.floor(offset / 8)) >> (7 - (offset & 7))) & 1;
    hi = ((hi << 1) | (lo >>> 31)) >>> 0;
    lo = ((lo << 1) | bit) >>> 0;
  }
  return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

/** The field read as a two's complement signed integer. */
export function getSigned(bytes: ByteEditor, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(bytes, offset, bits));
}

/** Writes the low `bits` bits of `value` (two's complement) at bit `offset`. */
export function setField(bytes: ByteEditor, offset: number, bits: number, value: bigint): void {
  const u = BigInt.asUintN(64, value);
  const hi = Number(u >> 32n);
  const lo = Number(u & 0xffffffffn);
  for (let j = bits - 1; j >= 0; j--, offset++) {
    const bit = j >= 32 ? (hi >>> (j - 32)) & 1 : (lo >>> j) & 1;
    const at = Math.floor(offset / 8);
    const shift = 7 - (offset & 7);
    bytes.set(at, (bytes.get(at) & ~(1 << shift)) | (bit << shift));
  }
}

/**
 * Whether `value + incr` fits an unsigned field of `bits` bits (value is a
 * uint64, incr an int64): null if it does, else what to store under `policy`
 * (for 'fail', nothing is stored; the caller only needs to know).
 */
export function unsignedOverflow(value: bigint, incr: bigint, bits: number, policy: Overflow): bigint | null {
  const max = (1n << BigInt(bits)) - 1n;
  // As C computes them: uint64 differences read back as int64.
  const maxIncr = BigInt.asIntN(64, max - value);
  const minIncr = BigInt.asIntN(64, -value);
  if (value > max || (incr > 0n && incr > maxIncr)) {
    return policy === 'sat' ? max : BigInt.asUintN(bits, value + incr);
  }
  if (incr < 0n && incr < minIncr) {
    return policy === 'sat' ? 0n : BigInt.asUintN(bits, value + incr);
  }
  return null;
}

/** The signed counterpart of unsignedOverflow (value and incr are int64). */
export function signedOverflow(value: bigint, incr: bigint, bits: number, policy: Overflow): bigint | null {
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncr = BigInt.asIntN(64, max - value);
  const minIncr = BigInt.asIntN(64, min - value);
  const partial = bits !== 64;
  if (value > max || (partial && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) {
    return policy === 'sat' ? max : BigInt.asIntN(bits, value + incr);
  }
  if (value < min || (partial && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) {
    return policy === 'sat' ? min : BigInt.asIntN(bits, value + incr);
  }
  return null;
}
