/**
 * DUMP payloads: a value in RDB form, then the RDB version (2 bytes, little
 * endian) and the CRC-64 of everything before (8 bytes, little endian).
 */
import type { Value } from '../../engine/db.js';
import { RdbReader, RdbWriter, stringToBytes, bytesToString } from './bytes.js';
import { crc64 } from './crc64.js';
import { readValue, writeValue, type LoadLimits } from './value.js';

/** The RDB version Redis 7.0 writes and the newest it loads. */
export const RDB_VERSION = 10;
const FOOTER = 10;

export function dumpPayload(value: Value): string {
  const w = new RdbWriter();
  writeValue(w, value);
  w.u8(RDB_VERSION & 0xff);
  w.u8(RDB_VERSION >> 8);
  w.bytes(crc64(w.result()));
  return bytesToString(w.result());
}

/** Whether the footer's version is one we load and its checksum matches (verifyDumpPayload). */
export function payloadIsValid(payload: string): boolean {
  if (payload.length < FOOTER) return false;
  const bytes = stringToBytes(payload);
  const end = bytes.length - 8;
  const version = bytes[end - 2] | (bytes[end - 1] << 8);
  if (version > RDB_VERSION) return false;
  const crc = crc64(bytes, 0, end);
  for (let i = 0; i < 8; i++) if (crc[i] !== bytes[end + i]) return false;
  return true;
}

/** The value in a payload that passed `payloadIsValid`; throws RdbError when it is malformed. */
export function readPayload(payload: string, limits: LoadLimits): Value {
  const bytes = stringToBytes(payload);
  // Like Redis, the reader may run into the footer: only the checksum guards the body.
  const r = new RdbReader(bytes);
  return readValue(r, r.u8(), limits);
}
