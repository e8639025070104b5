/**
 * Reads RESP2 / RESP3 replies from a byte stream back into Reply values — the
 * inverse of encode.ts. Tests use it to talk to redis-server and redlite alike,
 * keeping each reply's raw bytes for byte-for-byte comparison.
 */
import {
  BigNumberReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NULL_ARRAY,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from '../engine/reply.js';

/** Thrown inside the parser when the buffer ends mid-reply. */
const INCOMPLETE = Symbol('incomplete');

export interface ReadReply {
  value: Reply;
  /** The reply's bytes as received (a byte string). */
  raw: string;
}

export class ReplyReader {
  private buf = '';
  private pos = 0;

  push(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    this.buf = this.buf.slice(this.pos) + text;
    this.pos = 0;
  }

  /** The next complete reply, or undefined until more bytes arrive. */
  next(): ReadReply | undefined {
    const start = this.pos;
    try {
      const value = this.read();
      return { value, raw: this.buf.slice(start, this.pos) };
    } catch (e) {
      if (e !== INCOMPLETE) throw e;
      this.pos = start;
      return undefined;
    }
  }

  private line(): string {
    const end = this.buf.indexOf('\r\n', this.pos);
    if (end < 0) throw INCOMPLETE;
    const text = this.buf.slice(this.pos + 1, end);
    this.pos = end + 2;
    return text;
  }

  private bytes(n: number): string {
    if (this.buf.length < this.pos + n + 2) throw INCOMPLETE;
    const s = this.buf.slice(this.pos, this.pos + n);
    this.pos += n + 2;
    return s;
  }

  private items(n: number): Reply[] {
    const out: Reply[] = [];
    for (let i = 0; i < n; i++) out.push(this.read());
    return out;
  }

  private read(): Reply {
    if (this.pos >= this.buf.length) throw INCOMPLETE;
    const type = this.buf[this.pos];
    const head = this.line();
    switch (type) {
      case '+':
        return new SimpleString(head);
      case '-':
        return new ErrorReply(head);
      case ':': {
        const n = Number(head);
        return Number.isSafeInteger(n) ? n : BigInt(head);
      }
      case '$': {
        const n = Number(head);
        return n < 0 ? null : this.bytes(n);
      }
      case '*': {
        const n = Number(head);
        return n < 0 ? NULL_ARRAY : this.items(n);
      }
      case '_':
        return null;
      case '#':
        return head === 't';
      case ',':
        return new DoubleReply(head === 'inf' ? Infinity : head === '-inf' ? -Infinity : Number(head));
      case '(':
        return new BigNumberReply(head);
      case '=': {
        const text = this.bytes(Number(head));
        return new VerbatimReply(text.slice(4), text.slice(0, 3));
      }
      case '%':
        return new MapReply(this.items(Number(head) * 2));
      case '~':
        return new SetReply(this.items(Number(head)));
      case '>':
        return new PushReply(this.items(Number(head)));
      default:
        throw new Error(`RESP: unexpected type byte ${JSON.stringify(type)}`);
    }
  }
}
