import { describe, expect, it } from 'vitest';
import { CorruptRecordError, decodeBatch, encodeBatch, type Batch } from './record.js';
import { crc32 } from './crc32.js';

const sample: Batch = {
  kind: 'log',
  seq: 123456789,
  effects: [
    { db: 0, argv: ['SET', 'k', 'v'] },
    { db: 15, argv: ['RPUSH', 'bin\x00\xff', '\x00'.repeat(3), 'x'.repeat(70_000)] },
    { db: 3, argv: ['PEXPIREAT', 'k', String(2 ** 52)] },
  ],
  notes: [['req:tab1:7', '["OK"]']],
};

describe('record codec', () => {
  it('round-trips batches with binary arguments and notes', () => {
    expect(decodeBatch(encodeBatch(sample))).toEqual(sample);
    const empty: Batch = { kind: 'snapshot', seq: 0, effects: [], notes: [] };
    expect(decodeBatch(encodeBatch(empty))).toEqual(empty);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('detects every flipped byte and every truncation', () => {
    const record = encodeBatch({ ...sample, effects: sample.effects.slice(0, 1) });
    for (let i = 0; i < record.length; i++) {
      const bad = record.slice();
      bad[i] ^= 0x40;
      expect(() => decodeBatch(bad), `byte ${i}`).toThrow(CorruptRecordError);
    }
    for (let n = 0; n < record.length; n++) expect(() => decodeBatch(record.slice(0, n))).toThrow(CorruptRecordError);
  });

  it('refuses records from a newer format', () => {
    const record = encodeBatch(sample);
    record[2] = 99;
    expect(() => decodeBatch(record)).toThrow(/newer/);
  });
});
