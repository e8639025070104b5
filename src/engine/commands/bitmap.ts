/**
 * Bitmaps: strings addressed bit by bit (bit 0 is the most significant bit of
 * the first byte), as Redis 7.0's bitops.c.
 */
import { getSigned, getUnsigned, setField, signedOverflow, unsignedOverflow, type Overflow } from '../bitfield.js';
import { bitpos, bitposOfByte, popcount, popcountByte } from '../bits.js';
import { ByteEditor, bytesToString, checkStringLength, storeBuiltString } from '../bytes.js';
import type { Client } from '../client.js';
import { group } from '../command.js';
import type { Engine } from '../engine.js';
import { parseInt64, toBigInt, toInt } from '../number.js';
import { Err, ErrorReply, type Reply } from '../reply.js';

const offsetError = () => new ErrorReply('ERR bit offset is not an integer or out of range');
const bitValueError = () => new ErrorReply('ERR bit is not an integer or out of range');
const fieldTypeError = () =>
  new ErrorReply('ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.');

/**
 * A bit offset argument (getBitOffsetFromArgument): a non-negative int64 whose
 * byte is below proto-max-bulk-len. With `fieldBits`, "#n" means n fields of
 * that width (the product wraps as int64, as in C).
 */
function bitOffset(engine: Engine, arg: string, fieldBits = 0): number {
  let offset: number;
  if (fieldBits > 0 && arg.charCodeAt(0) === 35 /* # */) {
    const n = parseInt64(arg.slice(1));
    if (n === null) throw offsetError();
    const product = BigInt.asIntN(64, n * BigInt(fieldBits));
    offset = product < 0n ? -1 : product >= 1n << 53n ? Number.MAX_SAFE_INTEGER : Number(product);
  } else {
    offset = toInt(arg, offsetError);
  }
  if (offset < 0 || Math.floor(offset / 8) >= engine.config.int('proto-max-bulk-len')) throw offsetError();
  return offset;
}

/** BITCOUNT / BITPOS indexes are int64; anything past ±2^53 acts as the same (strings are far shorter). */
function clampIndex(n: bigint): number {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(n > limit ? limit : n < -limit ? -limit : n);
}

/** The optional BYTE | BIT unit: true for BIT. */
function isBitUnit(arg: string): boolean {
  const unit = arg.toLowerCase();
  if (unit === 'bit') return true;
  if (unit === 'byte') return false;
  throw Err.syntax();
}

/**
 * A start/end range over `total` units, negative indexes from the end, clamped
 * to the string. In bit units, the bytes it covers plus masks of the bits of
 * the first and last byte that lie outside it.
 */
interface ByteRange {
  start: number;
  end: number;
  firstMask: number;
  lastMask: number;
}

function byteRange(start: number, end: number, total: number, bitUnit: boolean): ByteRange {
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  if (!bitUnit || start > end) return { start, end, firstMask: 0, lastMask: 0 };
  return {
    start: Math.floor(start / 8),
    end: Math.floor(end / 8),
    firstMask: ~((1 << (8 - (start & 7))) - 1) & 0xff,
    lastMask: (1 << (7 - (end & 7))) - 1,
  };
}

function bitcount(s: string, argv: string[]): number {
  let range: ByteRange = { start: 0, end: s.length - 1, firstMask: 0, lastMask: 0 };
  if (argv.length === 4 || argv.length === 5) {
    const from = toBigInt(argv[2]);
    const to = toBigInt(argv[3]);
    if (from < 0n && to < 0n && from > to) return 0;
    const bitUnit = argv.length === 5 && isBitUnit(argv[4]);
    range = byteRange(clampIndex(from), clampIndex(to), bitUnit ? s.length * 8 : s.length, bitUnit);
  } else if (argv.length !== 2) {
    throw Err.syntax();
  }
  const { start, end, firstMask, lastMask } = range;
  if (start > end) return 0;
  let count = popcount(s, start, end + 1);
  if (firstMask) count -= popcountByte(s.charCodeAt(start) & firstMask);
  if (lastMask) count -= popcountByte(s.charCodeAt(end) & lastMask);
  return count;
}

/** The edge byte of a bit range with its out-of-range bits set so they cannot match `bit`. */
function masked(byte: number, mask: number, bit: number): number {
  return bit ? byte & ~mask : (byte | mask) & 0xff;
}

