/**
 * Building and editing byte strings (one char per byte) without going char by
 * char: bitmaps, bitfields and HyperLogLogs are strings that commands patch
 * in a few places, so an edit keeps the untouched runs as slices of the old
 * string instead of copying them through an array.
 */
import type { Db } from './db.js';
import { ErrorReply } from './reply.js';

/**
 * The longest string a JS engine can hold (V8's limit; others allow more),
 * just under Redis's 512 MB: a value that would grow past it is refused.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** Refuses to build a string longer than the JS engine can hold, as Redis refuses one past proto-max-bulk-len. */
export function checkStringLength(length: number): void {
  if (length > MAX_STRING_LENGTH) throw new ErrorReply('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
}

/** Chunk size for String.fromCharCode.apply: well under every engine's argument limit. */
const CHUNK = 8192;

/** Bytes [start, end) of an array as a byte string. */
export function bytesToString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  const parts: string[] = [];
  for (let i = start; i < end; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + CHUNK, end)) as unknown as number[]));
  }
  return parts.join('');
}

/** A byte string's bytes in an array of `size` bytes (zero padded; default its length). */
export function stringToBytes(s: string, size = s.length): Uint8Array {
  const bytes = new Uint8Array(size);
  const n = Math.min(s.length, size);
  for (let i = 0; i < n; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** n zero bytes. */
export function zeros(n: number): string {
  return n > 0 ? '\0'.repeat(n) : '';
}

/** Past this many patched bytes an editor switches to a full copy: patching is for sparse edits. */
const MAX_PATCHES = 64;

/**
 * Edits of a byte string, zero-extended to `length` (never shorter than the
 * string): reads see the edits, `toString()` produces the edited string. Few
 * edits are kept as patches and spliced between slices of the original; many
 * switch to a full byte copy.
 */
export class ByteEditor {
  private readonly patches = new Map<number, number>();
  private bytes: Uint8Array | null = null;
  readonly length: number;

  constructor(
    private readonly base: string,
    length = base.length,
  ) {
    this.length = Math.max(length, base.length);
  }

  get(i: number): number {
    if (this.bytes) return this.bytes[i];
    if (this.patches.size > 0) {
      const patched = this.patches.get(i);
      if (patched !== undefined) return patched;
    }
    return i < this.base.length ? this.base.charCodeAt(i) : 0;
  }

  set(i: number, byte: number): void {
    if (this.bytes) {
      this.bytes[i] = byte;
      return;
    }
    this.patches.set(i, byte);
    if (this.patches.size > MAX_PATCHES) {
      this.bytes = stringToBytes(this.base, this.length);
      for (const [at, b] of this.patches) this.bytes[at] = b;
      this.patches.clear();
    }
  }

  toString(): string {
    if (this.bytes) return bytesToString(this.bytes);
    const base = this.base;
    let out = '';
    let from = 0;
    for (const at of [...this.patches.keys()].sort((a, b) => a - b)) {
      if (at > from) out += at <= base.length ? base.slice(from, at) : base.slice(from) + zeros(at - Math.max(from, base.length));
      out += String.fromCharCode(this.patches.get(at)!);
      from = at + 1;
    }
    if (from < base.length) out += from === 0 ? base : base.slice(from);
    return out + zeros(this.length - Math.max(from, base.length));
  }
}

/**
 * Stores a string a command built or edited byte by byte (SETBIT, BITOP,
 * PFADD …). Redis holds such values as "raw" strings, whatever their content.
 */
export function storeBuiltString(db: Db, key: string, value: string, keepTtl: boolean): void {
  db.set(key, value, keepTtl);
  db.data.get(key)!.encoding = 'raw';
}
