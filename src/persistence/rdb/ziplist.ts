/**
 * The pre-7.0 compact encodings Redis still loads from older RDB files and
 * DUMP payloads: ziplists, intsets and zipmaps (read only: we never write them).
 */
import { bytesToString, RdbError } from './bytes.js';
import { readIntLE } from './listpack.js';

const ZL_HEADER = 10;

/** The entries of a ziplist, as byte strings (integers in decimal). */
export function readZiplist(zl: Uint8Array): string[] {
  if (zl.length < ZL_HEADER + 1) throw new RdbError('ziplist too short');
  const view = new DataView(zl.buffer, zl.byteOffset, zl.byteLength);
  if (view.getUint32(0, true) !== zl.length) throw new RdbError('ziplist size mismatch');
  const out: string[] = [];
  let p = ZL_HEADER;
  while (true) {
    if (p >= zl.length) throw new RdbError('ziplist without terminator');
    if (zl[p] === 0xff) break;
    p += zl[p] === 0xfe ? 5 : 1; // prevlen
    const enc = zl[p];
    let strLen = -1;
    let header = 1;
    let value = '';
    switch (enc >> 6) {
      case 0:
        strLen = enc & 0x3f;
        break;
      case 1:
        strLen = ((enc & 0x3f) << 8) | zl[p + 1];
        header = 2;
        break;
      case 2:
        strLen = view.getUint32(p + 1);
        header = 5;
        break;
      default: {
        const size = enc === 0xc0 ? 2 : enc === 0xd0 ? 4 : enc === 0xe0 ? 8 : enc === 0xf0 ? 3 : enc === 0xfe ? 1 : 0;
        if (size === 0) {
          const imm = (enc & 0x0f) - 1;
          if ((enc & 0xf0) !== 0xf0 || imm < 0 || imm > 12) throw new RdbError('bad ziplist entry');
          value = String(imm);
        } else {
          if (p + 1 + size > zl.length) throw new RdbError('ziplist entry overruns');
          value = size === 1 ? String(view.getInt8(p + 1)) : readIntLE(view, p + 1, size);
        }
        header += size;
      }
    }
    if (strLen >= 0) {
      if (p + header + strLen > zl.length) throw new RdbError('ziplist entry overruns');
      value = bytesToString(zl, p + header, p + header + strLen);
      p += header + strLen;
    } else {
      p += header;
    }
    out.push(value);
  }
  return out;
}

/** The members of an intset, in decimal. */
export function readIntset(is: Uint8Array): string[] {
  if (is.length < 8) throw new RdbError('intset too short');
  const view = new DataView(is.buffer, is.byteOffset, is.byteLength);
  const width = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  if ((width !== 2 && width !== 4 && width !== 8) || is.length !== 8 + width * count) throw new RdbError('bad intset');
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(readIntLE(view, 8 + i * width, width));
  return out;
}

/** The field/value pairs of a zipmap (Redis 2.x small hashes), flattened. */
export function readZipmap(zm: Uint8Array): string[] {
  const view = new DataView(zm.buffer, zm.byteOffset, zm.byteLength);
  const out: string[] = [];
  let p = 1;
  const len = (): number => {
    if (p >= zm.length) throw new RdbError('zipmap overruns');
    const b = zm[p];
    if (b < 254) {
      p += 1;
      return b;
    }
    if (b === 254) {
      const v = view.getUint32(p + 1, true);
      p += 5;
      return v;
    }
    return -1;
  };
  const str = (n: number): string => {
    if (p + n > zm.length) throw new RdbError('zipmap overruns');
    const s = bytesToString(zm, p, p + n);
    p += n;
    return s;
  };
  while (true) {
    const keyLen = len();
    if (keyLen < 0) break;
    out.push(str(keyLen));
    const valueLen = len();
    if (valueLen < 0) throw new RdbError('zipmap without value');
    const free = zm[p++];
    out.push(str(valueLen));
    p += free;
  }
  return out;
}
