/**
 * HyperLogLog exactly as Redis 7.0 stores and counts it (hyperloglog.c), so a
 * value moved between Redis and redlite with GET / SET keeps its bytes and
 * its counts.
 *
 * A HyperLogLog is a string: a 16-byte header — "HYLL", the encoding (0 dense,
 * 1 sparse), three unused bytes, and the cached cardinality as a little-endian
 * uint64 whose top bit marks it stale — then 16384 six-bit registers.
 *
 * - Dense: the registers packed LSB first, 12288 bytes.
 * - Sparse: run-length opcodes. ZERO `00xxxxxx` is 1..64 zero registers;
 *   XZERO `01xxxxxx yyyyyyyy` is 1..16384 zero registers; VAL `1vvvvvxx` is
 *   1..4 registers of value 1..32. A value above 32, or growing past
 *   hll-sparse-max-bytes, converts the value to dense.
 *
 * An element goes to register `hash & 16383` (MurmurHash64A, seed 0xadc83b19)
 * with the length of the run of zeros, plus one, in the remaining 50 bits.
 * Counting uses Ertl's estimator ("New cardinality estimation algorithms for
 * HyperLogLog sketches", arXiv:1702.01284), as Redis 7 does.
 */
import { ByteEditor, bytesToString, stringToBytes } from './bytes.js';

export const HLL_REGISTERS = 16384;
const P = 14;
const Q = 64 - P;
const REGISTER_MAX = 63;
const HEADER = 16;
const ENCODING_BYTE = 4;
const DENSE = 0;
const SPARSE = 1;
/** The cached cardinality's top byte; its top bit marks the cache stale. */
const CARD_TOP = 15;
const DENSE_SIZE = HEADER + (HLL_REGISTERS * 6) / 8;
const SPARSE_VAL_MAX_VALUE = 32;
const SPARSE_VAL_MAX_LEN = 4;
const SPARSE_ZERO_MAX_LEN = 64;
const SPARSE_XZERO_MAX_LEN = 16384;
/** 0.5 / ln 2, the estimator's alpha for an infinite number of registers. */
const ALPHA_INF = 0.721347520444481703680;

// ——— MurmurHash64A, 64-bit arithmetic on two 32-bit halves ———

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;
let hashHi = 0;
let hashLo = 0;

/** (hi:lo) × M mod 2^64, into hashHi:hashLo (16-bit limbs keep every product exact). */
function mulM(hi: number, lo: number): void {
  const a48 = hi >>> 16, a32 = hi & 0xffff, a16 = lo >>> 16, a00 = lo & 0xffff;
  const b48 = M_HI >>> 16, b32 = M_HI & 0xffff, b16 = M_LO >>> 16, b00 = M_LO & 0xffff;
  let c00 = a00 * b00;
  let c16 = c00 >>> 16;
  c00 &= 0xffff;
  c16 += a16 * b00;
  let c32 = c16 >>> 16;
  c16 &= 0xffff;
  c16 += a00 * b16;
  c32 += c16 >>> 16;
  c16 &= 0xffff;
  c32 += a32 * b00;
  let c48 = c32 >>> 16;
  c32 &= 0xffff;
  c32 += a16 * b16;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c32 += a00 * b32;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c48 = (c48 + a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48) & 0xffff;
  hashHi = ((c48 << 16) | c32) >>> 0;
  hashLo = ((c16 << 16) | c00) >>> 0;
}

