/**
 * Redis's rules for reading and writing numbers (util.c in Redis 7.0):
 * integers as `string2ll` reads them, doubles as `strtod` reads them for
 * `string2d`, and doubles written as `printf("%.17g")` / `d2string`.
 *
 * Inputs and outputs are byte strings (one char per byte); every number
 * Redis accepts or prints is plain ASCII.
 */
import { Err, type ErrorReply } from './reply.js';

// ── integers ────────────────────────────────────────────────────────────────

const CH_0 = 48;
const CH_1 = 49;
const CH_9 = 57;
const CH_MINUS = 45;
const CH_PLUS = 43;
const CH_DOT = 46;

/**
 * True if s is an integer as string2ll accepts it: optional '-', no '+', no
 * spaces, no leading zeros ("0" itself is fine, "-0" is not), within int64.
 */
function isInt64(s: string): boolean {
  const len = s.length;
  // 20 chars is "-9223372036854775808"; anything longer overflows or is malformed.
  if (len === 0 || len > 20) return false;
  if (len === 1 && s.charCodeAt(0) === CH_0) return true;
  const start = s.charCodeAt(0) === CH_MINUS ? 1 : 0;
  if (start === len) return false;
  const first = s.charCodeAt(start);
  if (first < CH_1 || first > CH_9) return false;
  for (let i = start + 1; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < CH_0 || c > CH_9) return false;
  }
  const digits = len - start;
  if (digits !== 19) return digits < 19;
  // Equal-length digit strings compare numerically as strings.
  return s.slice(start) <= (start ? '9223372036854775808' : '9223372036854775807');
}

/** string2ll: the exact int64 value of s, or null if Redis would reject it. */
export function parseInt64(s: string): bigint | null {
  return isInt64(s) ? BigInt(s) : null;
}

/**
 * string2ll as a JS number, throwing `err()` when Redis would reject s.
 * Values beyond 2^53 lose precision; this is for counts, indices and offsets.
 */
export function toInt(s: string, err: () => ErrorReply = Err.notInteger): number {
  const len = s.length;
  // Fast path: up to 15 chars the value stays below 2^53, so plain arithmetic is exact.
  if (len > 0 && len <= 15) {
    let i = 0;
    let c = s.charCodeAt(0);
    const neg = c === CH_MINUS;
    if (neg) {
      if (len === 1) throw err();
      c = s.charCodeAt(++i);
    }
    if (c >= CH_1 && c <= CH_9) {
      let v = c - CH_0;
      while (++i < len) {
        c = s.charCodeAt(i);
        if (c < CH_0 || c > CH_9) throw err();
        v = v * 10 + (c - CH_0);
      }
      return neg ? -v : v;
    }
    if (c === CH_0 && len === 1) return 0;
    throw err();
  }
  if (!isInt64(s)) throw err();
  return Number(s);
}

/** string2ll, exact; throws "ERR value is not an integer or out of range". */
export function toBigInt(s: string): bigint {
  if (!isInt64(s)) throw Err.notInteger();
  return BigInt(s);
}

/** An integer reply or value as Redis prints it (ll2string). */
export function formatInt(n: number | bigint): string {
  // Past 2^53 String() prints the shortest round-trip digits (and from 1e21 an
  // exponent); BigInt prints the integer the double exactly holds.
  if (typeof n === 'number' && (n > Number.MAX_SAFE_INTEGER || n < -Number.MAX_SAFE_INTEGER)) {
    return BigInt(n).toString();
  }
  return String(n);
}

// ── reading doubles ─────────────────────────────────────────────────────────
// The strtod grammar and exact binary rounding below are shared with
// longdouble.ts, which reads the same literals at 64-bit precision.

/** What kind of strtod literal a whole string is; see `floatSyntax`. */
export const FLOAT_INVALID = 0;
export const FLOAT_DECIMAL = 1;
export const FLOAT_HEX = 2;
export const FLOAT_INFINITY = 3;
export type FloatSyntax = typeof FLOAT_INVALID | typeof FLOAT_DECIMAL | typeof FLOAT_HEX | typeof FLOAT_INFINITY;

const isDecDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;
const isHexDigit = (c: number): boolean =>
  (c >= CH_0 && c <= CH_9) || ((c | 32) >= 97 && (c | 32) <= 102);

/** Skips `digits [. digits]` from i (at least one digit in all); returns the end or -1. */
function scanMantissa(s: string, i: number, isDigit: (c: number) => boolean): number {
  const start = i;
  while (isDigit(s.charCodeAt(i))) i++;
  let digits = i - start;
  if (s.charCodeAt(i) === CH_DOT) {
    const frac = ++i;
    while (isDigit(s.charCodeAt(i))) i++;
    digits += i - frac;
  }
  return digits > 0 ? i : -1;
}

/** True if s from i is empty or exactly an exponent: `letter [+-] digits`. */
function isExponentTail(s: string, i: number, letter: number): boolean {
  if (i === s.length) return true;
  if ((s.charCodeAt(i) | 32) !== letter) return false;
  const c = s.charCodeAt(++i);
  if (c === CH_PLUS || c === CH_MINUS) i++;
  const start = i;
  while (isDecDigit(s.charCodeAt(i))) i++;
  return i > start && i === s.length;
}