function findBit(s: string, bit: number, argv: string[]): number {
  let range: ByteRange;
  let endGiven = false;
  if (argv.length >= 4 && argv.length <= 6) {
    const from = clampIndex(toBigInt(argv[3]));
    const bitUnit = argv.length === 6 && isBitUnit(argv[5]);
    let to: number;
    if (argv.length >= 5) {
      to = clampIndex(toBigInt(argv[4]));
      endGiven = true;
    } else {
      to = bitUnit ? s.length * 8 + 7 : s.length - 1;
    }
    range = byteRange(from, to, bitUnit ? s.length * 8 : s.length, bitUnit);
  } else if (argv.length === 3) {
    range = { start: 0, end: s.length - 1, firstMask: 0, lastMask: 0 };
  } else {
    throw Err.syntax();
  }
  let { start } = range;
  const { end, firstMask, lastMask } = range;
  // An empty range holds neither a 0 nor a 1.
  if (start > end) return -1;

  // Scan the first byte, the whole bytes, then the last byte (Redis's order, whose
  // intermediate positions decide the "clear bit right after an explicit end" rule).
  let bytes = end - start + 1;
  let pos = -1;
  scan: {
    if (firstMask) {
      let byte = masked(s.charCodeAt(start), firstMask, bit);
      if (lastMask && bytes === 1) byte = masked(byte, lastMask, bit);
      pos = bitposOfByte(byte, bit);
      if (bytes === 1 || (pos !== -1 && pos !== 8)) break scan;
      start++;
      bytes--;
    }
    const whole = bytes - (lastMask ? 1 : 0);
    if (whole > 0) {
      pos = bitpos(s, start, whole, bit);
      if (bytes === whole || (pos !== -1 && pos !== whole * 8)) break scan;
      start += whole;
      bytes -= whole;
    }
    pos = bitposOfByte(masked(s.charCodeAt(end), lastMask, bit), bit);
  }
  // Looking for a 0 past an explicit end finds none (without an end, the string
  // counts as zero padded).
  if (endGiven && bit === 0 && pos === bytes * 8) return -1;
  return pos === -1 ? -1 : pos + start * 8;
}

type BitOp = 'and' | 'or' | 'xor' | 'not';

function bitop(op: BitOp, sources: (string | undefined)[]): Uint8Array {
  let maxLen = 0;
  for (const s of sources) if (s !== undefined && s.length > maxLen) maxLen = s.length;
  const out = new Uint8Array(maxLen);
  const first = sources[0] ?? '';
  for (let i = 0; i < first.length; i++) out[i] = first.charCodeAt(i);
  if (op === 'not') {
    for (let i = 0; i < maxLen; i++) out[i] = ~out[i];
    return out;
  }
  // Missing keys and the bytes past a shorter string count as zeros.
  for (let k = 1; k < sources.length; k++) {
    const s = sources[k] ?? '';
    const n = s.length;
    if (op === 'and') {
      for (let i = 0; i < n; i++) out[i] &= s.charCodeAt(i);
      out.fill(0, n);
    } else if (op === 'or') {
      for (let i = 0; i < n; i++) out[i] |= s.charCodeAt(i);
    } else {
      for (let i = 0; i < n; i++) out[i] ^= s.charCodeAt(i);
    }
  }
  return out;
}

interface FieldOp {
  kind: 'get' | 'set' | 'incrby';
  signed: boolean;
  bits: number;
  offset: number;
  /** SET's value or INCRBY's increment. */
  value: bigint;
  overflow: Overflow;
}

/** A field type such as i16 or u8 (Redis reads the width up to a NUL byte, as C strings end). */
function fieldType(arg: string): { signed: boolean; bits: number } {
  const sign = arg.charCodeAt(0);
  if (sign !== 105 /* i */ && sign !== 117 /* u */) throw fieldTypeError();
  const nul = arg.indexOf('\0');
  const bits = toInt(arg.slice(1, nul < 0 ? arg.length : nul), fieldTypeError);
  const signed = sign === 105;
  if (bits < 1 || bits > (signed ? 64 : 63)) throw fieldTypeError();
  return { signed, bits };
}

