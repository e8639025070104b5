/**
 * The stream type, shaped like Redis's: an ordered map (Redis: a rax) of nodes
 * keyed by their master ID, each node a run of consecutive entries (Redis: a
 * listpack). Deleted entries stay in their node as tombstones until the whole
 * node goes, as in Redis, and a node is closed when it holds
 * stream-node-max-entries entries or reaches stream-node-max-bytes — its byte
 * size is tracked exactly as listpack would encode it — so approximate trimming
 * (`MAXLEN ~`, which only drops whole nodes) leaves the same entries as Redis.
 *
 * Ranges seek a node in O(log n) and the entry inside it by binary search, then
 * walk in order: XRANGE is O(log n + count).
 */
import type { Collection } from '../db.js';
import { allocSize } from '../memory.js';
import { LP_EMPTY_BYTES, lpIntBytes, lpStringBytes } from './listpack-size.js';
import { OrderedMap } from './ordered-map.js';
import { ConsumerGroup } from './stream-group.js';
import { formatId, MAX_ID, MIN_ID, msDelta, seqDelta, type StreamId } from './stream-id.js';

export interface StreamEntry {
  readonly id: StreamId;
  /** The entry as replies show it: [id, [field, value, …]]. Never mutated once built. */
  readonly reply: [string, string[]];
  /** A tombstone: deleted, but still occupying its place in the node. */
  deleted: boolean;
}

/** Node limits, from stream-node-max-entries and stream-node-max-bytes (0 = no limit). */
export interface NodeLimits {
  maxEntries: number;
  maxBytes: number;
}

export type TrimStrategy = { kind: 'maxlen'; maxlen: number } | { kind: 'minid'; minid: StreamId };

export interface TrimArgs {
  strategy: TrimStrategy;
  /** `~`: drop whole nodes only. */
  approx: boolean;
  /** Most entries to drop (0 = no limit). */
  limit: number;
}

/** listpack can hold no more than this; Redis caps the node size here whatever the config says. */
const LISTPACK_MAX_BYTES = 1 << 30;
/** Bytes a new node's listpack is given up front (STREAM_LISTPACK_MAX_PRE_ALLOCATE). */
const NODE_PREALLOC = 4096;

class StreamNode {
  readonly entries: StreamEntry[] = [];
  /** Live entries and tombstones, as the node's listpack header counts them. */
  live = 0;
  deleted = 0;
  /** The listpack's size in bytes. */
  bytes: number;
  /** Bytes allocated for it (MEMORY USAGE): preallocated, grown on demand, shrunk when the node closes. */
  capacity: number;

  constructor(
    readonly masterId: StreamId,
    /** The first entry's field names: entries with the same fields store only their values. */
    readonly masterFields: readonly string[],
    prealloc: number,
  ) {
    let bytes = LP_EMPTY_BYTES + lpIntBytes(0) + lpIntBytes(0) + lpIntBytes(masterFields.length) + lpIntBytes(0);
    for (const f of masterFields) bytes += lpStringBytes(f);
    this.bytes = bytes;
    this.capacity = allocSize(Math.max(prealloc, LP_EMPTY_BYTES));
  }

  setCounts(live: number, deleted: number): void {
    this.bytes += lpIntBytes(live) - lpIntBytes(this.live) + lpIntBytes(deleted) - lpIntBytes(this.deleted);
    this.live = live;
    this.deleted = deleted;
  }

  append(entry: StreamEntry): void {
    const pairs = entry.reply[1];
    const fields = pairs.length >> 1;
    const same = fields === this.masterFields.length && this.masterFields.every((f, i) => f === pairs[i * 2]);
    // flags, ms delta, seq delta, [field count, fields], values, then the entry's element count.
    let bytes = lpIntBytes(same ? 2 : 0);
    bytes += lpIntBytes(msDelta(entry.id, this.masterId)) + lpIntBytes(seqDelta(entry.id, this.masterId));
    if (!same) {
      bytes += lpIntBytes(fields);
      for (let i = 0; i < pairs.length; i += 2) bytes += lpStringBytes(pairs[i]);
    }
    for (let i = 1; i < pairs.length; i += 2) bytes += lpStringBytes(pairs[i]);
    bytes += lpIntBytes(fields + 3 + (same ? 0 : fields + 1));
    this.bytes += bytes;
    this.entries.push(entry);
    this.setCounts(this.live + 1, this.deleted);
    if (this.bytes > this.capacity) this.capacity = allocSize(this.bytes);
  }

