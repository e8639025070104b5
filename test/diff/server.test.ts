/**
 * The server group against a real redis-server: TIME, INFO, CONFIG, COMMAND,
 * DBSIZE, FLUSHDB, FLUSHALL, SWAPDB, MONITOR, SLOWLOG, MEMORY USAGE and
 * SHUTDOWN's refusals (a real shutdown is tested in test/server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapReply, SetReply, SimpleString, VerbatimReply, type Reply } from '../../src/engine/reply.js';
import type { RespConnection } from './connection.js';
import connection from '../../src/engine/commands/connection.js';
import server from '../../src/engine/commands/server.js';
import { DiffTarget } from './harness.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t.stop();
});

type Side = 'redis' | 'redlite';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sameOnBoth<T>(scenario: (conn: RespConnection, side: Side) => Promise<T>): Promise<void> {
  const redis = await scenario(t.redis, 'redis');
  const redlite = await scenario(t.redlite, 'redlite');
  expect(redlite).toEqual(redis);
}

async function withPair(test: (pair: Record<Side, RespConnection>) => Promise<void>): Promise<void> {
  const pair = await t.connectPair();
  try {
    await test(pair);
  } finally {
    pair.redis.close();
    pair.redlite.close();
  }
}

/** A reply as plain JSON-able data: maps and sets as arrays, statuses as "+text". */
function plain(r: Reply): unknown {
  if (Array.isArray(r)) return r.map(plain);
  if (r instanceof MapReply) return r.entries.map(plain);
  if (r instanceof SetReply) return r.items.map(plain);
  if (r instanceof SimpleString) return `+${r.value}`;
  if (r instanceof VerbatimReply) return r.text;
  return r;
}

/** INFO text as { section: { field: value } }, redlite's own version line left out. */
function parseInfo(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    if (line.startsWith('# ')) sections[line.slice(2)] = current = {};
    else if (line.includes(':') && !line.startsWith('redlite_version:')) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return sections;
}

async function info(conn: RespConnection, ...sections: string[]) {
  const r = (await conn.command(['INFO', ...sections])).value;
  return parseInfo(typeof r === 'string' ? r : (r as VerbatimReply).text);
}

/** Fields whose values both servers must agree on (the rest vary by process, time or allocator). */
const STABLE_FIELDS = new Set([
  'redis_version', 'redis_git_sha1', 'redis_git_dirty', 'redis_mode', 'arch_bits', 'process_supervised',
  'hz', 'configured_hz', 'config_file', 'io_threads_active', 'connected_clients', 'cluster_connections',
  'maxclients', 'blocked_clients', 'tracking_clients', 'clients_in_timeout_table', 'maxmemory',
  'maxmemory_human', 'maxmemory_policy', 'loading', 'async_loading', 'rdb_bgsave_in_progress',
  'rdb_last_bgsave_status', 'aof_enabled', 'aof_rewrite_in_progress', 'aof_last_write_status',
  'expired_keys', 'evicted_keys', 'keyspace_hits', 'keyspace_misses', 'pubsub_channels',
  'pubsub_patterns', 'pubsubshard_channels', 'total_error_replies', 'role', 'connected_slaves',
  'master_failover_state', 'master_repl_offset', 'second_repl_offset', 'repl_backlog_active',
  'cluster_enabled',
]);

describe('TIME', () => {
  it('gives seconds and microseconds of the current time', async () => {
    await t.run(['TIME', 'TIME extra']);
    const [secs, micros] = (await t.redlite.command(['TIME'])).value as string[];
    expect(Math.abs(Number(secs) - Date.now() / 1000)).toBeLessThan(5);
    expect(Number(micros)).toBeGreaterThanOrEqual(0);
    expect(Number(micros)).toBeLessThan(1e6);
  });
});

