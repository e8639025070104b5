/**
 * Adding, trimming, deleting and reading ranges of entries: XADD, XTRIM, XDEL,
 * XSETID, XLEN, XRANGE, XREVRANGE (t_stream.c's non-group commands).
 */
import type { Client } from '../client.js';
import type { Handler } from '../command.js';
import { Err, ErrorReply, NULL_ARRAY, OK, type Reply } from '../reply.js';
import { Stream, type TrimArgs } from '../types/stream.js';
import { formatId, idMsNumber, incrId, makeId, MAX_ID, MIN_ID, parseIdArg, sameMs, seqIsMax, type StreamId } from '../types/stream-id.js';
import {
  intArg,
  invalidIdError,
  lookupStream,
  markDirty,
  rangeEndArg,
  rangeStartArg,
  strictIdArg,
} from './stream-util.js';

/** What XADD and XTRIM read before the ID (streamParseAddOrTrimArgsOrReply). */
interface AddTrimArgs {
  trim: TrimArgs | null;
  /** Index of the MAXLEN / MINID threshold, rewritten when trimming was approximate. */
  thresholdIndex: number;
  /** Indexes of the LIMIT keywords given. */
  limitIndexes: number[];
  noMkstream: boolean;
  /** XADD: index of the ID argument, and the ID when not "*". */
  idIndex: number;
  id: StreamId | null;
  seqGiven: boolean;
}

const syntaxError = (detail: string): ErrorReply => new ErrorReply(`ERR syntax error, ${detail}`);

function parseAddTrimArgs(client: Client, argv: string[], xadd: boolean): AddTrimArgs {
  const args: AddTrimArgs = { trim: null, thresholdIndex: -1, limitIndexes: [], noMkstream: false, idIndex: -1, id: null, seqGiven: true };
  let approx = false;
  let limit = 0;
  let i = 2;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = argv[i].toLowerCase();
    if (xadd && argv[i] === '*') {
      break;
    } else if ((opt === 'maxlen' || opt === 'minid') && more) {
      if (args.trim !== null) throw syntaxError('MAXLEN and MINID options at the same time are not compatible');
      approx = false;
      const next = argv[i + 1];
      if (more >= 2 && next === '~') {
        approx = true;
        i++;
      } else if (more >= 2 && next === '=') {
        i++;
      }
      const threshold = argv[++i];
      if (opt === 'maxlen') {
        const maxlen = intArg(threshold);
        if (maxlen < 0) throw new ErrorReply('ERR The MAXLEN argument must be >= 0.');
        args.trim = { strategy: { kind: 'maxlen', maxlen }, approx, limit: 0 };
      } else {
        args.trim = { strategy: { kind: 'minid', minid: strictIdArg(threshold) }, approx, limit: 0 };
      }
      args.thresholdIndex = i;
    } else if (opt === 'limit' && more) {
      limit = intArg(argv[i + 1]);
      if (limit < 0) throw new ErrorReply('ERR The LIMIT argument must be >= 0.');
      args.limitIndexes.push(i++);
    } else if (xadd && opt === 'nomkstream') {
      args.noMkstream = true;
    } else if (xadd) {
      const parsed = parseIdArg(argv[i], 'min', true, true);
      if (parsed === null) throw invalidIdError();
      args.id = parsed.id;
      args.seqGiven = parsed.seqGiven;
      break;
    } else {
      throw Err.syntax();
    }
  }
  args.idIndex = i;
  if (limit && args.trim === null) throw syntaxError('LIMIT cannot be used without specifying a trimming strategy');
  if (!xadd && args.trim === null) throw syntaxError('XTRIM must be called with a trimming strategy');
  if (args.limitIndexes.length > 0 && !approx) throw syntaxError('LIMIT cannot be used without the special ~ option');
  if (args.trim !== null) {
    if (args.limitIndexes.length > 0) {
      args.trim.limit = limit;
    } else if (approx) {
      // Without LIMIT, approximate trimming does at most 100 nodes' worth of work.
      const perNode = 100 * client.engine.config.int('stream-node-max-entries');
      args.trim.limit = perNode <= 0 ? 10000 : Math.min(perNode, 1000000);
    }
  }
  return args;
}