/** MurmurHash64A of a byte string (little-endian words, as Redis reads them on every platform); into hashHi:hashLo. */
function murmurHash64A(s: string, seed: number): void {
  const len = s.length;
  mulM(0, len);
  let hi = hashHi;
  let lo = (hashLo ^ seed) >>> 0;
  const whole = len - (len & 7);
  for (let i = 0; i < whole; i += 8) {
    const kLo = (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24)) >>> 0;
    const kHi = (s.charCodeAt(i + 4) | (s.charCodeAt(i + 5) << 8) | (s.charCodeAt(i + 6) << 16) | (s.charCodeAt(i + 7) << 24)) >>> 0;
    mulM(kHi, kLo); // k *= m
    mulM(hashHi, (hashLo ^ (hashHi >>> 15)) >>> 0); // k ^= k >> 47; k *= m
    mulM((hi ^ hashHi) >>> 0, (lo ^ hashLo) >>> 0); // h ^= k; h *= m
    hi = hashHi;
    lo = hashLo;
  }
  const tail = len & 7;
  if (tail > 0) {
    for (let j = tail - 1; j >= 0; j--) {
      const byte = s.charCodeAt(whole + j);
      if (j >= 4) hi ^= byte << ((j - 4) * 8);
      else lo ^= byte << (j * 8);
    }
    mulM(hi >>> 0, lo >>> 0);
    hi = hashHi;
    lo = hashLo;
  }
  mulM(hi, (lo ^ (hi >>> 15)) >>> 0); // h ^= h >> 47; h *= m
  hashLo = (hashLo ^ (hashHi >>> 15)) >>> 0; // h ^= h >> 47
}

/**
 * An element's register and run length, packed as `count << 14 | index`
 * (hllPatLen): no allocation per element.
 */
export function patternOf(element: string): number {
  murmurHash64A(element, 0xadc83b19);
  const index = hashLo & (HLL_REGISTERS - 1);
  // The 50 bits above the index, with bit 50 set so the run ends by Q + 1.
  const lo = ((hashLo >>> P) | (hashHi << (32 - P))) >>> 0;
  const hi = (hashHi >>> P) | (1 << (Q - 32));
  const zeros = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + 31 - Math.clz32(hi & -hi);
  return ((zeros + 1) << P) | index;
}

// ——— Validation, creation, cached cardinality ———

/** Whether a string is a HyperLogLog Redis would accept (isHLLObjectOrReply). */
export function isHll(s: string): boolean {
  if (s.length < HEADER || !s.startsWith('HYLL')) return false;
  const encoding = s.charCodeAt(ENCODING_BYTE);
  return encoding === SPARSE || (encoding === DENSE && s.length === DENSE_SIZE);
}

export function isDense(s: string): boolean {
  return s.charCodeAt(ENCODING_BYTE) === DENSE;
}

/** A new, empty HyperLogLog: sparse, one XZERO covering every register, cached cardinality 0. */
export const EMPTY_HLL = 'HYLL\x01' + '\0'.repeat(11) + String.fromCharCode(0x40 | ((SPARSE_XZERO_MAX_LEN - 1) >> 8), (SPARSE_XZERO_MAX_LEN - 1) & 0xff);

/** The cached cardinality, or null when it is stale (a bigint only past 2^53). */
export function cachedCount(s: string): number | bigint | null {
  if (s.charCodeAt(CARD_TOP) & 0x80) return null;
  const le32 = (at: number) =>
    (s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24)) >>> 0;
  const lo = le32(8);
  const hi = le32(12);
  return hi < 1 << 21 ? hi * 2 ** 32 + lo : (BigInt(hi) << 32n) | BigInt(lo);
}

/** The same HyperLogLog with `card` as its (valid) cached cardinality. */
export function withCachedCount(s: string, card: number): string {
  const bytes = new ByteEditor(s);
  for (let i = 8; i <= CARD_TOP; i++, card = Math.floor(card / 256)) bytes.set(i, card % 256);
  return bytes.toString();
}

// ——— Register histograms and the estimator ———

/** Register value histogram of a dense HyperLogLog. */
function denseHistogram(s: string, histogram: Int32Array): void {
  for (let i = HEADER; i < DENSE_SIZE; i += 3) {
    // Three bytes hold four registers.
    const b0 = s.charCodeAt(i), b1 = s.charCodeAt(i + 1), b2 = s.charCodeAt(i + 2);
    histogram[b0 & 63]++;
    histogram[((b0 >> 6) | (b1 << 2)) & 63]++;
    histogram[((b1 >> 4) | (b2 << 4)) & 63]++;
    histogram[b2 >> 2]++;
  }
}

/**
 * Walks a sparse HyperLogLog's opcodes, calling `visit` for each run of
 * non-zero registers. False for a corrupt value: runs that pass the last
 * register or stop short of it. (Redis 7.0.15 as patched for CVE-2025-32023,
 * the server we test against, refuses any run that overflows; the original
 * 7.0.15 let a trailing VAL overflow through when merging.)
 */
