/**
 * C's printf for numbers, as glibc prints them: what Lua 5.1 shows through
 * tostring (`%.14g`), string.format and cjson. JS's toPrecision / toFixed
 * round exact ties upwards where glibc rounds them to even, and switch to
 * exponents at other thresholds, so the digits come from the exact binary
 * value here whenever a tie is possible.
 */

/** The exact decimal digits of a finite x > 0 and the power of ten of the first: x = 0.D × 10^point. */
function exactDecimal(x: number): { digits: string; point: number } {
  // x = mant × 2^exp with an integral mant (53 bits at most).
  let exp = 0;
  let mant = x;
  while (!Number.isInteger(mant)) {
    mant *= 2;
    exp--;
  }
  if (exp === 0) {
    const digits = BigInt(mant).toString();
    return { digits, point: digits.length };
  }
  // mant / 2^k = mant × 5^k / 10^k
  const digits = (BigInt(mant) * 5n ** BigInt(-exp)).toString();
  return { digits, point: digits.length + exp };
}

/**
 * Rounds a digit string to `keep` digits (keep may be 0 or negative), ties to
 * even as glibc does with the exact value. Returns the digits and whether
 * rounding carried into a new leading digit.
 */
function roundDigits(digits: string, keep: number): { digits: string; carry: boolean } {
  if (keep >= digits.length) return { digits: digits.padEnd(keep, '0'), carry: false };
  if (keep < 0) return { digits: '', carry: false };
  const next = digits.charCodeAt(keep) - 48;
  let up = next > 5;
  if (next === 5) {
    let rest = false;
    for (let i = keep + 1; i < digits.length; i++) {
      if (digits.charCodeAt(i) !== 48) {
        rest = true;
        break;
      }
    }
    up = rest || (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  let kept = digits.slice(0, keep);
  if (!up) return { digits: kept, carry: false };
  const chars = kept.split('');
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === '9') chars[i--] = '0';
  if (i >= 0) {
    chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
    kept = chars.join('');
    return { digits: kept, carry: false };
  }
  return { digits: '1' + chars.join(''), carry: true };
}

/** True when x has at most `bits` binary fractional digits: then a decimal tie is possible. */
function mayTie(x: number, bits: number): boolean {
  return bits < 1075 && Number.isInteger(x * 2 ** Math.min(bits, 1023));
}

/** %.{prec}e digits: the significand's digits (prec + 1 of them) and the decimal exponent. */
function scientific(x: number, prec: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(prec + 1), exp: 0 };
  if (!mayTie(x, prec + 2) && prec <= 100) {
    const s = x.toExponential(prec);
    const e = s.indexOf('e');
    return { digits: s[0] + s.slice(2, e), exp: Number(s.slice(e + 1)) };
  }
  const { digits, point } = exactDecimal(x);
  const r = roundDigits(digits, prec + 1);
  return r.carry ? { digits: r.digits.slice(0, prec + 1), exp: point } : { digits: r.digits, exp: point - 1 };
}

/** %.{prec}f of x ≥ 0, without sign. */
function fixed(x: number, prec: number): string {
  if (x < 1e21 && prec <= 100 && !mayTie(x, prec + 1)) return x.toFixed(prec);
  if (x === 0) return prec > 0 ? '0.' + '0'.repeat(prec) : '0';
  const { digits, point } = exactDecimal(x);
  let intDigits: string;
  let frac: string;
  if (point + prec < 0) {
    intDigits = '0';
    frac = '0'.repeat(prec);
  } else {
    const padded = point < 0 ? '0'.repeat(-point) + digits : digits;
    const at = Math.max(point, 0);
    const r = roundDigits(padded, at + prec);
    const all = r.digits;
    const whole = all.length - prec;
    intDigits = whole > 0 ? all.slice(0, whole) : '0';
    frac = all.slice(Math.max(whole, 0));
  }
  return prec > 0 ? `${intDigits}.${frac}` : intDigits;
}

function exponentText(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** %e / %f / %g of |x| (finite), with C's precision default of 6 and the '#' flag. */
function unsignedFloat(x: number, conv: string, prec: number, alt: boolean): string {
  switch (conv) {
    case 'e': {
      const { digits, exp } = scientific(x, prec);
      const point = prec > 0 || alt ? '.' : '';
      return digits[0] + point + digits.slice(1) + 'e' + exponentText(exp);
    }
    case 'f': {
      const s = fixed(x, prec);
      return alt && prec === 0 ? s + '.' : s;
    }
    default: {
      // %g: P significant digits; exponent form when exp < -4 or exp ≥ P.
      const p = prec === 0 ? 1 : prec;
      const { exp } = scientific(x, p - 1);
      const s = exp < -4 || exp >= p ? unsignedFloat(x, 'e', p - 1, alt) : fixed(x, p - 1 - exp);
      if (alt) return s;
      if (exp < -4 || exp >= p) {
        const e = s.indexOf('e');
        return stripZeros(s.slice(0, e)) + s.slice(e);
      }
      return stripZeros(s);
    }
  }
}

/** Conversion flags and sizes parsed from a `%...` spec. */
export interface FormatSpec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  /** -1 when absent. */
  precision: number;
}