/**
 * An approximate trim is propagated as the exact trim it turned out to be
 * (streamRewriteTrimArgument): `=` and the length or first ID left. LIMIT is
 * dropped, since an exact trim refuses it and replays the same way without it.
 * Edits `effect` (a copy of argv) in place; other rewrites by index go first.
 */
function rewriteAsExactTrim(effect: string[], s: Stream, args: AddTrimArgs): string[] {
  const kind = args.trim!.strategy.kind;
  effect[args.thresholdIndex - 1] = '=';
  effect[args.thresholdIndex] = kind === 'maxlen' ? String(s.length) : formatId(s.firstIdWithTombstones());
  for (let j = args.limitIndexes.length - 1; j >= 0; j--) effect.splice(args.limitIndexes[j], 2);
  return effect;
}

/** The ID XADD gives the new entry (streamAppendItem's rules); throws when it cannot. */
function newEntryId(client: Client, s: Stream, args: AddTrimArgs): StreamId {
  let id: StreamId | null;
  if (args.id === null) {
    const now = client.engine.time;
    const lastMs = idMsNumber(s.lastId);
    id = lastMs >= 0 && now > lastMs ? makeId(now, 0) : incrId(s.lastId);
  } else if (args.seqGiven) {
    id = args.id;
  } else if (sameMs(args.id, s.lastId)) {
    // "<ms>-*" in the last entry's millisecond: the next sequence, if there is one.
    // Redis fails here without setting errno, so it reports the size error.
    if (seqIsMax(s.lastId)) throw new ErrorReply('ERR Elements are too large to be stored');
    id = incrId(s.lastId);
  } else {
    id = args.id;
  }
  if (id === null || id <= s.lastId) {
    throw new ErrorReply('ERR The ID specified in XADD is equal or smaller than the target stream top item');
  }
  return id;
}

/** Larger entries do not fit a listpack (STREAM_LISTPACK_MAX_SIZE). */
const MAX_ENTRY_BYTES = 1 << 30;

export const xadd: Handler = (client, argv) => {
  const key = argv[1];
  const args = parseAddTrimArgs(client, argv, true);
  const fieldIndex = args.idIndex + 1;
  const n = argv.length - fieldIndex;
  if (n < 2 || n % 2 === 1) throw Err.arity('xadd');
  if (args.id === MIN_ID && args.seqGiven) throw new ErrorReply('ERR The ID specified in XADD must be greater than 0-0');
  const db = client.db;
  let s = lookupStream(client, key, true);
  if (s === undefined) {
    if (args.noMkstream) return null;
    s = new Stream();
    db.set(key, s);
  }
  if (s.lastId === MAX_ID) throw new ErrorReply('ERR The stream has exhausted the last possible ID, unable to add more items');
  const id = newEntryId(client, s, args);
  const pairs = argv.slice(fieldIndex);
  let payload = 0;
  for (const p of pairs) payload += p.length;
  if (payload > MAX_ENTRY_BYTES) throw new ErrorReply('ERR Elements are too large to be stored');
  const config = client.engine.config;
  const idText = s.append(id, pairs, {
    maxEntries: config.int('stream-node-max-entries'),
    maxBytes: config.int('stream-node-max-bytes'),
  });
  client.engine.keyModified(db, key);
  client.engine.notify('xadd', 't', key, db.id);
  if (args.trim !== null && s.trim(args.trim) > 0) client.engine.notify('xtrim', 't', key, db.id);
  const rewriteId = args.id === null || !args.seqGiven;
  const rewriteTrim = args.trim !== null && args.trim.approx;
  if (rewriteId || rewriteTrim) {
    const effect = argv.slice();
    if (rewriteId) effect[args.idIndex] = idText;
    if (rewriteTrim) rewriteAsExactTrim(effect, s, args);
    client.engine.rewriteEffects(effect);
  }
  return idText;
};

