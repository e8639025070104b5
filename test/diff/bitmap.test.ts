/**
 * Bitmaps (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, BITFIELD_RO)
 * against a real redis-server.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DiffTarget, type Rng } from './harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

describe('SETBIT / GETBIT', () => {
  it('sets, clears, grows and reads bits', async () => {
    await t.run([
      'SETBIT k 7 1',
      'GET k',
      'SETBIT k 7 1',
      'SETBIT k 7 0',
      'GET k',
      'SETBIT k 100 1',
      'STRLEN k',
      'GET k',
      'GETBIT k 100',
      'GETBIT k 99',
      'GETBIT k 1000000',
      'GETBIT missing 0',
      'SETBIT k 0 0',
      'SETBIT k 8 0',
      'SETBIT new 0 0',
      'GET new',
      'SET s "\\xff\\x00"',
      'GETBIT s 0',
      'GETBIT s 7',
      'GETBIT s 8',
      'SETBIT s 15 1',
      'GET s',
      'SET n 123',
      'SETBIT n 7 0',
      'GET n',
      'OBJECT ENCODING n',
      'OBJECT ENCODING k',
    ]);
  });

  it('keeps the TTL and expires lazily', async () => {
    await t.run(['SET k abc EX 100', 'SETBIT k 3 1', 'TTL k', 'GET k']);
  });

  it('rejects bad offsets and bit values', async () => {
    await t.run([
      'SETBIT k -1 1',
      'SETBIT k abc 1',
      'SETBIT k 4294967296 1',
      'SETBIT k 1.5 1',
      'SETBIT k 0 2',
      'SETBIT k 0 -1',
      'SETBIT k 0 abc',
      'SETBIT k 0 4294967297',
      'GETBIT k -1',
      'GETBIT k 4294967296',
      'GETBIT k x',
      'LPUSH l a',
      'SETBIT l 0 1',
      'GETBIT l 0',
      'SETBIT l -1 1',
      'SETBIT',
      'GETBIT k',
      'SETBIT k 1',
      'GETBIT k 1 2',
    ]);
  });
});

describe('BITCOUNT', () => {
  it('counts whole strings and byte ranges', async () => {
    await t.run([
      'SET k foobar',
      'BITCOUNT k',
      'BITCOUNT k 0 0',
      'BITCOUNT k 1 1',
      'BITCOUNT k 1 -1',
      'BITCOUNT k -2 -1',
      'BITCOUNT k -1 -2',
      'BITCOUNT k -100 100',
      'BITCOUNT k 5 2',
      'BITCOUNT k 0 -100',
      'BITCOUNT k 0 0 BYTE',
      'BITCOUNT k 0 0 byte',
      'BITCOUNT k 10 100',
      'BITCOUNT missing',
      'BITCOUNT missing 0',
      'BITCOUNT missing a b c d e',
      'SET e ""',
      'BITCOUNT e',
      'BITCOUNT e 0 -1',
      'BITCOUNT e 0 -1 BIT',
    ]);
  });

  it('counts bit ranges', async () => {
    await t.run([
      'SET k foobar',
      'BITCOUNT k 5 30 BIT',
      'BITCOUNT k 0 0 BIT',
      'BITCOUNT k 1 1 BIT',
      'BITCOUNT k 7 8 BIT',
      'BITCOUNT k 0 -1 BIT',
      'BITCOUNT k -5 -1 BIT',
      'BITCOUNT k -9 -9 bit',
      'BITCOUNT k 3 3 BIT',
      'BITCOUNT k 40 1000 BIT',
      'BITCOUNT k 47 47 BIT',
      'BITCOUNT k 48 48 BIT',
      'BITCOUNT k 9 2 BIT',
      'BITCOUNT k 0 -1000 BIT',
    ]);
  });

  it('checks arguments after finding the key', async () => {
    await t.run([
      'SET k foobar',
      'BITCOUNT k 0',
      'BITCOUNT k 0 1 2',
      'BITCOUNT k 0 1 BIT x',
      'BITCOUNT k a 1',
      'BITCOUNT k 0 b',
      'BITCOUNT k -1 -5 nonsense',
      'BITCOUNT k -5 -1 nonsense',
      'BITCOUNT k 9223372036854775807 -9223372036854775808',
      'BITCOUNT k -9223372036854775807 -9223372036854775808',
      'BITCOUNT k -9223372036854775808 9223372036854775807 BIT',
      'BITCOUNT k 9223372036854775808 1',
      'LPUSH l a',
      'BITCOUNT l',
      'BITCOUNT l 0 0 foo',
      'BITCOUNT',
    ]);
  });
});

describe('BITPOS', () => {
  it('finds set and clear bits in byte ranges', async () => {
    await t.run([
      'SET k "\\xff\\xf0\\x00"',
      'BITPOS k 0',
      'BITPOS k 1',
      'BITPOS k 0 0',
      'BITPOS k 1 2',
      'BITPOS k 0 2',
      'BITPOS k 0 0 0',
      'BITPOS k 0 0 1',
      'BITPOS k 1 -1',
      'BITPOS k 1 -1 -1',
      'BITPOS k 0 -100 -1',
      'BITPOS k 1 5 10',
      'BITPOS k 0 1 0',
      'SET ones "\\xff\\xff"',
      'BITPOS ones 0',
      'BITPOS ones 0 0',
      'BITPOS ones 0 0 -1',
      'BITPOS ones 1',
      'SET zeros "\\x00\\x00"',
      'BITPOS zeros 1',
      'BITPOS zeros 0',
      'BITPOS zeros 1 0 -1',
      'BITPOS missing 0',
      'BITPOS missing 1',
      'BITPOS missing 1 x y z w',
      'SET e ""',
      'BITPOS e 0',
      'BITPOS e 1',
      'BITPOS e 0 0 -1',
    ]);
  });

  it('finds bits in bit ranges, with the explicit-end rule', async () => {
    await t.run([
      'SET k "\\xff\\xf0\\x00"',
      'BITPOS k 0 0 -1 BIT',
      'BITPOS k 1 7 15 BIT',
      'BITPOS k 0 7 15 BIT',
      'BITPOS k 0 12 12 BIT',
      'BITPOS k 0 0 11 BIT',
      'BITPOS k 1 12 23 BIT',
      'BITPOS k 1 3 5 bit',
      'BITPOS k 0 3 5 BIT',
      'BITPOS k 0 9 10 BIT',
      'BITPOS k 0 16 23 BIT',
      'BITPOS k 1 -8 -1 BIT',
      'BITPOS k 0 10 3 BIT',
      'BITPOS k 0 0 100 BIT',
      'SET ones "\\xff\\xff\\xff"',
      'BITPOS ones 0 0 -1 BIT',
      'BITPOS ones 0 3 BYTE',
      'BITPOS ones 0 1 -1 BYTE',
      'BITPOS ones 0 5 20 BIT',
      'BITPOS ones 0 5 23 BIT',
      'BITPOS ones 0 9 BIT',
      'SET z "\\x00\\x00\\x00"',
      'BITPOS z 1 1 22 BIT',
      'BITPOS z 0 1 22 BIT',
      'BITPOS z 1 0 -1 BIT',
    ]);
  });

  it('checks the bit and the arguments', async () => {
    await t.run([
      'SET k abc',
      'BITPOS k 2',
      'BITPOS k -1',
      'BITPOS k x',
      'BITPOS missing 2',
      'BITPOS k 1 a',
      'BITPOS k 1 0 a',
      'BITPOS k 1 0 1 BITS',
      'BITPOS k 1 a 1 BITS',
      'BITPOS k 1 0 a BITS',
      'BITPOS k 1 0 1 BIT x',
      'LPUSH l a',
      'BITPOS l 1',
      'BITPOS l 3',
      'BITPOS k',
    ]);
  });
});

describe('BITOP', () => {
  it('combines strings of different lengths', async () => {
    await t.run([
      'SET a "\\x0f\\xff\\x01"',
      'SET b "\\xf0\\x0f"',
      'BITOP AND d a b',
      'GET d',
      'BITOP OR d a b',
      'GET d',
      'BITOP XOR d a b',
      'GET d',
      'BITOP NOT d a',
      'GET d',
      'BITOP and d a b missing',
      'GET d',
      'BITOP or d missing a',
      'GET d',
      'BITOP xor d a a',
      'GET d',
      'BITOP AND d a',
      'GET d',
      'BITOP NOT d missing',
      'EXISTS d',
      'BITOP OR d missing other',
      'SET e ""',
      'BITOP OR d e',
      'EXISTS d',
    ]);
  });

  it('replaces the destination and its TTL', async () => {
    await t.run(['SET a xyz', 'SET d old EX 100', 'BITOP NOT d a', 'TTL d', 'GET d', 'OBJECT ENCODING d', 'LPUSH l x', 'BITOP OR l a', 'TYPE l']);
  });

  it('handles long strings', async () => {
    const a = 'q'.repeat(300) + 'r'.repeat(77);
    const b = 'z'.repeat(123);
    await t.run([['SET', 'a', a], ['SET', 'b', b], 'BITOP AND d a b', 'GET d', 'BITOP OR d a b', 'GET d', 'BITOP XOR d b a', 'GET d', 'BITOP NOT d a', 'GET d', 'BITCOUNT d', 'BITPOS d 1 7']);
  });

  it('rejects bad operations and types', async () => {
    await t.run([
      'SET a x',
      'BITOP NAND d a',
      'BITOP NOT d a a',
      'BITOP NOT d',
      'LPUSH l x',
      'BITOP AND d a l',
      'BITOP AND d l',
      'BITOP NOT d l',
      'EXISTS d',
      'BITOP AND d',
    ]);
  });
});

describe('BITFIELD', () => {
  it('gets and sets signed and unsigned fields', async () => {
    await t.run([
      'BITFIELD k SET u8 0 255 GET u8 0 GET i8 0',
      'GET k',
      'BITFIELD k SET i5 3 -7 GET i5 3 GET u5 3 GET u3 0',
      'BITFIELD k SET u4 #3 9 GET u4 #3 GET u4 12',
      'BITFIELD k GET i64 0 GET u63 1 GET i1 7 GET u1 7',
      'BITFIELD k SET i64 0 -9223372036854775808 GET i64 0 GET u63 0 GET u63 1',
      'BITFIELD k SET i64 5 9223372036854775807 GET i64 5',
      'BITFIELD k SET u63 100 9223372036854775807 GET u63 100',
      'GET k',
      'BITFIELD missing GET u8 0 GET i16 100',
      'BITFIELD missing',
      'EXISTS missing',
      'BITFIELD k',
      'BITFIELD_RO k GET u8 0 GET i8 #2',
      'BITFIELD_RO k',
      'BITFIELD k get u8 0 set u8 0 1 incrby u8 0 1',
    ]);
  });

  it('increments with each overflow policy', async () => {
    await t.run([
      'BITFIELD k INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1',
      'BITFIELD k INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1',
      'BITFIELD k INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1',
      'BITFIELD k INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1',
      'BITFIELD k OVERFLOW FAIL INCRBY u2 102 1',
      'BITFIELD k OVERFLOW WRAP INCRBY i8 0 127 INCRBY i8 0 1 INCRBY i8 0 -1 INCRBY i8 0 -200',
      'BITFIELD k OVERFLOW SAT INCRBY i8 0 200 INCRBY i8 0 -1000 INCRBY i8 0 -1',
      'BITFIELD k OVERFLOW FAIL INCRBY i8 0 -128 INCRBY i8 0 1 GET i8 0',
      'BITFIELD k OVERFLOW SAT SET u8 8 300 SET u8 8 -1 SET i8 8 -129 SET i8 8 128 GET u8 8',
      'BITFIELD k OVERFLOW WRAP SET u8 8 300 SET u8 8 -1 SET i8 8 -129 SET i8 8 128 GET u8 8',
      'BITFIELD k OVERFLOW FAIL SET u8 8 300 SET u8 8 -1 SET i8 8 -129 SET i8 8 128 GET u8 8',
      'BITFIELD k SET i64 0 9223372036854775807 INCRBY i64 0 1 OVERFLOW SAT INCRBY i64 0 1 INCRBY i64 0 -9223372036854775808 INCRBY i64 0 -9223372036854775808',
      'BITFIELD k OVERFLOW FAIL SET i64 0 -9223372036854775808 INCRBY i64 0 -1 INCRBY i64 0 9223372036854775807 INCRBY i64 0 1',
      'BITFIELD k OVERFLOW WRAP SET i64 0 -9223372036854775808 INCRBY i64 0 -1 INCRBY i64 0 -9223372036854775807',
      'BITFIELD k SET u63 0 0 INCRBY u63 0 -1 OVERFLOW SAT INCRBY u63 0 -1 INCRBY u63 0 9223372036854775807 INCRBY u63 0 5',
      'BITFIELD k OVERFLOW FAIL SET u1 3 2 SET i1 3 1 SET i1 3 -1 INCRBY i1 3 -1 GET i1 3',
      // int64 arithmetic as C does it: max - value wraps for the most negative values.
      'BITFIELD q OVERFLOW SAT SET i8 0 -9223372036854775808 GET i8 0 SET i8 0 -9223372036854775000 GET i8 0',
      'BITFIELD q OVERFLOW WRAP SET i8 0 -9223372036854775808 GET i8 0 SET i16 0 9223372036854775807 GET i16 0',
      'BITFIELD q OVERFLOW FAIL SET i8 0 -9223372036854775808 SET u8 0 -9223372036854775808 INCRBY i8 0 -9223372036854775808',
      'BITFIELD q OVERFLOW SAT INCRBY i64 0 9223372036854775807 INCRBY i64 0 9223372036854775807 INCRBY u63 0 -9223372036854775808',
      'GET k',
    ]);
  });

  it('creates or pads the string even when every write fails', async () => {
    await t.run([
      'BITFIELD k OVERFLOW FAIL INCRBY u8 0 300',
      'GET k',
      'SET k ab',
      'BITFIELD k OVERFLOW FAIL SET u8 40 256',
      'GET k',
      'SET k ab EX 100',
      'BITFIELD k SET u8 0 97',
      'TTL k',
    ]);
  });

  it('rejects bad subcommands, types and offsets', async () => {
    await t.run([
      'BITFIELD k GET',
      'BITFIELD k GET u8',
      'BITFIELD k SET u8 0',
      'BITFIELD k FOO u8 0',
      'BITFIELD k OVERFLOW',
      'BITFIELD k OVERFLOW NOPE GET u8 0',
      'BITFIELD k GET u64 0',
      'BITFIELD k GET i65 0',
      'BITFIELD k GET i0 0',
      'BITFIELD k GET x8 0',
      'BITFIELD k GET U8 0',
      'BITFIELD k GET i 0',
      'BITFIELD k GET "i8\\x00x" 0',
      'BITFIELD k GET "" 0',
      'BITFIELD k GET u8 -1',
      'BITFIELD k GET u8 #-1',
      'BITFIELD k GET u8 #',
      'BITFIELD k GET u8 4294967296',
      'BITFIELD k GET u8 4294967295',
      'BITFIELD k GET u8 #536870912',
      'BITFIELD k GET u8 #536870911',
      'BITFIELD k GET u8 #288230376151711744',
      'BITFIELD k GET i64 #144115188075855872',
      'BITFIELD k SET u8 0 x',
      'BITFIELD k INCRBY u8 0 9223372036854775808',
      'BITFIELD k GET u8 0 SET u8 x 1',
      'BITFIELD_RO k SET u8 0 1',
      'BITFIELD_RO k GET u8 0 INCRBY u8 0 1 GET u8 x',
      'BITFIELD_RO k OVERFLOW SAT GET u8 0',
      'LPUSH l x',
      'BITFIELD l GET u8 0',
      'BITFIELD l SET u8 0 1',
      'BITFIELD_RO l GET u8 0',
      'BITFIELD_RO l SET u8 0 1',
      'BITFIELD l',
      'BITFIELD',
      'BITFIELD_RO',
    ]);
  });
});

describe('random bitmap sequences', () => {
  const keys = ['b1', 'b2', 'b3', 'list'];
  const offsets = (rng: Rng) => String(rng.pick([0, 1, 7, 8, 9, 15, 16, 31, 63, 64, 100, rng.int(0, 200)]));
  const index = (rng: Rng) => String(rng.pick([0, 1, 2, -1, -2, -3, 5, 10, 100, -100, rng.int(-30, 30)]));
  const types = ['u1', 'u3', 'u8', 'i8', 'i5', 'u16', 'i16', 'i32', 'u32', 'i64', 'u63', 'i1'];
  const numbers = (rng: Rng) =>
    String(rng.pick([0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 1000, -1000, 65535, 2 ** 31, -(2 ** 31), rng.int(-300, 300)]));
  const gen = (rng: Rng): string[] => {
    const key = rng.pick(keys);
    switch (rng.int(0, 9)) {
      case 0:
        return key === 'list' ? ['RPUSH', key, 'x'] : ['SET', key, rng.pick(['', 'a', 'foobar', '\xff\x00\xf0', '\x00\x00\x00\x01', 'ab'.repeat(20)])];
      case 1:
      case 2:
        return ['SETBIT', key, offsets(rng), String(rng.int(0, 1))];
      case 3:
        return ['GETBIT', key, offsets(rng)];
      case 4:
        return rng.chance(0.3) ? ['BITCOUNT', key] : ['BITCOUNT', key, index(rng), index(rng), ...(rng.chance(0.5) ? [rng.pick(['BIT', 'BYTE'])] : [])];
      case 5: {
        const range = rng.chance(0.3) ? [] : rng.chance(0.3) ? [index(rng)] : [index(rng), index(rng), ...(rng.chance(0.5) ? [rng.pick(['BIT', 'BYTE'])] : [])];
        return ['BITPOS', key, String(rng.int(0, 1)), ...range];
      }
      case 6: {
        const op = rng.pick(['AND', 'OR', 'XOR', 'NOT']);
        const sources = op === 'NOT' ? [rng.pick(keys)] : Array.from({ length: rng.int(1, 3) }, () => rng.pick(keys));
        return ['BITOP', op, rng.pick(keys), ...sources];
      }
      case 7:
      case 8: {
        const args: string[] = [];
        for (let n = rng.int(1, 4); n > 0; n--) {
          if (rng.chance(0.2)) args.push('OVERFLOW', rng.pick(['WRAP', 'SAT', 'FAIL']));
          const type = rng.pick(types);
          const offset = rng.chance(0.2) ? `#${rng.int(0, 5)}` : offsets(rng);
          const op = rng.pick(['GET', 'SET', 'INCRBY']);
          args.push(op, type, offset);
          if (op !== 'GET') args.push(numbers(rng));
        }
        return [rng.chance(0.8) ? 'BITFIELD' : 'BITFIELD_RO', key, ...args];
      }
      default:
        return ['GET', key];
    }
  };

  it('matches Redis, keyspace events included', async () => {
    await t.fuzz({ seed: 7001, sequences: 120, length: 40, gen, events: 'AKEmn' });
  });
});
