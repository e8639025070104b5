/**
 * Stream IDs: two unsigned 64-bit numbers, <ms>-<seq>. An ID is held as the
 * 16-byte big-endian string Redis uses as its rax key (8 bytes of ms, then 8
 * of seq, one char per byte), so `<` on two IDs orders them and an ID is a key
 * of an OrderedMap. Values below 2^53 take the number fast paths; anything up
 * to 2^64 - 1 is exact through bigint.
 */
import { parseInt64 } from '../number.js';

export type StreamId = string;

const U32 = 4294967296;
const U64 = 1n << 64n;
const U64_MAX = U64 - 1n;
/** Offsets of the two halves in an ID. */
const MS = 0;
const SEQ = 8;

export const MIN_ID: StreamId = '\u0000'.repeat(16);
export const MAX_ID: StreamId = '\u00ff'.repeat(16);

/** The eight bytes of a number below 2^53. */
function bytes(n: number): string {
  const hi = Math.floor(n / U32);
  const lo = n >>> 0;
  return String.fromCharCode(hi >>> 24, (hi >>> 16) & 255, (hi >>> 8) & 255, hi & 255, lo >>> 24, (lo >>> 16) & 255, (lo >>> 8) & 255, lo & 255);
}

function bigBytes(n: bigint): string {
  let s = '';
  for (let shift = 56n; shift >= 0n; shift -= 8n) s += String.fromCharCode(Number((n >> shift) & 0xffn));
  return s;
}

/** An ID from two integers (numbers must be safe integers). */
export function makeId(ms: number | bigint, seq: number | bigint): StreamId {
  return (typeof ms === 'number' ? bytes(ms) : bigBytes(ms)) + (typeof seq === 'number' ? bytes(seq) : bigBytes(seq));
}

/** The half at `offset` as a number, or -1 when it is 2^53 or more. */
function partNumber(id: StreamId, offset: number): number {
  if (id.charCodeAt(offset) !== 0 || id.charCodeAt(offset + 1) >= 32) return -1;
  let v = 0;
  for (let i = offset + 1; i < offset + 8; i++) v = v * 256 + id.charCodeAt(i);
  return v;
}

function partBig(id: StreamId, offset: number): bigint {
  let v = 0n;
  for (let i = offset; i < offset + 8; i++) v = (v << 8n) | BigInt(id.charCodeAt(i));
  return v;
}

export function idMs(id: StreamId): bigint {
  return partBig(id, MS);
}

export function idSeq(id: StreamId): bigint {
  return partBig(id, SEQ);
}

/** The ms part as a number when below 2^53, else -1 (for the fast path of XADD *). */
export function idMsNumber(id: StreamId): number {
  return partNumber(id, MS);
}

/** True when two IDs share their millisecond part. */
export function sameMs(a: StreamId, b: StreamId): boolean {
  return a.slice(MS, SEQ) === b.slice(MS, SEQ);
}

/** True when an ID's sequence is the largest possible. */
export function seqIsMax(id: StreamId): boolean {
  return id.endsWith(MAX_ID.slice(SEQ));
}

function partText(id: StreamId, offset: number): string {
  const n = partNumber(id, offset);
  return n >= 0 ? String(n) : partBig(id, offset).toString();
}

/** "<ms>-<seq>", as Redis prints an ID. */
export function formatId(id: StreamId): string {
  return partText(id, MS) + '-' + partText(id, SEQ);
}

/** The next ID, or null past the largest (streamIncrID's wrap-around). */
export function incrId(id: StreamId): StreamId | null {
  for (let i = 15; i >= 0; i--) {
    const b = id.charCodeAt(i);
    if (b !== 0xff) return id.slice(0, i) + String.fromCharCode(b + 1) + MIN_ID.slice(i + 1);
  }
  return null;
}

/** The previous ID, or null before 0-0. */
export function decrId(id: StreamId): StreamId | null {
  for (let i = 15; i >= 0; i--) {
    const b = id.charCodeAt(i);
    if (b !== 0) return id.slice(0, i) + String.fromCharCode(b - 1) + MAX_ID.slice(i + 1);
  }
  return null;
}

/** The signed 64-bit difference of two halves, as listpack stores an entry's delta. */
function delta(a: StreamId, b: StreamId, offset: number): number | bigint {
  const x = partNumber(a, offset);
  const y = partNumber(b, offset);
  if (x >= 0 && y >= 0) return x - y;
  const d = (partBig(a, offset) - partBig(b, offset) + U64) % U64;
  return d >= 1n << 63n ? d - U64 : d;
}

export const msDelta = (a: StreamId, b: StreamId): number | bigint => delta(a, b, MS);
export const seqDelta = (a: StreamId, b: StreamId): number | bigint => delta(a, b, SEQ);

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Redis's string2ull: a canonical integer (string2ll) unless negative, else
 * whatever strtoull accepts whole — leading blanks, a sign (a minus wraps
 * around), leading zeros — up to 2^64 - 1.
 */
export function parseU64(s: string): bigint | null {
  const canonical = parseInt64(s);
  if (canonical !== null) return canonical < 0n ? null : canonical;
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const sign = s.charCodeAt(i);
  const neg = sign === 45;
  if (neg || sign === 43) i++;
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start || i !== s.length) return null;
  const v = BigInt(s.slice(start));
  if (v > U64_MAX) return null;
  return neg && v !== 0n ? U64 - v : v;
}

/** The fast path of parseU64: plain digits that fit a number exactly. */
function parseSmall(s: string): number {
  if (s.length === 0 || s.length > 15 || (s.charCodeAt(0) === 48 && s.length > 1)) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function parsePart(s: string): number | bigint | null {
  const n = parseSmall(s);
  return n >= 0 ? n : parseU64(s);
}

/** What to make of an ID argument without "-<seq>": seq 0 (starts) or the largest seq (ends). */
export type MissingSeq = 'min' | 'max';

export interface ParsedId {
  id: StreamId;
  /** False for XADD's "<ms>-*": the sequence is to be generated. */
  seqGiven: boolean;
}

/**
 * Redis's streamGenericParseIDOrReply: "-" and "+" (unless strict), "<ms>" or
 * "<ms>-<seq>", and with `autoSeq` XADD's "<ms>-*". Redis copies the argument
 * into a 128-byte C string first, so it stops at a NUL byte. Null if invalid.
 */
export function parseIdArg(arg: string, missing: MissingSeq, strict: boolean, autoSeq = false): ParsedId | null {
  if (arg.length > 127) return null;
  const nul = arg.indexOf('\u0000');
  const s = nul < 0 ? arg : arg.slice(0, nul);
  if (s === '-' || s === '+') return strict ? null : { id: s === '-' ? MIN_ID : MAX_ID, seqGiven: true };
  const dash = s.indexOf('-');
  const ms = parsePart(dash < 0 ? s : s.slice(0, dash));
  if (ms === null) return null;
  if (dash < 0) return { id: missing === 'min' ? makeId(ms, 0) : makeId(ms, U64_MAX), seqGiven: true };
  const seqText = s.slice(dash + 1);
  if (autoSeq && seqText === '*') return { id: makeId(ms, 0), seqGiven: false };
  const seq = parsePart(seqText);
  return seq === null ? null : { id: makeId(ms, seq), seqGiven: true };
}