export const NO_FLAGS: FormatSpec = { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, precision: -1 };

function pad(sign: string, body: string, spec: FormatSpec, zeroAllowed: boolean): string {
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  if (spec.minus) return sign + body + ' '.repeat(spec.width - len);
  if (spec.zero && zeroAllowed) return sign + '0'.repeat(spec.width - len) + body;
  return ' '.repeat(spec.width - len) + sign + body;
}

function signOf(negative: boolean, spec: FormatSpec): string {
  return negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
}

/** printf's %e %E %f %g %G of a double. */
export function formatFloat(x: number, conv: string, spec: FormatSpec): string {
  const lower = conv.toLowerCase();
  const negative = x < 0 || (x === 0 && 1 / x < 0) || (x !== x && isNegativeNaN(x));
  const sign = signOf(negative, spec);
  let body: string;
  if (x !== x) body = 'nan';
  else if (x === Infinity || x === -Infinity) body = 'inf';
  else body = unsignedFloat(Math.abs(x), lower, spec.precision < 0 ? 6 : spec.precision, spec.alt);
  if (conv !== lower) body = body.toUpperCase();
  return pad(sign, body, spec, Number.isFinite(x));
}

/**
 * glibc prints the sign of a NaN. x86's 0/0 yields a NaN with the sign bit
 * set ("-nan"); JS keeps NaN payloads where it can, so read the bit.
 */
const nanView = new DataView(new ArrayBuffer(8));
function isNegativeNaN(x: number): boolean {
  nanView.setFloat64(0, x);
  return (nanView.getUint8(0) & 0x80) !== 0;
}

/** printf's %d %i (signed) and %o %u %x %X (unsigned) of a 64-bit integer. */
export function formatInteger(n: bigint, conv: string, spec: FormatSpec): string {
  const signed = conv === 'd' || conv === 'i';
  let negative = false;
  let v = n;
  if (signed) {
    negative = v < 0n;
    if (negative) v = -v;
  } else {
    v = BigInt.asUintN(64, v);
  }
  const radix = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = v.toString(radix);
  if (conv === 'X') digits = digits.toUpperCase();
  if (spec.precision >= 0) {
    if (spec.precision === 0 && v === 0n) digits = '';
    else if (digits.length < spec.precision) digits = digits.padStart(spec.precision, '0');
  }
  let prefix = '';
  if (spec.alt && v !== 0n) {
    if (conv === 'x') prefix = '0x';
    else if (conv === 'X') prefix = '0X';
    else if (conv === 'o' && digits[0] !== '0') digits = '0' + digits;
  }
  const sign = signed ? signOf(negative, spec) : '';
  return pad(sign + prefix, digits, spec, spec.precision < 0);
}

/** printf's %s with width and precision (bytes). */
export function formatString(s: string, spec: FormatSpec): string {
  const body = spec.precision >= 0 && s.length > spec.precision ? s.slice(0, spec.precision) : s;
  return pad('', body, spec, false);
}

/** Lua 5.1's number-to-string conversion: `%.14g`, with "inf", "-inf", "nan", "-nan". */
export function luaNumberToString(x: number): string {
  // Integers of at most 14 digits print whole under %.14g.
  if (Number.isInteger(x) && x < 1e14 && x > -1e14) return x === 0 && 1 / x < 0 ? '-0' : String(x);
  return formatFloat(x, 'g', PRECISION_14);
}

const PRECISION_14: FormatSpec = { ...NO_FLAGS, precision: 14 };

/** Any precision of %g without flags, as lua-cjson's encode_number_precision uses it. */
export function formatG(x: number, precision: number): string {
  return formatFloat(x, 'g', { ...NO_FLAGS, precision });
}

/**
 * C's cast of a double to long long on x86-64: truncation toward zero, and
 * the "integer indefinite" value INT64_MIN for NaN and anything out of range.
 */
export function doubleToInt64(x: number): bigint {
  if (!(x >= -9223372036854775808 && x < 9223372036854775808)) return -9223372036854775808n;
  return BigInt(Math.trunc(x));
}
