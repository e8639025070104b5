/**
 * What the stream commands share: looking a stream up, reading ID arguments
 * as Redis does, the consumer-group bookkeeping Redis keeps in t_stream.c
 * (read counters, lag, consumer lookup) and the commands a consumer-group
 * read propagates instead of itself.
 */
import type { Client } from '../client.js';
import { toInt } from '../number.js';
import { ErrorReply, SimpleString, type Reply } from '../reply.js';
import { Stream } from '../types/stream.js';
import { ENTRIES_READ_UNKNOWN, type Consumer, type ConsumerGroup, type Nack } from '../types/stream-group.js';
import { decrId, formatId, incrId, MAX_ID, MIN_ID, parseIdArg, type MissingSeq, type StreamId } from '../types/stream-id.js';

export const invalidIdError = (): ErrorReply =>
  new ErrorReply('ERR Invalid stream ID specified as stream command argument');

/** A stream at key (reading or writing), undefined if missing; WRONGTYPE for other types. */
export function lookupStream(client: Client, key: string, forWrite = false): Stream | undefined {
  return client.db.getTyped<Stream>(key, 'stream', forWrite);
}

/** An ID argument that may not be "-" or "+"; throws Redis's invalid-ID error. */
export function strictIdArg(arg: string): StreamId {
  const parsed = parseIdArg(arg, 'min', true);
  if (parsed === null) throw invalidIdError();
  return parsed.id;
}

/** An ID argument where "-" and "+" are allowed. */
export function idArg(arg: string, missing: MissingSeq = 'min'): StreamId {
  const parsed = parseIdArg(arg, missing, false);
  if (parsed === null) throw invalidIdError();
  return parsed.id;
}

/**
 * The start of a range (streamParseIntervalIDOrReply): "(" makes it exclusive,
 * which moves it one ID up.
 */
export function rangeStartArg(arg: string): StreamId {
  if (arg.length > 1 && arg.charCodeAt(0) === 40) {
    const next = incrId(strictIdArg(arg.slice(1)));
    if (next === null) throw new ErrorReply('ERR invalid start ID for the interval');
    return next;
  }
  return idArg(arg, 'min');
}

/** The end of a range: a missing sequence means the largest, "(" moves it one ID down. */
export function rangeEndArg(arg: string): StreamId {
  if (arg.length > 1 && arg.charCodeAt(0) === 40) {
    const parsed = parseIdArg(arg.slice(1), 'max', true);
    if (parsed === null) throw invalidIdError();
    const prev = decrId(parsed.id);
    if (prev === null) throw new ErrorReply('ERR invalid end ID for the interval');
    return prev;
  }
  return idArg(arg, 'max');
}

/** An integer argument with a command-specific error message. */
export function intArg(arg: string, message?: string): number {
  return message === undefined ? toInt(arg) : toInt(arg, () => new ErrorReply(message));
}

export const noGroupError = (key: string, group: string): ErrorReply =>
  new ErrorReply(`NOGROUP No such key '${key}' or consumer group '${group}'`);

/** Redis's addReplySubcommandSyntaxError. */
export const subcommandSyntaxError = (argv: string[]): ErrorReply =>
  new ErrorReply(
    `ERR unknown subcommand or wrong number of arguments for '${argv[1].slice(0, 128)}'. Try ${argv[0].toUpperCase()} HELP.`,
  );

