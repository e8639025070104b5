/**
 * CRC-64 with the Jones polynomial, reflected, init 0, no final xor — the
 * checksum Redis puts after a DUMP payload and at the end of an RDB file.
 * The 64-bit register is kept as two 32-bit halves to avoid BigInt per byte.
 */
const LO = new Uint32Array(256);
const HI = new Uint32Array(256);
// 0x95ac9329ac4bc9b5: the Jones polynomial 0xad93d23594c935a9, bit-reversed.
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;
for (let n = 0; n < 256; n++) {
  let lo = n;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | (hi << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      lo = (lo ^ POLY_LO) >>> 0;
      hi = (hi ^ POLY_HI) >>> 0;
    }
  }
  LO[n] = lo;
  HI[n] = hi;
}

/** The checksum of bytes[start, end) as 8 little-endian bytes, as Redis stores it. */
export function crc64(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  let lo = 0;
  let hi = 0;
  for (let i = start; i < end; i++) {
    const t = (lo ^ bytes[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ LO[t]) >>> 0;
    hi = ((hi >>> 8) ^ HI[t]) >>> 0;
  }
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, lo, true);
  view.setUint32(4, hi, true);
  return out;
}
