/**
 * The server group: introspection (INFO, COMMAND, CONFIG, SLOWLOG, MEMORY,
 * TIME), whole-database operations (DBSIZE, FLUSHDB, FLUSHALL, SWAPDB),
 * MONITOR and SHUTDOWN.
 */
import type { BlockedState } from '../blocking.js';
import type { Client } from '../client.js';
import { group } from '../command.js';
import { startMonitor } from '../command-log.js';
import {
  commandByName,
  commandDocs,
  commandGetKeys,
  commandInfo,
  commandList,
  helpReply,
  subcommandSyntaxError,
} from '../command-docs.js';
import { findSetting } from '../config.js';
import type { Db } from '../db.js';
import { globMatch } from '../glob.js';
import { infoText, resetStats } from '../info.js';
import { memoryUsage } from '../memory.js';
import { parseInt64, toInt } from '../number.js';
import { Err, ErrorReply, MapReply, OK, VerbatimReply, type Reply } from '../reply.js';

const PATTERN_CHARS = /[*?[]/;

/** An integer argument of at least `min`, else the given error (Redis's getRangeLongFromObjectOrReply). */
function intAtLeast(s: string, min: number, message: string): number {
  const n = parseInt64(s);
  if (n === null || n < BigInt(min)) throw new ErrorReply(`ERR ${message}`);
  return Number(n);
}

/** FLUSHDB / FLUSHALL take SYNC or ASYNC, or nothing: both flush at once here. */
function checkFlushMode(argv: string[]): void {
  if (argv.length === 1) return;
  const mode = argv[1].toLowerCase();
  if (argv.length > 2 || (mode !== 'sync' && mode !== 'async')) throw Err.syntax();
}

function flushDb(client: Client, db: Db): void {
  db.clear();
  client.engine.dirty++;
}

/**
 * SWAPDB: clients watching a key that exists on either side see their
 * transaction fail; clients blocked on a key that now exists are served.
 */
function swapDbs(client: Client, a: Db, b: Db): void {
  const engine = client.engine;
  for (const [db, other] of [[a, b], [b, a]]) {
    for (const [key, watchers] of db.watchers) {
      if (db.data.has(key) || other.data.has(key)) for (const c of watchers) c.dirtyCas = true;
    }
  }
  a.swapContents(b);
  for (const blocked of engine.blocking.clients()) {
    const state = blocked.blocked as BlockedState;
    if (state.db !== a && state.db !== b) continue;
    for (const key of state.keys) if (state.db.data.has(key)) engine.blocking.signal(state.db, key);
  }
  engine.dirty++;
}

const CONFIG_HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

const COMMAND_HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

const SLOWLOG_HELP = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

const MEMORY_HELP = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

/** MEMORY USAGE samples this many elements of a collection unless told otherwise. */
const DEFAULT_SAMPLES = 5;

export default group('server', {
  time: {
    arity: 1,
    flags: 'loading stale fast',
    tips: 'nondeterministic_output',
    summary: 'Return the current server time',
    since: '2.6.0',
    reply: '[string, string]',
    complexity: 'O(1)',
    run(client) {
      const ms = client.engine.time;
      const secs = Math.floor(ms / 1000);
      return [String(secs), String((ms - secs * 1000) * 1000)];
    },
  },

  info: {
    arity: -1,
    flags: 'loading stale',
    acl: 'dangerous',
    tips: 'nondeterministic_output request_policy:all_shards response_policy:special',
    summary: 'Get information and statistics about the server',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: '[section [section ...]]',
    run: (client, argv) => new VerbatimReply(infoText(client.engine, argv.slice(1))),
  },

  config: {
    arity: -2,
    summary: 'A container for server configuration commands',
    since: '2.0.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      get: {
        arity: -3,
        flags: 'admin noscript loading stale',
        summary: 'Get the values of configuration parameters',
        since: '2.0.0',
        reply: 'string[]',
        complexity: 'O(N) when N is the number of configuration parameters provided',
        syntax: 'parameter [parameter ...]',
        run(client, argv) {
          const config = client.engine.config;
          // Keyed by lower-case name: each setting (or alias) is reported once, as first asked for.
          const found = new Map<string, [string, string]>();
          for (const arg of argv.slice(2)) {
            if (!PATTERN_CHARS.test(arg)) {
              const setting = findSetting(arg);
              if (setting && !found.has(arg.toLowerCase())) found.set(arg.toLowerCase(), [arg, config.format(setting)]);
              continue;
            }
            for (const [name, value] of config.entries((n) => globMatch(arg, n, true))) {
              if (!found.has(name)) found.set(name, [name, value]);
            }
          }
          return new MapReply([...found.values()].flat());
        },
      },
      set: {
        arity: -4,
        flags: 'admin noscript loading stale',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        summary: 'Set configuration parameters to the given values',
        since: '2.0.0',
        reply: "'OK'",
        complexity: 'O(N) when N is the number of configuration parameters provided',
        syntax: 'parameter value [parameter value ...]',
        run(client, argv) {
          if (argv.length % 2 !== 0) throw Err.syntax();
          const pairs: [string, string][] = [];
          for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i], argv[i + 1]]);
          client.engine.config.setMany(pairs);
          return OK;
        },
      },
      resetstat: {
        arity: 2,
        flags: 'admin noscript loading stale',
        summary: 'Reset the stats returned by INFO',
        since: '2.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        run(client) {
          resetStats(client.engine);
          return OK;
        },
      },
      rewrite: {
        arity: 2,
        flags: 'admin noscript loading stale',
        summary: 'Rewrite the configuration file with the in memory configuration',
        since: '2.8.0',
        reply: "'OK'",
        complexity: 'O(1)',
        // Settings come from the command line and CONFIG SET: there is no file to rewrite.
        run: () => new ErrorReply('ERR The server is running without a config file'),
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: (_client, argv) => helpReply(argv[0], CONFIG_HELP),
      },
    },
  },

  command: {
    arity: -1,
    flags: 'loading stale',
    acl: 'connection',
    tips: 'nondeterministic_output_order',
    summary: 'Get array of Redis command details',
    since: '2.8.13',
    reply: 'unknown[]',
    complexity: 'O(N) where N is the total number of Redis commands',
    run: (client) => [...client.engine.commands.values()].map(commandInfo),
    subcommands: {
      count: {
        arity: 2,
        flags: 'loading stale',
        acl: 'connection',
        summary: 'Get total number of Redis commands',
        since: '2.8.13',
        reply: 'number',
        complexity: 'O(1)',
        run: (client) => client.engine.commands.size,
      },
      info: {
        arity: -2,
        flags: 'loading stale',
        acl: 'connection',
        tips: 'nondeterministic_output_order',
        summary: 'Get array of specific Redis command details, or all when no argument is given.',
        since: '2.8.13',
        reply: 'unknown[]',
        complexity: 'O(N) where N is the number of commands to look up',
        syntax: '[command-name [command-name ...]]',
        run(client, argv) {
          const commands = client.engine.commands;
          if (argv.length === 2) return [...commands.values()].map(commandInfo);
          return argv.slice(2).map((name) => commandInfo(commandByName(commands, name)));
        },
      },
      docs: {
        arity: -2,
        flags: 'loading stale',
        acl: 'connection',
        tips: 'nondeterministic_output_order',
        summary: 'Get array of specific Redis command documentation',
        since: '7.0.0',
        reply: 'unknown[]',
        complexity: 'O(N) where N is the number of commands to look up',
        syntax: '[command-name [command-name ...]]',
        run(client, argv) {
          const commands = client.engine.commands;
          const wanted = argv.length === 2 ? [...commands.values()] : argv.slice(2).map((n) => commandByName(commands, n));
          const entries: Reply[] = [];
          for (const cmd of wanted) if (cmd) entries.push(cmd.name, commandDocs(cmd));
          return new MapReply(entries);
        },
      },
      list: {
        arity: -2,
        flags: 'loading stale',
        acl: 'connection',
        tips: 'nondeterministic_output_order',
        summary: 'Get an array of Redis command names',
        since: '7.0.0',
        reply: 'string[]',
        complexity: 'O(N) where N is the total number of Redis commands',
        syntax: '[FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]',
        run(client, argv) {
          if (argv.length === 2) return commandList(client.engine.commands);
          const by = argv[3]?.toLowerCase();
          if (argv.length !== 5 || argv[2].toLowerCase() !== 'filterby' || !['module', 'aclcat', 'pattern'].includes(by)) {
            throw Err.syntax();
          }
          return commandList(client.engine.commands, { by, value: argv[4] });
        },
      },
      getkeys: {
        arity: -4,
        flags: 'loading stale',
        acl: 'connection',
        summary: 'Extract keys given a full Redis command',
        since: '2.8.13',
        reply: 'string[]',
        complexity: 'O(N) where N is the number of arguments to the command',
        run: (client, argv) => commandGetKeys(client.engine.commands, argv.slice(2), false),
      },
      getkeysandflags: {
        arity: -4,
        flags: 'loading stale',
        acl: 'connection',
        summary: 'Extract keys and access flags given a full Redis command',
        since: '7.0.0',
        reply: '[string, string[]][]',
        complexity: 'O(N) where N is the number of arguments to the command',
        run: (client, argv) => commandGetKeys(client.engine.commands, argv.slice(2), true),
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        acl: 'connection',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: (_client, argv) => helpReply(argv[0], COMMAND_HELP),
      },
    },
  },

  dbsize: {
    arity: 1,
    flags: 'readonly fast',
    acl: 'keyspace',
    tips: 'request_policy:all_shards response_policy:agg_sum',
    summary: 'Return the number of keys in the selected database',
    since: '1.0.0',
    reply: 'number',
    complexity: 'O(1)',
    run: (client) => client.db.size,
  },

  flushdb: {
    arity: -1,
    flags: 'write',
    acl: 'keyspace dangerous',
    tips: 'request_policy:all_shards response_policy:all_succeeded',
    summary: 'Remove all keys from the current database',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the number of keys in the selected database',
    syntax: '[ASYNC | SYNC]',
    run(client, argv) {
      checkFlushMode(argv);
      flushDb(client, client.db);
      return OK;
    },
  },

  flushall: {
    arity: -1,
    flags: 'write',
    acl: 'keyspace dangerous',
    tips: 'request_policy:all_shards response_policy:all_succeeded',
    summary: 'Remove all keys from all databases',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the total number of keys in all databases',
    syntax: '[ASYNC | SYNC]',
    run(client, argv) {
      checkFlushMode(argv);
      for (const db of client.engine.dbs) flushDb(client, db);
      return OK;
    },
  },

  swapdb: {
    arity: 3,
    flags: 'write fast',
    acl: 'keyspace dangerous',
    summary: 'Swaps two Redis databases',
    since: '4.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
    syntax: 'index1 index2',
    run(client, argv) {
      const first = toInt(argv[1], () => new ErrorReply('ERR invalid first DB index'));
      const second = toInt(argv[2], () => new ErrorReply('ERR invalid second DB index'));
      const dbs = client.engine.dbs;
      if (!dbs[first] || !dbs[second]) return new ErrorReply('ERR DB index is out of range');
      if (first !== second) swapDbs(client, dbs[first], dbs[second]);
      else client.engine.dirty++;
      return OK;
    },
  },

  monitor: {
    arity: 1,
    flags: 'admin noscript loading stale',
    summary: 'Listen for all requests received by the server in real time',
    since: '1.0.0',
    reply: "'OK'",
    run(client) {
      // Inside EXEC the client expects one reply per command: it cannot turn into a monitor.
      if (client.engine.nesting > 0) return new ErrorReply("ERR MONITOR isn't allowed for DENY BLOCKING client");
      if (startMonitor(client)) return OK;
      // A client that already monitors gets no reply at all, as in Redis.
      if (client.replyMode === 'on') client.replyMode = 'skip';
      return OK;
    },
  },

  slowlog: {
    arity: -2,
    summary: 'A container for slow log commands',
    since: '2.2.12',
    complexity: 'Depends on subcommand.',
    subcommands: {
      get: {
        arity: -2,
        flags: 'admin loading stale',
        tips: 'request_policy:all_nodes nondeterministic_output',
        summary: "Get the slow log's entries",
        since: '2.2.12',
        reply: '[number, number, number, string[], string, string][]',
        complexity: 'O(N) where N is the number of entries returned',
        syntax: '[count]',
        run(client, argv) {
          if (argv.length > 3) return subcommandSyntaxError(argv);
          const entries = client.engine.slowlog.entries;
          let count = 10;
          if (argv.length === 3) {
            count = intAtLeast(argv[2], -1, 'count should be greater than or equal to -1');
            if (count === -1) count = entries.length;
          }
          return entries.slice(0, count).map((e) => [e.id, e.time, e.duration, e.argv, e.addr, e.name]);
        },
      },
      len: {
        arity: 2,
        flags: 'admin loading stale',
        tips: 'request_policy:all_nodes response_policy:agg_sum nondeterministic_output',
        summary: "Get the slow log's length",
        since: '2.2.12',
        reply: 'number',
        complexity: 'O(1)',
        run: (client) => client.engine.slowlog.entries.length,
      },
      reset: {
        arity: 2,
        flags: 'admin loading stale',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        summary: 'Clear all entries from the slow log',
        since: '2.2.12',
        reply: "'OK'",
        complexity: 'O(N) where N is the number of entries in the slowlog',
        run(client) {
          client.engine.slowlog.reset();
          return OK;
        },
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '6.2.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: (_client, argv) => helpReply(argv[0], SLOWLOG_HELP),
      },
    },
  },

  memory: {
    arity: -2,
    summary: 'A container for memory diagnostics commands',
    since: '4.0.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      usage: {
        arity: -3,
        flags: 'readonly',
        keys: [2, 2, 1],
        summary: 'Estimate the memory usage of a key',
        since: '4.0.0',
        reply: 'number | null',
        complexity: 'O(N) where N is the number of samples.',
        syntax: 'key [SAMPLES count]',
        run(client, argv) {
          let samples = DEFAULT_SAMPLES;
          for (let i = 3; i < argv.length; i += 2) {
            if (argv[i].toLowerCase() !== 'samples' || i + 1 >= argv.length) throw Err.syntax();
            samples = toInt(argv[i + 1]);
            if (samples < 0) throw Err.syntax();
          }
          // Like Redis, a key past its expiry that is still stored is measured, not expired.
          const entry = client.db.data.get(argv[2]);
          return entry ? memoryUsage(argv[2], entry, samples) : null;
        },
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '4.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: (_client, argv) => helpReply(argv[0], MEMORY_HELP),
      },
    },
  },

  shutdown: {
    arity: -1,
    flags: 'admin noscript loading stale no_multi allow_busy',
    summary: 'Synchronously save the dataset to disk and then shut down the server',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    syntax: '[NOSAVE | SAVE] [NOW] [FORCE] [ABORT]',
    run(client, argv) {
      const options = new Set<string>();
      for (const arg of argv.slice(1)) {
        const option = arg.toLowerCase();
        if (!['nosave', 'save', 'now', 'force', 'abort'].includes(option)) throw Err.syntax();
        options.add(option);
      }
      if ((options.has('abort') && options.size > 1) || (options.has('save') && options.has('nosave'))) throw Err.syntax();
      // Shutdown here is immediate: there is never one in progress to abort.
      if (options.has('abort')) return new ErrorReply('ERR No shutdown in progress.');
      const engine = client.engine;
      if (!engine.onShutdown) {
        engine.log('warning', 'SHUTDOWN refused: this host cannot be shut down from a command');
        return new ErrorReply('ERR Errors trying to SHUTDOWN. Check logs.');
      }
      engine.log('warning', 'User requested shutdown...');
      // The host stops the process: the connection closes without a reply, as in Redis.
      engine.onShutdown(options.has('nosave') ? 'nosave' : options.has('save') ? 'save' : 'default');
      return OK;
    },
  },
});
