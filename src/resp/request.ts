/**
 * Parses what clients send: RESP multibulk commands and inline commands, fed
 * chunk by chunk, with Redis 7.0's limits, quirks and protocol error messages
 * (networking.c processMultibulkBuffer / processInlineBuffer). Arguments come
 * out as byte strings.
 *
 * Redis's own quirks are kept so that malformed input gets the same answer:
 * a length line ends at the first CR and the byte after it is skipped
 * unchecked, as are the two bytes after a bulk's data; a NUL byte before the
 * line end hides the line end (Redis searches with strchr).
 */
import { splitArgs } from './split.js';

/** Lines (inline commands, length headers) longer than this are refused. */
const INLINE_MAX = 64 * 1024;
const INT_MAX = 2147483647;
/** Before AUTH, Redis caps request sizes to keep unauthenticated clients cheap. */
const UNAUTH_MULTIBULK_MAX = 10;
const UNAUTH_BULK_MAX = 16384;

const CR = 13;
const LF = 10;
const STAR = 42;
const DOLLAR = 36;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

export class ProtocolError extends Error {}

declare global {
  interface Buffer {
    /** Node's byte-to-string copy behind toString('latin1'), without its argument checks. */
    latin1Slice(start: number, end: number): string;
  }
}

export interface RequestLimits {
  /** proto-max-bulk-len */
  maxBulkLength(): number;
  /** Whether the connection still has to authenticate. */
  unauthenticated(): boolean;
}

const EMPTY = Buffer.alloc(0);

export class RequestParser {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Chunks received while waiting for more than `buf` holds, joined only once enough has come. */
  private chunks: Buffer[] = [];
  private queued = 0;
  /** Bytes needed from `pos` before parsing can go on. */
  private needed = 0;
  /**
   * A line still waiting for its end: the byte that ends it, the error once it
   * grows too long, and how many queued chunks are known not to hold that byte.
   * New chunks are scanned alone, so a line trickling in byte by byte costs O(n).
   */
  private line: { end: number; tooBig: string; scanned: number } | null = null;
  /** Multibulk in progress: the arguments read so far, and how many are expected. */
  private args: string[] | null = null;
  private expected = 0;
  /** Length of the bulk whose header was read, or -1. */
  private bulkLength = -1;
  /** Where the length line just read ends (its CR). */
  private cr = 0;

  constructor(private readonly limits: RequestLimits) {}

