/**
 * INCRBYFLOAT / HINCRBYFLOAT arithmetic, bit for bit as Redis does it on
 * x86-64: in C `long double`, the x87 80-bit format (64-bit significand,
 * 15-bit exponent, round to nearest even), read with strtold, printed with
 * `%.17Lf`. Values are exact bigint significands with a binary exponent, so
 * every step rounds exactly once, where the hardware does.
 */
import {
  bitLength,
  digitsStart,
  FLOAT_DECIMAL,
  FLOAT_HEX,
  FLOAT_INFINITY,
  floatSyntax,
  hasNonZeroDigit,
  hexParts,
  parseExponent,
  roundBinary,
} from './number.js';
import { Err, ErrorReply } from './reply.js';

/** A long double: ±mant × 2^exp (mant < 2^64, 0n for zero), ±infinity, or NaN. */
export type LongDouble =
  | { readonly kind: 'finite'; readonly neg: boolean; readonly mant: bigint; readonly exp: number }
  | { readonly kind: 'inf'; readonly neg: boolean }
  | { readonly kind: 'nan' };

const MANT_BITS = 64;
/** Exponent of the least subnormal bit: the smallest long double is 2^-16445. */
const MIN_EXP = -16445;
/** Largest exponent of a 64-bit significand: the largest long double is (2^64-1)·2^16320. */
const MAX_EXP = 16320;
/** Decimal exponents past which any significand over- or underflows. */
const MAX_DEC_EXP = 4933;
const MIN_DEC_EXP = -4952;
/** string2ld copies into a buffer of MAX_LONG_DOUBLE_CHARS (5k) and refuses longer input. */
const MAX_INPUT = 5 * 1024;

const ZERO: LongDouble = { kind: 'finite', neg: false, mant: 0n, exp: 0 };

/** Rounds the exact ±m·2^e (+ sticky remainder) to a long double; overflow gives ±inf. */
function round(neg: boolean, m: bigint, e: number, sticky: boolean): LongDouble {
  if (m === 0n) return { kind: 'finite', neg, mant: 0n, exp: 0 };
  let { mant, exp } = roundBinary(m, e, sticky, MANT_BITS, MIN_EXP);
  if (mant >> BigInt(MANT_BITS)) {
    mant >>= 1n;
    exp++;
  }
  if (exp > MAX_EXP) return { kind: 'inf', neg };
  return { kind: 'finite', neg, mant, exp };
}

/** A decimal literal (syntax already checked) correctly rounded to a long double. */
function decimalToLongDouble(s: string): LongDouble {
  const neg = s.charCodeAt(0) === 45; // '-'
  const start = digitsStart(s, false);
  let ePos = s.indexOf('e', start);
  if (ePos < 0) ePos = s.indexOf('E', start);
  if (ePos < 0) ePos = s.length;
  const mantissa = s.slice(start, ePos);
  const dot = mantissa.indexOf('.');
  const fracDigits = dot < 0 ? 0 : mantissa.length - dot - 1;
  const digits = (dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)).replace(/^0+/, '');
  if (digits === '') return { kind: 'finite', neg, mant: 0n, exp: 0 };
  // value = digits × 10^q
  const q = parseExponent(s, ePos + 1) - fracDigits;
  const magnitude = digits.length + q; // value < 10^magnitude
  if (magnitude - 1 > MAX_DEC_EXP) return { kind: 'inf', neg };
  if (magnitude < MIN_DEC_EXP) return { kind: 'finite', neg, mant: 0n, exp: 0 };
  const d = BigInt(digits);
  if (q >= 0) return round(neg, d * 10n ** BigInt(q), 0, false);
  // Scale so the quotient has at least 65 bits (64 plus a rounding bit); the
  // remainder becomes the sticky bit.
  const den = 10n ** BigInt(-q);
  const shift = Math.max(0, bitLength(den) - bitLength(d) + MANT_BITS + 2);
  const num = d << BigInt(shift);
  const quo = num / den;
  return round(neg, quo, -shift, quo * den !== num);
}

/**
 * Redis's string2ld: strtold over the whole string, or null where Redis says
 * "not a valid float" (empty, over 5k bytes, leading space, trailing bytes,
 * NaN, a finite literal that overflows, or a non-zero one that underflows to 0).
 * The range is long double's, so "1e400" is a valid value.
 */
export function parseLongDouble(s: string): LongDouble | null {
  if (s.length >= MAX_INPUT) return null;
  const kind = floatSyntax(s);
  let v: LongDouble;
  if (kind === FLOAT_DECIMAL) {
    v = decimalToLongDouble(s);
  } else if (kind === FLOAT_HEX) {
    const { neg, mant, exp } = hexParts(s);
    v = round(neg, mant, exp, false);
  } else if (kind === FLOAT_INFINITY) {
    return { kind: 'inf', neg: s.charCodeAt(0) === 45 /* '-' */ };
  } else {
    return null;
  }
  if (v.kind === 'inf') return null; // ERANGE overflow
  if (v.kind === 'finite' && v.mant === 0n && hasNonZeroDigit(s, kind === FLOAT_HEX)) return null; // ERANGE underflow
  return v;
}

/** a + b, rounded once as the x87 does. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return a.kind === 'nan' ? a : b;
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (a.kind === 'inf' && b.kind === 'inf' && a.neg !== b.neg) return { kind: 'nan' };
    return a.kind === 'inf' ? a : b;
  }
  if (a.mant === 0n) return b.mant === 0n ? { ...a, neg: a.neg && b.neg } : b;
  if (b.mant === 0n) return a;
  const exp = Math.min(a.exp, b.exp);
  const x = a.mant << BigInt(a.exp - exp);
  const y = b.mant << BigInt(b.exp - exp);
  const sum = (a.neg ? -x : x) + (b.neg ? -y : y);
  // An exact cancellation is +0 when rounding to nearest.
  return sum < 0n ? round(true, -sum, exp, false) : round(false, sum, exp, false);
}

/**
 * Redis's ld2string in human mode: `%.17Lf` (exact value rounded half-even to
 * 17 decimals, never an exponent), trailing zeros and a bare '.' dropped,
 * "-0" written "0". Infinities are "inf" / "-inf".
 */
export function formatLongDouble(x: LongDouble): string {
  if (x.kind === 'nan') return 'nan';
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  const scale = 10n ** 17n;
  let units: bigint; // |x| × 10^17, rounded
  if (x.exp >= 0) {
    units = (x.mant << BigInt(x.exp)) * scale;
  } else {
    const shift = BigInt(-x.exp);
    const num = x.mant * scale;
    units = num >> shift;
    const rest = num - (units << shift);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (units & 1n) === 1n)) units++;
  }
  if (units === 0n) return '0';
  const text = units.toString().padStart(18, '0');
  const int = text.slice(0, -17);
  const frac = text.slice(-17).replace(/0+$/, '');
  return (x.neg ? '-' : '') + int + (frac ? '.' + frac : '');
}

/**
 * INCRBYFLOAT: the new value of a string holding `current` (undefined when
 * the key is missing) after adding `incr`, as Redis stores and replies it.
 * Throws "ERR value is not a valid float" if either side does not parse and
 * "ERR increment would produce NaN or Infinity" if the sum is not finite.
 */
export function incrByFloat(current: string | undefined, incr: string): string {
  const value = current === undefined ? ZERO : parseLongDouble(current);
  const by = parseLongDouble(incr);
  if (value === null || by === null) throw Err.notFloat();
  const sum = addLongDouble(value, by);
  if (sum.kind !== 'finite') throw new ErrorReply('ERR increment would produce NaN or Infinity');
  return formatLongDouble(sum);
}
