/**
 * The RDB primitives: length encoding, strings (plain, integer-encoded and
 * LZF-compressed), binary doubles and millisecond times, over byte strings
 * (one char per byte, as the engine stores keys and values).
 */
import { parseDouble } from '../../engine/number.js';
import { lzfDecompress } from './lzf.js';

/** Thrown on any malformed input; RESTORE answers "Bad data format", a file load fails with it. */
export class RdbError extends Error {}

const ENC_INT8 = 0;
const ENC_INT16 = 1;
const ENC_INT32 = 2;
const ENC_LZF = 3;
/** Inputs up to this size are decoded to text once for their short strings. */
const TEXT_MAX = 64 << 20;

/** Reads RDB primitives from a byte array. */
export class RdbReader {
  pos = 0;
  private readonly view: DataView;

  private readonly end: number;
  /** The whole input as a byte string, once a short string is read (see `raw`). */
  private text: string | undefined;

  constructor(readonly bytes: Uint8Array) {
    this.end = bytes.length;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new RdbError('unexpected end of data');
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }

  /** A length, or the special-encoding marker as `{ special }`. */
  private lengthOrSpecial(): number | { special: number } {
    const first = this.u8();
    switch (first >> 6) {
      case 0:
        return first & 0x3f;
      case 1:
        return ((first & 0x3f) << 8) | this.u8();
      case 2: {
        if (first === 0x80) {
          this.need(4);
          const v = this.view.getUint32(this.pos);
          this.pos += 4;
          return v;
        }
        if (first === 0x81) {
          const v = this.u64be();
          if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RdbError('length too large');
          return Number(v);
        }
        throw new RdbError('unknown length encoding');
      }
      default:
        return { special: first & 0x3f };
    }
  }

  length(): number {
    const v = this.lengthOrSpecial();
    if (typeof v !== 'number') throw new RdbError('unexpected string encoding');
    return v;
  }

  /** A length that may reach 2^64 (stream IDs and counters). */
  bigLength(): bigint {
    const first = this.bytes[this.pos];
    if (first === 0x81) {
      this.pos++;
      return this.u64be();
    }
    return BigInt(this.length());
  }

  private u64be(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }

  /** `n` raw bytes as a byte string. */
  raw(n: number): string {
    this.need(n);
    const start = this.pos;
    this.pos += n;
    // Short strings are cut from the input decoded once: V8 copies substrings
    // under 13 chars, so they pin nothing. Longer ones are decoded alone, as a
    // slice would keep the whole text alive.
    if (n < 13 && this.end <= TEXT_MAX) return (this.text ??= bytesToString(this.bytes)).slice(start, start + n);
    return bytesToString(this.bytes, start, start + n);
  }

  /** `n` raw bytes as a view (listpacks, ziplists, intsets). */
  rawBytes(n: number): Uint8Array {
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** A string in any of its encodings. */
  string(): string {
    const v = this.lengthOrSpecial();
    if (typeof v === 'number') return this.raw(v);
    return bytesToString(this.decodeSpecial(v.special));
  }

  /** A string as bytes (for blobs: listpacks and the like may be LZF-compressed too). */
  blob(): Uint8Array {
    const v = this.lengthOrSpecial();
    if (typeof v === 'number') return this.rawBytes(v);
    return this.decodeSpecial(v.special);
  }

  private decodeSpecial(enc: number): Uint8Array {
    let n: number;
    switch (enc) {
      case ENC_INT8:
        this.need(1);
        n = this.view.getInt8(this.pos);
        this.pos += 1;
        break;
      case ENC_INT16:
        this.need(2);
        n = this.view.getInt16(this.pos, true);
        this.pos += 2;
        break;
      case ENC_INT32:
        this.need(4);
        n = this.view.getInt32(this.pos, true);
        this.pos += 4;
        break;
      case ENC_LZF: {
        const compressed = this.length();
        const length = this.length();
        try {
          return lzfDecompress(this.rawBytes(compressed), length);
        } catch (e) {
          throw new RdbError((e as Error).message);
        }
      }
      default:
        throw new RdbError('unknown string encoding');
    }
    return stringToBytes(String(n));
  }

  /** An 8-byte little-endian IEEE double (RDB_TYPE_ZSET_2). */
  binaryDouble(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** An old-style double: a length byte and its decimal text, or 253/254/255 for NaN/+inf/-inf. */
  textDouble(): number {
    const len = this.u8();
    if (len === 253) return NaN;
    if (len === 254) return Infinity;
    if (len === 255) return -Infinity;
    const v = parseDouble(this.raw(len));
    if (v === null) throw new RdbError('bad double');
    return v;
  }

  /** An 8-byte little-endian millisecond time. */
  millis(): number {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return Number(v);
  }

  /** A 4-byte little-endian second time (RDB_OPCODE_EXPIRETIME). */
  seconds(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
}

/** Appends RDB primitives to a growing buffer. */
export class RdbWriter {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  /** @param capacity bytes to start with (it grows as needed) */
  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A byte string's bytes, no length prefix. */
  raw(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }

  lengthOf(n: number | bigint): void {
    if (typeof n === 'bigint') {
      if (n <= 0xffffffffn) return this.lengthOf(Number(n));
      this.reserve(9);
      this.buf[this.length++] = 0x81;
      this.view.setBigUint64(this.length, n);
      this.length += 8;
    } else if (n < 64) {
      this.u8(n);
    } else if (n < 16384) {
      this.reserve(2);
      this.buf[this.length++] = 0x40 | (n >> 8);
      this.buf[this.length++] = n & 0xff;
    } else if (n <= 0xffffffff) {
      this.reserve(5);
      this.buf[this.length++] = 0x80;
      this.view.setUint32(this.length, n);
      this.length += 4;
    } else {
      this.lengthOf(BigInt(n));
    }
  }

  /** A string, as an integer encoding when it is a small canonical integer (as rdbSaveRawString tries). */
  string(s: string): void {
    if (s.length <= 11 && s.length > 0) {
      const n = canonicalInt(s);
      if (n !== null && n >= -2147483648 && n <= 2147483647) return this.integer(n);
    }
    this.lengthOf(s.length);
    this.raw(s);
  }

  /** A blob (listpack, intset …) as a plain string. */
  blob(b: Uint8Array): void {
    this.lengthOf(b.length);
    this.bytes(b);
  }

  private integer(n: number): void {
    if (n >= -128 && n <= 127) {
      this.u8(0xc0 | ENC_INT8);
      this.reserve(1);
      this.view.setInt8(this.length++, n);
    } else if (n >= -32768 && n <= 32767) {
      this.u8(0xc0 | ENC_INT16);
      this.reserve(2);
      this.view.setInt16(this.length, n, true);
      this.length += 2;
    } else {
      this.u8(0xc0 | ENC_INT32);
      this.reserve(4);
      this.view.setInt32(this.length, n, true);
      this.length += 4;
    }
  }

  binaryDouble(d: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, d, true);
    this.length += 8;
  }

  millis(ms: number): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, BigInt(ms), true);
    this.length += 8;
  }

  /** The bytes written so far (a view: copy before writing more if it must survive). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** The value of a canonical decimal integer string ("-12", not "012" or "+1"), or null. */
export function canonicalInt(s: string): number | null {
  const len = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === len || len > 20) return null;
  if (s.charCodeAt(i) === 48 && len > i + 1) return null;
  if (i === 1 && s === '-0') return null;
  for (let j = i; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

export function bytesToString(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  // Chunks keep String.fromCharCode's argument count bounded.
  for (let i = start; i < end; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  return s;
}

export function stringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