/**
 * Classifies s as strtod would read it when the whole string must be consumed
 * and no leading whitespace is allowed (Redis's string2d / string2ld):
 * `[+-]` then a decimal (`1`, `1.`, `.5`, `1e-3`), a hex float (`0x1.8p3`,
 * `0x10`), or `inf` / `infinity` in any case. NaN never qualifies.
 */
export function floatSyntax(s: string): FloatSyntax {
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === CH_PLUS || c === CH_MINUS) c = s.charCodeAt(++i);
  if (c === CH_0 && (s.charCodeAt(i + 1) | 32) === 120 /* x */) {
    // "0x" with no hex digit is strtod reading "0" and stopping at the 'x'.
    const end = scanMantissa(s, i + 2, isHexDigit);
    return end >= 0 && isExponentTail(s, end, 112 /* p */) ? FLOAT_HEX : FLOAT_INVALID;
  }
  if (isDecDigit(c) || c === CH_DOT) {
    const end = scanMantissa(s, i, isDecDigit);
    return end >= 0 && isExponentTail(s, end, 101 /* e */) ? FLOAT_DECIMAL : FLOAT_INVALID;
  }
  if (s.length - i !== 3 && s.length - i !== 8) return FLOAT_INVALID;
  const word = s.slice(i).toLowerCase();
  return word === 'inf' || word === 'infinity' ? FLOAT_INFINITY : FLOAT_INVALID;
}

/** Where the digits start in a literal that floatSyntax accepted: after the sign and any "0x". */
export function digitsStart(s: string, hex: boolean): number {
  const c = s.charCodeAt(0);
  return (c === CH_PLUS || c === CH_MINUS ? 1 : 0) + (hex ? 2 : 0);
}

/** True if the significand (before any exponent) has a non-zero digit. */
export function hasNonZeroDigit(s: string, hex: boolean): boolean {
  const n = s.length;
  for (let i = digitsStart(s, hex); i < n; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c === (hex ? 112 : 101)) return false;
    if (c >= 49 && c <= 57) return true;
    if (hex && c >= 97 && c <= 102) return true;
  }
  return false;
}

/** A hex float literal's exact value as ±mant × 2^exp (syntax already checked). */
export function hexParts(s: string): { neg: boolean; mant: bigint; exp: number } {
  const neg = s.charCodeAt(0) === CH_MINUS;
  let i = digitsStart(s, true);
  let hex = '';
  let fracDigits = 0;
  let inFrac = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === CH_DOT) inFrac = true;
    else if ((c | 32) === 112) break;
    else {
      hex += s[i];
      if (inFrac) fracDigits++;
    }
  }
  return { neg, mant: BigInt('0x' + hex), exp: parseExponent(s, i + 1) - 4 * fracDigits };
}

/**
 * The decimal exponent digits from i (after 'e' or 'p'), clamped: past ten
 * million every literal has long over- or underflowed, and the clamp keeps
 * later arithmetic in range.
 */
export function parseExponent(s: string, i: number): number {
  if (i > s.length) return 0;
  const neg = s.charCodeAt(i) === CH_MINUS;
  if (neg || s.charCodeAt(i) === CH_PLUS) i++;
  let e = 0;
  for (; i < s.length; i++) e = Math.min(e * 10 + s.charCodeAt(i) - CH_0, 1e7);
  return neg ? -e : e;
}

/** Bit length of a positive bigint. */
export function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/**
 * Rounds the exact value m × 2^e (m > 0; `sticky` says a non-zero remainder
 * lies below m) to `bits` significant bits, ties to even, without going under
 * the exponent `minExp` (there precision is lost gradually: subnormals).
 * Returns the rounded significand and its exponent; the significand may come
 * out as 2^bits after rounding up, which callers treat as any other value.
 * When no bits are dropped, `sticky` must be false.
 */
export function roundBinary(
  m: bigint,
  e: number,
  sticky: boolean,
  bits: number,
  minExp: number,
): { mant: bigint; exp: number } {
  const exp = Math.max(e + bitLength(m) - bits, minExp);
  const shift = exp - e;
  if (shift <= 0) return { mant: m << BigInt(-shift), exp };
  const big = BigInt(shift);
  let mant = m >> big;
  const rest = m - (mant << big);
  const half = 1n << (big - 1n);
  if (rest > half || (rest === half && (sticky || (mant & 1n) === 1n))) mant++;
  return { mant, exp };
}

const DOUBLE_MIN_EXP = -1074; // exponent of the least subnormal bit

function hexToDouble(s: string): number {
  const { neg, mant, exp } = hexParts(s);
  if (mant === 0n) return neg ? -0 : 0;
  const r = roundBinary(mant, exp, false, 53, DOUBLE_MIN_EXP);
  // r.mant ≤ 2^53 and r.exp ≥ -1074, so this product is exact unless it overflows.
  const d = r.mant === 0n ? 0 : Number(r.mant) * 2 ** r.exp;
  return neg ? -d : d;
}

