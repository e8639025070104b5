/**
 * Streams in RDB form (RDB_TYPE_STREAM_LISTPACKS_2, Redis 7.0; the older
 * STREAM_LISTPACKS read too): the rax of listpack nodes keyed by master ID,
 * the counters, then each consumer group with its PEL and consumers.
 *
 * A node's listpack: live count, deleted count, the master fields and a 0
 * terminator; then per entry its flags, ms and seq deltas from the master ID,
 * its fields (or only values when they equal the master fields) and the
 * entry's element count, so the entry can be walked backwards.
 */
import { Consumer, ENTRIES_READ_UNKNOWN, Nack } from '../../engine/types/stream-group.js';
import { Stream, type NodeLimits } from '../../engine/types/stream.js';
import { idMs, idSeq, makeId, MIN_ID, msDelta, seqDelta, type StreamId } from '../../engine/types/stream-id.js';
import { RdbError, type RdbReader, type RdbWriter } from './bytes.js';
import { ListpackBuilder, readListpack } from './listpack.js';

const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;
/** Entries per node we write (stream-node-max-entries' default). */
const NODE_ENTRIES = 100;
const ID_BYTES = 16;

export function writeStream(w: RdbWriter, stream: Stream): void {
  const nodes: [StreamId, Uint8Array][] = [];
  let batch: [StreamId, string[]][] = [];
  const flush = (): void => {
    if (batch.length > 0) nodes.push([batch[0][0], nodeListpack(batch)]);
    batch = [];
  };
  stream.scan(MIN_ID, stream.lastId, false, (entry) => {
    batch.push([entry.id, entry.reply[1]]);
    if (batch.length === NODE_ENTRIES) flush();
  });
  flush();
  w.lengthOf(nodes.length);
  for (const [masterId, lp] of nodes) {
    writeRawId(w, masterId, true);
    w.blob(lp);
  }
  w.lengthOf(stream.length);
  writeId(w, stream.lastId);
  writeId(w, stream.firstId);
  writeId(w, stream.maxDeletedId);
  w.lengthOf(stream.entriesAdded);
  const groups = stream.groups ? [...stream.groups.entries()] : [];
  w.lengthOf(groups.length);
  for (const [name, group] of groups) {
    w.string(name);
    writeId(w, group.lastId);
    // -1 (unknown) is written as the unsigned 64-bit length it casts to.
    w.lengthOf(BigInt.asUintN(64, BigInt(group.entriesRead)));
    w.lengthOf(group.pel.size);
    for (const [id, nack] of group.pel.entries()) {
      writeRawId(w, id, false);
      w.millis(nack.deliveryTime);
      w.lengthOf(nack.deliveryCount);
    }
    w.lengthOf(group.consumers.size);
    for (const consumer of group.consumers.values()) {
      w.string(consumer.name);
      w.millis(consumer.seenTime);
      w.lengthOf(consumer.pel.size);
      for (const [id] of consumer.pel.entries()) writeRawId(w, id, false);
    }
  }
}

/** A node holding these entries, the first one's ID and fields as master. */
function nodeListpack(entries: [StreamId, string[]][]): Uint8Array {
  const lp = new ListpackBuilder();
  const [masterId, masterPairs] = entries[0];
  const masterFields = masterPairs.length / 2;
  lp.add(entries.length);
  lp.add(0);
  lp.add(masterFields);
  for (let i = 0; i < masterPairs.length; i += 2) lp.add(masterPairs[i]);
  lp.add(0);
  for (const [id, pairs] of entries) {
    const fields = pairs.length / 2;
    let same = fields === masterFields;
    for (let i = 0; same && i < pairs.length; i += 2) same = pairs[i] === masterPairs[i];
    lp.add(same ? FLAG_SAMEFIELDS : 0);
    lp.add(msDelta(id, masterId));
    lp.add(seqDelta(id, masterId));
    if (same) {
      for (let i = 1; i < pairs.length; i += 2) lp.add(pairs[i]);
    } else {
      lp.add(fields);
      for (const p of pairs) lp.add(p);
    }
    lp.add(same ? fields + 3 : fields * 2 + 4);
  }
  return lp.build();
}

