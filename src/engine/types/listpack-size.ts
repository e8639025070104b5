/**
 * The bytes an element takes in a Redis listpack (listpack.c): its encoding
 * and data plus the back-length that lets a listpack be walked backwards.
 * Streams need it to close a node exactly where Redis does once the node
 * reaches stream-node-max-bytes.
 */
import { parseInt64 } from '../number.js';

/** An empty listpack: the 6-byte header and the end byte. */
export const LP_EMPTY_BYTES = 7;

/** Bytes of the back-length field for an encoding of `len` bytes. */
function backlenBytes(len: number): number {
  return len <= 127 ? 1 : len < 16383 ? 2 : len < 2097151 ? 3 : len < 268435455 ? 4 : 5;
}

/** An integer element (int64, wrapped as lpAppendInteger would store it). */
export function lpIntBytes(v: number | bigint): number {
  const n = typeof v === 'bigint' ? (v >= -(2n ** 31n) && v < 2n ** 31n ? Number(v) : Infinity) : v;
  // Encodings: 7-bit uint, 13-, 16-, 24-, 32- and 64-bit signed; each fits a 1-byte back-length.
  const enc =
    n >= 0 && n <= 127 ? 1 : n >= -4096 && n <= 4095 ? 2 : n >= -32768 && n <= 32767 ? 3 : n >= -8388608 && n <= 8388607 ? 4 : n >= -2147483648 && n <= 2147483647 ? 5 : 9;
  return enc + 1;
}

/** A string element: stored as an integer when it reads as one (lpStringToInt64), else as bytes. */
export function lpStringBytes(s: string): number {
  const len = s.length;
  if (len > 0 && len < 21) {
    const c = s.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 45) {
      const v = parseInt64(s);
      if (v !== null) return lpIntBytes(v);
    }
  }
  const enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  return enc + backlenBytes(enc);
}
