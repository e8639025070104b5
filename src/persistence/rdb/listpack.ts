/**
 * Listpacks, as Redis 7.0 serialises them inside RDB values (list nodes,
 * small hashes and sorted sets, stream nodes): reading every entry encoding,
 * writing integers compactly and everything else as strings.
 */
import { bytesToString, canonicalInt, RdbError } from './bytes.js';

const LP_HEADER = 6;
const LP_EOF = 0xff;

/** The entries of a listpack, as byte strings (integers in decimal). */
export function readListpack(lp: Uint8Array): string[] {
  if (lp.length < LP_HEADER + 1) throw new RdbError('listpack too short');
  const view = new DataView(lp.buffer, lp.byteOffset, lp.byteLength);
  if (view.getUint32(0, true) !== lp.length) throw new RdbError('listpack size mismatch');
  const out: string[] = [];
  let p = LP_HEADER;
  while (true) {
    if (p >= lp.length) throw new RdbError('listpack without terminator');
    const b = lp[p];
    if (b === LP_EOF) break;
    let headerLen: number;
    let dataLen = -1;
    let value = '';
    if (b < 0x80) {
      headerLen = 1;
      value = String(b);
    } else if (b < 0xc0) {
      headerLen = 1;
      dataLen = b & 0x3f;
    } else if (b < 0xe0) {
      headerLen = 2;
      value = String((((b & 0x1f) << 8) | lp[p + 1]) << 19 >> 19);
    } else if (b < 0xf0) {
      headerLen = 2;
      dataLen = ((b & 0x0f) << 8) | lp[p + 1];
    } else if (b === 0xf0) {
      headerLen = 5;
      dataLen = view.getUint32(p + 1, true);
    } else {
      const size = b === 0xf1 ? 2 : b === 0xf2 ? 3 : b === 0xf3 ? 4 : b === 0xf4 ? 8 : -1;
      if (size < 0 || p + 1 + size > lp.length) throw new RdbError('bad listpack entry');
      headerLen = 1 + size;
      value = readIntLE(view, p + 1, size);
    }
    // dataLen is -1 for integers, the string's length otherwise.
    const entryLen = headerLen + Math.max(dataLen, 0);
    if (p + entryLen > lp.length) throw new RdbError('listpack entry overruns');
    if (dataLen >= 0) value = bytesToString(lp, p + headerLen, p + entryLen);
    out.push(value);
    p += entryLen + backlenSize(entryLen);
  }
  const count = view.getUint16(4, true);
  if (count !== 65535 && count !== out.length) throw new RdbError('listpack count mismatch');
  return out;
}

/** A little-endian signed integer of 2, 3, 4 or 8 bytes, in decimal. */
export function readIntLE(view: DataView, at: number, size: number): string {
  switch (size) {
    case 2:
      return String(view.getInt16(at, true));
    case 3:
      return String(((view.getUint8(at + 2) << 16) | view.getUint16(at, true)) << 8 >> 8);
    case 4:
      return String(view.getInt32(at, true));
    default:
      return String(view.getBigInt64(at, true));
  }
}

const backlenSize = (len: number): number => (len <= 127 ? 1 : len < 16383 ? 2 : len < 2097151 ? 3 : len < 268435455 ? 4 : 5);

/** Builds a listpack; integers (and canonical integer strings, as lpAppend does) take the integer encodings. */
export class ListpackBuilder {
  private parts: Uint8Array[] = [];
  private size = LP_HEADER + 1;
  count = 0;

  add(value: string | number | bigint): void {
    const n = typeof value === 'string' ? (value.length > 0 && value.length <= 20 ? canonicalBig(value) : null) : value;
    const entry = n !== null ? encodeInt(BigInt(n)) : encodeString(value as string);
    this.parts.push(entry);
    this.size += entry.length;
    this.count++;
  }

  get bytes(): number {
    return this.size;
  }

  build(): Uint8Array {
    const lp = new Uint8Array(this.size);
    const view = new DataView(lp.buffer);
    view.setUint32(0, this.size, true);
    view.setUint16(4, this.count < 65535 ? this.count : 65535, true);
    let p = LP_HEADER;
    for (const part of this.parts) {
      lp.set(part, p);
      p += part.length;
    }
    lp[p] = LP_EOF;
    return lp;
  }
}

/** A canonical integer string's value within int64, or null. */
function canonicalBig(s: string): bigint | null {
  const n = canonicalInt(s);
  if (n !== null) return BigInt(n);
  // Past 2^53: only long all-digit strings can still be canonical int64s.
  if (s.length < 16) return null;
  for (let i = s.charCodeAt(0) === 45 ? 1 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const v = BigInt(s);
  return v >= -(1n << 63n) && v < 1n << 63n && String(v) === s ? v : null;
}

function withBacklen(head: number[], data: Uint8Array | null): Uint8Array {
  const len = head.length + (data?.length ?? 0);
  const back = encodeBacklen(len);
  const out = new Uint8Array(len + back.length);
  out.set(head, 0);
  if (data) out.set(data, head.length);
  out.set(back, len);
  return out;
}

function encodeBacklen(l: number): number[] {
  if (l <= 127) return [l];
  if (l < 16383) return [l >> 7, (l & 127) | 128];
  if (l < 2097151) return [l >> 14, ((l >> 7) & 127) | 128, (l & 127) | 128];
  if (l < 268435455) return [l >> 21, ((l >> 14) & 127) | 128, ((l >> 7) & 127) | 128, (l & 127) | 128];
  return [Math.floor(l / 2 ** 28), ((l >> 21) & 127) | 128, ((l >> 14) & 127) | 128, ((l >> 7) & 127) | 128, (l & 127) | 128];
}

function encodeInt(v: bigint): Uint8Array {
  if (v >= 0n && v <= 127n) return withBacklen([Number(v)], null);
  if (v >= -4096n && v <= 4095n) {
    const n = Number(v) & 0x1fff;
    return withBacklen([0xc0 | (n >> 8), n & 0xff], null);
  }
  let tag: number;
  let size: number;
  if (v >= -32768n && v <= 32767n) [tag, size] = [0xf1, 2];
  else if (v >= -8388608n && v <= 8388607n) [tag, size] = [0xf2, 3];
  else if (v >= -2147483648n && v <= 2147483647n) [tag, size] = [0xf3, 4];
  else [tag, size] = [0xf4, 8];
  const head = [tag];
  const u = BigInt.asUintN(64, v);
  for (let i = 0; i < size; i++) head.push(Number((u >> BigInt(8 * i)) & 0xffn));
  return withBacklen(head, null);
}

function encodeString(s: string): Uint8Array {
  const len = s.length;
  const data = new Uint8Array(len);
  for (let i = 0; i < len; i++) data[i] = s.charCodeAt(i);
  if (len < 64) return withBacklen([0x80 | len], data);
  if (len < 4096) return withBacklen([0xe0 | (len >> 8), len & 0xff], data);
  return withBacklen([0xf0, len & 0xff, (len >> 8) & 0xff, (len >> 16) & 0xff, (len >>> 24) & 0xff], data);
}