/** A node key is a length-prefixed string; PEL IDs are the 16 bytes alone. */
function writeRawId(w: RdbWriter, id: StreamId, prefixed: boolean): void {
  if (prefixed) w.lengthOf(ID_BYTES);
  w.raw(id);
}

function writeId(w: RdbWriter, id: StreamId): void {
  w.lengthOf(idMs(id));
  w.lengthOf(idSeq(id));
}

const readId = (r: RdbReader): StreamId => makeId(r.bigLength(), r.bigLength());

export function readStream(r: RdbReader, v2: boolean, limits: NodeLimits): Stream {
  const stream = new Stream();
  for (let n = r.length(); n > 0; n--) {
    const masterId = r.string();
    if (masterId.length !== ID_BYTES) throw new RdbError('bad stream node key');
    readNode(stream, masterId, readListpack(r.blob()), limits);
  }
  if (r.length() !== stream.length) throw new RdbError('stream length mismatch');
  const lastId = readId(r);
  if (stream.length > 0 && stream.lastId > lastId) throw new RdbError('stream last ID too small');
  stream.lastId = lastId;
  if (v2) {
    stream.firstId = readId(r);
    stream.maxDeletedId = readId(r);
    stream.entriesAdded = Number(r.bigLength());
  } else {
    stream.entriesAdded = stream.length;
  }
  for (let groups = r.length(); groups > 0; groups--) readGroup(r, stream, v2);
  return stream;
}

function readNode(stream: Stream, masterId: StreamId, lp: string[], limits: NodeLimits): void {
  const int = (i: number): number => {
    if (i >= lp.length) throw new RdbError('stream node truncated');
    const v = Number(lp[i]);
    if (!Number.isSafeInteger(v)) throw new RdbError('bad stream node integer');
    return v;
  };
  if (lp.length === 0) throw new RdbError('empty stream node');
  const masterFields = int(2);
  const fields = lp.slice(3, 3 + masterFields);
  if (int(3 + masterFields) !== 0) throw new RdbError('bad stream master entry');
  const baseMs = idMs(masterId);
  const baseSeq = idSeq(masterId);
  for (let i = 4 + masterFields; i < lp.length; ) {
    const flags = int(i);
    const id = makeId(baseMs + BigInt(lp[i + 1]), baseSeq + BigInt(lp[i + 2]));
    i += 3;
    const pairs: string[] = [];
    if (flags & FLAG_SAMEFIELDS) {
      for (let f = 0; f < masterFields; f++) pairs.push(fields[f], lp[i + f]);
      i += masterFields;
    } else {
      const count = int(i++);
      for (let f = 0; f < count * 2; f++) pairs.push(lp[i + f]);
      i += count * 2;
    }
    i++; // the entry's element count
    if (i > lp.length || pairs.some((p) => p === undefined)) throw new RdbError('stream entry truncated');
    if (flags & FLAG_DELETED) continue;
    if (stream.length > 0 && id <= stream.lastId) throw new RdbError('stream IDs out of order');
    stream.append(id, pairs, limits);
  }
}

function readGroup(r: RdbReader, stream: Stream, v2: boolean): void {
  const name = r.string();
  const lastId = readId(r);
  const entriesRead = v2 ? Number(BigInt.asIntN(64, r.bigLength())) : ENTRIES_READ_UNKNOWN;
  const group = stream.createGroup(name, lastId, entriesRead);
  if (group === null) throw new RdbError('duplicate consumer group');
  for (let n = r.length(); n > 0; n--) {
    const id = r.raw(ID_BYTES);
    const time = r.millis();
    group.pel.set(id, new Nack(time, r.length(), null));
  }
  for (let n = r.length(); n > 0; n--) {
    const consumer = new Consumer(r.string(), r.millis());
    if (group.consumers.has(consumer.name)) throw new RdbError('duplicate consumer');
    group.consumers.set(consumer.name, consumer);
    for (let p = r.length(); p > 0; p--) {
      const id = r.raw(ID_BYTES);
      const nack = group.pel.get(id);
      if (nack === undefined || nack.consumer !== null) throw new RdbError('consumer PEL entry not in the group PEL');
      nack.consumer = consumer;
      consumer.pel.set(id, nack);
    }
  }
  for (const nack of group.pel.values()) if (nack.consumer === null) throw new RdbError('pending entry without consumer');
}