  /** The node is full: its listpack is reallocated to fit (lpShrinkToFit). */
  close(): void {
    if (this.bytes < this.capacity) this.capacity = allocSize(this.bytes);
  }

  /** Marks an entry deleted (the flag keeps its one-byte size). */
  kill(entry: StreamEntry): void {
    entry.deleted = true;
    this.setCounts(this.live - 1, this.deleted + 1);
  }

  /** Index of the first entry with id >= the given one (or > it when `after`). */
  indexOf(id: StreamId, after: boolean): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = entries[mid].id;
      if (e < id || (after && e === id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clone(): StreamNode {
    // COPY allocates each listpack at its exact size (streamDup).
    const copy = new StreamNode(this.masterId, this.masterFields, this.bytes);
    for (const e of this.entries) copy.entries.push({ id: e.id, reply: e.reply, deleted: e.deleted });
    copy.live = this.live;
    copy.deleted = this.deleted;
    copy.bytes = this.bytes;
    return copy;
  }
}

/**
 * A stream value. An empty stream is a legitimate key (XDEL of every entry
 * keeps it, with its last ID and groups): commands must not delete it when
 * `size` is 0, so they signal changes with keyModified, not touchWrite.
 */
export class Stream implements Collection {
  readonly type = 'stream';
  private readonly nodes = new OrderedMap<StreamNode>();
  /** Live entries. */
  length = 0;
  lastId: StreamId = MIN_ID;
  /** The first live entry (0-0 when empty). */
  firstId: StreamId = MIN_ID;
  maxDeletedId: StreamId = MIN_ID;
  /** Every entry ever added (XSETID may set it). */
  entriesAdded = 0;
  /** Consumer groups by name, created on first use. */
  groups: OrderedMap<ConsumerGroup> | null = null;
  /**
   * Appends this object took (unlike entriesAdded, which XSETID may set):
   * blocked readers wake for an XADD, not for other writes, as in Redis.
   */
  appends = 0;

  get size(): number {
    return this.length;
  }

  encoding(): string {
    return 'stream';
  }

  /** Radix tree keys: the nodes (XINFO radix-tree-keys). */
  get nodeCount(): number {
    return this.nodes.size;
  }

  /**
   * Appends an entry whose ID the caller checked to be above lastId; returns
   * the ID text. Starts a new node when the last one is full, as streamAppendItem.
   */
  append(id: StreamId, pairs: string[], limits: NodeLimits): string {
    let node = this.nodes.last()?.value;
    if (node !== undefined && this.nodeIsFull(node, pairs, limits)) {
      node.close();
      node = undefined;
    }
    if (node === undefined) {
      const fields: string[] = [];
      for (let i = 0; i < pairs.length; i += 2) fields.push(pairs[i]);
      const prealloc = limits.maxBytes > 0 && limits.maxBytes < NODE_PREALLOC ? limits.maxBytes : NODE_PREALLOC;
      node = new StreamNode(id, fields, prealloc);
      this.nodes.set(id, node);
    }
    const text = formatId(id);
    node.append({ id, reply: [text, pairs], deleted: false });
    this.length++;
    this.entriesAdded++;
    this.appends++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
    return text;
  }

  private nodeIsFull(node: StreamNode, pairs: string[], limits: NodeLimits): boolean {
    let maxBytes = limits.maxBytes;
    if (maxBytes === 0 || maxBytes > LISTPACK_MAX_BYTES) maxBytes = LISTPACK_MAX_BYTES;
    let payload = 0;
    for (const p of pairs) payload += p.length;
    if (node.bytes + payload >= maxBytes) return true;
    return limits.maxEntries > 0 && node.live + node.deleted >= limits.maxEntries;
  }

  /**
   * Visits the live entries with start <= id <= end, ascending (or descending
   * when rev), until `visit` returns false.
   */
  scan(start: StreamId, end: StreamId, rev: boolean, visit: (entry: StreamEntry) => boolean | void): void {
    if (start > end) return;
    if (!rev) {
      const c = this.nodes.seek(start, '<=') ?? this.nodes.first();
      if (c === null) return;
      let i = c.value.indexOf(start, false);
      do {
        const entries = c.value.entries;
        for (; i < entries.length; i++) {
          const e = entries[i];
          if (e.id > end) return;
          if (!e.deleted && visit(e) === false) return;
        }
        i = 0;
      } while (c.next());
    } else {
      const c = this.nodes.seek(end, '<=');
      if (c === null) return;
      let i = c.value.indexOf(end, true) - 1;
      do {
        const entries = c.value.entries;
        for (; i >= 0; i--) {
          const e = entries[i];
          if (e.id < start) return;
          if (!e.deleted && visit(e) === false) return;
        }
        if (!c.prev()) return;
        i = c.value.entries.length - 1;
      } while (true);
    }
  }

  /** The live entries in [start, end], at most `count` of them (0 = all). */
  range(start: StreamId, end: StreamId, rev: boolean, count: number): StreamEntry[] {
    const out: StreamEntry[] = [];
    this.scan(start, end, rev, (e) => {
      out.push(e);
      return out.length !== count;
    });
    return out;
  }

  /** A live entry by ID. */
  get(id: StreamId): StreamEntry | undefined {
    const node = this.nodes.seek(id, '<=')?.value;
    if (node === undefined) return undefined;
    const e = node.entries[node.indexOf(id, false)];
    return e !== undefined && e.id === id && !e.deleted ? e : undefined;
  }

  /** The last live entry's ID, or null (streamLastValidID). */
  lastLiveId(): StreamId | null {
    let id: StreamId | null = null;
    this.scan(MIN_ID, MAX_ID, true, (e) => {
      id = e.id;
      return false;
    });
    return id;
  }

  private firstLiveId(): StreamId {
    let id = MIN_ID;
    this.scan(MIN_ID, MAX_ID, false, (e) => {
      id = e.id;
      return false;
    });
    return id;
  }

  /** The first entry's ID, tombstones included; the largest ID when there are no nodes (streamGetEdgeID). */
  firstIdWithTombstones(): StreamId {
    return this.nodes.first()?.value.entries[0].id ?? MAX_ID;
  }

  /**
   * Deletes a live entry (XDEL); false if there is none with that ID. A node
   * whose last live entry goes is dropped whole. The caller updates
   * firstId and maxDeletedId, once per command as Redis does.
   */
  delete(id: StreamId): boolean {
    const c = this.nodes.seek(id, '<=');
    if (c === null) return false;
    const node = c.value;
    const e = node.entries[node.indexOf(id, false)];
    if (e === undefined || e.id !== id || e.deleted) return false;
    if (node.live === 1) this.nodes.delete(node.masterId);
    else node.kill(e);
    this.length--;
    return true;
  }

  /** Recomputes firstId after deletions. */
  refreshFirstId(): void {
    this.firstId = this.length === 0 ? MIN_ID : this.firstLiveId();
  }

  /**
   * Trims from the head (streamTrim) and returns how many entries went.
   * Whole nodes go while they can; unless approximate, the node where the
   * threshold falls then gets tombstones up to it.
   */
  trim({ strategy, approx, limit }: TrimArgs): number {
    let deleted = 0;
    for (let c = this.nodes.first(); c !== null; c = this.nodes.first()) {
      if (strategy.kind === 'maxlen' && this.length <= strategy.maxlen) break;
      const node = c.value;
      if (limit && deleted + node.live > limit) break;
      const removeNode =
        strategy.kind === 'maxlen'
          ? this.length - node.live >= strategy.maxlen
          : node.entries[node.entries.length - 1].id < strategy.minid;
      if (removeNode) {
        this.nodes.delete(node.masterId);
        this.length -= node.live;
        deleted += node.live;
        continue;
      }
      if (approx) break;
      let killed = 0;
      for (const e of node.entries) {
        const stop = strategy.kind === 'maxlen' ? this.length <= strategy.maxlen : e.id >= strategy.minid;
        if (stop) break;
        if (!e.deleted) {
          e.deleted = true;
          killed++;
          this.length--;
        }
      }
      node.setCounts(node.live - killed, node.deleted + killed);
      deleted += killed;
      break;
    }
    if (this.length === 0) this.firstId = MIN_ID;
    else if (deleted) this.firstId = this.firstLiveId();
    return deleted;
  }

  group(name: string): ConsumerGroup | undefined {
    return this.groups?.get(name);
  }

  /** Creates a group; null if the name is taken. */
  createGroup(name: string, lastId: StreamId, entriesRead: number): ConsumerGroup | null {
    this.groups ??= new OrderedMap<ConsumerGroup>();
    if (this.groups.has(name)) return null;
    const group = new ConsumerGroup(lastId, entriesRead);
    this.groups.set(name, group);
    return group;
  }

  /**
   * Nodes of the radix tree Redis would build over the node keys (XINFO
   * radix-tree-nodes): one per branching point, per run of bytes between
   * them and per key, plus the head. Computed on demand in O(keys × 16).
   */
  radixTreeNodes(): number {
    return radixNodesOf(this.nodes);
  }

  /**
   * MEMORY USAGE of the value without its robj, as objectComputeSize
   * estimates a stream: the listpacks' allocations (the first `samples`
   * averaged over all but the last, 0 = all), the rax and group estimates.
   */
  memoryUsage(samples: number): number {
    let size = STREAM_STRUCT + raxEstimate(this.nodes.size, this.radixTreeNodes());
    let sampled = 0;
    let n = 0;
    for (let c = this.nodes.first(); c !== null && n < (samples || Infinity); c = c.next() ? c : null) {
      sampled += c.value.capacity;
      n++;
    }
    if (this.nodes.size <= n) size += sampled;
    else size += Math.floor(sampled / n) * (this.nodes.size - 1) + this.nodes.last()!.value.capacity;
    for (const g of this.groups?.values() ?? []) {
      size += GROUP_STRUCT + raxEstimate(g.pel.size, radixNodesOf(g.pel)) + NACK_STRUCT * g.pel.size;
      for (const c of g.consumers.values()) size += CONSUMER_STRUCT + c.name.length + raxEstimate(c.pel.size, radixNodesOf(c.pel));
    }
    return size;
  }

  clone(): Stream {
    const copy = new Stream();
    for (const [key, node] of this.nodes.entries()) copy.nodes.set(key, node.clone());
    copy.length = this.length;
    copy.lastId = this.lastId;
    copy.firstId = this.firstId;
    copy.maxDeletedId = this.maxDeletedId;
    copy.entriesAdded = this.entriesAdded;
    if (this.groups) {
      copy.groups = new OrderedMap<ConsumerGroup>();
      for (const [name, g] of this.groups.entries()) copy.groups.set(name, g.clone());
    }
    return copy;
  }
}

/** sizeof(stream), sizeof(streamCG), sizeof(streamNACK), sizeof(streamConsumer) on a 64-bit build. */
const STREAM_STRUCT = 80;
const GROUP_STRUCT = 40;
const NACK_STRUCT = 24;
const CONSUMER_STRUCT = 24;

/** streamRadixTreeMemoryUsage: 16 bytes per key, and a node header plus 30 words per node. */
const raxEstimate = (keys: number, nodes: number): number => keys * 16 + nodes * (4 + 8 * 30);

/** Nodes of the radix tree Redis would hold for the ID keys of a map (1 when empty: the head). */
function radixNodesOf(map: OrderedMap<unknown>): number {
  const keys: StreamId[] = [];
  for (const [k] of map.entries()) keys.push(k);
  return keys.length === 0 ? 1 : raxNodes(keys, 0, keys.length, 0);
}

/** An ID key is the 16-byte big-endian key of Redis's rax. */
const KEY_BYTES = 16;

/** rax nodes below depth `depth` for the sorted keys [lo, hi), which share their first `depth` bytes. */
function raxNodes(keys: StreamId[], lo: number, hi: number, depth: number): number {
  if (depth === KEY_BYTES) return 1;
  // Sorted keys share exactly the prefix the first and last share.
  let common = depth;
  while (common < KEY_BYTES && keys[lo].charCodeAt(common) === keys[hi - 1].charCodeAt(common)) common++;
  if (common === KEY_BYTES) return 2; // one key: a compressed run, then the key's node
  if (common > depth) return 1 + raxNodes(keys, lo, hi, common);
  let nodes = 1;
  for (let i = lo; i < hi; ) {
    const b = keys[i].charCodeAt(depth);
    let j = i + 1;
    while (j < hi && keys[j].charCodeAt(depth) === b) j++;
    nodes += raxNodes(keys, i, j, depth + 1);
    i = j;
  }
  return nodes;
}
