/**
 * How the geo commands print numbers: coordinates with `%.17Lf` trimmed
 * (ld2string's human mode, as a RESP3 double), distances with four decimals
 * (fixedpoint_d2string), and `%f` in the invalid-coordinates error.
 */
import { DoubleReply } from '../reply.js';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/**
 * printf("%.<digits>f") of a finite double: its exact binary value rounded
 * half to even, as glibc does. Infinities print as "inf" / "-inf".
 */
export function printfFixed(d: number, digits: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  f64[0] = d;
  const bits = u64[0];
  const neg = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp = -1074;
  if (biased !== 0) {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  const scale = 10n ** BigInt(digits);
  let units: bigint;
  if (exp >= 0) {
    units = (mant << BigInt(exp)) * scale;
  } else {
    const shift = BigInt(-exp);
    const num = mant * scale;
    units = num >> shift;
    const rest = num - (units << shift);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (units & 1n) === 1n)) units++;
  }
  const text = units.toString().padStart(digits + 1, '0');
  const int = text.slice(0, text.length - digits);
  return (neg ? '-' : '') + (digits > 0 ? `${int}.${text.slice(-digits)}` : int);
}

/** A coordinate as GEOPOS and WITHCOORD show it (addReplyHumanLongDouble). */
export function coordReply(d: number): DoubleReply {
  let s = printfFixed(d, 17);
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  s = s.slice(0, end);
  return new DoubleReply(d, s === '-0' ? '0' : s);
}

/** llrint: round half to even. */
function roundEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** A distance with four decimals (addReplyDoubleDistance). */
export function distanceText(d: number): string {
  if (d === 0) return '0.0000';
  const units = roundEven(d * 10000);
  const neg = units < 0;
  const digits = String(Math.abs(units)).padStart(5, '0');
  return (neg ? '-' : '') + digits.slice(0, -4) + '.' + digits.slice(-4);
}
