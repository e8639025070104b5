/**
 * Whole RDB files (version 10, as Redis 7.0 writes them): "REDIS0010", AUX
 * fields, then per non-empty database SELECTDB, RESIZEDB and its keys (each
 * preceded by EXPIRETIME_MS when it has a TTL), EOF and the CRC-64 of it all.
 */
import type { Engine } from '../../engine/engine.js';
import type { Value } from '../../engine/db.js';
import { RdbError, RdbReader, RdbWriter } from './bytes.js';
import { crc64 } from './crc64.js';
import { loadLimits } from './limits.js';
import { RDB_VERSION } from './payload.js';
import { readValue, writeValue } from './value.js';

const enum Opcode {
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

const MAGIC = 'REDIS';

/** One key read from a file. */
export interface RdbRecord {
  db: number;
  key: string;
  value: Value;
  /** Absolute expiry in ms; 0 when none. */
  expireAt: number;
}

/** Every database of the engine as an RDB file (expired keys not yet reclaimed are written too, as Redis does). */
export function encodeRdb(engine: Engine): Uint8Array {
  const w = new RdbWriter();
  w.raw(MAGIC + String(RDB_VERSION).padStart(4, '0'));
  const aux: [string, string][] = [
    ['redis-ver', '7.0.15'],
    ['redis-bits', '64'],
    ['ctime', String(Math.floor(engine.time / 1000))],
    ['used-mem', '0'],
    ['aof-base', '0'],
  ];
  for (const [k, v] of aux) {
    w.u8(Opcode.Aux);
    w.string(k);
    w.string(v);
  }
  for (const db of engine.dbs) {
    if (db.data.size === 0) continue;
    w.u8(Opcode.SelectDb);
    w.lengthOf(db.id);
    w.u8(Opcode.ResizeDb);
    w.lengthOf(db.data.size);
    w.lengthOf(db.volatile.size);
    for (const [key, entry] of db.data) {
      if (entry.expireAt !== 0) {
        w.u8(Opcode.ExpireTimeMs);
        w.millis(entry.expireAt);
      }
      writeTypedKey(w, key, entry.value);
    }
  }
  w.u8(Opcode.Eof);
  w.bytes(crc64(w.result()));
  return w.result().slice();
}

/** The type byte, then the key, then the object: the order a file has them in (a DUMP payload has no key). */
function writeTypedKey(w: RdbWriter, key: string, value: Value): void {
  const body = new RdbWriter();
  writeValue(body, value);
  const bytes = body.result();
  w.u8(bytes[0]);
  w.lengthOf(key.length);
  w.raw(key);
  w.bytes(bytes.subarray(1));
}

/**
 * Reads every key of an RDB file (versions 1 to 10). `onProgress` hears the
 * fraction of bytes read now and then. Throws RdbError on anything malformed.
 */
export function decodeRdb(bytes: Uint8Array, engine: Engine, onProgress?: (fraction: number) => void): RdbRecord[] {
  const limits = loadLimits(engine.config);
  const r = new RdbReader(bytes);
  if (r.raw(MAGIC.length) !== MAGIC) throw new RdbError('not an RDB file');
  const version = Number(r.raw(4));
  if (!(version >= 1 && version <= RDB_VERSION)) throw new RdbError(`unsupported RDB version ${version}`);
  const records: RdbRecord[] = [];
  let db = 0;
  let expireAt = 0;
  let nextReport = 0;
  while (true) {
    if (onProgress && r.pos >= nextReport) {
      onProgress(r.pos / bytes.length);
      nextReport = r.pos + (1 << 20);
    }
    const type = r.u8();
    switch (type) {
      case Opcode.Eof:
        verifyChecksum(bytes, r, version);
        onProgress?.(1);
        return records;
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
        records.push({ db, key, value: readValue(r, type, limits), expireAt });
        expireAt = 0;
      }
    }
  }
}

function verifyChecksum(bytes: Uint8Array, r: RdbReader, version: number): void {
  if (version < 5) return;
  const stored = r.rawBytes(8);
  // A zero checksum means the writer had rdbchecksum off.
  if (stored.every((b) => b === 0)) return;
  const crc = crc64(bytes, 0, r.pos - 8);
  if (!crc.every((b, i) => b === stored[i])) throw new RdbError('RDB checksum mismatch');
}

/**
 * Fills the engine with a file's keys, replacing keys of the same name;
 * keys already expired are skipped, as a master loading a file does.
 * Returns how many keys were loaded.
 */
export function loadRdb(engine: Engine, bytes: Uint8Array, onProgress?: (fraction: number) => void): number {
  const records = decodeRdb(bytes, engine, onProgress);
  let loaded = 0;
  for (const { db: id, key, value, expireAt } of records) {
    const db = engine.dbs[id];
    if (db === undefined) throw new RdbError(`database ${id} out of range`);
    if (expireAt !== 0 && expireAt <= engine.time) continue;
    db.set(key, value);
    if (expireAt !== 0) db.setExpire(key, expireAt);
    loaded++;
  }
  return loaded;
}
