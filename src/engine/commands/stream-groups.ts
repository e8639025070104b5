/**
 * Consumer group management and the pending entries lists: XGROUP, XACK,
 * XPENDING, XCLAIM, XAUTOCLAIM (t_stream.c). Claims propagate as idempotent
 * XCLAIMs (and a moved last ID as XGROUP SETID), the way Redis replicates them.
 */
import type { Client } from '../client.js';
import type { Handler } from '../command.js';
import { parseInt64 } from '../number.js';
import { Err, ErrorReply, NULL_ARRAY, OK, type Reply } from '../reply.js';
import { Stream } from '../types/stream.js';
import { ENTRIES_READ_UNKNOWN, Nack, type ConsumerGroup } from '../types/stream-group.js';
import { formatId, MIN_ID, parseIdArg, type StreamId } from '../types/stream-id.js';
import {
  createConsumer,
  ensureConsumer,
  helpReply,
  idArg,
  intArg,
  lookupStream,
  markDirty,
  noGroupError,
  rangeEndArg,
  rangeStartArg,
  setIdEffect,
  strictIdArg,
  subcommandSyntaxError,
  xclaimEffect,
} from './stream-util.js';

const XGROUP_HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

export const xgroupHelp: Handler = (_client, argv) => helpReply(argv[0], XGROUP_HELP);

/** What every XGROUP subcommand but HELP reads first (xgroupCommand's preamble). */
interface GroupTarget {
  key: string;
  name: string;
  stream: Stream | undefined;
  group: ConsumerGroup | undefined;
  mkstream: boolean;
  entriesRead: number;
}

function groupTarget(client: Client, argv: string[], requireGroup: boolean): GroupTarget {
  const sub = argv[1].toLowerCase();
  const t: GroupTarget = { key: argv[2], name: argv[3], stream: undefined, group: undefined, mkstream: false, entriesRead: ENTRIES_READ_UNKNOWN };
  for (let i = 5; i < argv.length; ) {
    const opt = argv[i].toLowerCase();
    if (sub === 'create' && opt === 'mkstream') {
      t.mkstream = true;
      i++;
    } else if ((sub === 'create' || sub === 'setid') && opt === 'entriesread' && i + 1 < argv.length) {
      t.entriesRead = intArg(argv[i + 1]);
      if (t.entriesRead < 0 && t.entriesRead !== ENTRIES_READ_UNKNOWN) {
        throw new ErrorReply('ERR value for ENTRIESREAD must be positive or -1');
      }
      i += 2;
    } else {
      throw subcommandSyntaxError(argv);
    }
  }
  t.stream = lookupStream(client, t.key, true);
  if (!t.mkstream) {
    if (t.stream === undefined) {
      throw new ErrorReply(
        'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
      );
    }
    t.group = t.stream.group(t.name);
    if (t.group === undefined && requireGroup) {
      throw new ErrorReply(`NOGROUP No such consumer group '${t.name}' for key name '${t.key}'`);
    }
  }
  return t;
}

export const xgroupCreate: Handler = (client, argv) => {
  const t = groupTarget(client, argv, false);
  if (argv.length > 8) throw subcommandSyntaxError(argv);
  const id = argv[4] === '$' ? (t.stream?.lastId ?? MIN_ID) : strictIdArg(argv[4]);
  let s = t.stream;
  if (s === undefined) {
    s = new Stream();
    client.db.set(t.key, s);
  }
  if (s.createGroup(t.name, id, t.entriesRead) === null) return new ErrorReply('BUSYGROUP Consumer Group name already exists');
  markDirty(client);
  client.engine.notify('xgroup-create', 't', t.key, client.db.id);
  return OK;
};

export const xgroupSetid: Handler = (client, argv) => {
  const t = groupTarget(client, argv, true);
  if (argv.length !== 5 && argv.length !== 7) throw subcommandSyntaxError(argv);
  const group = t.group!;
  group.lastId = argv[4] === '$' ? t.stream!.lastId : idArg(argv[4]);
  group.entriesRead = t.entriesRead;
  markDirty(client);
  client.engine.notify('xgroup-setid', 't', t.key, client.db.id);
  return OK;
};

export const xgroupDestroy: Handler = (client, argv) => {
  const t = groupTarget(client, argv, false);
  if (t.group === undefined) return 0;
  t.stream!.groups!.delete(t.name);
  markDirty(client);
  client.engine.notify('xgroup-destroy', 't', t.key, client.db.id);
  // Readers blocked on this group must get their NOGROUP error now.
  client.engine.blocking.signal(client.db, t.key);
  return 1;
};

