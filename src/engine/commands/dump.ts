/**
 * DUMP and RESTORE (Redis's cluster.c): a key's value as an RDB payload, and
 * a key rebuilt from one.
 */
import { group } from '../command.js';
import { toInt } from '../number.js';
import { Err, ErrorReply, OK } from '../reply.js';
import { RdbError } from '../../persistence/rdb/bytes.js';
import { loadLimits } from '../../persistence/rdb/limits.js';
import { dumpPayload, payloadIsValid, readPayload } from '../../persistence/rdb/payload.js';
import type { Value } from '../db.js';

export default group('generic', {
  dump: {
    arity: 2,
    flags: 'readonly',
    keys: [1, 1, 1],
    tips: 'nondeterministic_output',
    summary: 'Return a serialized version of the value stored at the specified key.',
    since: '2.6.0',
    reply: 'string | null',
    complexity:
      'O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).',
    syntax: 'key',
    run(client, argv) {
      const value = client.db.get(argv[1]);
      return value === undefined ? null : dumpPayload(value);
    },
  },
  restore: {
    arity: -4,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    acl: 'dangerous',
    summary: 'Create a key using the provided serialized value, previously obtained using DUMP.',
    since: '2.6.0',
    reply: "'OK'",
    complexity:
      'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).',
    syntax: 'key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]',
    run(client, argv) {
      const { db, engine } = client;
      const key = argv[1];
      let replace = false;
      let absTtl = false;
      let idle = -1;
      let freq = -1;
      for (let j = 4; j < argv.length; j++) {
        const opt = argv[j].toLowerCase();
        const more = j + 1 < argv.length;
        if (opt === 'replace') replace = true;
        else if (opt === 'absttl') absTtl = true;
        else if (opt === 'idletime' && more && freq === -1) {
          idle = toInt(argv[++j]);
          if (idle < 0) throw new ErrorReply('ERR Invalid IDLETIME value, must be >= 0');
        } else if (opt === 'freq' && more && idle === -1) {
          freq = toInt(argv[++j]);
          if (freq < 0 || freq > 255) throw new ErrorReply('ERR Invalid FREQ value, must be >= 0 and <= 255');
        } else throw Err.syntax();
      }
      if (!replace && db.has(key)) throw new ErrorReply('BUSYKEY Target key name already exists.');
      let ttl = toInt(argv[2]);
      if (ttl < 0) throw new ErrorReply('ERR Invalid TTL value, must be >= 0');
      if (!payloadIsValid(argv[3])) throw new ErrorReply('ERR DUMP payload version or checksum are wrong');
      let value: Value;
      try {
        value = readPayload(argv[3], loadLimits(engine.config));
      } catch (e) {
        if (e instanceof RdbError) throw new ErrorReply('ERR Bad data format');
        throw e;
      }
      const deleted = replace && db.delete(key);
      if (ttl !== 0 && !absTtl) ttl += engine.time;
      if (ttl !== 0 && ttl <= engine.time) {
        // Already expired: the key is not created; a replaced one is gone.
        if (deleted) {
          engine.rewriteEffects(['DEL', key]);
          engine.notify('del', 'g', key, db.id);
        } else {
          engine.rewriteEffects();
        }
        return OK;
      }
      db.set(key, value);
      if (ttl !== 0) {
        db.setExpire(key, ttl);
        if (!absTtl) engine.rewriteEffects([argv[0], key, String(ttl), ...argv.slice(3), 'ABSTTL']);
      }
      // FREQ only matters under an LFU maxmemory-policy, which redlite does not have.
      if (idle !== -1) db.data.get(key)!.lru = engine.lruClock - idle;
      engine.notify('restore', 'g', key, db.id);
      return OK;
    },
  },
});