describe('INFO', () => {
  it('has the sections and fields of Redis 7.0, in order', async () => {
    for (const args of [[], ['default'], ['all'], ['everything'], ['server'], ['SERVER', 'clients'], ['keyspace', 'cpu'], ['foo'], ['default', 'commandstats']]) {
      await sameOnBoth(async (conn) => {
        const sections = await info(conn, ...args);
        return Object.entries(sections).map(([name, fields]) => [name, Object.keys(fields).filter((f) => !f.startsWith('cmdstat_') && !f.startsWith('errorstat_') && !f.startsWith('db') && !f.startsWith('latency_percentiles'))]);
      });
    }
  });

  it('reports the same values where they are not per-process', async () => {
    await t.run(['CONFIG RESETSTAT', 'SET a 1', 'GET a', 'GET nokey', 'PEXPIRE a 100000', 'SELECT 3', 'SET b 2', 'SELECT 0']);
    await sameOnBoth(async (conn) => {
      const sections = await info(conn, 'everything');
      const stable: Record<string, string> = {};
      for (const fields of Object.values(sections)) for (const [k, v] of Object.entries(fields)) if (STABLE_FIELDS.has(k)) stable[k] = v;
      return stable;
    });
  });

  it('counts commands, rejections, failures and errors', async () => {
    await t.run(['CONFIG RESETSTAT', 'SET a 1', 'GET a', 'INCR a', 'SET a x', 'INCR a', 'NOSUCHCMD', 'GET', 'XADD', 'PING', 'CONFIG GET maxmemory']);
    await sameOnBoth(async (conn) => {
      const { Commandstats, Errorstats } = await info(conn, 'commandstats', 'errorstats');
      const stats = Object.entries(Commandstats).map(([k, v]) => [k, v.replace(/usec=\d+,usec_per_call=[\d.]+,/, '')]);
      return { stats: stats.sort(), errors: Errorstats };
    });
  });

  it('lists the keyspace per database', async () => {
    await t.run(['SET a 1', 'SET b 2 EX 1000', 'SELECT 5', 'SET c 3', 'SELECT 0']);
    await sameOnBoth(async (conn) => {
      const { Keyspace } = await info(conn, 'keyspace');
      return Object.fromEntries(Object.entries(Keyspace).map(([db, v]) => [db, v.replace(/avg_ttl=\d+/, 'avg_ttl')]));
    });
  });
});

