/** LZF decompression (liblzf's format), for the compressed strings Redis writes when rdbcompression is on. */
export function lzfDecompress(input: Uint8Array, outLength: number): Uint8Array {
  const out = new Uint8Array(outLength);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++];
    if (ctrl < 32) {
      // A literal run of ctrl + 1 bytes.
      const len = ctrl + 1;
      if (op + len > outLength || ip + len > input.length) throw new RangeError('lzf: literal overruns');
      out.set(input.subarray(ip, ip + len), op);
      ip += len;
      op += len;
    } else {
      // A back reference: length in the top 3 bits (7 = one more length byte), offset in 13 bits.
      let len = ctrl >>> 5;
      if (len === 7) len += input[ip++];
      len += 2;
      const ref = op - ((ctrl & 0x1f) << 8) - input[ip++] - 1;
      if (ref < 0 || op + len > outLength || ip > input.length) throw new RangeError('lzf: bad back reference');
      // Byte by byte: the source may overlap what is being written.
      for (let i = 0; i < len; i++) out[op++] = out[ref + i];
    }
  }
  if (op !== outLength) throw new RangeError('lzf: length mismatch');
  return out;
}
