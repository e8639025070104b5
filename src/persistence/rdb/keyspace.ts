/**
 * The keyspace part of an RDB body: SELECTDB, then each key — its
 * EXPIRETIME_MS when it has a TTL, its type byte, the key, the object — up
 * to EOF. RDB files (file.ts) wrap it in a header and a checksum; redlite's
 * snapshot chunks are pieces of it, loaded straight into the keyspace.
 */
import type { Value } from '../../engine/db.js';
import { RdbError, type RdbReader, type RdbWriter } from './bytes.js';
import { rdbType, readValue, writeObject, type LoadLimits } from './value.js';

export const enum Opcode {
  Function2 = 245,
  Function = 246,
  ModuleAux = 247,
  Idle = 248,
  Freq = 249,
  Aux = 250,
  ResizeDb = 251,
  ExpireTimeMs = 252,
  ExpireTime = 253,
  SelectDb = 254,
  Eof = 255,
}

/** Receives each key read: the database, the key, its value, its absolute expiry in ms (0: none). */
export type KeySink = (db: number, key: string, value: Value, expireAt: number) => void;

export function writeSelectDb(w: RdbWriter, db: number): void {
  w.u8(Opcode.SelectDb);
  w.lengthOf(db);
}

export function writeKey(w: RdbWriter, key: string, value: Value, expireAt: number): void {
  if (expireAt !== 0) {
    w.u8(Opcode.ExpireTimeMs);
    w.millis(expireAt);
  }
  w.u8(rdbType(value));
  w.lengthOf(key.length);
  w.raw(key);
  writeObject(w, value);
}

/**
 * Reads keys up to and including EOF, handing each to `onKey`; `onProgress`
 * hears the fraction of bytes read now and then. Throws RdbError on anything
 * malformed.
 */
export function readKeys(r: RdbReader, limits: LoadLimits, onKey: KeySink, onProgress?: (fraction: number) => void): void {
  let db = 0;
  let expireAt = 0;
  let nextReport = 0;
  for (;;) {
    if (onProgress && r.pos >= nextReport) {
      onProgress(r.pos / r.bytes.length);
      nextReport = r.pos + (1 << 20);
    }
    const type = r.u8();
    switch (type) {
      case Opcode.Eof:
        return;
      case Opcode.SelectDb:
        db = r.length();
        break;
      case Opcode.ResizeDb:
        r.length();
        r.length();
        break;
      case Opcode.ExpireTimeMs:
        expireAt = r.millis();
        break;
      case Opcode.ExpireTime:
        expireAt = r.seconds() * 1000;
        break;
      case Opcode.Aux:
        r.string();
        r.string();
        break;
      case Opcode.Idle:
        r.length();
        break;
      case Opcode.Freq:
        r.u8();
        break;
      case Opcode.ModuleAux:
      case Opcode.Function:
      case Opcode.Function2:
        throw new RdbError('the file holds module data or functions, which redlite cannot load');
      default: {
        const key = r.string();
        onKey(db, key, readValue(r, type, limits), expireAt);
        expireAt = 0;
      }
    }
  }
}