/**
 * Redis's string2d: the double s spells, or null if Redis replies "not a
 * valid float". Accepts decimals, exponents, hex floats and inf / infinity;
 * rejects whitespace, trailing bytes, NaN, overflow to ±inf and underflow to
 * zero from a non-zero literal (glibc's ERANGE). Subnormals are fine.
 */
export function parseDouble(s: string): number | null {
  const kind = floatSyntax(s);
  let d: number;
  if (kind === FLOAT_DECIMAL) {
    // JS number syntax is a superset of what floatSyntax let through, and V8 rounds correctly.
    d = Number(s);
  } else if (kind === FLOAT_HEX) {
    d = hexToDouble(s);
  } else if (kind === FLOAT_INFINITY) {
    return s.charCodeAt(0) === CH_MINUS ? -Infinity : Infinity;
  } else {
    return null;
  }
  if (d === Infinity || d === -Infinity) return null;
  if (d === 0 && hasNonZeroDigit(s, kind === FLOAT_HEX)) return null;
  return d;
}

/** parseDouble, throwing `err()` (by default "ERR value is not a valid float"). */
export function toDouble(s: string, err: () => ErrorReply = Err.notFloat): number {
  const d = parseDouble(s);
  if (d === null) throw err();
  return d;
}

// ── writing doubles ─────────────────────────────────────────────────────────

/**
 * A double as Redis 7.0 replies with it: C's `printf("%.17g")`, with "inf" and
 * "-inf" (ZSCORE, ZINCRBY, WITHSCORES …). `1.1` prints as "1.1000000000000001".
 */
export function formatDouble(d: number): string {
  // Safe integers print in full under %.17g, and String() prints them exactly.
  if (Number.isSafeInteger(d)) return d === 0 && 1 / d < 0 ? '-0' : String(d);
  // Short binary fractions (0.5, 2.25, 99.125 …) have exact expansions of at
  // most 15 digits, which String() prints exactly as %.17g does, and faster.
  if ((d * 1024) % 1 === 0 && d < 1e5 && d > -1e5) return String(d);
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d !== d) return 'nan';
  return formatG17(d);
}

/**
 * `%.17g` for a finite non-zero double. JS gives the 17 correctly rounded
 * digits, but breaks exact ties upwards where glibc rounds them to even; a
 * tie needs the exact decimal expansion to be 18 digits ending in 5, which the
 * check below detects cheaply. The layout is then printf's %g: fixed notation
 * when -4 ≤ exponent < 17, else d.ddde±XX, trailing zeros dropped.
 */
function formatG17(d: number): string {
  const neg = d < 0;
  const x = neg ? -d : d;
  let s = x.toExponential(16); // "d.dddddddddddddddde±X": digits at 0 and 2..17
  const expSign = s.charCodeAt(19);
  let exp = 0;
  for (let i = 20; i < s.length; i++) exp = exp * 10 + s.charCodeAt(i) - CH_0;
  if (expSign === CH_MINUS) exp = -exp;

  const last = s.charCodeAt(17) - CH_0;
  if (last & 1) {
    // x = m / 2^k with m odd has exactly k decimals, so its expansion is 18
    // significant digits only when k = 17 - exp. Scaling by 2^k is exact.
    const k = 17 - exp;
    if (k >= 1 && k <= 25) {
      const m = x * 2 ** k;
      if (Number.isInteger(m) && m % 2 === 1) s = s.slice(0, 17) + (last - 1) + s.slice(18);
    }
  }

  let end = 18; // one past the last significant digit
  while (end > 2 && s.charCodeAt(end - 1) === CH_0) end--;
  const sign = neg ? '-' : '';
  if (exp < -4 || exp >= 17) {
    const mant = end > 2 ? s.slice(0, end) : s[0];
    return sign + mant + (exp < 0 ? 'e-' : 'e+') + (exp > -10 && exp < 10 ? '0' : '') + s.slice(20);
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + s[0] + s.slice(2, end);
  const point = 2 + exp; // the decimal point goes before this index of s
  if (end <= point) return sign + s[0] + s.slice(2, end) + '0'.repeat(point - end);
  return sign + s[0] + s.slice(2, point) + '.' + s.slice(point, end);
}

/** 2^62: the bound of Redis's double2ll, inside which integral doubles print as integers. */
const D2STRING_INT_LIMIT = 4611686018427387904;

/**
 * Redis's d2string, how a score is written into a compact (listpack) sorted
 * set: "nan", "inf", "-inf", "0" / "-0", integral values within ±2^62 as
 * plain integers, anything else as %.17g.
 */
export function d2string(d: number): string {
  if (d === 0) return 1 / d < 0 ? '-0' : '0';
  if (Number.isInteger(d) && d >= -D2STRING_INT_LIMIT && d <= D2STRING_INT_LIMIT) return formatInt(d);
  return formatDouble(d);
}
