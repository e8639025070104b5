/**
 * The stream commands (Redis 7.0's t_stream.c). Declarations live here;
 * the handlers are grouped by what they work on: entries (stream-entries.ts),
 * reading and blocking (stream-read.ts), consumer groups and their pending
 * lists (stream-groups.ts), introspection (stream-info.ts).
 */
import { group } from '../command.js';
import { xadd, xdel, xlen, xrange, xrevrange, xsetid, xtrim } from './stream-entries.js';
import {
  xack,
  xautoclaim,
  xclaim,
  xgroupCreate,
  xgroupCreateconsumer,
  xgroupDelconsumer,
  xgroupDestroy,
  xgroupHelp,
  xgroupSetid,
  xpending,
} from './stream-groups.js';
import { xinfoConsumers, xinfoGroups, xinfoHelp, xinfoStream } from './stream-info.js';
import { xread, xreadgroup, xreadKeys } from './stream-read.js';

const TRIM = '<MAXLEN | MINID> [= | ~] threshold [LIMIT count]';

/** An entry as the client decodes it: [id, [field, value, …]]. */
const ENTRY = '[string, string[]]';
/** A group in XINFO STREAM FULL: a flat map with its PEL ([id, consumer, delivery time, count]) and consumers. */
const FULL_GROUP = '(string | number | null | [string, string, number, number][] | (string | number | [string, number, number][])[][])[]';

