/**
 * Snapshot chunks (format 2): keys in RDB form — SELECTDB, then each key's
 * expiry, type, name and object, ending with EOF (rdb/keyspace.ts) — framed
 * as a 'keys' record. Loading one puts its keys straight into the keyspace:
 * no commands, no per-key argument arrays, and writing one allocates only
 * its buffer.
 */
import type { Entry } from '../engine/db.js';
import { RdbError, RdbReader, RdbWriter } from './rdb/bytes.js';
import { Opcode, readKeys, writeKey, writeSelectDb, type KeySink } from './rdb/keyspace.js';
import type { LoadLimits } from './rdb/value.js';
import { CorruptRecordError, HEADER, sealRecord, TRAILER, type Frame } from './record.js';

/** Room a chunk starts with: its target size and the key that crosses it, mostly. */
const INITIAL_CAPACITY = (1 << 20) + (64 << 10);

export class ChunkWriter {
  private readonly w = new RdbWriter(INITIAL_CAPACITY);
  private db = -1;
  keys = 0;

  constructor() {
    this.w.bytes(new Uint8Array(HEADER));
  }

  /** Bytes written so far. */
  get size(): number {
    return this.w.length;
  }

  add(db: number, key: string, entry: Entry): void {
    if (db !== this.db) {
      writeSelectDb(this.w, db);
      this.db = db;
    }
    writeKey(this.w, key, entry.value, entry.expireAt);
    this.keys++;
  }

  /**
   * The framed record (checksummed and copied: a slice's work for a full
   * chunk). The writer is then empty, its buffer kept for the next chunk.
   */
  finish(): Uint8Array {
    this.w.u8(Opcode.Eof);
    const end = this.w.length;
    this.w.bytes(new Uint8Array(TRAILER));
    const record = sealRecord(this.w.result(), end, 'keys');
    this.w.length = HEADER;
    this.db = -1;
    this.keys = 0;
    return record;
  }
}

/** Hands every key of a verified 'keys' record to `onKey`; throws CorruptRecordError when it is malformed. */
export function readChunk({ payload }: Frame, limits: LoadLimits, onKey: KeySink): void {
  const r = new RdbReader(payload);
  try {
    readKeys(r, limits, onKey);
  } catch (error) {
    if (error instanceof RdbError) throw new CorruptRecordError(error.message);
    throw error;
  }
  if (r.pos !== payload.length) throw new CorruptRecordError('trailing bytes in chunk');
}