  push(chunk: Buffer): void {
    if (this.pos >= this.buf.length && this.queued === 0) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.chunks.push(chunk);
      this.queued += chunk.length;
    }
  }

  /** Bytes received but not yet parsed. */
  get buffered(): number {
    return this.buf.length - this.pos + this.queued;
  }

  /** Bytes held, the commands already parsed from the current input included (Redis's querybuf while it runs them). */
  get held(): number {
    return this.buf.length + this.queued;
  }

  /**
   * The next complete command, or null when more bytes are needed. Empty
   * commands (blank lines, `*0`, `*-1`) are skipped. Throws ProtocolError with
   * the message Redis replies before closing the connection.
   */
  next(): string[] | null {
    if (this.buffered < this.needed) return null;
    if (this.line !== null && !this.lineMayEnd(this.line)) return null;
    this.gather();
    this.needed = 0;
    this.line = null;
    for (;;) {
      if (this.args === null) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] !== STAR) {
          const inline = this.inline();
          if (inline === null) return null;
          if (inline.length === 0) continue;
          return inline;
        }
        if (!this.multibulkHeader()) return null;
        if (this.args === null) continue;
      }
      const args = this.args;
      while (args.length < this.expected) {
        if (!this.bulk(args)) return null;
      }
      this.args = null;
      return args;
    }
  }

  /** Joins queued chunks behind the unparsed rest of the buffer. */
  private gather(): void {
    if (this.queued === 0) return;
    this.buf = Buffer.concat([this.buf.subarray(this.pos), ...this.chunks]);
    this.pos = 0;
    this.chunks = [];
    this.queued = 0;
  }

  /** Waits for the end of a line (CR or LF); `tooBig` is the error if it passes the inline limit. */
  private waitForLine(end: number, tooBig: string): null {
    if (this.buffered > INLINE_MAX) throw new ProtocolError(`Protocol error: ${tooBig}`);
    this.needed = this.buffered + 1;
    // A line end already here (a CR as the last byte, a NUL before it) leaves any new byte to decide.
    this.line = this.buf.includes(end, this.pos) ? null : { end, tooBig, scanned: 0 };
    return null;
  }

  /** Whether chunks that came since the line was last examined may hold its end. */
  private lineMayEnd(line: { end: number; tooBig: string; scanned: number }): boolean {
    for (; line.scanned < this.chunks.length; line.scanned++) {
      if (this.chunks[line.scanned].includes(line.end)) return true;
    }
    if (this.buffered > INLINE_MAX) throw new ProtocolError(`Protocol error: ${line.tooBig}`);
    return false;
  }

  /**
   * The position of the CR ending the line at pos, -1 if the line is not
   * complete (no CR yet, a NUL before it, or nothing after it).
   */
  private lineEnd(): number {
    const cr = this.buf.indexOf(CR, this.pos);
    if (cr < 0 || cr + 1 >= this.buf.length) return -1;
    for (let i = this.pos; i < cr; i++) if (this.buf[i] === 0) return -1;
    return cr;
  }

  /**
   * The usual length line, read in place: a digit other than 0 (or a lone
   * 0), at most 15 digits, CR, and a byte after it. Sets `cr` and returns the
   * length; -1 sends the line down the exact path (lineEnd + parseLength).
   */
  private quickLength(): number {
    const buf = this.buf;
    const last = Math.min(buf.length - 1, this.pos + 17);
    let i = this.pos + 1;
    let c = buf[i];
    if (c === ZERO) {
      if (i + 1 < last && buf[i + 1] === CR) {
        this.cr = i + 1;
        return 0;
      }
      return -1;
    }
    if (!(c > ZERO && c <= NINE)) return -1;
    let n = c - ZERO;
    for (i++; i < last; i++) {
      c = buf[i];
      if (c === CR) {
        this.cr = i;
        return n;
      }
      if (c < ZERO || c > NINE) return -1;
      n = n * 10 + (c - ZERO);
    }
    return -1;
  }

  /** `*<count>\r\n`: starts a multibulk; false when the line is incomplete. */
  private multibulkHeader(): boolean {
    let count: number | null = this.quickLength();
    let cr = this.cr;
    if (count < 0) {
      cr = this.lineEnd();
      if (cr < 0) {
        this.waitForLine(CR, 'too big mbulk count string');
        return false;
      }
      count = parseLength(this.buf, this.pos + 1, cr);
    }
    if (count === null || count > INT_MAX) throw new ProtocolError('Protocol error: invalid multibulk length');
    if (count > UNAUTH_MULTIBULK_MAX && this.limits.unauthenticated()) {
      throw new ProtocolError('Protocol error: unauthenticated multibulk length');
    }
    this.pos = cr + 2;
    if (count > 0) {
      this.args = [];
      this.expected = count;
    }
    return true;
  }

  /** Reads one `$<len>\r\n<bytes>\r\n` into args; false when more bytes are needed. */
  private bulk(args: string[]): boolean {
    if (this.bulkLength < 0) {
      const first = this.buf[this.pos];
      let len: number | null = first === DOLLAR ? this.quickLength() : -1;
      let cr = this.cr;
      if (len < 0) {
        cr = this.lineEnd();
        if (cr < 0) {
          this.waitForLine(CR, 'too big bulk count string');
          return false;
        }
        if (first !== DOLLAR) throw new ProtocolError(`Protocol error: expected '$', got '${String.fromCharCode(first)}'`);
        len = parseLength(this.buf, this.pos + 1, cr);
      }
      if (len === null || len < 0 || len > this.limits.maxBulkLength()) throw new ProtocolError('Protocol error: invalid bulk length');
      if (len > UNAUTH_BULK_MAX && this.limits.unauthenticated()) {
        throw new ProtocolError('Protocol error: unauthenticated bulk length');
      }
      this.pos = cr + 2;
      this.bulkLength = len;
    }
    const len = this.bulkLength;
    if (this.buf.length - this.pos < len + 2) {
      this.needed = len + 2;
      return false;
    }
    args.push(this.buf.latin1Slice(this.pos, this.pos + len));
    this.pos += len + 2;
    this.bulkLength = -1;
    return true;
  }

  /** An inline command: one line split like redis-cli input; null until the line is complete. */
  private inline(): string[] | null {
    const lf = this.buf.indexOf(LF, this.pos);
    let nul = -1;
    if (lf >= 0) for (let i = this.pos; i < lf && nul < 0; i++) if (this.buf[i] === 0) nul = i;
    if (lf < 0 || nul >= 0) return this.waitForLine(LF, 'too big inline request');
    const end = lf > this.pos && this.buf[lf - 1] === CR ? lf - 1 : lf;
    const line = this.buf.toString('latin1', this.pos, end);
    this.pos = lf + 1;
    const args = splitArgs(line);
    if (args === null) throw new ProtocolError('Protocol error: unbalanced quotes in request');
    return args;
  }
}

/**
 * A length as Redis's string2ll reads it: optional '-', digits without a
 * leading zero (except "0" itself), within int64. Null if malformed.
 */
function parseLength(buf: Buffer, start: number, end: number): number | null {
  let i = start;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  if (i >= end) return null;
  if (buf[i] === ZERO) return i + 1 === end && !negative ? 0 : null;
  let n = 0;
  for (let j = i; j < end; j++) {
    const c = buf[j];
    if (c < ZERO || c > NINE) return null;
    n = n * 10 + (c - ZERO);
  }
  const digits = end - i;
  if (digits > INT64_DIGITS.length) return null;
  // Nineteen digits may still pass int64: compare them as text (past 2^53 the number is approximate).
  if (digits === INT64_DIGITS.length) {
    const text = buf.toString('latin1', i, end);
    if (text > (negative ? INT64_MIN_DIGITS : INT64_DIGITS)) return null;
  }
  return negative ? -n : n;
}

const INT64_DIGITS = '9223372036854775807';
const INT64_MIN_DIGITS = '9223372036854775808';