export default group('stream', {
  xadd: {
    arity: -5,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'Appends a new entry to a stream',
    since: '5.0.0',
    reply: 'string | null',
    complexity: 'O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.',
    syntax: `key [NOMKSTREAM] [${TRIM}] <* | id> field value [field value ...]`,
    run: xadd,
  },
  xlen: {
    arity: 2,
    flags: 'readonly fast',
    keys: [1, 1, 1],
    summary: 'Return the number of entries in a stream',
    since: '5.0.0',
    reply: 'number',
    complexity: 'O(1)',
    syntax: 'key',
    run: xlen,
  },
  xrange: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Return a range of elements in a stream, with IDs matching the specified IDs interval',
    since: '5.0.0',
    reply: `${ENTRY}[]`,
    complexity:
      'O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).',
    syntax: 'key start end [COUNT count]',
    run: xrange,
  },
  xrevrange: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary:
      'Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE',
    since: '5.0.0',
    reply: `${ENTRY}[]`,
    complexity:
      'O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).',
    syntax: 'key end start [COUNT count]',
    run: xrevrange,
  },
  xdel: {
    arity: -3,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary:
      'Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.',
    since: '5.0.0',
    reply: 'number',
    complexity: 'O(1) for each single item to delete in the stream, regardless of the stream size.',
    syntax: 'key id [id ...]',
    run: xdel,
  },
  xtrim: {
    arity: -4,
    flags: 'write',
    keys: [1, 1, 1],
    summary: "Trims the stream to (approximately if '~' is passed) a certain size",
    since: '5.0.0',
    reply: 'number',
    complexity:
      'O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.',
    syntax: `key ${TRIM}`,
    run: xtrim,
  },
  xread: {
    arity: -4,
    flags: 'readonly blocking',
    getKeys: xreadKeys,
    summary:
      'Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.',
    since: '5.0.0',
    reply: `[string, ${ENTRY}[]][] | null`,
    complexity:
      'For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.',
    syntax: '[COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]',
    run: xread,
  },
  xreadgroup: {
    arity: -7,
    flags: 'write blocking',
    getKeys: xreadKeys,
    summary:
      'Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.',
    since: '5.0.0',
    reply: '[string, [string, string[] | null][]][] | null',
    complexity:
      'For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.',
    syntax: 'GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]',
    run: xreadgroup,
  },
  xgroup: {
    arity: -2,
    summary: 'A container for consumer groups commands',
    since: '5.0.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      create: {
        arity: -5,
        flags: 'write denyoom',
        keys: [2, 2, 1],
        summary: 'Create a consumer group.',
        since: '5.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: 'key group <id | $> [MKSTREAM] [ENTRIESREAD entries-read]',
        run: xgroupCreate,
      },
      setid: {
        arity: -5,
        flags: 'write',
        keys: [2, 2, 1],
        summary: 'Set a consumer group to an arbitrary last delivered ID value.',
        since: '5.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: 'key group <id | $> [ENTRIESREAD entries-read]',
        run: xgroupSetid,
      },
      destroy: {
        arity: 4,
        flags: 'write',
        keys: [2, 2, 1],
        summary: 'Destroy a consumer group.',
        since: '5.0.0',
        reply: 'number',
        complexity: "O(N) where N is the number of entries in the group's pending entries list (PEL).",
        syntax: 'key group',
        run: xgroupDestroy,
      },
      createconsumer: {
        arity: 5,
        flags: 'write denyoom',
        keys: [2, 2, 1],
        summary: 'Create a consumer in a consumer group.',
        since: '6.2.0',
        reply: 'number',
        complexity: 'O(1)',
        syntax: 'key group consumer',
        run: xgroupCreateconsumer,
      },
      delconsumer: {
        arity: 5,
        flags: 'write',
        keys: [2, 2, 1],
        summary: 'Delete a consumer from a consumer group.',
        since: '5.0.0',
        reply: 'number',
        complexity: 'O(1)',
        syntax: 'key group consumer',
        run: xgroupDelconsumer,
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: xgroupHelp,
      },
    },
  },
  xack: {
    arity: -4,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary:
      'Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.',
    since: '5.0.0',
    reply: 'number',
    complexity: 'O(1) for each message ID processed.',
    syntax: 'key group id [id ...]',
    run: xack,
  },
  xpending: {
    arity: -3,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary:
      'Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.',
    since: '5.0.0',
    reply: '[number, string | null, string | null, [string, string][] | null] | [string, string, number, number][]',
    complexity:
      'O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.',
    syntax: 'key group [[IDLE min-idle-time] start end count [consumer]]',
    run: xpending,
  },
  xclaim: {
    arity: -6,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary:
      'Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.',
    since: '5.0.0',
    reply: `${ENTRY}[] | string[]`,
    complexity: 'O(log N) with N being the number of messages in the PEL of the consumer group.',
    syntax:
      'key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]',
    run: xclaim,
  },
  xautoclaim: {
    arity: -6,
    flags: 'write fast',
    keys: [1, 1, 1],
    summary:
      'Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.',
    since: '6.2.0',
    reply: `[string, ${ENTRY}[] | string[], string[]]`,
    complexity: 'O(1) if COUNT is small.',
    syntax: 'key group consumer min-idle-time start [COUNT count] [JUSTID]',
    run: xautoclaim,
  },
  xinfo: {
    arity: -2,
    summary: 'A container for stream introspection commands',
    since: '5.0.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      stream: {
        arity: -3,
        flags: 'readonly',
        keys: [2, 2, 1],
        summary: 'Get information about a stream',
        since: '5.0.0',
        reply: `(string | number | null | ${ENTRY} | ${ENTRY}[] | ${FULL_GROUP}[])[]`,
        complexity: 'O(1)',
        syntax: 'key [FULL [COUNT count]]',
        run: xinfoStream,
      },
      groups: {
        arity: 3,
        flags: 'readonly',
        keys: [2, 2, 1],
        summary: 'List the consumer groups of a stream',
        since: '5.0.0',
        reply: '(string | number | null)[][]',
        complexity: 'O(1)',
        syntax: 'key',
        run: xinfoGroups,
      },
      consumers: {
        arity: 4,
        flags: 'readonly',
        keys: [2, 2, 1],
        summary: 'List the consumers in a consumer group',
        since: '5.0.0',
        reply: '(string | number)[][]',
        complexity: 'O(1)',
        syntax: 'key group',
        run: xinfoConsumers,
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: xinfoHelp,
      },
    },
  },
  xsetid: {
    arity: -3,
    flags: 'write denyoom fast',
    keys: [1, 1, 1],
    summary: 'An internal command for replicating stream values',
    since: '5.0.0',
    reply: "'OK'",
    complexity: 'O(1)',
    syntax: 'key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]',
    run: xsetid,
  },
});
