/**
 * Replies printed the way redis-cli prints them, as a pure function of the
 * wire value (see RedliteClient.sendRaw): the TTY format (`(integer) 1`,
 * `(nil)`, `(error) …`, quoted strings, numbered nested arrays) and the
 * `--raw` format. The output is a list of typed segments so the page can
 * colour them; joined, the segments are exactly what redis-cli writes to
 * stdout, trailing newline included (format.test.ts checks this against a real
 * redis-cli and redis-server).
 */
import type { Wire } from '../src/worker/protocol.js';

export type { Wire };

export type SegmentKind = 'index' | 'string' | 'integer' | 'status' | 'error' | 'nil' | 'empty' | 'text';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export type OutputMode = 'tty' | 'raw';

/**
 * sdscatrepr: a byte string in double quotes, printable ASCII as is, `\\`, `\"`,
 * `\n`, `\r`, `\t`, `\a`, `\b` escaped, any other byte as `\xHH`.
 */
export function repr(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const code = bytes.charCodeAt(i);
    switch (c) {
      case '\\':
      case '"':
        out += '\\' + c;
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      default:
        out += code >= 0x20 && code <= 0x7e ? c : `\\x${code.toString(16).padStart(2, '0')}`;
    }
  }
  return out + '"';
}

const isStatus = (w: Wire): w is { ok: string } => typeof w === 'object' && w !== null && !Array.isArray(w) && 'ok' in w;
const isError = (w: Wire): w is { err: string } => typeof w === 'object' && w !== null && !Array.isArray(w) && 'err' in w;

/** The reply as redis-cli prints it, in typed segments. */
export function formatSegments(wire: Wire, mode: OutputMode = 'tty'): Segment[] {
  const out: Segment[] = [];
  if (mode === 'tty') tty(wire, '', out);
  else {
    raw(wire, out);
    out.push({ kind: 'text', text: '\n' });
  }
  return out;
}

/** The reply as redis-cli prints it: exactly its stdout, trailing newline included. */
export function formatReply(wire: Wire, mode: OutputMode = 'tty'): string {
  return formatSegments(wire, mode)
    .map((s) => s.text)
    .join('');
}

/** cliFormatReplyTTY. */
function tty(wire: Wire, prefix: string, out: Segment[]): void {
  if (wire === null) out.push({ kind: 'nil', text: '(nil)\n' });
  else if (typeof wire === 'number' || typeof wire === 'bigint') out.push({ kind: 'integer', text: `(integer) ${wire}\n` });
  else if (typeof wire === 'string') out.push({ kind: 'string', text: repr(wire) + '\n' });
  else if (isStatus(wire)) out.push({ kind: 'status', text: wire.ok + '\n' });
  else if (isError(wire)) out.push({ kind: 'error', text: `(error) ${wire.err}\n` });
  else if (wire.length === 0) out.push({ kind: 'empty', text: '(empty array)\n' });
  else {
    const width = String(wire.length).length;
    // Nested arrays line up under their parent's first element.
    const inner = prefix + ' '.repeat(width + 2);
    wire.forEach((item, i) => {
      out.push({ kind: 'index', text: `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ` });
      tty(item, inner, out);
    });
  }
}

/** cliFormatReplyRaw: values as they are, array elements one per line, nil as nothing. */
function raw(wire: Wire, out: Segment[]): void {
  if (wire === null) return;
  if (typeof wire === 'number' || typeof wire === 'bigint') out.push({ kind: 'integer', text: String(wire) });
  else if (typeof wire === 'string') out.push({ kind: 'string', text: wire });
  else if (isStatus(wire)) out.push({ kind: 'status', text: wire.ok });
  else if (isError(wire)) out.push({ kind: 'error', text: wire.err + '\n' });
  else {
    wire.forEach((item, i) => {
      if (i > 0) out.push({ kind: 'text', text: '\n' });
      raw(item, out);
    });
  }
}

/** Whether a wire value is an error reply. */
export function isErrorReply(wire: Wire): wire is { err: string } {
  return isError(wire);
}

/** Whether a wire value is a status reply. */
export function isStatusReply(wire: Wire): wire is { ok: string } {
  return isStatus(wire);
}
