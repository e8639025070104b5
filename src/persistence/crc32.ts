/**
 * CRC-32 (IEEE 802.3, as zlib computes it), to detect corrupted or truncated
 * records. Four bytes a step through four tables ("slicing by 4"): snapshot
 * chunks are checksummed between commands, so speed matters.
 */
const TABLES = Array.from({ length: 4 }, () => new Uint32Array(256));
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLES[0][n] = c >>> 0;
}
for (let n = 0; n < 256; n++) {
  for (let t = 1; t < 4; t++) TABLES[t][n] = (TABLES[0][TABLES[t - 1][n] & 0xff] ^ (TABLES[t - 1][n] >>> 8)) >>> 0;
}
const [T0, T1, T2, T3] = TABLES;

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  let i = 0;
  for (const end = bytes.length - 3; i < end; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = T3[c & 0xff] ^ T2[(c >>> 8) & 0xff] ^ T1[(c >>> 16) & 0xff] ^ T0[c >>> 24];
  }
  for (; i < bytes.length; i++) c = T0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
