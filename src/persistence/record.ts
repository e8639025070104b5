/**
 * Stored records, framed with a format version and a checksum:
 *
 *   "RL" · version u8 · kind u8 · payload length u32 · payload · crc32 u32
 *
 * Kinds: 'log' and (format 1) 'snapshot' records carry a batch of effects —
 * the commands that recreate a change:
 *
 *   seq varint · effects varint · { db varint · argc varint · { len varint · bytes } }
 *   · notes varint · { key string · value string }
 *
 * 'keys' records (format 2 snapshot chunks) carry keys in RDB form, loaded
 * straight into the keyspace (snapshot-chunk.ts). Bytes in, bytes out: no
 * IndexedDB here, so it is tested in Node.
 */
import type { Effect } from '../engine/engine.js';
import { crc32 } from './crc32.js';
import { bytesToString } from './rdb/bytes.js';

/** Format 2 added 'keys' records. */
export const FORMAT_VERSION = 2;
export type RecordKind = 'log' | 'snapshot' | 'keys';
const KIND_CODE: Record<RecordKind, number> = { log: 1, snapshot: 2, keys: 3 };
const KIND_NAME: (RecordKind | undefined)[] = [undefined, 'log', 'snapshot', 'keys'];
/** Bytes before a record's payload and after it. */
export const HEADER = 8;
export const TRAILER = 4;

export interface Batch {
  kind: RecordKind;
  /** Log: the flush's sequence number. Snapshot: the chunk's index. */
  seq: number;
  effects: Effect[];
  /** Small key/value notes carried atomically with the effects (e.g. request ids the tabs layer de-duplicates). */
  notes: [string, string][];
}

/** A verified record's kind and payload (a view into it). */
export interface Frame {
  kind: RecordKind;
  payload: Uint8Array;
}

export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
}

/**
 * Frames a payload written at HEADER in `buf` (up to `payloadEnd`, with
 * TRAILER bytes of room after it): fills in the header and the checksum and
 * returns the record, copied to its exact size.
 */
export function sealRecord(buf: Uint8Array, payloadEnd: number, kind: RecordKind): Uint8Array {
  buf[0] = 0x52; // R
  buf[1] = 0x4c; // L
  buf[2] = FORMAT_VERSION;
  buf[3] = KIND_CODE[kind];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  view.setUint32(4, payloadEnd - HEADER, true);
  view.setUint32(payloadEnd, crc32(buf.subarray(0, payloadEnd)), true);
  return buf.slice(0, payloadEnd + TRAILER);
}

/** Checks a record's frame and checksum; throws CorruptRecordError when anything is off. */
export function openRecord(record: Uint8Array): Frame {
  if (record.length < HEADER + TRAILER || record[0] !== 0x52 || record[1] !== 0x4c) throw new CorruptRecordError('not a redlite record');
  const version = record[2];
  if (version > FORMAT_VERSION) throw new CorruptRecordError(`record format ${version} is newer than this redlite (${FORMAT_VERSION})`);
  const kind = KIND_NAME[record[3]];
  if (!kind || (kind === 'keys' && version < 2)) throw new CorruptRecordError(`unknown record kind ${record[3]}`);
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const length = view.getUint32(4, true);
  if (HEADER + length + TRAILER !== record.length) throw new CorruptRecordError('truncated record');
  if (crc32(record.subarray(0, HEADER + length)) !== view.getUint32(HEADER + length, true)) {
    throw new CorruptRecordError('checksum mismatch');
  }
  return { kind, payload: record.subarray(HEADER, HEADER + length) };
}

class BatchWriter {
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
    return sealRecord(this.buf, this.length, kind);
  }
}

export function encodeBatch(batch: Batch): Uint8Array {
  const w = new BatchWriter();
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
  return readBatch(openRecord(record));
}

/** The batch of effects in a verified 'log' or 'snapshot' record. */
export function readBatch({ kind, payload }: Frame): Batch {
  if (kind === 'keys') throw new CorruptRecordError('a keys record holds no effects');
  let at = 0;
  const end = payload.length;
  // The payload as one byte string, decoded once: arguments are slices of it.
  const text = bytesToString(payload);
  const varint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= end) throw new CorruptRecordError('truncated varint');
      const b = payload[at++];
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
