/**
 * How Redis 7.0 encodes a string value, for OBJECT ENCODING and OBJECT REFCOUNT.
 *
 * A value taken from a command's argument (SET, MSET, GETSET, APPEND to a new
 * key …) goes through Redis's tryObjectEncoding: "int" when it is a canonical
 * int64 of at most 20 bytes, "embstr" up to 44 bytes, "raw" beyond; INCR and
 * friends always produce "int". Values built otherwise keep the encoding they
 * were built with, recorded on the entry (`Entry.encoding`): strings edited in
 * place are "raw", INCRBYFLOAT's result is created as "embstr" or "raw" by
 * length, never "int", and COPY duplicates the source's encoding into an
 * object of its own.
 */
import type { Entry } from './db.js';
import { parseInt64 } from './number.js';

/** Strings up to this many bytes are allocated with their object header ("embstr"). */
const EMBSTR_SIZE_LIMIT = 44;
/** Redis keeps one shared object for each of the integers 0..9999. */
const SHARED_INTEGERS = 10000;
/** OBJECT REFCOUNT of a shared object (OBJ_SHARED_REFCOUNT, INT_MAX). */
export const SHARED_REFCOUNT = 2147483647;

export type StringEncoding = 'int' | 'embstr' | 'raw';

/** The encoding of a string created from a buffer (createStringObject): never "int". */
export function createdEncoding(value: string): 'embstr' | 'raw' {
  return value.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
}

/** The encoding of a string entry's value. */
export function stringEncoding(entry: Entry): StringEncoding {
  if (entry.encoding !== null) return entry.encoding;
  const value = entry.value as string;
  if (value.length <= 20 && parseInt64(value) !== null) return 'int';
  return createdEncoding(value);
}

/**
 * True when Redis would hold this value as one of its shared integers: an
 * "int" in 0..9999, unless an LRU or LFU maxmemory policy is in force (then
 * each key needs its own object for its access data).
 */
export function isSharedInteger(entry: Entry, maxmemory: number, policy: string): boolean {
  // A fixed encoding means the value was built as its own object.
  if (typeof entry.value !== 'string' || entry.encoding !== null || stringEncoding(entry) !== 'int') return false;
  if (maxmemory !== 0 && (policy.includes('lru') || policy.includes('lfu'))) return false;
  const n = Number(entry.value);
  return n >= 0 && n < SHARED_INTEGERS;
}
