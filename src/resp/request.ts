/**
 * Parses what clients send: RESP multibulk commands and inline commands, fed
 * chunk by chunk, with Redis's limits and protocol error messages (networking.c
 * processMultibulkBuffer / processInlineBuffer). Arguments come out as byte strings.
 */
import { splitArgs } from './split.js';

/** Lines (inline commands, length headers) longer than this are refused. */
const INLINE_MAX = 64 * 1024;
const MULTIBULK_MAX = 2147483647;
/** Before AUTH, Redis caps request sizes to keep unauthenticated clients cheap. */
const UNAUTH_MULTIBULK_MAX = 10;
const UNAUTH_BULK_MAX = 16384;

export class ProtocolError extends Error {}

export interface RequestLimits {
  /** proto-max-bulk-len */
  maxBulkLength: number;
  /** Whether the connection still has to authenticate. */
  unauthenticated(): boolean;
}

export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Multibulk in progress: expected count and the arguments read so far. */
  private pending: string[] | null = null;
  private expected = 0;

  constructor(private readonly limits: RequestLimits) {}

  push(chunk: Buffer): void {
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
    }
    this.pos = 0;
  }

  /** Bytes received but not yet parsed (the query buffer). */
  get buffered(): number {
    return this.buf.length - this.pos;
  }

  /**
   * The next complete command, or null when more bytes are needed. Empty
   * commands (blank lines, `*0`) are skipped. Throws ProtocolError with the
   * message Redis replies before closing the connection.
   */
  next(): string[] | null {
    for (;;) {
      if (this.pending === null) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] !== 0x2a /* * */) {
          const inline = this.inline();
          if (inline === null) return null;
          if (inline.length === 0) continue;
          return inline;
        }
        const count = this.header('mbulk count');
        if (count === null) return null;
        if (!Number.isSafeInteger(count) || count > MULTIBULK_MAX) throw new ProtocolError('Protocol error: invalid multibulk length');
        if (count > UNAUTH_MULTIBULK_MAX && this.limits.unauthenticated()) {
          throw new ProtocolError('Protocol error: unauthenticated multibulk length');
        }
        if (count <= 0) continue;
        this.pending = [];
        this.expected = count;
      }
      while (this.pending.length < this.expected) {
        const arg = this.bulk();
        if (arg === null) return null;
        this.pending.push(arg);
      }
      const argv = this.pending;
      this.pending = null;
      return argv;
    }
  }

  /** Reads `<prefix><integer>\r\n` at pos; null if the line is incomplete. */
  private header(what: string): number | null {
    const nl = this.buf.indexOf(0x0d, this.pos);
    if (nl < 0 || nl + 1 >= this.buf.length) {
      if (this.buffered > INLINE_MAX) throw new ProtocolError(`Protocol error: too big ${what} string`);
      return null;
    }
    const text = this.buf.toString('latin1', this.pos + 1, nl);
    this.pos = nl + 2;
    return /^-?\d{1,19}$/.test(text) ? Number(text) : NaN;
  }

  private bulk(): string | null {
    if (this.pos >= this.buf.length) return null;
    const start = this.pos;
    const c = this.buf[this.pos];
    const len = this.header('bulk count');
    if (len === null) return null;
    if (c !== 0x24 /* $ */) throw new ProtocolError(`Protocol error: expected '$', got '${String.fromCharCode(c)}'`);
    if (!Number.isSafeInteger(len) || len < 0 || len > this.limits.maxBulkLength) {
      throw new ProtocolError('Protocol error: invalid bulk length');
    }
    if (len > UNAUTH_BULK_MAX && this.limits.unauthenticated()) {
      throw new ProtocolError('Protocol error: unauthenticated bulk length');
    }
    if (this.buf.length - this.pos < len + 2) {
      this.pos = start; // wait for the whole bulk, header included
      return null;
    }
    const arg = this.buf.toString('latin1', this.pos, this.pos + len);
    this.pos += len + 2;
    return arg;
  }

  private inline(): string[] | null {
    const nl = this.buf.indexOf(0x0a, this.pos);
    if (nl < 0) {
      if (this.buffered > INLINE_MAX) throw new ProtocolError('Protocol error: too big inline request');
      return null;
    }
    let end = nl;
    if (end > this.pos && this.buf[end - 1] === 0x0d) end--;
    const line = this.buf.toString('latin1', this.pos, end);
    this.pos = nl + 1;
    const args = splitArgs(line);
    if (args === null) throw new ProtocolError('Protocol error: unbalanced quotes in request');
    return args;
  }
}