export const xtrim: Handler = (client, argv) => {
  const key = argv[1];
  const args = parseAddTrimArgs(client, argv, false);
  const s = lookupStream(client, key, true);
  if (s === undefined) return 0;
  const deleted = s.trim(args.trim!);
  if (deleted > 0) {
    client.engine.notify('xtrim', 't', key, client.db.id);
    if (args.trim!.approx) client.engine.rewriteEffects(rewriteAsExactTrim(argv.slice(), s, args));
    client.engine.keyModified(client.db, key);
  }
  return deleted;
};

export const xdel: Handler = (client, argv) => {
  const key = argv[1];
  const s = lookupStream(client, key, true);
  if (s === undefined) return 0;
  // All IDs are checked first: a bad one must not leave the command half done.
  const ids = argv.slice(2).map(strictIdArg);
  let deleted = 0;
  let firstDeleted = false;
  for (const id of ids) {
    if (!s.delete(id)) continue;
    if (id === s.firstId) firstDeleted = true;
    if (id > s.maxDeletedId) s.maxDeletedId = id;
    deleted++;
  }
  if (deleted > 0) {
    if (s.length === 0 || firstDeleted) s.refreshFirstId();
    client.engine.keyModified(client.db, key);
    client.engine.notify('xdel', 't', key, client.db.id);
  }
  return deleted;
};

export const xsetid: Handler = (client, argv) => {
  const key = argv[1];
  const id = strictIdArg(argv[2]);
  let entriesAdded = -1;
  let maxDeletedId = MIN_ID;
  for (let i = 3; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const more = i < argv.length - 1;
    if (opt === 'entriesadded' && more) {
      entriesAdded = intArg(argv[i + 1]);
      if (entriesAdded < 0) throw new ErrorReply('ERR entries_added must be positive');
    } else if (opt === 'maxdeletedid' && more) {
      maxDeletedId = strictIdArg(argv[i + 1]);
      if (id < maxDeletedId) throw new ErrorReply('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
    } else {
      throw Err.syntax();
    }
  }
  const s = lookupStream(client, key, true);
  if (s === undefined) throw Err.noSuchKey();
  if (s.length > 0) {
    if (id < s.lastLiveId()!) throw new ErrorReply('ERR The ID specified in XSETID is smaller than the target stream top item');
    if (entriesAdded !== -1 && s.length > entriesAdded) {
      throw new ErrorReply('ERR The entries_added specified in XSETID is smaller than the target stream length');
    }
  }
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  if (maxDeletedId !== MIN_ID) s.maxDeletedId = maxDeletedId;
  markDirty(client);
  client.engine.notify('xsetid', 't', key, client.db.id);
  return OK;
};

export const xlen: Handler = (client, argv) => lookupStream(client, argv[1])?.length ?? 0;

function xrangeGeneric(client: Client, argv: string[], rev: boolean): Reply {
  const start = rangeStartArg(rev ? argv[3] : argv[2]);
  const end = rangeEndArg(rev ? argv[2] : argv[3]);
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (argv[j].toLowerCase() === 'count' && j + 1 < argv.length) {
      count = Math.max(0, intArg(argv[++j]));
    } else {
      throw Err.syntax();
    }
  }
  const s = lookupStream(client, argv[1]);
  if (s === undefined) return [];
  if (count === 0) return NULL_ARRAY;
  return s.range(start, end, rev, count === -1 ? 0 : count).map((e) => e.reply);
}

export const xrange: Handler = (client, argv) => xrangeGeneric(client, argv, false);
export const xrevrange: Handler = (client, argv) => xrangeGeneric(client, argv, true);