describe('CONFIG', () => {
  it('GET and SET settings, several at once, as Redis checks them', async () => {
    await t.run([
      'CONFIG GET maxmemory',
      'CONFIG GET MAXMEMORY',
      'CONFIG GET maxmemory MAXMEMORY maxmemory-policy',
      'CONFIG GET hash-max-*',
      'CONFIG GET *max-*-entries*',
      'CONFIG GET nosuch',
      'CONFIG GET',
      'CONFIG SET maxmemory 10mb',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 1gb hz 20',
      'CONFIG GET maxmemory hz',
      'CONFIG SET maxmemory 1k hz x',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 1 maxmemory 2',
      'CONFIG SET maxmemory 1 MAXMEMORY 2',
      'CONFIG SET nosuch 1',
      'CONFIG SET hz abc nosuch 1',
      'CONFIG SET databases 3',
      'CONFIG SET maxmemory',
      'CONFIG SET maxmemory 1 hz',
      'CONFIG SET maxmemory -1',
      'CONFIG SET maxmemory abc',
      'CONFIG SET hz -1',
      'CONFIG SET hz 1000',
      'CONFIG GET hz',
      'CONFIG SET hz 0',
      'CONFIG GET hz',
      'CONFIG SET hz 010',
      'CONFIG SET hz 10',
      'CONFIG SET maxmemory-policy ALLKEYS-LRU',
      'CONFIG GET maxmemory-policy',
      'CONFIG SET maxmemory-policy nope',
      'CONFIG SET appendfsync sometimes',
      'CONFIG SET lazyfree-lazy-user-del YES',
      'CONFIG SET lazyfree-lazy-user-del maybe',
      'CONFIG GET lazyfree-lazy-user-del',
      'CONFIG SET lazyfree-lazy-user-del no',
      'CONFIG SET hash-max-ziplist-entries 64',
      'CONFIG GET hash-max-listpack-entries',
      'CONFIG SET hash-max-listpack-entries 512',
      'CONFIG SET hash-max-listpack-value 1kb',
      'CONFIG GET hash-max-listpack-value',
      'CONFIG SET hash-max-listpack-value 64',
      'CONFIG SET list-max-listpack-size -3',
      'CONFIG GET list-max-ziplist-size',
      'CONFIG SET list-max-listpack-size -2',
      'CONFIG SET notify-keyspace-events KEA',
      'CONFIG GET notify-keyspace-events',
      'CONFIG SET notify-keyspace-events Kx$',
      'CONFIG GET notify-keyspace-events',
      'CONFIG SET notify-keyspace-events Q',
      'CONFIG SET notify-keyspace-events ""',
      'CONFIG SET save "100 10 60 1000"',
      'CONFIG GET save',
      'CONFIG SET save "100"',
      'CONFIG SET save "0 10"',
      'CONFIG SET save ""',
      'CONFIG SET maxmemory 0',
      'CONFIG SET proto-max-bulk-len 100',
      'CONFIG SET slowlog-log-slower-than -2',
      'CONFIG SET maxmemory-policy noeviction',
      'CONFIG REWRITE',
      'CONFIG RESETSTAT',
      'CONFIG RESETSTAT extra',
      'CONFIG HELP',
      'CONFIG',
      'CONFIG FOO',
    ]);
  });

  it('has the defaults of a redis-server started without a config file', async () => {
    const names = [
      'databases', 'hz', 'maxmemory', 'maxmemory-policy', 'maxclients', 'timeout', 'tcp-keepalive',
      'proto-max-bulk-len', 'client-query-buffer-limit', 'busy-reply-threshold', 'lua-time-limit',
      'hash-max-listpack-entries', 'hash-max-listpack-value', 'set-max-intset-entries',
      'zset-max-listpack-entries', 'zset-max-listpack-value', 'list-max-listpack-size',
      'list-compress-depth', 'stream-node-max-bytes', 'stream-node-max-entries', 'lazyfree-lazy-user-del',
      'lazyfree-lazy-user-flush', 'lfu-log-factor', 'lfu-decay-time', 'slowlog-log-slower-than',
      'slowlog-max-len', 'latency-tracking', 'activedefrag', 'appendonly', 'appendfsync', 'save',
      'dbfilename', 'loglevel', 'notify-keyspace-events', 'requirepass',
    ];
    await t.run(names.map((n) => ['CONFIG', 'GET', n]));
  });
});

