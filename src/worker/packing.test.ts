import { describe, expect, it } from 'vitest';
import { packBatch, packReplies, unpackBatch, unpackReplies } from './packing.js';
import type { Wire } from './protocol.js';

/** What structuredClone does on the way: packing must survive it. */
const cloned = <T>(value: T): T => structuredClone(value);

describe('packing', () => {
  it('round-trips batches, including empty arguments and binary bytes', () => {
    const batch = [['set', 'k', ''], ['get', '\x00\xff\r\n'], ['ping'], ['mset', ...Array.from({ length: 100 }, (_, i) => String(i))]];
    expect(unpackBatch(cloned(packBatch(batch)))).toEqual(batch);
    expect(unpackBatch(cloned(packBatch([])))).toEqual([]);
  });

  it('round-trips every reply shape, nested', () => {
    const replies: Wire[] = [
      'bulk',
      '',
      42,
      -1,
      2n ** 70n,
      null,
      { ok: 'OK' },
      { ok: 'QUEUED' },
      { err: 'ERR wrong' },
      [],
      ['a', null, 3, [{ ok: 'PONG' }, { err: 'WRONGTYPE x' }, ['deep', []]]],
      { ok: 'OK' },
    ];
    expect(unpackReplies(cloned(packReplies(replies)))).toEqual(replies);
  });

  it('shares one frozen object per status text', () => {
    const [a, b] = unpackReplies(packReplies([{ ok: 'OK' }, { ok: 'OK' }]));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
