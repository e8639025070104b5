/**
 * Bit scanning over byte strings, as BITCOUNT and BITPOS see them: bit 0 is
 * the most significant bit of the first byte.
 */

/** Set bits in each byte value. */
const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1];

/** Set bits in one byte. */
export function popcountByte(byte: number): number {
  return POPCOUNT[byte];
}

/** Set bits in bytes [start, end) of a byte string. */
export function popcount(s: string, start: number, end: number): number {
  let bits = 0;
  for (let i = start; i < end; i++) bits += POPCOUNT[s.charCodeAt(i)];
  return bits;
}

/**
 * Position of the first bit equal to `bit` in `count` bytes of `s` from byte
 * `start`, counted from that byte (Redis's redisBitpos). With none found:
 * -1 when looking for a 1, `count * 8` when looking for a 0 (the string is
 * taken as zero padded on the right).
 */
export function bitpos(s: string, start: number, count: number, bit: number): number {
  const skip = bit ? 0 : 0xff;
  const end = start + count;
  for (let i = start; i < end; i++) {
    const byte = s.charCodeAt(i);
    if (byte !== skip) return (i - start) * 8 + firstBit(byte, bit);
  }
  return bit ? -1 : count * 8;
}

/** redisBitpos over the single byte `byte`. */
export function bitposOfByte(byte: number, bit: number): number {
  if (byte === (bit ? 0 : 0xff)) return bit ? -1 : 8;
  return firstBit(byte, bit);
}

/** Position (0..7, MSB first) of the first bit equal to `bit` in a byte that has one. */
function firstBit(byte: number, bit: number): number {
  return Math.clz32(bit ? byte : ~byte & 0xff) - 24;
}