function walkSparse(s: string, visit: (value: number, first: number, run: number) => void): boolean {
  let index = 0;
  for (let p = HEADER; p < s.length; p++) {
    const op = s.charCodeAt(p);
    let run: number;
    if ((op & 0xc0) === 0) {
      run = (op & 0x3f) + 1;
    } else if ((op & 0xc0) === 0x40) {
      // A truncated XZERO reads the string's terminating zero byte, as in C.
      run = (((op & 0x3f) << 8) | (s.charCodeAt(++p) || 0)) + 1;
    } else {
      run = (op & 3) + 1;
      if (index + run <= HLL_REGISTERS) visit(((op >> 2) & 0x1f) + 1, index, run);
    }
    index += run;
    if (index > HLL_REGISTERS) return false;
  }
  return index === HLL_REGISTERS;
}

/** Register value histogram of a sparse HyperLogLog; false if it is corrupt. */
function sparseHistogram(s: string, histogram: Int32Array): boolean {
  let nonZero = 0;
  const valid = walkSparse(s, (value, _first, run) => {
    histogram[value] += run;
    nonZero += run;
  });
  histogram[0] += HLL_REGISTERS - nonZero;
  return valid;
}

/** Ertl's sigma. */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let previous: number;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (previous !== z);
  return z;
}

/** Ertl's tau. */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let previous: number;
  do {
    x = Math.sqrt(x);
    previous = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (previous !== z);
  return z / 3;
}

/** The cardinality estimate from a register histogram (hllCount). */
function estimate(histogram: Int32Array): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histogram[Q + 1]) / m);
  for (let j = Q; j >= 1; j--) {
    z += histogram[j];
    z *= 0.5;
  }
  z += m * sigma(histogram[0] / m);
  // llroundl: halves away from zero, and the estimate is never negative.
  return Math.round((ALPHA_INF * m * m) / z);
}

/** The cardinality of one HyperLogLog, or null for a corrupt sparse one. */
export function count(s: string): number | null {
  const histogram = new Int32Array(64);
  if (isDense(s)) denseHistogram(s, histogram);
  else if (!sparseHistogram(s, histogram)) return null;
  return estimate(histogram);
}

/** The cardinality of a union given as one byte per register. */
export function countRegisters(registers: Uint8Array): number {
  const histogram = new Int32Array(64);
  for (let i = 0; i < HLL_REGISTERS; i++) histogram[registers[i]]++;
  return estimate(histogram);
}

/** Dense register `index` of the bytes after the header. */
function denseRegister(bytes: { get(i: number): number }, index: number): number {
  const bit = index * 6;
  const at = HEADER + (bit >> 3);
  const shift = bit & 7;
  return ((bytes.get(at) >> shift) | (bytes.get(at + 1) << (8 - shift))) & REGISTER_MAX;
}

function setDenseRegister(bytes: ByteEditor, index: number, value: number): void {
  const bit = index * 6;
  const at = HEADER + (bit >> 3);
  const shift = bit & 7;
  bytes.set(at, (bytes.get(at) & ~(REGISTER_MAX << shift) & 0xff) | ((value << shift) & 0xff));
  if (shift > 2) bytes.set(at + 1, (bytes.get(at + 1) & ~(REGISTER_MAX >> (8 - shift))) | (value >> (8 - shift)));
}

/**
 * Folds a HyperLogLog into `max` (one byte per register): max[i] = MAX(max[i],
 * register i). False for a corrupt sparse one (hllMerge).
 */
export function mergeInto(max: Uint8Array, s: string): boolean {
  if (!isDense(s)) {
    return walkSparse(s, (value, first, run) => {
      for (let i = first; i < first + run; i++) if (value > max[i]) max[i] = value;
    });
  }
  const bytes = new ByteEditor(s);
  for (let i = 0; i < HLL_REGISTERS; i++) {
    const v = denseRegister(bytes, i);
    if (v > max[i]) max[i] = v;
  }
  return true;
}

