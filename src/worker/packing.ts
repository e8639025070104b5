/**
 * Batches and replies as they cross a structured-clone boundary (postMessage
 * to the worker, BroadcastChannel between tabs). Cloning costs per object, not
 * per byte: 100,000 argv arrays and status objects cost far more to clone —
 * and to collect afterwards — than the same strings in one flat array. So a
 * batch travels as one flat array, and replies as one flat array of values
 * plus a string with one letter per value saying what it is.
 */
import type { Wire, WireStatus } from './protocol.js';

/** Commands as `[argc, arg…, argc, arg…]`. */
export type PackedBatch = (string | number)[];

/** Replies in order, depth first: an array is its length followed by its items. */
export interface PackedReplies {
  kinds: string;
  values: (string | number | bigint | null)[];
}

/** The letters of PackedReplies.kinds. */
const BULK = 'b';
const INTEGER = 'i';
const NIL = 'n';
const STATUS = 's';
/** The status most replies are: no text to clone. */
const OK = 'o';
const ERROR = 'e';
const ARRAY = 'a';

export function packBatch(batch: readonly string[][]): PackedBatch {
  const out: PackedBatch = [];
  for (const argv of batch) {
    out.push(argv.length);
    for (const arg of argv) out.push(arg);
  }
  return out;
}

export function unpackBatch(packed: PackedBatch): string[][] {
  const batch: string[][] = [];
  for (let i = 0; i < packed.length; ) {
    const argc = packed[i++] as number;
    batch.push(packed.slice(i, (i += argc)) as string[]);
  }
  return batch;
}

export function packReplies(replies: readonly Wire[]): PackedReplies {
  const packed: PackedReplies = { kinds: '', values: [] };
  for (const reply of replies) pack(packed, reply);
  return packed;
}

function pack(out: PackedReplies, wire: Wire): void {
  if (typeof wire === 'string') {
    out.kinds += BULK;
    out.values.push(wire);
  } else if (typeof wire === 'number' || typeof wire === 'bigint') {
    out.kinds += INTEGER;
    out.values.push(wire);
  } else if (wire === null) {
    out.kinds += NIL;
    out.values.push(null);
  } else if (Array.isArray(wire)) {
    out.kinds += ARRAY;
    out.values.push(wire.length);
    for (const item of wire) pack(out, item);
  } else if ('err' in wire) {
    out.kinds += ERROR;
    out.values.push(wire.err);
  } else if (wire.ok === 'OK') {
    out.kinds += OK;
    out.values.push(null);
  } else {
    out.kinds += STATUS;
    out.values.push(wire.ok);
  }
}

export function unpackReplies(packed: PackedReplies): Wire[] {
  const cursor = { packed, at: 0 };
  const replies: Wire[] = [];
  while (cursor.at < packed.kinds.length) replies.push(unpack(cursor));
  return replies;
}

function unpack(cursor: { packed: PackedReplies; at: number }): Wire {
  const { kinds, values } = cursor.packed;
  const kind = kinds[cursor.at];
  const value = values[cursor.at++];
  switch (kind) {
    case OK:
      return OK_STATUS;
    case STATUS:
      return status(value as string);
    case ERROR:
      return { err: value as string };
    case ARRAY: {
      const items: Wire[] = new Array(value as number);
      for (let n = 0; n < items.length; n++) items[n] = unpack(cursor);
      return items;
    }
    default:
      return value;
  }
}

/** Status replies are a handful of words: one shared, frozen object each. */
const statuses = new Map<string, WireStatus>();
export function status(text: string): WireStatus {
  let wire = statuses.get(text);
  if (!wire) {
    wire = Object.freeze({ ok: text });
    if (statuses.size < 64) statuses.set(text, wire);
  }
  return wire;
}
const OK_STATUS = status('OK');