describe('COMMAND', () => {
  /** COMMAND INFO of every command in our table, from one server, as plain data. */
  async function infos(conn: RespConnection, names: string[]): Promise<unknown[][]> {
    return plain((await conn.command(['COMMAND', 'INFO', ...names])).value) as unknown[][];
  }
  const ourNames = () => [...t.engine.commands.keys()];
  /** The commands this suite owns (connection.ts, server.ts), whose declarations carry tips. */
  const ourGroupNames = () => [...Object.keys(connection.commands), ...Object.keys(server.commands)];

  /** Runs a check on each command (and subcommand) we have, paired with Redis's COMMAND INFO of it. */
  async function eachCommand(names: string[], field: (info: unknown[]) => unknown, applies = (_redisInfo: unknown[]) => true): Promise<void> {
    const [redis, redlite] = await Promise.all([infos(t.redis, names), infos(t.redlite, names)]);
    const differ: unknown[] = [];
    const compare = (r: unknown[], l: unknown[]) => {
      if (applies(r) && JSON.stringify(field(r)) !== JSON.stringify(field(l))) differ.push({ name: l[0], redis: field(r), redlite: field(l) });
      const theirs = new Map((r[9] as unknown[][]).map((sub) => [sub[0], sub]));
      for (const sub of l[9] as unknown[][]) compare(theirs.get(sub[0]) ?? [], sub);
    };
    names.forEach((_, i) => compare(redis[i], redlite[i]));
    expect(differ).toEqual([]);
  }

  it('COMMAND INFO: name, arity, flags, key positions and ACL categories of every command we have', () =>
    eachCommand(ourNames(), (info) => info.slice(0, 7)));

  it('COMMAND INFO: tips of the connection and server commands', () => eachCommand(ourGroupNames(), (info) => info[7]));

  it('COMMAND INFO: key specs where Redis has one range spec, flags aside', () =>
    eachCommand(
      ourNames().filter((n) => !t.engine.commands.get(n)!.getKeys),
      (info) => {
        const spec = (info[8] as unknown[][])[0] ?? [];
        return ['begin_search', 'find_keys'].map((k) => spec[spec.indexOf(k) + 1]);
      },
      (redisInfo) => (redisInfo[8] as unknown[] | undefined)?.length === 1,
    ));

  it('COMMAND INFO of unknown names and subcommands', async () => {
    await t.run(['COMMAND INFO nosuch', 'COMMAND INFO get|x', 'COMMAND INFO CLIENT|ID nosuch', 'COMMAND INFO ping get']);
  });

  it('COUNT, LIST and their filters agree with the table', async () => {
    const count = (await t.redlite.command(['COMMAND', 'COUNT'])).value;
    expect(count).toBe(t.engine.commands.size);
    const list = async (conn: RespConnection, ...filter: string[]) =>
      new Set((await conn.command(['COMMAND', 'LIST', ...filter])).value as string[]);
    const ours = await list(t.redlite);
    expect([...ours].filter((n) => !n.includes('|')).length).toBe(t.engine.commands.size);
    // Every command we list, Redis lists too, under the same filters.
    for (const filter of [[], ['FILTERBY', 'PATTERN', 'c*'], ['FILTERBY', 'ACLCAT', 'connection'], ['FILTERBY', 'ACLCAT', 'KEYSPACE'], ['FILTERBY', 'ACLCAT', 'dangerous']]) {
      const [theirs, mine] = [await list(t.redis, ...filter), await list(t.redlite, ...filter)];
      expect([...mine].filter((n) => !theirs.has(n))).toEqual([]);
      expect([...theirs].filter((n) => ours.has(n) && !mine.has(n))).toEqual([]);
    }
    await t.run([
      'COMMAND LIST FILTERBY MODULE nosuch',
      'COMMAND LIST FILTERBY ACLCAT nosuch',
      'COMMAND LIST FILTERBY PATTERN nosuch*',
      'COMMAND LIST FILTERBY',
      'COMMAND LIST FILTERBY FOO bar',
      'COMMAND LIST FOO',
      'COMMAND COUNT extra',
      'COMMAND HELP',
      'COMMAND FOO',
    ]);
  });

  it('GETKEYS and GETKEYSANDFLAGS', async () => {
    await t.run([
      'COMMAND GETKEYS get k',
      'COMMAND GETKEYS set k v',
      'COMMAND GETKEYS mget a b c',
      'COMMAND GETKEYS mset a 1 b 2',
      'COMMAND GETKEYS del a b',
      'COMMAND GETKEYS memory usage k',
      'COMMAND GETKEYS MEMORY USAGE k SAMPLES 5',
      'COMMAND GETKEYS xread STREAMS a b 0 0',
      'COMMAND GETKEYS get',
      'COMMAND GETKEYS nosuch a',
      'COMMAND GETKEYS ping x',
      'COMMAND GETKEYS client kill x',
      'COMMAND GETKEYS config get x',
      'COMMAND GETKEYS get a b',
      'COMMAND GETKEYS set a',
      'COMMAND GETKEYSANDFLAGS get k',
      'COMMAND GETKEYSANDFLAGS nosuch a',
    ]);
  });

  /** COMMAND DOCS as { name: { field: value } }. */
  async function docs(conn: RespConnection, names: string[]): Promise<Record<string, Record<string, unknown>>> {
    const flat = plain((await conn.command(['COMMAND', 'DOCS', ...names])).value) as unknown[];
    const out: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < flat.length; i += 2) {
      const fields = flat[i + 1] as unknown[];
      const doc: Record<string, unknown> = {};
      for (let j = 0; j < fields.length; j += 2) doc[fields[j] as string] = fields[j + 1];
      out[flat[i] as string] = doc;
    }
    return out;
  }

  it('DOCS: summary, since, group and complexity of every command we have', async () => {
    const names = ourNames();
    const [redis, redlite] = await Promise.all([docs(t.redis, names), docs(t.redlite, names)]);
    expect(Object.keys(redlite).sort()).toEqual([...names].sort());
    const differ: unknown[] = [];
    const compare = (r: Record<string, unknown>, l: Record<string, unknown>, name: string) => {
      const fields = (d: Record<string, unknown>) => [d.summary, d.since, d.group, d.complexity];
      if (JSON.stringify(fields(r)) !== JSON.stringify(fields(l))) differ.push({ name, redis: fields(r), redlite: fields(l) });
      const subs = (d: Record<string, unknown>) => {
        const flat = (d.subcommands ?? []) as unknown[];
        const m = new Map<string, Record<string, unknown>>();
        for (let i = 0; i < flat.length; i += 2) {
          const f = flat[i + 1] as unknown[];
          const doc: Record<string, unknown> = {};
          for (let j = 0; j < f.length; j += 2) doc[f[j] as string] = f[j + 1];
          m.set(flat[i] as string, doc);
        }
        return m;
      };
      const theirs = subs(r);
      for (const [sub, doc] of subs(l)) compare(theirs.get(sub) ?? {}, doc, sub);
    };
    for (const n of names) compare(redis[n], redlite[n], n);
    expect(differ).toEqual([]);
    await t.run(['COMMAND DOCS nosuch', 'COMMAND DOCS nosuch GET|x']);
  });

  it('DOCS: the tokens and value names of the arguments are those of Redis', async () => {
    /** Every token, and the name of every value, in an argument tree. */
    const words = (args: unknown, out = { tokens: [] as string[], values: [] as string[] }) => {
      for (const a of (args ?? []) as unknown[][]) {
        const m: Record<string, unknown> = {};
        for (let j = 0; j < a.length; j += 2) m[a[j] as string] = a[j + 1];
        if (m.token !== undefined) out.tokens.push(m.token as string);
        if (m.arguments) words(m.arguments, out);
        else if (m.type !== 'pure-token') out.values.push(`${m.name}`);
      }
      return { tokens: out.tokens.sort(), values: out.values.sort() };
    };
    const names = ourGroupNames().flatMap((n) => {
      const cmd = t.engine.commands.get(n)!;
      return cmd.subcommands ? [...cmd.subcommands.keys()].map((s) => `${n}|${s}`) : [n];
    });
    const [redis, redlite] = await Promise.all([docs(t.redis, names), docs(t.redlite, names)]);
    const differ = names.filter((n) => JSON.stringify(words(redis[n]?.arguments)) !== JSON.stringify(words(redlite[n]?.arguments)));
    expect(differ.map((n) => ({ n, redis: words(redis[n]?.arguments), redlite: words(redlite[n]?.arguments) }))).toEqual([]);
  });
});

