/**
 * Cursors for SCAN, HSCAN, SSCAN and ZSCAN over a JS Map or Set, with
 * Redis's guarantee: a full iteration (from cursor 0 until 0 comes back)
 * returns every element present for the whole iteration at least once.
 * Elements added or removed meanwhile may or may not be returned.
 *
 * Why not a position in the Map: insertion order shifts when earlier entries
 * are deleted, and a live iterator per cursor is state that a client may
 * abandon, retry, or carry to another tab after a leader change. So the
 * cursor is stateless, as in Redis: a position in an order that never
 * changes. Elements are ordered by a 32-bit hash of their bytes, and a cursor
 * is "the next hash to visit"; each step returns the elements whose hashes lie
 * between its cursor and the one it returns. An element keeps its place for as
 * long as it exists, even when deleted and added back.
 *
 * Finding "hashes ≥ cursor" needs the elements sorted by hash. That index is
 * built (in O(n), by radix sort) when an iteration starts at cursor 0, and
 * reused by later steps: an index built at or after an iteration began holds
 * every element present since then, which is all the guarantee needs. Elements
 * deleted since the index was built are skipped (the index is rebuilt when
 * they outnumber the live ones); elements added since are not visited. A step
 * with no index (another host, or a finished iteration freed it) builds one.
 * Equal hashes are never split across steps, since a cursor could not say
 * where inside the run to resume.
 *
 * A collection that fits in one step is returned whole without an index.
 */
import { Err, ErrorReply } from './reply.js';
import { toInt } from './number.js';

/** The options of a SCAN-family command. */
export interface ScanOptions {
  /** COUNT: how many elements to aim for in one step (default 10). */
  count: number;
  /** MATCH pattern, or null when absent or "*" (which matches everything). */
  pattern: string | null;
  /** TYPE name (SCAN only), or null. */
  type: string | null;
}

/** One step of an iteration: the next cursor (0 at the end) and the elements visited. */
export interface ScanStep {
  cursor: number;
  elements: string[];
}

/** Something with keys to scan: a Map's keys or a Set's members. */
export type Scannable = ReadonlyMap<string, unknown> | ReadonlySet<string>;

const ULONG_MAX_DIGITS = '18446744073709551615';

/**
 * A cursor argument as Redis reads it (strtoul, base 10): an optional sign,
 * decimal digits, nothing else, within 64 bits; no leading whitespace. As in
 * C, "" reads as 0 and "-n" wraps around. Values beyond our 32-bit cursor
 * space simply lie past the end.
 */
export function parseScanCursor(arg: string): number {
  const len = arg.length;
  let i = 0;
  const sign = arg.charCodeAt(0);
  const negative = sign === 45; /* - */
  if (negative || sign === 43 /* + */) i++;
  const start = i;
  while (i < len && arg.charCodeAt(i) === 48 /* 0 */) i++;
  const digitsFrom = i;
  for (; i < len; i++) {
    const c = arg.charCodeAt(i);
    if (c < 48 || c > 57) throw new ErrorReply('ERR invalid cursor');
  }
  if (len === start) {
    // No digits at all: strtoul consumed nothing, which is only fine for "".
    if (len > 0) throw new ErrorReply('ERR invalid cursor');
    return 0;
  }
  const digits = arg.slice(digitsFrom);
  if (digits.length > 20 || (digits.length === 20 && digits > ULONG_MAX_DIGITS)) {
    throw new ErrorReply('ERR invalid cursor');
  }
  const value = digits.length === 0 ? 0 : Number(digits);
  return negative && value !== 0 ? 2 ** 64 - value : value;
}

/** An option word as C's strcasecmp sees it: up to the first NUL byte, lower-cased. */
export function optionWord(arg: string): string {
  const nul = arg.indexOf('\0');
  return (nul < 0 ? arg : arg.slice(0, nul)).toLowerCase();
}

/**
 * Parses `[MATCH pattern] [COUNT count] [TYPE type]` from argv[start] on, as
 * Redis does: in any order, repeatable (the last wins), COUNT ≥ 1, TYPE only
 * where `allowType` (SCAN, not HSCAN/SSCAN/ZSCAN); anything else is a syntax error.
 */
export function parseScanOptions(argv: string[], start: number, allowType: boolean): ScanOptions {
  const options: ScanOptions = { count: 10, pattern: null, type: null };
  for (let i = start; i < argv.length; i += 2) {
    const word = optionWord(argv[i]);
    const hasValue = i + 1 < argv.length;
    if (word === 'count' && hasValue) {
      options.count = toInt(argv[i + 1]);
      if (options.count < 1) throw Err.syntax();
    } else if (word === 'match' && hasValue) {
      options.pattern = argv[i + 1] === '*' ? null : argv[i + 1];
    } else if (word === 'type' && allowType && hasValue) {
      options.type = argv[i + 1];
    } else {
      throw Err.syntax();
    }
  }
  return options;
}

/** Elements sorted by hash: `hashes[i]` is the hash of `elements[i]`. */
interface HashIndex {
  readonly hashes: Uint32Array;
  readonly elements: string[];
}

const indexes = new WeakMap<Scannable, HashIndex>();

/**
 * One step of an iteration over `collection` from `cursor`: visits about
 * `count` live elements (whole runs of equal hashes, and no more than ten
 * times `count` positions, so deleted elements cannot make a step slow), and
 * returns them with the cursor to continue from.
 */
export function scanStep(collection: Scannable, cursor: number, count: number): ScanStep {
  if (cursor === 0) {
    indexes.delete(collection);
    if (collection.size <= count) return { cursor: 0, elements: [...collection.keys()] };
  }
  let index = indexes.get(collection);
  if (index === undefined || index.elements.length > 2 * collection.size + count) {
    index = buildIndex(collection);
    indexes.set(collection, index);
  }
  const { hashes, elements } = index;
  const n = hashes.length;
  const found: string[] = [];
  let i = lowerBound(hashes, cursor);
  for (let budget = count * 10; i < n && found.length < count && budget > 0; ) {
    const hash = hashes[i];
    do {
      if (collection.has(elements[i])) found.push(elements[i]);
      i++;
      budget--;
    } while (i < n && hashes[i] === hash);
  }
  if (i < n) return { cursor: hashes[i], elements: found };
  indexes.delete(collection);
  return { cursor: 0, elements: found };
}

/** The first position whose hash is ≥ target (n if none). */
function lowerBound(hashes: Uint32Array, target: number): number {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FNV-1a over the bytes, then murmur3's finaliser to spread similar keys. */
export function scanHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/** Sorts the elements by hash with an LSD radix sort: three passes of 11 bits. */
function buildIndex(collection: Scannable): HashIndex {
  const keys = [...collection.keys()];
  const n = keys.length;
  const hashOf = new Uint32Array(n);
  let order = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    hashOf[i] = scanHash(keys[i]);
    order[i] = i;
  }
  const starts = new Uint32Array(RADIX);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[(hashOf[i] >>> shift) & (RADIX - 1)]++;
    for (let b = 0, sum = 0; b < RADIX; b++) {
      const c = starts[b];
      starts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = order[i];
      spare[starts[(hashOf[k] >>> shift) & (RADIX - 1)]++] = k;
    }
    [order, spare] = [spare, order];
  }
  const hashes = new Uint32Array(n);
  const elements = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = hashOf[order[i]];
    elements[i] = keys[order[i]];
  }
  return { hashes, elements };
}