// ——— Editing ———

/** Sparse opcodes. */
const valOp = (value: number, run: number) => 0x80 | ((value - 1) << 2) | (run - 1);
const isZeroOp = (op: number) => (op & 0xc0) === 0;
const isXzeroOp = (op: number) => (op & 0xc0) === 0x40;
const isValOp = (op: number) => (op & 0x80) !== 0;
const valValue = (op: number) => ((op >> 2) & 0x1f) + 1;
const valRun = (op: number) => (op & 3) + 1;

/** Appends a ZERO or XZERO opcode for `run` zero registers. */
function putZeros(out: number[], run: number): void {
  if (run > SPARSE_ZERO_MAX_LEN) out.push(0x40 | ((run - 1) >> 8), (run - 1) & 0xff);
  else out.push(run - 1);
}

/** A dense HyperLogLog from a header and one byte per register (four registers fill three bytes). */
function packDense(header: Uint8Array, registers: Uint8Array): string {
  const dense = new Uint8Array(DENSE_SIZE);
  dense.set(header.subarray(0, HEADER));
  dense[ENCODING_BYTE] = DENSE;
  for (let i = 0, at = HEADER; i < HLL_REGISTERS; i += 4, at += 3) {
    dense[at] = registers[i] | (registers[i + 1] << 6);
    dense[at + 1] = (registers[i + 1] >> 2) | (registers[i + 2] << 4);
    dense[at + 2] = (registers[i + 2] >> 4) | (registers[i + 3] << 2);
  }
  return bytesToString(dense);
}

/**
 * A HyperLogLog being changed by one command. Sparse values are edited in a
 * byte array (they stay under hll-sparse-max-bytes); dense ones through a
 * ByteEditor, so an update touching a few registers copies nothing until the
 * result is stored.
 */
export class HllWriter {
  /** Sparse bytes (header included) and their length; null once dense. */
  private sparse: Uint8Array | null = null;
  private sparseLength = 0;
  private dense: ByteEditor | null = null;
  /** Whether any byte changed. */
  modified = false;

  constructor(
    value: string,
    private readonly sparseMaxBytes: number,
  ) {
    if (isDense(value)) {
      this.dense = new ByteEditor(value);
    } else {
      this.sparse = stringToBytes(value, value.length + 8);
      this.sparseLength = value.length;
    }
  }

  get isDense(): boolean {
    return this.dense !== null;
  }

  /** Adds an element: 1 if a register grew, 0 if not, -1 for a corrupt sparse value (hllAdd). */
  add(element: string): number {
    const pattern = patternOf(element);
    return this.set(pattern & (HLL_REGISTERS - 1), pattern >>> P);
  }

  /** Raises register `index` to `value` if lower: 1 if it grew, 0 if not, -1 if corrupt. */
  set(index: number, value: number): number {
    if (this.dense) {
      if (denseRegister(this.dense, index) >= value) return 0;
      setDenseRegister(this.dense, index, value);
      this.modified = true;
      return 1;
    }
    return this.sparseSet(index, value);
  }

  /** Converts a sparse value to dense (hllSparseToDense); false if it is corrupt. */
  toDense(): boolean {
    if (this.dense) return true;
    const registers = new Uint8Array(HLL_REGISTERS);
    if (!walkSparse(this.toString(), (value, first, run) => registers.fill(value, first, first + run))) return false;
    // The header carries over: magic, unused bytes and cached cardinality.
    this.dense = new ByteEditor(packDense(this.sparse!, registers));
    this.sparse = null;
    this.modified = true;
    return true;
  }

  /**
   * Raises every register to `max` (PFMERGE, where max covers this value's
   * registers). A sparse value takes them one by one, as Redis does, since
   * its layout and its promotion depend on the order of the updates; once
   * dense, the result is exactly `max`.
   */
  setAll(max: Uint8Array): void {
    for (let i = 0; i < HLL_REGISTERS && !this.dense; i++) if (max[i] !== 0) this.sparseSet(i, max[i]);
    if (!this.dense) return;
    const header = new Uint8Array(HEADER);
    for (let i = 0; i < HEADER; i++) header[i] = this.dense.get(i);
    this.dense = new ByteEditor(packDense(header, max));
    this.modified = true;
  }