/** Parses BITFIELD's operations; every argument error comes before the key is looked at. */
function parseFieldOps(engine: Engine, argv: string[]): FieldOp[] {
  const ops: FieldOp[] = [];
  let overflow: Overflow = 'wrap';
  for (let j = 2; j < argv.length; j++) {
    const remaining = argv.length - j - 1;
    const word = argv[j].toLowerCase();
    let kind: FieldOp['kind'];
    if (word === 'get' && remaining >= 2) kind = 'get';
    else if (word === 'set' && remaining >= 3) kind = 'set';
    else if (word === 'incrby' && remaining >= 3) kind = 'incrby';
    else if (word === 'overflow' && remaining >= 1) {
      const policy = argv[++j].toLowerCase();
      if (policy !== 'wrap' && policy !== 'sat' && policy !== 'fail') throw new ErrorReply('ERR Invalid OVERFLOW type specified');
      overflow = policy;
      continue;
    } else {
      throw Err.syntax();
    }
    const { signed, bits } = fieldType(argv[j + 1]);
    const offset = bitOffset(engine, argv[j + 2], bits);
    const value = kind === 'get' ? 0n : toBigInt(argv[j + 3]);
    ops.push({ kind, signed, bits, offset, value, overflow });
    j += kind === 'get' ? 2 : 3;
  }
  return ops;
}

/** An int64 reply: a number when exact, else a bigint. */
function integer(n: bigint): number | bigint {
  return n >= -0x1fffffffffffffn && n <= 0x1fffffffffffffn ? Number(n) : n;
}

function getField(bytes: ByteEditor, op: FieldOp): number | bigint {
  return integer(op.signed ? getSigned(bytes, op.offset, op.bits) : getUnsigned(bytes, op.offset, op.bits));
}

/**
 * SET or INCRBY on one field: the reply (old value for SET, new for INCRBY;
 * null when OVERFLOW FAIL refuses) and whether the stored bits changed.
 */
function writeField(bytes: ByteEditor, op: FieldOp): { reply: number | bigint | null; changed: boolean } {
  const { signed, bits, offset, value } = op;
  const old = signed ? getSigned(bytes, offset, bits) : getUnsigned(bytes, offset, bits);
  const check = signed ? signedOverflow : unsignedOverflow;
  let next: bigint;
  let limit: bigint | null;
  if (op.kind === 'incrby') {
    limit = check(old, value, bits, op.overflow);
    next = limit ?? (signed ? old + value : BigInt.asUintN(64, old + value));
  } else {
    const raw = signed ? value : BigInt.asUintN(64, value);
    limit = check(raw, 0n, bits, op.overflow);
    next = limit ?? raw;
  }
  if (limit !== null && op.overflow === 'fail') return { reply: null, changed: false };
  setField(bytes, offset, bits, next);
  return { reply: integer(op.kind === 'incrby' ? next : old), changed: old !== next };
}

function bitfield(client: Client, argv: string[], readOnly: boolean): Reply {
  const { db, engine } = client;
  const key = argv[1];
  const ops = parseFieldOps(engine, argv);
  let highestBit = -1;
  for (const op of ops) if (op.kind !== 'get') highestBit = Math.max(highestBit, op.offset + op.bits - 1);

  if (highestBit < 0) {
    const bytes = new ByteEditor(db.getString(key) ?? '');
    return ops.map((op) => getField(bytes, op));
  }
  if (readOnly) throw new ErrorReply('ERR BITFIELD_RO only supports the GET subcommand');

  const current = db.getString(key, true);
  checkStringLength(Math.floor(highestBit / 8) + 1);
  const bytes = new ByteEditor(current ?? '', Math.floor(highestBit / 8) + 1);
  // A new or lengthened string counts every write as a change, as in Redis.
  const resized = current === undefined || bytes.length !== current.length;
  let changes = 0;
  const replies = ops.map((op) => {
    if (op.kind === 'get') return getField(bytes, op);
    const { reply, changed } = writeField(bytes, op);
    if (reply !== null && (resized || changed)) changes++;
    return reply;
  });
  // Redis creates or pads the string before running the operations, even when
  // OVERFLOW FAIL then refuses every write.
  if (resized || changes > 0) storeBuiltString(db, key, bytes.toString(), true);
  if (changes > 0) engine.notify('setbit', '$', key, db.id);
  return replies;
}