export const xgroupCreateconsumer: Handler = (client, argv) => {
  const t = groupTarget(client, argv, true);
  return createConsumer(client, t.group!, argv[4], t.key) === null ? 0 : 1;
};

export const xgroupDelconsumer: Handler = (client, argv) => {
  const t = groupTarget(client, argv, true);
  const consumer = t.group!.consumers.get(argv[4]);
  if (consumer === undefined) return 0;
  const pending = t.group!.deleteConsumer(consumer);
  markDirty(client);
  client.engine.notify('xgroup-delconsumer', 't', t.key, client.db.id);
  return pending;
};

/** The stream and group a PEL command works on, or Redis's NOGROUP error. */
function requireGroup(client: Client, key: string, name: string): { s: Stream; group: ConsumerGroup } {
  const s = lookupStream(client, key);
  const group = s?.group(name);
  if (group === undefined) throw noGroupError(key, name);
  return { s: s!, group };
}

export const xack: Handler = (client, argv) => {
  const group = lookupStream(client, argv[1])?.group(argv[2]);
  if (group === undefined) return 0;
  // All IDs are checked before any is acknowledged.
  const ids = argv.slice(3).map(strictIdArg);
  let acked = 0;
  for (const id of ids) {
    const nack = group.pel.get(id);
    if (nack === undefined) continue;
    group.ack(id, nack);
    acked++;
    markDirty(client);
  }
  return acked;
};

export const xpending: Handler = (client, argv) => {
  const [, key, groupName] = argv;
  if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) throw Err.syntax();
  let minIdle = 0;
  let start = MIN_ID;
  let end = MIN_ID;
  let count = 0;
  let consumerName: string | undefined;
  if (argv.length >= 6) {
    let at = 3;
    if (argv[3].toLowerCase() === 'idle') {
      minIdle = intArg(argv[4]);
      if (argv.length < 8) throw Err.syntax();
      at += 2;
    }
    count = Math.max(0, intArg(argv[at + 2]));
    start = rangeStartArg(argv[at]);
    end = rangeEndArg(argv[at + 1]);
    consumerName = argv[at + 3];
  }
  const { group } = requireGroup(client, key, groupName);
  if (argv.length === 3) return pendingSummary(group);
  let pel = group.pel;
  if (consumerName !== undefined) {
    const consumer = group.consumers.get(consumerName);
    if (consumer === undefined) return [];
    pel = consumer.pel;
  }
  const now = client.engine.time;
  const out: Reply[] = [];
  for (let c = pel.seek(start, '>='); c !== null && count > 0 && c.key <= end; c = c.next() ? c : null) {
    const nack = c.value;
    if (minIdle && now - nack.deliveryTime < minIdle) continue;
    count--;
    out.push([formatId(c.key), nack.consumer!.name, Math.max(0, now - nack.deliveryTime), nack.deliveryCount]);
  }
  return out;
};

/** XPENDING key group: the count, the smallest and largest IDs, and pending entries per consumer. */
function pendingSummary(group: ConsumerGroup): Reply {
  if (group.pel.size === 0) return [0, null, null, NULL_ARRAY];
  const consumers: Reply[] = [];
  for (const consumer of group.consumers.values()) {
    if (consumer.pel.size > 0) consumers.push([consumer.name, String(consumer.pel.size)]);
  }
  return [group.pel.size, formatId(group.pel.first()!.key), formatId(group.pel.last()!.key), consumers];
}

