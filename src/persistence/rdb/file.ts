/**
 * Whole RDB files (version 10, as Redis 7.0 writes them): "REDIS0010", AUX
 * fields, then per non-empty database SELECTDB, RESIZEDB and its keys (each
 * preceded by EXPIRETIME_MS when it has a TTL), EOF and the CRC-64 of it all.
 */
import type { Engine } from '../../engine/engine.js';
import type { Value } from '../../engine/db.js';
import { RdbError, RdbReader, RdbWriter } from './bytes.js';
import { crc64 } from './crc64.js';
import { Opcode, readKeys, writeKey, writeSelectDb } from './keyspace.js';
import { loadLimits } from './limits.js';
import { RDB_VERSION } from './payload.js';

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
    writeSelectDb(w, db.id);
    w.u8(Opcode.ResizeDb);
    w.lengthOf(db.data.size);
    w.lengthOf(db.volatile.size);
    for (const [key, entry] of db.data) writeKey(w, key, entry.value, entry.expireAt);
  }
  w.u8(Opcode.Eof);
  w.bytes(crc64(w.result()));
  return w.result().slice();
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
  readKeys(r, limits, (db, key, value, expireAt) => records.push({ db, key, value, expireAt }), onProgress);
  verifyChecksum(bytes, r, version);
  onProgress?.(1);
  return records;
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
