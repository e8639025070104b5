/** The codec's primitives, against known values. */
import { describe, expect, it } from 'vitest';
import { bytesToString, RdbReader, RdbWriter, stringToBytes } from './bytes.js';
import { crc64 } from './crc64.js';
import { ListpackBuilder, readListpack } from './listpack.js';
import { lzfDecompress } from './lzf.js';

describe('rdb codec', () => {
  it('crc64 is Redis\'s (Jones, reflected): crc64("123456789") = 0xe9c6d914c4b8d9ca', () => {
    const crc = crc64(stringToBytes('123456789'));
    expect(Buffer.from(crc).readBigUInt64LE()).toBe(0xe9c6d914c4b8d9can);
  });

  it('lengths and strings round-trip in every encoding', () => {
    const w = new RdbWriter();
    const lengths = [0, 63, 64, 16383, 16384, 2 ** 32 - 1, 2 ** 40];
    for (const n of lengths) w.lengthOf(n);
    const strings = ['', 'a', '0', '-128', '127', '32767', '-32769', '2147483647', '2147483648', '007', '-0', 'x'.repeat(70000)];
    for (const s of strings) w.string(s);
    const r = new RdbReader(w.result());
    for (const n of lengths) expect(r.length()).toBe(n);
    for (const s of strings) expect(r.string()).toBe(s);
    expect(r.pos).toBe(w.length);
  });

  it('listpacks round-trip integers of every width and strings of every length class', () => {
    const items = ['0', '127', '128', '-4096', '4095', '-32768', '8388607', '-2147483648', '9223372036854775807', '-9223372036854775808',
      '9223372036854775808', '01', '', 'abc', 'y'.repeat(63), 'y'.repeat(64), 'z'.repeat(4095), 'z'.repeat(4096), 'w'.repeat(200)];
    const lp = new ListpackBuilder();
    for (const i of items) lp.add(i);
    expect(readListpack(lp.build())).toEqual(items);
  });

  it('lzf: literals and overlapping back references', () => {
    // "abcabcabcabc": literal "abc" (ctrl 2), then a 9-byte reference 3 back (len 9-2=7 → 7 + extra 0).
    const compressed = new Uint8Array([2, 97, 98, 99, 0xe0, 0, 2]);
    expect(bytesToString(lzfDecompress(compressed, 12))).toBe('abcabcabcabc');
    expect(() => lzfDecompress(compressed, 11)).toThrow();
  });
});