describe('DBSIZE, FLUSHDB, FLUSHALL, SWAPDB', () => {
  it('count and clear keys, per database and for all', async () => {
    await t.run([
      'DBSIZE',
      'SET a 1',
      'SET b 2',
      'DBSIZE',
      'DBSIZE extra',
      'SELECT 1',
      'SET c 3',
      'DBSIZE',
      'FLUSHDB',
      'DBSIZE',
      'SELECT 0',
      'DBSIZE',
      'FLUSHDB ASYNC',
      'DBSIZE',
      'SET a 1',
      'FLUSHDB sync',
      'FLUSHDB bogus',
      'FLUSHDB sync extra',
      'SET a 1',
      'SELECT 2',
      'SET b 1',
      'FLUSHALL SYNC',
      'DBSIZE',
      'SELECT 0',
      'DBSIZE',
      'FLUSHALL async',
      'FLUSHALL a b',
      'FLUSHALL bogus',
      'SELECT 0',
    ]);
  });

  it('SWAPDB exchanges two databases for every client', async () => {
    await t.run([
      'SET a db0',
      'SELECT 1',
      'SET b db1',
      'SWAPDB 0 1',
      'GET a',
      'GET b',
      'SELECT 0',
      'GET a',
      'GET b',
      'SWAPDB 0 0',
      'SWAPDB 0 16',
      'SWAPDB -1 0',
      'SWAPDB a 0',
      'SWAPDB 0 b',
      'SWAPDB 0',
      'SWAPDB 1 0',
      'GET a',
    ]);
  });

  it('SWAPDB makes a transaction watching a swapped key fail', () =>
    withPair((pair) =>
      sameOnBoth(async (conn, side) => {
        const watcher = pair[side];
        const out: string[] = [];
        for (const line of ['FLUSHALL', 'SELECT 1', 'SET w 1', 'SELECT 0']) await conn.command(line.split(' '));
        for (const line of ['WATCH w', 'MULTI', 'GET w']) out.push((await watcher.command(line.split(' '))).raw);
        out.push((await conn.command(['SWAPDB', '0', '1'])).raw);
        out.push((await watcher.command(['EXEC'])).raw);
        return out;
      }),
    ));

  it('SWAPDB serves a client blocked on a key the swap brings in', () =>
    withPair((pair) =>
      sameOnBoth(async (conn, side) => {
        const blocked = pair[side];
        await conn.command(['FLUSHALL']);
        await conn.command(['SELECT', '1']);
        await conn.command(['XADD', 's', '1-1', 'f', 'v']);
        await conn.command(['SELECT', '0']);
        blocked.write(['XREAD', 'BLOCK', '0', 'STREAMS', 's', '0']);
        await sleep(50);
        const out = [(await conn.command(['SWAPDB', '0', '1'])).raw, (await blocked.read()).raw];
        await conn.command(['FLUSHALL']);
        return out;
      }),
    ));
});

