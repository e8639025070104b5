/**
 * Keyspace notifications against a real redis-server: the harness subscribes
 * a second connection to `__key*__:*` on both servers and, after every
 * command, compares the events each received, in order. Commands of every
 * type that exists; each group's own tests cover its commands in more depth.
 *
 * Expiry needs time to pass: `BLPOP nokey <s>` waits on both servers, long
 * enough for their active expiry cycles (10 per second) to run.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DiffTarget } from './harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

const WAIT = 'BLPOP nokey 0.2';

describe('keyspace notifications', () => {
  it('strings', async () => {
    await t.run(
      [
        'SET k v',
        'SET k v2 KEEPTTL',
        'SET k v XX',
        'SET k v NX',
        'SET n 10 EX 100',
        'SETNX k x',
        'SETNX k2 x',
        'SETEX e 100 v',
        'PSETEX e 100000 v',
        'GETSET k v3',
        'GETDEL k2',
        'GETDEL missing',
        'GETEX n PERSIST',
        'GETEX n EX 100',
        'GETEX n PXAT 1',
        'MSET a 1 b 2',
        'MSETNX a 1 c 3',
        'MSETNX c 3 d 4',
        'APPEND a xyz',
        'APPEND new xyz',
        'SETRANGE a 1 QQ',
        'SETRANGE a 1 ""',
        'INCR cnt',
        'DECR cnt',
        'INCRBY cnt 5',
        'DECRBY cnt 2',
        'INCRBYFLOAT cnt 1.5',
        'INCR k',
        'GET k',
        'STRLEN k',
        'SET k v GET',
      ],
      { events: 'KEA' },
    );
  });

  it('generic key commands', async () => {
    await t.run(
      [
        'SET a 1',
        'SET b 2',
        'DEL a missing',
        'UNLINK b',
        'SET a 1',
        'EXPIRE a 100',
        'PEXPIRE a 100000',
        'EXPIREAT a 99999999999',
        'PERSIST a',
        'PERSIST a',
        'EXPIRE a 0',
        'SET a 1',
        'EXPIRE a -5',
        'SET a 1',
        'RENAME a b',
        'RENAME b b',
        'RENAMENX b c',
        'SET a 1',
        'RENAMENX a c',
        'COPY c d',
        'COPY c d REPLACE',
        'MOVE d 1',
        'SELECT 1',
        'SET z 1',
        'DEL z',
        'MOVE d 0',
        'SELECT 0',
        'TOUCH c missing',
        'TYPE c',
        'EXISTS c missing',
      ],
      { events: 'KEA' },
    );
  });

  it('bitmaps and HyperLogLogs', async () => {
    await t.run(
      [
        'SETBIT b 7 1',
        'SETBIT b 7 1',
        'SETBIT b 100 0',
        'BITOP NOT d b',
        'BITOP AND d missing',
        'BITOP AND d missing',
        'BITFIELD f SET u8 0 1',
        'BITFIELD f SET u8 0 1',
        'BITFIELD f GET u8 0',
        'BITFIELD f OVERFLOW FAIL INCRBY u8 100 300',
        'PFADD h a b',
        'PFADD h a',
        'PFADD h',
        'PFCOUNT h',
        'PFMERGE h2 h',
        'PFMERGE h2',
      ],
      { events: 'KEA' },
    );
  });

  it('lists', async () => {
    await t.run(
      [
        'LPUSH l a b',
        'RPUSH l c d e',
        'LPUSHX l x',
        'LPUSHX missing x',
        'RPUSHX l y',
        'LPOP l',
        'RPOP l 2',
        'LINSERT l BEFORE c q',
        'LINSERT l BEFORE nope q',
        'LSET l 0 z',
        'LREM l 0 q',
        'LREM l 0 nope',
        'LTRIM l 0 1',
        'LTRIM l 0 -1',
        'RPOPLPUSH l l2',
        'LMOVE l2 l LEFT RIGHT',
        'LMOVE l l RIGHT LEFT',
        'LMPOP 2 missing l LEFT COUNT 10',
        'RPUSH l a b c',
        'LTRIM l 5 10',
        'RPUSH l a',
        'RPOPLPUSH l l',
        'BLPOP l 0.01',
        'BLPOP missing 0.01',
      ],
      { events: 'KEA' },
    );
  });

  it('hashes', async () => {
    await t.run(
      [
        'HSET h a 1 b 2',
        'HSET h a 1',
        'HSETNX h a 2',
        'HSETNX h c 3',
        'HMSET h d 4',
        'HINCRBY h a 5',
        'HINCRBYFLOAT h a 1.5',
        'HDEL h a nope',
        'HDEL h nope',
        'HDEL h b c d',
        'HGET h a',
        'HGET missing a',
      ],
      { events: 'KEA' },
    );
  });

  it('sets', async () => {
    await t.run(
      [
        'SADD s a b c',
        'SADD s a',
        'SREM s a nope',
        'SREM s nope',
        'SMOVE s s2 b',
        'SMOVE s s2 nope',
        'SMOVE s s2 c',
        'SADD s x y',
        'SINTERSTORE d s s2',
        'SUNIONSTORE d s s2',
        'SDIFFSTORE d s s',
        'SINTERSTORE s2 missing',
        'SPOP s',
        'SPOP s 5',
        'SADD t 1 2 3',
        'SPOP t 0',
      ],
      { events: 'KEA' },
    );
  });

  it('streams', async () => {
    await t.run(
      [
        'XADD st 1-1 f v',
        'XADD st 2-1 f v',
        'XADD st NOMKSTREAM 3-1 f v',
        'XADD missing NOMKSTREAM 3-1 f v',
        'XDEL st 1-1',
        'XDEL st 9-9',
        'XTRIM st MAXLEN 5',
        'XTRIM st MAXLEN 0',
        'XADD st 5-1 f v',
        'XGROUP CREATE st g $',
        'XGROUP CREATE st2 g $ MKSTREAM',
        'XGROUP CREATECONSUMER st g alice',
        'XGROUP CREATECONSUMER st g alice',
        'XADD st 6-1 f v',
        'XREADGROUP GROUP g bob COUNT 1 STREAMS st >',
        'XACK st g 6-1',
        'XCLAIM st g carol 0 6-1',
        'XAUTOCLAIM st g dave 0 0',
        'XGROUP SETID st g 0',
        'XGROUP DELCONSUMER st g alice',
        'XGROUP DESTROY st g',
        'XSETID st 9-9',
      ],
      { events: 'KEA' },
    );
  });

  it('collections under generic commands', async () => {
    await t.run(
      ['RPUSH l a', 'HSET h f v', 'SADD s m', 'RENAME l l2', 'COPY h h2', 'MOVE s 1', 'EXPIRE h 100', 'DEL h h2 l2', 'SELECT 1', 'SADD s m2', 'SREM s m m2', 'SELECT 0'],
      { events: 'KEA' },
    );
  });

  it('key misses and new keys (the classes outside A)', async () => {
    await t.run(
      [
        'GET missing',
        'SET k v',
        'SET k v2',
        'GET k',
        'MGET k missing other',
        'GETBIT missing 0',
        'BITCOUNT missing',
        'BITPOS missing 1',
        'BITFIELD_RO missing GET u8 0',
        'BITOP OR d missing k',
        'PFCOUNT missing',
        'PFCOUNT missing k2',
        'PFMERGE d2 missing',
        'SETBIT b 1 1',
        'PFADD h a',
        'EXISTS missing',
        'TYPE missing',
        'TTL missing',
        'STRLEN missing',
      ],
      { events: 'KEmn' },
    );
  });

  it('expiry, then the writes and reads that find the key gone', async () => {
    await t.run(
      [
        'SET gone v PX 50',
        WAIT,
        'GET gone',
        'SET k v PX 30',
        WAIT,
        'SET k v2',
        'SET k v PX 30',
        WAIT,
        'SETBIT k 0 1',
        'SET k v PX 30',
        WAIT,
        'PFADD k a',
        'RPUSH l a',
        'PEXPIRE l 30',
        WAIT,
        'LLEN l',
      ],
      { events: 'AKEmn' },
    );
  });

  it('each class on its own', async () => {
    const sequence = ['SET s v', 'SETBIT s 1 1', 'RPUSH l a', 'HSET h f v', 'SADD z m', 'XADD x 1-1 f v', 'DEL s l h z x', 'SET e v PX 20', WAIT, 'GET missing', 'SET n 1', 'EXPIRE n 100', 'PFADD h x'];
    for (const flags of ['K$', 'E$', 'Kg', 'Eg', 'Kl', 'Eh', 'Ks', 'Et', 'KEx', 'Em', 'En', 'Ed', 'g$', 'KEA', 'AKEnm', 'Ag', 'KE']) {
      await t.run(sequence, { events: flags });
    }
  });
});
