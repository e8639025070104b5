/**
 * MEMORY USAGE: what a key would take in Redis 7.0, estimated as Redis's
 * objectComputeSize does — the key's sds, its dict entry and the value's
 * allocations, each rounded up to a jemalloc size class. Strings are computed
 * exactly as Redis lays them out (int, embstr, raw); a collection reports its
 * own estimate when it offers one (`memoryUsage`), else a per-element average.
 */
import type { Entry } from './db.js';
import { stringEncoding } from './string-encoding.js';

/** sizeof(robj) and sizeof(dictEntry) on a 64-bit build. */
const ROBJ = 16;
const DICT_ENTRY = 24;
/** A collection that cannot describe itself: a pointer-sized entry plus a small element, per element. */
const FALLBACK_PER_ELEMENT = 32;

/** The size jemalloc hands out for a request: 8, 16, 32 … 128, then four classes per power of two. */
export function allocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const step = 2 ** (Math.floor(Math.log2(n - 1)) - 2);
  return Math.ceil(n / step) * step;
}

/** An sds string's header grows with its length (sdshdr5/8/16/32/64). */
function sdsHeader(len: number): number {
  if (len < 32) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** The allocation of an sds holding `len` bytes. */
export function sdsSize(len: number): number {
  return allocSize(sdsHeader(len) + len + 1);
}

/** Bytes of a key and its value; `samples` elements of a collection are averaged (0: all). */
export function memoryUsage(key: string, entry: Entry, samples: number): number {
  return sdsSize(key.length) + DICT_ENTRY + valueSize(entry, samples);
}

function valueSize(entry: Entry, samples: number): number {
  const value = entry.value;
  if (typeof value === 'string') {
    switch (stringEncoding(entry)) {
      case 'int':
        return ROBJ;
      case 'embstr':
        return allocSize(ROBJ + 3 + value.length + 1);
      case 'raw':
        return ROBJ + sdsSize(value.length);
    }
  }
  if (value.memoryUsage) return ROBJ + value.memoryUsage(samples);
  return ROBJ + value.size * FALLBACK_PER_ELEMENT;
}