describe('MONITOR', () => {
  it('streams the commands of every client, quoted, without admin commands', () =>
    withPair((pair) =>
      sameOnBoth(async (conn, side) => {
        const monitor = pair[side];
        const out = [(await monitor.command(['MONITOR'])).raw];
        monitor.write(['MONITOR']);
        for (const argv of [['SET', 'k', 'a "q"\n\x00\xff'], ['select', '2'], ['CONFIG', 'GET', 'hz'], ['GET', 'k'], ['AUTH', 'secret'], ['SELECT', '0'], ['nosuch']]) {
          await conn.command(argv);
        }
        await sleep(50);
        const lines: string[] = [];
        for (;;) {
          const next = await monitor.read(200).catch(() => null);
          if (!next) break;
          lines.push(next.raw.replace(/^\+\d+\.\d{6} \[(\d+) [^\]]+\]/, '+time [$1 addr]'));
        }
        return [...out, ...lines];
      }),
    ));
});

describe('SLOWLOG', () => {
  it('logs commands slower than the threshold, newest first, trimmed', async () => {
    const entries = async (conn: RespConnection, ...args: string[]) => {
      const list = (await conn.command(['SLOWLOG', 'GET', ...args])).value as Reply[][];
      return list.map(([, , , argv, , name]) => [argv, name]);
    };
    await sameOnBoth(async (conn) => {
      const out: unknown[] = [];
      for (const line of ['CONFIG SET slowlog-log-slower-than 0', 'SLOWLOG RESET', 'CLIENT SETNAME slow-client']) await conn.command(line.split(' '));
      await conn.command(['SET', 'long', 'x'.repeat(200)]);
      await conn.command(['MGET', ...Array.from({ length: 40 }, (_, i) => `k${i}`)]);
      await conn.command(['AUTH', 'secret']);
      await conn.command(['PING']);
      out.push(await entries(conn), await entries(conn, '2'), await entries(conn, '-1'));
      out.push((await conn.command(['SLOWLOG', 'LEN'])).raw);
      await conn.command(['CONFIG', 'SET', 'slowlog-max-len', '2']);
      await conn.command(['PING']);
      out.push((await conn.command(['SLOWLOG', 'LEN'])).raw);
      for (const line of ['CONFIG SET slowlog-log-slower-than -1', 'SLOWLOG RESET', 'PING', 'SLOWLOG LEN']) out.push((await conn.command(line.split(' '))).raw);
      for (const line of ['CONFIG SET slowlog-log-slower-than 10000', 'CONFIG SET slowlog-max-len 128']) await conn.command(line.split(' '));
      await conn.command(['CLIENT', 'SETNAME', '']);
      return out;
    });
    await t.run(['SLOWLOG GET -2', 'SLOWLOG GET abc', 'SLOWLOG GET 1 2', 'SLOWLOG LEN x', 'SLOWLOG HELP', 'SLOWLOG', 'SLOWLOG FOO']);
  });

  it('entries carry id, time, duration, address and name', async () => {
    await t.redlite.command(['CONFIG', 'SET', 'slowlog-log-slower-than', '0']);
    await t.redlite.command(['SLOWLOG', 'RESET']);
    await t.redlite.command(['ECHO', 'x']);
    const [[id, time, duration, argv, addr, name]] = (await t.redlite.command(['SLOWLOG', 'GET', '1'])).value as Reply[][];
    await t.redlite.command(['CONFIG', 'SET', 'slowlog-log-slower-than', '10000']);
    expect(typeof id).toBe('number');
    expect(Math.abs((time as number) - Date.now() / 1000)).toBeLessThan(5);
    expect(duration).toBeGreaterThanOrEqual(0);
    expect(argv).toEqual(['ECHO', 'x']);
    expect(addr).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(name).toBe('');
  });
});

