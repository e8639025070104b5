/**
 * XINFO STREAM / GROUPS / CONSUMERS / HELP (t_stream.c's xinfoCommand),
 * with Redis 7.0's fields: entries-added, max-deleted-entry-id,
 * recorded-first-entry-id, entries-read and lag.
 */
import type { Client } from '../client.js';
import type { Handler } from '../command.js';
import { Err, ErrorReply, MapReply, type Reply } from '../reply.js';
import type { Stream } from '../types/stream.js';
import { ENTRIES_READ_UNKNOWN, type ConsumerGroup } from '../types/stream-group.js';
import { formatId, MAX_ID, MIN_ID } from '../types/stream-id.js';
import type { OrderedMap } from '../types/ordered-map.js';
import { groupLag, helpReply, intArg, lookupStream, subcommandSyntaxError } from './stream-util.js';

const XINFO_HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

export const xinfoHelp: Handler = (_client, argv) => helpReply(argv[0], XINFO_HELP);

/** XINFO subcommands other than HELP look the stream up the same way. */
function infoStream(client: Client, key: string): Stream {
  const s = lookupStream(client, key);
  if (s === undefined) throw Err.noSuchKey();
  return s;
}

const entriesRead = (g: ConsumerGroup): number | null => (g.entriesRead === ENTRIES_READ_UNKNOWN ? null : g.entriesRead);

export const xinfoConsumers: Handler = (client, argv) => {
  const s = infoStream(client, argv[2]);
  const group = s.group(argv[3]);
  if (group === undefined) throw new ErrorReply(`NOGROUP No such consumer group '${argv[3]}' for key name '${argv[2]}'`);
  const now = client.engine.time;
  return [...group.consumers.values()].map(
    (c) => new MapReply(['name', c.name, 'pending', c.pel.size, 'idle', Math.max(0, now - c.seenTime)]),
  );
};

export const xinfoGroups: Handler = (client, argv) => {
  const s = infoStream(client, argv[2]);
  if (s.groups === null) return [];
  return [...s.groups.entries()].map(
    ([name, g]) =>
      new MapReply([
        'name', name,
        'consumers', g.consumers.size,
        'pending', g.pel.size,
        'last-delivered-id', formatId(g.lastId),
        'entries-read', entriesRead(g),
        'lag', groupLag(s, g),
      ]),
  );
};

export const xinfoStream: Handler = (client, argv) => {
  const s = infoStream(client, argv[2]);
  const opts = argv.length - 3;
  let count = 10;
  if (opts > 0) {
    if ((opts !== 1 && opts !== 3) || argv[3].toLowerCase() !== 'full') throw subcommandSyntaxError(argv);
    if (opts === 3) {
      if (argv[4].toLowerCase() !== 'count') throw subcommandSyntaxError(argv);
      count = intArg(argv[5]);
      if (count < 0) count = 10;
    }
  }
  const head: Reply[] = [
    'length', s.length,
    'radix-tree-keys', s.nodeCount,
    'radix-tree-nodes', s.radixTreeNodes(),
    'last-generated-id', formatId(s.lastId),
    'max-deleted-entry-id', formatId(s.maxDeletedId),
    'entries-added', s.entriesAdded,
    'recorded-first-entry-id', formatId(s.firstId),
  ];
  if (opts === 0) {
    const first = s.range(MIN_ID, MAX_ID, false, 1)[0];
    const last = s.range(MIN_ID, MAX_ID, true, 1)[0];
    return new MapReply([
      ...head,
      'groups', s.groups?.size ?? 0,
      'first-entry', first?.reply ?? null,
      'last-entry', last?.reply ?? null,
    ]);
  }
  const entries = s.range(MIN_ID, MAX_ID, false, count).map((e) => e.reply);
  const groups = s.groups === null ? [] : [...s.groups.entries()].map(([name, g]) => fullGroup(s, name, g, count));
  return new MapReply([...head, 'entries', entries, 'groups', groups]);
};

/** The first `count` (0 = all) values of an ordered map, as rows. */
function firstRows<V>(map: OrderedMap<V>, count: number, row: (key: string, value: V) => Reply): Reply[] {
  const out: Reply[] = [];
  for (let c = map.first(); c !== null && (!count || out.length < count); c = c.next() ? c : null) out.push(row(c.key, c.value));
  return out;
}

function fullGroup(s: Stream, name: string, g: ConsumerGroup, count: number): Reply {
  return new MapReply([
    'name', name,
    'last-delivered-id', formatId(g.lastId),
    'entries-read', entriesRead(g),
    'lag', groupLag(s, g),
    'pel-count', g.pel.size,
    'pending', firstRows(g.pel, count, (id, n) => [formatId(id), n.consumer!.name, n.deliveryTime, n.deliveryCount]),
    'consumers', [...g.consumers.values()].map(
      (c) =>
        new MapReply([
          'name', c.name,
          'seen-time', c.seenTime,
          'pel-count', c.pel.size,
          'pending', firstRows(c.pel, count, (id, n) => [formatId(id), n.deliveryTime, n.deliveryCount]),
        ]),
    ),
  ]);
}
