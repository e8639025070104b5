/**
 * FUNCTION DUMP / RESTORE payloads in Redis 7.0's format: for each library
 * the RDB opcode FUNCTION2 (245) and its code as an RDB string, then the RDB
 * version (10) as two little-endian bytes and a CRC-64 (Jones polynomial, as
 * Redis's crc64.c) of everything before it, little-endian.
 *
 * Code longer than 20 bytes is LZF-compressed when that saves at least 5
 * bytes, with liblzf's algorithm as Redis builds it (VERY_FAST, 16-bit hash),
 * so payloads match Redis's byte for byte.
 */
const RDB_OPCODE_FUNCTION = 246;
const RDB_OPCODE_FUNCTION2 = 245;
const RDB_VERSION = 10;

let crcTable: BigUint64Array | null = null;

function crc64(s: string): bigint {
  if (!crcTable) {
    crcTable = new BigUint64Array(256);
    const poly = 0x95ac9329ac4bc9b5n; // 0xad93d23594c935a9 reflected
    for (let i = 0; i < 256; i++) {
      let c = BigInt(i);
      for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
      crcTable[i] = c;
    }
  }
  let crc = 0n;
  for (let i = 0; i < s.length; i++) crc = crcTable[Number((crc ^ BigInt(s.charCodeAt(i))) & 0xffn)] ^ (crc >> 8n);
  return crc;
}

function le(n: bigint, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += String.fromCharCode(Number((n >> BigInt(8 * i)) & 0xffn));
  return out;
}

function encodeLength(n: number): string {
  if (n < 64) return String.fromCharCode(n);
  if (n < 16384) return String.fromCharCode(0x40 | (n >> 8), n & 0xff);
  if (n <= 0xffffffff) return '\x80' + String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  return '\x81' + le(BigInt(n), 8).split('').reverse().join('');
}

const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** liblzf's lzf_compress into at most outLen bytes; null when it does not fit. */
function lzfCompress(s: string, outLen: number): Uint8Array | null {
  const inEnd = s.length;
  if (!inEnd || !outLen) return null;
  const at = (i: number) => s.charCodeAt(i);
  const htab = new Int32Array(1 << 16).fill(-1);
  const out = new Uint8Array(outLen);
  const idx = (h: number) => ((h >>> 8) - Math.imul(h, 5)) & 0xffff;
  let ip = 0;
  let op = 1;
  let lit = 0;
  let hval = (at(0) << 8) | at(1);
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | at(ip + 2)) >>> 0;
    const slot = idx(hval);
    const ref = htab[slot];
    htab[slot] = ip;
    const off = ip - ref - 1;
    if (ref > 0 && off >= 0 && off < MAX_OFF && at(ref + 2) === at(ip + 2) && at(ref) === at(ip) && at(ref + 1) === at(ip + 1)) {
      let len = 2;
      const maxlen = Math.min(inEnd - ip - len, MAX_REF);
      if (op + 3 + 1 >= outLen && op - (lit ? 0 : 1) + 3 + 1 >= outLen) return null;
      out[op - lit - 1] = lit - 1;
      op -= lit ? 0 : 1;
      let mismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16 && !mismatch; k++) {
          len++;
          mismatch = at(ref + len) !== at(ip + len);
        }
      }
      if (!mismatch) {
        do len++;
        while (len < maxlen && at(ref + len) === at(ip + len));
      }
      len -= 2;
      ip++;
      if (len < 7) {
        out[op++] = (off >> 8) + (len << 5);
      } else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++;
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      ip -= 2;
      hval = (at(ip) << 8) | at(ip + 1);
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      htab[idx(hval)] = ip;
      ip++;
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      htab[idx(hval)] = ip;
      ip++;
    } else {
      if (op >= outLen) return null;
      lit++;
      out[op++] = at(ip++);
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outLen) return null;
  while (ip < inEnd) {
    lit++;
    out[op++] = at(ip++);
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1;
  op -= lit ? 0 : 1;
  return out.subarray(0, op);
}

/** rdbSaveRawString with rdbcompression on: LZF when it pays, else the bytes. */
function encodeString(s: string): string {
  if (s.length > 20) {
    const packed = lzfCompress(s, s.length - 4);
    if (packed) {
      let body = '';
      for (const b of packed) body += String.fromCharCode(b);
      return '\xc3' + encodeLength(packed.length) + encodeLength(s.length) + body;
    }
  }
  return encodeLength(s.length) + s;
}