describe('MEMORY', () => {
  it('USAGE estimates strings exactly as Redis lays them out', async () => {
    await t.run([
      'SET k v',
      'MEMORY USAGE k',
      'SET k 12345',
      'MEMORY USAGE k',
      'SET k -9223372036854775808',
      'MEMORY USAGE k',
      `SET k ${'a'.repeat(44)}`,
      'MEMORY USAGE k',
      `SET k ${'a'.repeat(45)}`,
      'MEMORY USAGE k',
      `SET k ${'a'.repeat(1000)}`,
      'MEMORY USAGE k',
      `SET ${'k'.repeat(40)} v`,
      `MEMORY USAGE ${'k'.repeat(40)}`,
      'MEMORY USAGE nokey',
      'MEMORY USAGE k SAMPLES 0',
      'MEMORY USAGE k SAMPLES 10',
      'MEMORY USAGE k SAMPLES -1',
      'MEMORY USAGE k SAMPLES x',
      'MEMORY USAGE k SAMPLES',
      'MEMORY USAGE k FOO 1',
      'MEMORY USAGE',
      'MEMORY HELP',
      'MEMORY FOO',
    ]);
  });

  it('USAGE of a collection is a plausible size', async () => {
    await t.redlite.command(['XADD', 'stream', '*', 'f', 'v']);
    const size = (await t.redlite.command(['MEMORY', 'USAGE', 'stream'])).value as number;
    expect(size).toBeGreaterThan(40);
    expect(size).toBeLessThan(10000);
  });
});

describe('SHUTDOWN', () => {
  it('refuses bad options as Redis does', async () => {
    await t.run(['SHUTDOWN foo', 'SHUTDOWN ABORT', 'SHUTDOWN save nosave', 'SHUTDOWN abort now', 'MULTI', 'SHUTDOWN', 'DISCARD']);
  });
});