  /** Marks the cached cardinality stale. */
  invalidateCache(): void {
    if (this.dense) this.dense.set(CARD_TOP, this.dense.get(CARD_TOP) | 0x80);
    else this.sparse![CARD_TOP] |= 0x80;
  }

  toString(): string {
    return this.dense ? this.dense.toString() : bytesToString(this.sparse!, 0, this.sparseLength);
  }

  /** hllSparseSet: update in place, splitting the run that holds the register, then merge neighbours. */
  private sparseSet(index: number, value: number): number {
    if (value > SPARSE_VAL_MAX_VALUE) return this.promote(index, value);
    let buf = this.sparse!;
    let end = this.sparseLength;

    // Find the opcode covering the register.
    let p = HEADER;
    let first = 0;
    let prev = -1;
    let span = 0;
    while (p < end) {
      const op = buf[p];
      let length = 1;
      if (isZeroOp(op)) span = (op & 0x3f) + 1;
      else if (isValOp(op)) span = valRun(op);
      else {
        span = (((op & 0x3f) << 8) | buf[p + 1]) + 1;
        length = 2;
      }
      if (index <= first + span - 1) break;
      prev = p;
      p += length;
      first += span;
    }
    if (span === 0 || p >= end) return -1;

    const op = buf[p];
    const oldLength = isXzeroOp(op) ? 2 : 1;
    const next = p + oldLength < end ? p + oldLength : -1;
    const run = isZeroOp(op) ? (op & 0x3f) + 1 : isValOp(op) ? valRun(op) : span;

    if (isValOp(op) && valValue(op) >= value) return 0;
    if ((isValOp(op) || isZeroOp(op)) && run === 1) {
      // A single register: rewrite the opcode in place.
      buf[p] = valOp(value, 1);
    } else {
      // Split the run: what comes before the register, the register, what comes after.
      const seq: number[] = [];
      const last = first + span - 1;
      if (isValOp(op)) {
        const current = valValue(op);
        if (index !== first) seq.push(valOp(current, index - first));
        seq.push(valOp(value, 1));
        if (index !== last) seq.push(valOp(current, last - index));
      } else {
        if (index !== first) putZeros(seq, index - first);
        seq.push(valOp(value, 1));
        if (index !== last) putZeros(seq, last - index);
      }
      const delta = seq.length - oldLength;
      if (delta > 0 && this.sparseLength + delta > this.sparseMaxBytes) return this.promote(index, value);
      if (this.sparseLength + delta + 1 > buf.length) {
        const grown = new Uint8Array((this.sparseLength + delta) * 2);
        grown.set(buf.subarray(0, this.sparseLength));
        this.sparse = buf = grown;
      }
      if (delta !== 0 && next !== -1) buf.copyWithin(next + delta, next, end);
      this.sparseLength += delta;
      buf[this.sparseLength] = 0;
      buf.set(seq, p);
      end += delta;
    }

    // Merge adjacent VAL opcodes of equal value, scanning up to five opcodes from the previous one.
    p = prev >= 0 ? prev : HEADER;
    for (let scan = 5; p < end && scan-- > 0; ) {
      const op = buf[p];
      if (isXzeroOp(op)) {
        p += 2;
        continue;
      }
      if (isZeroOp(op)) {
        p++;
        continue;
      }
      if (p + 1 < end && isValOp(buf[p + 1]) && valValue(op) === valValue(buf[p + 1])) {
        const merged = valRun(op) + valRun(buf[p + 1]);
        if (merged <= SPARSE_VAL_MAX_LEN) {
          buf[p + 1] = valOp(valValue(op), merged);
          buf.copyWithin(p, p + 1, end);
          this.sparseLength--;
          buf[this.sparseLength] = 0;
          end--;
          continue;
        }
      }
      p++;
    }
    this.modified = true;
    this.invalidateCache();
    return 1;
  }

  /** The register needs the dense encoding: convert, then set it there. */
  private promote(index: number, value: number): number {
    if (!this.toDense()) return -1;
    return this.set(index, value);
  }
}