/** The payload for a list of library codes. */
export function dumpFunctions(codes: string[]): string {
  let body = '';
  for (const code of codes) body += String.fromCharCode(RDB_OPCODE_FUNCTION2) + encodeString(code);
  body += le(BigInt(RDB_VERSION), 2);
  return body + le(crc64(body), 8);
}

class Reader {
  pos = 0;
  constructor(readonly data: string) {}
  byte(): number {
    if (this.pos >= this.data.length) throw new Error('short');
    return this.data.charCodeAt(this.pos++);
  }
  take(n: number): string {
    if (this.pos + n > this.data.length) throw new Error('short');
    const s = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  /** rdbLoadLen: the length, or the special encoding number with `encoded`. */
  length(): { n: number; encoded: boolean } {
    const first = this.byte();
    const type = first >> 6;
    if (type === 0) return { n: first & 63, encoded: false };
    if (type === 1) return { n: ((first & 63) << 8) | this.byte(), encoded: false };
    if (type === 3) return { n: first & 63, encoded: true };
    if (first === 0x80) {
      let n = 0;
      for (let i = 0; i < 4; i++) n = n * 256 + this.byte();
      return { n, encoded: false };
    }
    if (first === 0x81) {
      let n = 0;
      for (let i = 0; i < 8; i++) n = n * 256 + this.byte();
      return { n, encoded: false };
    }
    throw new Error('bad length');
  }
  string(): string {
    const { n, encoded } = this.length();
    if (!encoded) return this.take(n);
    if (n === 3) {
      const clen = this.length().n;
      const len = this.length().n;
      return lzfDecompress(this.take(clen), len);
    }
    // Integers encoded as strings (8, 16, 32 bits).
    const bytes = 1 << n;
    let v = 0;
    for (let i = 0; i < bytes; i++) v += this.byte() * 2 ** (8 * i);
    const bits = bytes * 8;
    if (v >= 2 ** (bits - 1)) v -= 2 ** bits;
    return String(v);
  }
}

function lzfDecompress(input: string, outLength: number): string {
  const out: number[] = [];
  let i = 0;
  while (i < input.length) {
    const ctrl = input.charCodeAt(i++);
    if (ctrl < 32) {
      for (let k = 0; k <= ctrl; k++) out.push(input.charCodeAt(i++));
    } else {
      let len = ctrl >> 5;
      if (len === 7) len += input.charCodeAt(i++);
      const ref = out.length - ((ctrl & 0x1f) << 8) - 1 - input.charCodeAt(i++);
      if (ref < 0) throw new Error('bad lzf');
      for (let k = 0; k < len + 2; k++) out.push(out[ref + k]);
    }
  }
  if (out.length !== outLength) throw new Error('bad lzf');
  let s = '';
  for (const c of out) s += String.fromCharCode(c);
  return s;
}

/**
 * The library codes in a payload, or the error Redis replies with. The old
 * FUNCTION opcode (7.0 release candidates) carried name, engine and
 * description before the code; only the code is kept.
 */
export function restoreFunctions(payload: string): string[] | string {
  if (payload.length < 10) return 'DUMP payload version or checksum are wrong';
  const footer = payload.length - 10;
  const version = payload.charCodeAt(footer) | (payload.charCodeAt(footer + 1) << 8);
  const crc = payload.slice(footer + 2);
  if (version > RDB_VERSION || crc !== le(crc64(payload.slice(0, footer + 2)), 8)) return 'DUMP payload version or checksum are wrong';
  const reader = new Reader(payload.slice(0, footer));
  const codes: string[] = [];
  try {
    while (reader.pos < footer) {
      const type = reader.byte();
      if (type !== RDB_OPCODE_FUNCTION && type !== RDB_OPCODE_FUNCTION2) return 'given type is not a function';
      if (type === RDB_OPCODE_FUNCTION) {
        reader.string();
        reader.string();
        if (reader.byte()) reader.string();
      }
      codes.push(reader.string());
    }
  } catch {
    return 'failed loading the given functions payload';
  }
  return codes;
}
