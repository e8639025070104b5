/**
 * A key as the commands that rebuild it — Redis's AOF rewrite. Snapshots store
 * these, and the RESP export writes them for `redis-cli --pipe`.
 *
 * Long collections are split into commands of ITEMS_PER_COMMAND elements, as
 * Redis's rewrite does, so no single command grows unbounded.
 */
import type { Entry } from '../engine/db.js';
import { formatDouble } from '../engine/number.js';
import type { Hash } from '../engine/types/hash.js';
import type { List } from '../engine/types/list.js';
import type { SetValue } from '../engine/types/set.js';
import type { Stream } from '../engine/types/stream.js';
import { formatId, MIN_ID } from '../engine/types/stream-id.js';
import type { ZSet } from '../engine/types/zset.js';

const ITEMS_PER_COMMAND = 64;

export function rewriteEntry(key: string, entry: Entry): string[][] {
  const commands = rewriteValue(key, entry);
  if (entry.expireAt !== 0) commands.push(['PEXPIREAT', key, String(entry.expireAt)]);
  return commands;
}

function rewriteValue(key: string, { value }: Entry): string[][] {
  if (typeof value === 'string') return [['SET', key, value]];
  switch (value.type) {
    case 'list':
      return chunked('RPUSH', key, (value as List)[Symbol.iterator](), 1);
    case 'set':
      return chunked('SADD', key, (value as SetValue).members()[Symbol.iterator](), 1);
    case 'hash':
      return chunked('HSET', key, hashPairs(value as Hash), 2);
    case 'zset':
      return chunked('ZADD', key, zsetPairs(value as ZSet), 2);
    case 'stream':
      return rewriteStream(key, value as Stream);
  }
}

/** Commands `name key item…`, each with at most ITEMS_PER_COMMAND elements of `width` arguments. */
function chunked(name: string, key: string, items: Iterator<string>, width: 1 | 2): string[][] {
  const commands: string[][] = [];
  let argv: string[] = [name, key];
  for (let next = items.next(); !next.done; next = items.next()) {
    argv.push(next.value);
    if (argv.length === 2 + ITEMS_PER_COMMAND * width) {
      commands.push(argv);
      argv = [name, key];
    }
  }
  if (argv.length > 2) commands.push(argv);
  return commands;
}

function* hashPairs(hash: Hash): Iterator<string> {
  for (const field of hash.fieldList()) {
    yield field;
    yield hash.get(field)!;
  }
}

/** Score first, as ZADD takes it; %.17g round-trips every double exactly. */
function* zsetPairs(zset: ZSet): Iterator<string> {
  for (const c = zset.at(0); c.valid; c.next()) {
    yield formatDouble(c.score);
    yield c.member;
  }
}

/**
 * A stream: its entries, then its counters (XSETID), its groups and each
 * group's consumers and pending entries, as Redis's rewriteStreamObject does.
 */
function rewriteStream(key: string, stream: Stream): string[][] {
  const commands: string[][] = [];
  stream.scan(MIN_ID, stream.lastId, false, (entry) => {
    if (!entry.deleted) commands.push(['XADD', key, entry.reply[0], ...entry.reply[1]]);
  });
  if (commands.length === 0) {
    // An empty stream still exists: create it with one entry trimmed away at once
    // (XADD refuses 0-0, so a stream that never had entries starts from 0-1; XSETID sets the real last id).
    const id = stream.lastId === MIN_ID ? '0-1' : formatId(stream.lastId);
    commands.push(['XADD', key, 'MAXLEN', '0', id, 'x', 'y']);
  }
  commands.push([
    'XSETID', key, formatId(stream.lastId),
    'ENTRIESADDED', String(stream.entriesAdded),
    'MAXDELETEDID', formatId(stream.maxDeletedId),
  ]);
  for (const [name, group] of stream.groups?.entries() ?? []) {
    commands.push(['XGROUP', 'CREATE', key, name, formatId(group.lastId), 'ENTRIESREAD', String(group.entriesRead)]);
    for (const [consumerName, consumer] of group.consumers.entries()) {
      if (consumer.pel.size === 0) commands.push(['XGROUP', 'CREATECONSUMER', key, name, consumerName]);
    }
    for (const [id, nack] of group.pel.entries()) {
      commands.push([
        'XCLAIM', key, name, nack.consumer!.name, '0', formatId(id),
        'TIME', String(nack.deliveryTime), 'RETRYCOUNT', String(nack.deliveryCount), 'JUSTID', 'FORCE',
      ]);
    }
  }
  return commands;
}