const BITFIELD_SYNTAX =
  'key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]';

export default group('bitmap', {
  setbit: {
    arity: 4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Sets or clears the bit at offset in the string value stored at key',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key offset value',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      const offset = bitOffset(engine, argv[2]);
      const on = toInt(argv[3], bitValueError);
      if (on !== 0 && on !== 1) throw bitValueError();
      const current = db.getString(key, true);
      const byte = Math.floor(offset / 8);
      checkStringLength(byte + 1);
      const shift = 7 - (offset & 7);
      const bytes = new ByteEditor(current ?? '', byte + 1);
      const old = (bytes.get(byte) >> shift) & 1;
      // A created or lengthened string is a change even when the bit stays 0.
      if (current === undefined || bytes.length !== current.length || old !== on) {
        bytes.set(byte, (bytes.get(byte) & ~(1 << shift)) | (on << shift));
        storeBuiltString(db, key, bytes.toString(), true);
        engine.notify('setbit', '$', key, db.id);
      }
      return old;
    },
  },
  getbit: {
    arity: 3,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Returns the bit value at offset in the string value stored at key',
    since: '2.2.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key offset',
    run(client, argv) {
      const offset = bitOffset(client.engine, argv[2]);
      const s = client.db.getString(argv[1]);
      const byte = Math.floor(offset / 8);
      if (s === undefined || byte >= s.length) return 0;
      return (s.charCodeAt(byte) >> (7 - (offset & 7))) & 1;
    },
  },
  bitcount: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Count set bits in a string',
    since: '2.6.0',
    reply: 'number',
    complexity: 'O(N)',
    syntax: 'key [start end [BYTE | BIT]]',
    run(client, argv) {
      // A missing key answers 0 before its arguments are looked at, as in Redis.
      const s = client.db.getString(argv[1]);
      return s === undefined ? 0 : bitcount(s, argv);
    },
  },
  bitpos: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Find first bit set or clear in a string',
    since: '2.8.7',
    reply: 'number',
    complexity: 'O(N)',
    syntax: 'key bit [start [end [BYTE | BIT]]]',
    run(client, argv) {
      const bit = toInt(argv[2]);
      if (bit !== 0 && bit !== 1) throw new ErrorReply('ERR The bit argument must be 1 or 0.');
      const s = client.db.getString(argv[1]);
      // A missing key is an endless run of zeros.
      if (s === undefined) return bit ? -1 : 0;
      return findBit(s, bit, argv);
    },
  },
  bitop: {
    arity: -4,
    flags: 'write denyoom',
    keys: [2, -1, 1],
    summary: 'Perform bitwise operations between strings',
    since: '2.6.0',
    reply: 'number',
    complexity: 'O(N)',
    syntax: 'operation destkey key [key ...]',
    run(client, argv) {
      const { db, engine } = client;
      const op = argv[1].toLowerCase();
      if (op !== 'and' && op !== 'or' && op !== 'xor' && op !== 'not') throw Err.syntax();
      if (op === 'not' && argv.length !== 4) throw new ErrorReply('ERR BITOP NOT must be called with a single source key.');
      const sources = argv.slice(3).map((key) => db.getString(key));
      const result = bitop(op, sources);
      const dest = argv[2];
      if (result.length > 0) {
        db.getForWrite(dest); // expire a stale destination first, as setKey's lookup does
        storeBuiltString(db, dest, bytesToString(result), false);
        engine.notify('set', '$', dest, db.id);
      } else if (db.delete(dest)) {
        engine.notify('del', 'g', dest, db.id);
      }
      return result.length;
    },
  },
  bitfield: {
    arity: -2,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Perform arbitrary bitfield integer operations on strings',
    since: '3.2.0',
    reply: '(number | null)[]',
    complexity: 'O(1) for each subcommand specified',
    syntax: BITFIELD_SYNTAX,
    run: (client, argv) => bitfield(client, argv, false),
  },
  bitfield_ro: {
    arity: -2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD',
    since: '6.0.0',
    reply: 'number[]',
    complexity: 'O(1) for each subcommand specified',
    syntax: 'key [GET encoding offset [GET encoding offset ...]]',
    run: (client, argv) => bitfield(client, argv, true),
  },
});
