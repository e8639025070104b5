/**
 * The stored record: a batch of effects (the commands that recreate a change),
 * framed with a format version and a checksum. Log flushes and snapshot chunks
 * are both such batches, so one codec and one replay path serve both — and the
 * RESP export. Bytes in, bytes out: no IndexedDB here, so it is tested in Node.
 *
 *   "RL" · version u8 · kind u8 · payload length u32 · payload · crc32 u32
 *   payload: seq varint · effects varint · { db varint · argc varint · { len varint · bytes } }
 *            · notes varint · { key string · value string }
 */
import type { Effect } from '../engine/engine.js';
import { crc32 } from './crc32.js';

export const FORMAT_VERSION = 1;
export type RecordKind = 'log' | 'snapshot';
const KIND_CODE: Record<RecordKind, number> = { log: 1, snapshot: 2 };
const HEADER = 8;
const TRAILER = 4;

export interface Batch {
  kind: RecordKind;
  /** Log: the flush's sequence number. Snapshot: the chunk's index. */
  seq: number;
  effects: Effect[];
  /** Small key/value notes carried atomically with the effects (e.g. request ids the tabs layer de-duplicates). */
  notes: [string, string][];
}

export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
}

class Writer {
  private buf = new Uint8Array(1024);
  length = HEADER;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(n: number): void {
    this.reserve(10);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  /** A byte string: one char per byte. */
  bytes(s: string): void {
    this.varint(s.length);
    this.reserve(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  finish(kind: RecordKind): Uint8Array {
    this.reserve(TRAILER);
    const out = this.buf;
    out[0] = 0x52; // R
    out[1] = 0x4c; // L
    out[2] = FORMAT_VERSION;
    out[3] = KIND_CODE[kind];
    new DataView(out.buffer).setUint32(4, this.length - HEADER, true);
    new DataView(out.buffer).setUint32(this.length, crc32(out.subarray(0, this.length)), true);
    return out.slice(0, this.length + TRAILER);
  }
}

export function encodeBatch(batch: Batch): Uint8Array {
  const w = new Writer();
  w.varint(batch.seq);
  w.varint(batch.effects.length);
  for (const { db, argv } of batch.effects) {
    w.varint(db);
    w.varint(argv.length);
    for (const arg of argv) w.bytes(arg);
  }
  w.varint(batch.notes.length);
  for (const [k, v] of batch.notes) {
    w.bytes(k);
    w.bytes(v);
  }
  return w.finish(batch.kind);
}

export function decodeBatch(record: Uint8Array): Batch {
  if (record.length < HEADER + TRAILER || record[0] !== 0x52 || record[1] !== 0x4c) throw new CorruptRecordError('not a redlite record');
  const version = record[2];
  if (version > FORMAT_VERSION) throw new CorruptRecordError(`record format ${version} is newer than this redlite (${FORMAT_VERSION})`);
  const kind = record[3] === 1 ? 'log' : record[3] === 2 ? 'snapshot' : null;
  if (!kind) throw new CorruptRecordError(`unknown record kind ${record[3]}`);
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const length = view.getUint32(4, true);
  if (HEADER + length + TRAILER !== record.length) throw new CorruptRecordError('truncated record');
  if (crc32(record.subarray(0, HEADER + length)) !== view.getUint32(HEADER + length, true)) {
    throw new CorruptRecordError('checksum mismatch');
  }
  let at = HEADER;
  const end = HEADER + length;
  // The payload as one byte string, decoded once: arguments are slices of it.
  const text = latin1(record.subarray(0, end));
  const varint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= end) throw new CorruptRecordError('truncated varint');
      const b = record[at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  const bytes = (): string => {
    const len = varint();
    if (at + len > end) throw new CorruptRecordError('truncated string');
    at += len;
    return text.slice(at - len, at);
  };
  const seq = varint();
  const effects: Effect[] = [];
  for (let n = varint(); n > 0; n--) {
    const db = varint();
    const argv: string[] = [];
    for (let argc = varint(); argc > 0; argc--) argv.push(bytes());
    effects.push({ db, argv });
  }
  const notes: [string, string][] = [];
  for (let n = varint(); n > 0; n--) notes.push([bytes(), bytes()]);
  if (at !== end) throw new CorruptRecordError('trailing bytes in record');
  return { kind, seq, effects, notes };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return s;
}