export const xclaim: Handler = (client, argv) => {
  const [, key, groupName, consumerName] = argv;
  const { s, group } = requireGroup(client, key, groupName);
  const minIdle = Math.max(0, intArg(argv[4], 'ERR Invalid min-idle-time argument for XCLAIM'));
  // IDs run until the first argument that is not one; options follow.
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const parsed = parseIdArg(argv[j], 'min', true);
    if (parsed === null) break;
    ids.push(parsed.id);
  }
  const now = client.engine.time;
  let deliveryTime = -1;
  let retryCount = -1;
  let force = false;
  let justId = false;
  let lastId = MIN_ID;
  for (; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const more = j < argv.length - 1;
    if (opt === 'force') force = true;
    else if (opt === 'justid') justId = true;
    else if (opt === 'idle' && more) deliveryTime = now - intArg(argv[++j], 'ERR Invalid IDLE option argument for XCLAIM');
    else if (opt === 'time' && more) deliveryTime = intArg(argv[++j], 'ERR Invalid TIME option argument for XCLAIM');
    else if (opt === 'retrycount' && more) retryCount = intArg(argv[++j], 'ERR Invalid RETRYCOUNT option argument for XCLAIM');
    else if (opt === 'lastid' && more) lastId = strictIdArg(argv[++j]);
    else throw new ErrorReply(`ERR Unrecognized XCLAIM option '${argv[j]}'`);
  }
  let propagateLastId = false;
  if (lastId > group.lastId) {
    group.lastId = lastId;
    propagateLastId = true;
  }
  // A time in the future or before the epoch is taken as now: clients' clocks differ.
  if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  const effects: string[][] = [];
  const out: Reply[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const idText = argv[5 + i];
    let nack = group.pel.get(id);
    const entry = s.get(id);
    if (entry === undefined) {
      // Gone from the stream: drop it from the PEL too.
      if (nack !== undefined) {
        effects.push(xclaimEffect(key, groupName, group, idText, nack));
        propagateLastId = false;
        markDirty(client);
        group.ack(id, nack);
      }
      continue;
    }
    if (force && nack === undefined) {
      nack = new Nack(now, 1, null);
      group.pel.set(id, nack);
    }
    if (nack === undefined) continue;
    // A NACK just made by FORCE has no owner and no idle time to check.
    if (nack.consumer !== null && minIdle && now - nack.deliveryTime < minIdle) continue;
    const consumer = ensureConsumer(client, group, consumerName, key);
    nack.deliveryTime = deliveryTime;
    if (retryCount >= 0) nack.deliveryCount = retryCount;
    else if (!justId) nack.deliveryCount++;
    group.transfer(id, nack, consumer);
    out.push(justId ? formatId(id) : entry.reply);
    effects.push(xclaimEffect(key, groupName, group, idText, nack));
    propagateLastId = false;
    markDirty(client);
  }
  if (propagateLastId) {
    effects.push(setIdEffect(key, groupName, group));
    markDirty(client);
  }
  client.engine.rewriteEffects(...effects);
  return out;
};

/** COUNT's bound: Redis keeps count × 10 attempts and count IDs within a long. */
const AUTOCLAIM_MAX_COUNT = (2n ** 63n - 1n) / 16n;

export const xautoclaim: Handler = (client, argv) => {
  const [, key, groupName, consumerName] = argv;
  const minIdle = Math.max(0, intArg(argv[4], 'ERR Invalid min-idle-time argument for XAUTOCLAIM'));
  const start = rangeStartArg(argv[5]);
  let count = 100;
  let justId = false;
  for (let j = 6; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    if (opt === 'count' && j < argv.length - 1) {
      const n = parseInt64(argv[++j]);
      if (n === null || n < 1n || n > AUTOCLAIM_MAX_COUNT) throw new ErrorReply('ERR COUNT must be > 0');
      count = Number(n);
    } else if (opt === 'justid') {
      justId = true;
    } else {
      throw Err.syntax();
    }
  }
  const { s, group } = requireGroup(client, key, groupName);
  const now = client.engine.time;
  const effects: string[][] = [];
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let attempts = count * 10;
  // `c` is the next pending entry to look at; what is left of it afterwards is the cursor.
  let c = group.pel.seek(start, '>=');
  while (attempts-- > 0 && count > 0 && c !== null) {
    const id = c.key;
    const nack = c.value;
    const entry = s.get(id);
    if (entry === undefined) {
      effects.push(xclaimEffect(key, groupName, group, formatId(id), nack));
      markDirty(client);
      group.ack(id, nack);
      deleted.push(formatId(id));
      count--;
      c = group.pel.seek(id, '>=');
      continue;
    }
    if (!minIdle || now - nack.deliveryTime >= minIdle) {
      const consumer = ensureConsumer(client, group, consumerName, key);
      group.transfer(id, nack, consumer);
      nack.deliveryTime = now;
      if (!justId) nack.deliveryCount++;
      claimed.push(justId ? formatId(id) : entry.reply);
      count--;
      effects.push(xclaimEffect(key, groupName, group, formatId(id), nack));
      markDirty(client);
    }
    c = c.next() ? c : null;
  }
  client.engine.rewriteEffects(...effects);
  return [formatId(c === null ? MIN_ID : c.key), claimed, deleted];
};
