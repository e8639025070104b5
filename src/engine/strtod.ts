/**
 * C's strtod (glibc) over a whole argument, for the places where Redis calls
 * it directly instead of through string2d: sorted-set score ranges
 * (zslParseRange) and SORT weights. Compared with `parseDouble` it
 *   - reads the argument as a C string: it ends at the first NUL byte;
 *   - skips leading whitespace;
 *   - reads "" as 0 (nothing converted, and the end pointer is at the NUL);
 *   - lets overflow give ±inf and underflow give 0 or a subnormal, flagging
 *     ERANGE as glibc does (SORT refuses those, score ranges do not).
 */
import { FLOAT_DECIMAL, FLOAT_HEX, FLOAT_INFINITY, floatSyntax, hasNonZeroDigit, hexParts, parseDouble } from './number.js';

export interface StrtodResult {
  value: number;
  /** glibc set errno to ERANGE: overflow, or a tiny result that is not exact. */
  erange: boolean;
}

const DBL_MIN = 2.2250738585072014e-308;
/** Exponent of the least subnormal bit. */
const MIN_EXP = -1074;

/** isspace() in the C locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * strtod(s, &end) where the caller then requires `*end == '\0'`: the value,
 * or null when bytes remain unconverted or the value is NaN (which every
 * caller refuses).
 */
export function strtodWhole(s: string): StrtodResult | null {
  const nul = s.indexOf('\0');
  const c = nul < 0 ? s : s.slice(0, nul);
  let i = 0;
  while (i < c.length && isSpace(c.charCodeAt(i))) i++;
  // No conversion leaves the end pointer at the start: fine only for "".
  if (i === c.length) return i === 0 ? { value: 0, erange: false } : null;
  const text = i === 0 ? c : c.slice(i);
  switch (floatSyntax(text)) {
    case FLOAT_DECIMAL: {
      const value = Number(text);
      const tiny = value === 0 ? hasNonZeroDigit(text, false) : Math.abs(value) < DBL_MIN;
      return { value, erange: tiny || !Number.isFinite(value) };
    }
    case FLOAT_HEX:
      return hexStrtod(text);
    case FLOAT_INFINITY:
      return { value: text.charCodeAt(0) === 45 ? -Infinity : Infinity, erange: false };
    default:
      return null;
  }
}

/** A hex literal: parseDouble gives in-range values; out of range it gives null, so decide from the exact parts. */
function hexStrtod(text: string): StrtodResult {
  const { neg, mant, exp } = hexParts(text);
  const parsed = parseDouble(text);
  if (parsed === null) {
    const overflow = exp + mant.toString(2).length > 1024;
    const value = overflow ? Infinity : 0;
    return { value: neg ? -value : value, erange: true };
  }
  const tiny = parsed !== 0 && Math.abs(parsed) < DBL_MIN;
  const exact = exp >= MIN_EXP || mant % (1n << BigInt(MIN_EXP - exp)) === 0n;
  return { value: parsed, erange: tiny && !exact };
}
