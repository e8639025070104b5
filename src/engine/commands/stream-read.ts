/**
 * XREAD and XREADGROUP, including blocking (t_stream.c's xreadCommand and
 * blocked.c's serveClientsBlockedOnStreamKey).
 *
 * A command that blocks keeps what it resolved — the ID each stream must
 * pass (`$` becomes the last ID once, at blocking time), the count, the group —
 * as its blocked context. The engine re-runs the command whenever one of its
 * keys is written; a re-run serves only the ready key, as Redis does, and only
 * when Redis would have woken the client: an XADD (or a new value at the key),
 * not XDEL, XTRIM or XSETID. A group reader whose key is deleted or replaced by
 * another type, or whose group was destroyed, gets Redis's error.
 */
import type { BlockedState } from '../blocking.js';
import type { Client } from '../client.js';
import { BLOCKED, type Handler, type HandlerResult } from '../command.js';
import { Err, ErrorReply, MapReply, NULL_ARRAY, type Reply } from '../reply.js';
import { Stream } from '../types/stream.js';
import { Nack, type Consumer, type ConsumerGroup } from '../types/stream-group.js';
import { formatId, incrId, MAX_ID, MIN_ID, type StreamId } from '../types/stream-id.js';
import {
  advanceGroup,
  createConsumer,
  intArg,
  lookupConsumer,
  lookupStream,
  markDirty,
  setIdEffect,
  strictIdArg,
  xclaimEffect,
} from './stream-util.js';

/** A blocked XREAD / XREADGROUP serves at most this many entries unless COUNT says otherwise. */
const BLOCKED_DEFAULT_COUNT = 1000;

/** Who reads: anyone (XREAD), or a consumer of a group (XREADGROUP). */
interface Reader {
  group: string | null;
  consumer: string;
  noack: boolean;
}

interface ReadOptions {
  count: number;
  /** BLOCK milliseconds; -1 without BLOCK. */
  timeout: number;
  reader: Reader;
  /** Index of the first key after STREAMS, and how many keys there are. */
  keysAt: number;
  numKeys: number;
}

/** What a blocked reader remembers (Redis's c->bpop). */
interface ReadWait {
  count: number;
  reader: Reader;
  keys: Map<string, WaitedKey>;
}

interface WaitedKey {
  /** Entries must come after this ID (for a group: refreshed from the group when served). */
  after: StreamId;
  /** The stream at the key when last looked at, and its XADD count then. */
  seen: Stream | undefined;
  appends: number;
}

