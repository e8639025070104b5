import { describe, expect, it } from 'vitest';
import { Entry, type Value } from '../engine/db.js';
import { Engine } from '../engine/engine.js';
import { loadLimits } from './rdb/limits.js';
import { CorruptRecordError, openRecord } from './record.js';
import { ChunkWriter, readChunk } from './snapshot-chunk.js';

const limits = loadLimits(new Engine({ activeExpiry: false }).config);
const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

function read(record: Uint8Array): [number, string, Value, number][] {
  const keys: [number, string, Value, number][] = [];
  readChunk(openRecord(record), limits, (db, key, value, expireAt) => keys.push([db, key, value, expireAt]));
  return keys;
}

describe('snapshot chunks', () => {
  it('round-trip keys of several databases, binary and long strings, and expiry times', () => {
    const keys: [number, string, string, number][] = [
      [0, 'a', 'x', 0],
      [0, BINARY, BINARY, 1_700_000_000_123],
      [15, '', '', 2 ** 52],
      [3, 'short', 'abcdefghijklmnop'.repeat(5000), 0],
      [0, '12345', '-7', 1],
    ];
    const w = new ChunkWriter();
    for (const [db, key, value, expireAt] of keys) w.add(db, key, new Entry(value, expireAt, 0));
    expect(w.keys).toBe(keys.length);
    const record = w.finish();
    expect(openRecord(record).kind).toBe('keys');
    expect(read(record)).toEqual(keys);
    // The writer is empty again and reuses its buffer.
    expect(w.keys).toBe(0);
    w.add(7, 'k', new Entry('v', 0, 0));
    expect(read(w.finish())).toEqual([[7, 'k', 'v', 0]]);
  });

  it('detects every flipped byte and every truncation', () => {
    const w = new ChunkWriter();
    w.add(2, 'key', new Entry('value', 5, 0));
    const record = w.finish();
    for (let i = 0; i < record.length; i++) {
      const bad = record.slice();
      bad[i] ^= 0x40;
      expect(() => read(bad), `byte ${i}`).toThrow(CorruptRecordError);
    }
    for (let n = 0; n < record.length; n++) expect(() => read(record.slice(0, n))).toThrow(CorruptRecordError);
  });

  it('is not taken for a format-1 record', () => {
    const w = new ChunkWriter();
    w.add(0, 'k', new Entry('v', 0, 0));
    const record = w.finish();
    record[2] = 1;
    expect(() => openRecord(record)).toThrow(/unknown record kind 3/);
  });
});
