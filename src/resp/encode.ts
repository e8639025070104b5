/**
 * Reply → RESP2 / RESP3 wire text. The output is a byte string (one char per
 * byte) so a whole pipeline of replies is concatenated cheaply and turned into
 * bytes once with a latin1 encoding.
 */
import { formatDouble } from '../engine/number.js';
import {
  BigNumberReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NullArray,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from '../engine/reply.js';

export function encodeReply(reply: Reply, resp: 2 | 3): string {
  if (typeof reply === 'string') return `$${reply.length}\r\n${reply}\r\n`;
  if (typeof reply === 'number') return `:${reply}\r\n`;
  if (reply === null) return resp === 3 ? '_\r\n' : '$-1\r\n';
  if (Array.isArray(reply)) return encodeAggregate('*', reply, resp);
  if (typeof reply === 'bigint') return `:${reply}\r\n`;
  if (typeof reply === 'boolean') return resp === 3 ? (reply ? '#t\r\n' : '#f\r\n') : reply ? ':1\r\n' : ':0\r\n';
  if (reply instanceof SimpleString) return `+${reply.value}\r\n`;
  if (reply instanceof ErrorReply) return `-${oneLine(reply.message)}\r\n`;
  if (reply instanceof NullArray) return resp === 3 ? '_\r\n' : '*-1\r\n';
  if (reply instanceof MapReply) {
    if (resp === 2) return encodeAggregate('*', reply.entries, resp);
    return encodeAggregate('%', reply.entries, resp, reply.entries.length / 2);
  }
  if (reply instanceof SetReply) return encodeAggregate(resp === 3 ? '~' : '*', reply.items, resp);
  if (reply instanceof PushReply) return encodeAggregate(resp === 3 ? '>' : '*', reply.items, resp);
  if (reply instanceof DoubleReply) {
    const text = reply.text ?? formatDouble(reply.value);
    return resp === 3 ? `,${text}\r\n` : `$${text.length}\r\n${text}\r\n`;
  }
  if (reply instanceof VerbatimReply) {
    if (resp === 2) return `$${reply.text.length}\r\n${reply.text}\r\n`;
    return `=${reply.text.length + 4}\r\n${reply.format}:${reply.text}\r\n`;
  }
  if (reply instanceof BigNumberReply) {
    return resp === 3 ? `(${reply.digits}\r\n` : `$${reply.digits.length}\r\n${reply.digits}\r\n`;
  }
  throw new TypeError(`not a reply: ${String(reply)}`);
}

function encodeAggregate(prefix: string, items: Reply[], resp: 2 | 3, count = items.length): string {
  let out = `${prefix}${count}\r\n`;
  for (const item of items) out += encodeReply(item, resp);
  return out;
}

/** Error and status lines cannot carry CR or LF: Redis replaces them with spaces. */
function oneLine(s: string): string {
  return /[\r\n]/.test(s) ? s.replace(/[\r\n]/g, ' ') : s;
}

/** A command as a RESP array of bulk strings (what clients send). */
export function encodeCommand(argv: string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}