function parseOptions(argv: string[], isGroup: boolean): ReadOptions {
  const reader: Reader = { group: null, consumer: '', noack: false };
  const opts: ReadOptions = { count: 0, timeout: -1, reader, keysAt: 0, numKeys: 0 };
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = argv[i].toLowerCase();
    if (o === 'block' && more) {
      const ms = intArg(argv[++i], 'ERR timeout is not an integer or out of range');
      if (ms < 0) throw new ErrorReply('ERR timeout is negative');
      opts.timeout = ms;
    } else if (o === 'count' && more) {
      opts.count = Math.max(0, intArg(argv[++i]));
    } else if (o === 'streams' && more) {
      const rest = argv.length - i - 1;
      if (rest % 2 !== 0) {
        throw new ErrorReply("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
      }
      opts.keysAt = i + 1;
      opts.numKeys = rest / 2;
      break;
    } else if (o === 'group' && more >= 2) {
      if (!isGroup) throw new ErrorReply('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
      reader.group = argv[i + 1];
      reader.consumer = argv[i + 2];
      i += 2;
    } else if (o === 'noack') {
      if (!isGroup) throw new ErrorReply('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
      reader.noack = true;
    } else {
      throw Err.syntax();
    }
  }
  if (opts.keysAt === 0) throw Err.syntax();
  if (isGroup && reader.group === null) throw new ErrorReply('ERR Missing GROUP option for XREADGROUP');
  return opts;
}

/** The ID each stream's entries must pass: `$` resolved, `>` as the largest ID. */
function resolveIds(client: Client, argv: string[], opts: ReadOptions, isGroup: boolean): StreamId[] {
  const ids: StreamId[] = [];
  for (let i = 0; i < opts.numKeys; i++) {
    const key = argv[opts.keysAt + i];
    const arg = argv[opts.keysAt + opts.numKeys + i];
    const s = lookupStream(client, key);
    const group = opts.reader.group;
    if (group !== null && s?.group(group) === undefined) {
      throw new ErrorReply(`NOGROUP No such key '${key}' or consumer group '${group}' in XREADGROUP with GROUP option`);
    }
    if (arg === '$') {
      if (isGroup) {
        throw new ErrorReply(
          'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
        );
      }
      ids.push(s ? s.lastId : MIN_ID);
    } else if (arg === '>') {
      if (!isGroup) {
        throw new ErrorReply('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
      }
      ids.push(MAX_ID);
    } else {
      ids.push(strictIdArg(arg));
    }
  }
  return ids;
}

/** A group read's bookkeeping: the consumer, the effects it propagates instead of itself. */
interface GroupRead {
  key: string;
  groupName: string;
  group: ConsumerGroup;
  consumer: Consumer;
  noack: boolean;
  effects: string[][];
}

/**
 * One stream's part of the reply, the entries after `after` (streamReplyWithRange):
 * read plainly, or through the group — from the consumer's own pending
 * entries when reading its history. The reading consumer is created if new;
 * with NOACK its creation is propagated on its own.
 */
function readStream(
  client: Client,
  key: string,
  s: Stream,
  group: ConsumerGroup | undefined,
  reader: Reader,
  after: StreamId,
  count: number,
  fromHistory: boolean,
  effects: string[][],
): Reply[] {
  const start = incrId(after) ?? MIN_ID;
  if (group === undefined) return s.range(start, MAX_ID, false, count).map((e) => e.reply);
  const groupName = reader.group!;
  let consumer = lookupConsumer(group, reader.consumer, client.engine.time);
  if (consumer === undefined) {
    consumer = createConsumer(client, group, reader.consumer, key)!;
    if (reader.noack) effects.push(['XGROUP', 'CREATECONSUMER', key, groupName, reader.consumer]);
  }
  markDirty(client);
  if (fromHistory) return history(client, s, consumer, start, count);
  return deliver(client, s, start, count, { key, groupName, group, consumer, noack: reader.noack, effects });
}

/**
 * Delivers new entries from `start` to a group consumer (streamReplyWithRange
 * with a group): advances the group, and unless NOACK records each entry as
 * pending for the consumer — taking it from another consumer if the group was
 * moved back — propagating each as an XCLAIM.
 */
function deliver(client: Client, s: Stream, start: StreamId, count: number, read: GroupRead): Reply[] {
  const { group, consumer } = read;
  const now = client.engine.time;
  const out: Reply[] = [];
  let movedLastId = false;
  s.scan(start, MAX_ID, false, (e) => {
    if (e.id > group.lastId) {
      advanceGroup(s, group, e.id);
      movedLastId = true;
    }
    out.push(e.reply);
    if (!read.noack) {
      let nack = group.pel.get(e.id);
      if (nack === undefined) {
        nack = new Nack(now, 1, consumer);
        group.pel.set(e.id, nack);
        consumer.pel.set(e.id, nack);
      } else {
        group.transfer(e.id, nack, consumer);
        nack.deliveryTime = now;
        nack.deliveryCount = 1;
      }
      read.effects.push(xclaimEffect(read.key, read.groupName, group, e.reply[0], nack));
    }
    return out.length !== count;
  });
  // With NOACK no XCLAIM carries the group's new last ID: propagate it on its own.
  if (read.noack && movedLastId) read.effects.push(setIdEffect(read.key, read.groupName, group));
  return out;
}

/**
 * A consumer's own pending entries after `start` (streamReplyWithRangeFromConsumerPEL):
 * each counts as delivered again; one since deleted from the stream shows a nil body.
 */
function history(client: Client, s: Stream, consumer: Consumer, start: StreamId, count: number): Reply[] {
  const out: Reply[] = [];
  for (let c = consumer.pel.seek(start, '>='); c !== null && (!count || out.length < count); c = c.next() ? c : null) {
    const entry = s.get(c.key);
    if (entry === undefined) {
      out.push([formatId(c.key), NULL_ARRAY]);
    } else {
      out.push(entry.reply);
      c.value.deliveryTime = client.engine.time;
      c.value.deliveryCount++;
    }
  }
  return out;
}

/** The reply: a map of key to entries in RESP3, pairs in RESP2. */
function streamsReply(client: Client, flat: Reply[]): Reply {
  if (client.resp === 3) return new MapReply(flat);
  const pairs: Reply[] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

function xreadGeneric(client: Client, argv: string[], isGroup: boolean): HandlerResult {
  const blocked = client.blocked as BlockedState | null;
  if (blocked?.readyKey !== undefined) return serveWaiter(client, blocked.readyKey, blocked.context as ReadWait);

  const opts = parseOptions(argv, isGroup);
  const ids = resolveIds(client, argv, opts, isGroup);
  const effects: string[][] = [];
  const flat: Reply[] = [];
  const streams: (Stream | undefined)[] = [];
  for (let i = 0; i < opts.numKeys; i++) {
    const key = argv[opts.keysAt + i];
    const s = lookupStream(client, key);
    streams.push(s);
    if (s === undefined) continue;
    const group = opts.reader.group === null ? undefined : s.group(opts.reader.group)!;
    let after = ids[i];
    let fromHistory = false;
    let serve = false;
    if (group !== undefined) {
      if (after !== MAX_ID) {
        serve = fromHistory = true;
      } else if (s.length > 0 && s.lastLiveId()! > group.lastId) {
        serve = true;
        after = group.lastId;
      }
    } else if (s.length > 0) {
      serve = s.lastLiveId()! > after;
    }
    if (serve) flat.push(key, readStream(client, key, s, group, opts.reader, after, opts.count, fromHistory, effects));
  }
  if (isGroup) client.engine.rewriteEffects(...effects);
  if (flat.length > 0) return streamsReply(client, flat);
  if (opts.timeout === -1) return NULL_ARRAY;
  const keys = argv.slice(opts.keysAt, opts.keysAt + opts.numKeys);
  const wait: ReadWait = { count: opts.count || BLOCKED_DEFAULT_COUNT, reader: opts.reader, keys: new Map() };
  keys.forEach((key, i) => {
    if (wait.keys.has(key)) return; // a repeated key waits for its first ID, as in Redis
    const s = streams[i];
    wait.keys.set(key, { after: ids[i], seen: s, appends: s?.appends ?? 0 });
  });
  return client.engine.block(client, keys, opts.timeout, NULL_ARRAY, wait);
}

/** A re-run of a blocked reader for one ready key (serveClientsBlockedOnStreamKey). */
function serveWaiter(client: Client, key: string, wait: ReadWait): HandlerResult {
  const waited = wait.keys.get(key)!;
  const value = client.db.getForWrite(key);
  const groupName = wait.reader.group;
  if (!(value instanceof Stream)) {
    return groupName === null ? BLOCKED : new ErrorReply('UNBLOCKED the stream key no longer exists');
  }
  const group = groupName === null ? undefined : value.group(groupName);
  if (groupName !== null && group === undefined) {
    return new ErrorReply('NOGROUP the consumer group this client was blocked on no longer exists');
  }
  // Redis wakes stream readers for an XADD or a new value at the key, not for other writes.
  if (value === waited.seen && value.appends === waited.appends) return BLOCKED;
  waited.seen = value;
  waited.appends = value.appends;
  if (group !== undefined) waited.after = group.lastId;
  if (!(value.lastId > waited.after)) return BLOCKED;
  const effects: string[][] = [];
  const entries = readStream(client, key, value, group, wait.reader, waited.after, wait.count, false, effects);
  if (groupName !== null) client.engine.rewriteEffects(...effects);
  return streamsReply(client, [key, entries]);
}

export const xread: Handler = (client, argv) => xreadGeneric(client, argv, false);
export const xreadgroup: Handler = (client, argv) => xreadGeneric(client, argv, true);

/** Key positions: the keys after the first STREAMS keyword (xreadGetKeys). */
export function xreadKeys(argv: string[]): number[] {
  let streamsAt = -1;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i].toLowerCase();
    if (arg === 'block' || arg === 'count') i++;
    else if (arg === 'group') i += 2;
    else if (arg === 'noack') continue;
    else {
      if (arg === 'streams') streamsAt = i;
      break;
    }
  }
  const rest = argv.length - streamsAt - 1;
  if (streamsAt < 0 || rest === 0 || rest % 2 !== 0) return [];
  return Array.from({ length: rest / 2 }, (_, i) => streamsAt + 1 + i);
}