/** Redis's addReplyHelp: a header, the lines, and the HELP footer, as status replies. */
export function helpReply(name: string, lines: readonly string[]): Reply[] {
  return [
    `${name.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
    ...lines,
    'HELP',
    '    Prints this help.',
  ].map((l) => new SimpleString(l));
}

/** A change Redis counts in `dirty` without signalling the key (no WATCH, no blocked clients). */
export function markDirty(client: Client): void {
  client.engine.dirty++;
}

/** Finds a consumer, refreshing its seen-time (streamLookupConsumer). */
export function lookupConsumer(group: ConsumerGroup, name: string, now: number): Consumer | undefined {
  const consumer = group.consumers.get(name);
  if (consumer) consumer.seenTime = now;
  return consumer;
}

/** Creates a consumer, counting the change and notifying (streamCreateConsumer). */
export function createConsumer(client: Client, group: ConsumerGroup, name: string, key: string): Consumer | null {
  const consumer = group.createConsumer(name, client.engine.time);
  if (consumer) {
    markDirty(client);
    client.engine.notify('xgroup-createconsumer', 't', key, client.db.id);
  }
  return consumer;
}

/** The consumer by name, created when missing. */
export function ensureConsumer(client: Client, group: ConsumerGroup, name: string, key: string): Consumer {
  return lookupConsumer(group, name, client.engine.time) ?? createConsumer(client, group, name, key)!;
}

/** True when a deleted entry may lie in [start, end] (streamRangeHasTombstones). */
function rangeHasTombstones(s: Stream, start: StreamId, end: StreamId = MAX_ID): boolean {
  if (s.length === 0 || s.maxDeletedId === MIN_ID) return false;
  if (s.firstId > s.maxDeletedId) return false;
  return start <= s.maxDeletedId && s.maxDeletedId <= end;
}

/**
 * How many entries were added before and including `id`, when that can be
 * known (streamEstimateDistanceFromFirstEverEntry); ENTRIES_READ_UNKNOWN otherwise.
 */
function estimateEntriesRead(s: Stream, id: StreamId): number {
  if (s.entriesAdded === 0) return 0;
  if (s.length === 0 && id <= s.lastId) return s.entriesAdded;
  if (id === s.lastId) return s.entriesAdded;
  if (id > s.lastId) return ENTRIES_READ_UNKNOWN;
  if (s.maxDeletedId === MIN_ID || s.maxDeletedId < s.firstId) {
    if (id < s.firstId) return s.entriesAdded - s.length;
    if (id === s.firstId) return s.entriesAdded - s.length + 1;
  }
  return ENTRIES_READ_UNKNOWN;
}

/** A group's lag, or null when it cannot be known (streamReplyWithCGLag). */
export function groupLag(s: Stream, group: ConsumerGroup): number | null {
  if (s.entriesAdded === 0) return 0;
  if (group.entriesRead !== ENTRIES_READ_UNKNOWN && !rangeHasTombstones(s, group.lastId)) {
    return s.entriesAdded - group.entriesRead;
  }
  const read = estimateEntriesRead(s, group.lastId);
  return read === ENTRIES_READ_UNKNOWN ? null : s.entriesAdded - read;
}

/** Moves a group past a delivered entry, keeping its read counter (streamReplyWithRange). */
export function advanceGroup(s: Stream, group: ConsumerGroup, id: StreamId): void {
  if (group.entriesRead !== ENTRIES_READ_UNKNOWN && !rangeHasTombstones(s, id)) group.entriesRead++;
  else if (s.entriesAdded) group.entriesRead = estimateEntriesRead(s, id);
  group.lastId = id;
}

/**
 * The XCLAIM that recreates a pending entry as it now is (streamPropagateXCLAIM):
 * idempotent, with the delivery time and count, and the group's last ID.
 */
export function xclaimEffect(key: string, groupName: string, group: ConsumerGroup, idText: string, nack: Nack): string[] {
  return [
    'XCLAIM', key, groupName, nack.consumer!.name, '0', idText,
    'TIME', String(nack.deliveryTime), 'RETRYCOUNT', String(nack.deliveryCount),
    'FORCE', 'JUSTID', 'LASTID', formatId(group.lastId),
  ];
}

/** XGROUP SETID with the read counter (streamPropagateGroupID). */
export function setIdEffect(key: string, groupName: string, group: ConsumerGroup): string[] {
  return ['XGROUP', 'SETID', key, groupName, formatId(group.lastId), 'ENTRIESREAD', String(group.entriesRead)];
}
