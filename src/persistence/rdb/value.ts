/**
 * One value in RDB form (a type byte, then the object), as Redis 7.0's
 * rdbSaveObjectType/rdbSaveObject write it and rdbLoadObject reads it — the
 * body of both DUMP payloads and RDB files. We write the plain forms Redis
 * 7.0 writes for big values (QUICKLIST_2, SET, ZSET_2, HASH) and read every
 * form 7.0 loads.
 */
import type { Value } from '../../engine/db.js';
import { parseDouble } from '../../engine/number.js';
import { Hash } from '../../engine/types/hash.js';
import { List } from '../../engine/types/list.js';
import { SetValue } from '../../engine/types/set.js';
import type { Stream, NodeLimits } from '../../engine/types/stream.js';
import { ZSet } from '../../engine/types/zset.js';
import { RdbError, type RdbReader, type RdbWriter } from './bytes.js';
import { ListpackBuilder, readListpack } from './listpack.js';
import { readStream, writeStream } from './stream.js';
import { readIntset, readZiplist, readZipmap } from './ziplist.js';

export const enum RdbType {
  String = 0,
  List = 1,
  Set = 2,
  Zset = 3,
  Hash = 4,
  Zset2 = 5,
  HashZipmap = 9,
  ListZiplist = 10,
  SetIntset = 11,
  ZsetZiplist = 12,
  HashZiplist = 13,
  ListQuicklist = 14,
  StreamListpacks = 15,
  HashListpack = 16,
  ZsetListpack = 17,
  ListQuicklist2 = 18,
  StreamListpacks2 = 19,
}

/** The encoding thresholds a loaded value is shaped by (the engine's config). */
export interface LoadLimits {
  hashEntries: number;
  hashValue: number;
  intsetEntries: number;
  zsetEntries: number;
  zsetValue: number;
  stream: NodeLimits;
}

/** Quicklist node containers (QUICKLIST_2). */
const NODE_PLAIN = 1;
const NODE_PACKED = 2;
/** Elements per listpack node we write: within what list-max-listpack-size -2 (8 KB) would hold for small ones. */
const LIST_NODE_ENTRIES = 128;
const LIST_NODE_BYTES = 8192;

export function writeValue(w: RdbWriter, value: Value): void {
  w.u8(rdbType(value));
  writeObject(w, value);
}

/** The RDB type byte a value is written with. */
export function rdbType(value: Value): RdbType {
  if (typeof value === 'string') return RdbType.String;
  switch (value.type) {
    case 'list':
      return RdbType.ListQuicklist2;
    case 'set':
      return RdbType.Set;
    case 'zset':
      return RdbType.Zset2;
    case 'hash':
      return RdbType.Hash;
    case 'stream':
      return RdbType.StreamListpacks2;
  }
}

/** The object after its type byte (a file puts the key between them). */
export function writeObject(w: RdbWriter, value: Value): void {
  if (typeof value === 'string') {
    w.string(value);
    return;
  }
  switch (value.type) {
    case 'list':
      return writeList(w, value as List);
    case 'set': {
      const members = (value as SetValue).members();
      w.lengthOf(members.length);
      for (const m of members) w.string(m);
      return;
    }
    case 'zset': {
      const zset = value as ZSet;
      w.lengthOf(zset.size);
      for (const c = zset.at(0); c.valid; c.next()) {
        w.string(c.member);
        w.binaryDouble(c.score);
      }
      return;
    }
    case 'hash': {
      const hash = value as Hash;
      w.lengthOf(hash.size);
      for (const [f, v] of hash.fields) {
        w.string(f);
        w.string(v);
      }
      return;
    }
    case 'stream':
      return writeStream(w, value as Stream);
  }
}

function writeList(w: RdbWriter, list: List): void {
  const nodes: Uint8Array[] = [];
  let lp = new ListpackBuilder();
  for (const item of list) {
    if (lp.count === LIST_NODE_ENTRIES || (lp.count > 0 && lp.bytes + item.length > LIST_NODE_BYTES)) {
      nodes.push(lp.build());
      lp = new ListpackBuilder();
    }
    lp.add(item);
  }
  if (lp.count > 0) nodes.push(lp.build());
  w.lengthOf(nodes.length);
  for (const node of nodes) {
    w.lengthOf(NODE_PACKED);
    w.blob(node);
  }
}

/** Reads the object of the given RDB type; throws RdbError on anything malformed or unknown. */
export function readValue(r: RdbReader, type: number, limits: LoadLimits): Value {
  switch (type) {
    case RdbType.String:
      return r.string();
    case RdbType.List:
      return nonEmpty(List.from(readStrings(r, r.length())));
    case RdbType.ListZiplist:
      return nonEmpty(List.from(readZiplist(r.blob())));
    case RdbType.ListQuicklist:
    case RdbType.ListQuicklist2:
      return nonEmpty(List.from(readQuicklist(r, type === RdbType.ListQuicklist2)));
    case RdbType.Set:
      return nonEmpty(SetValue.fromMembers(readStrings(r, r.length()), limits.intsetEntries));
    case RdbType.SetIntset:
      return nonEmpty(SetValue.fromMembers(readIntset(r.blob()), limits.intsetEntries));
    case RdbType.Zset:
    case RdbType.Zset2: {
      const pairs: (string | number)[] = [];
      for (let n = r.length(); n > 0; n--) pairs.push(r.string(), type === RdbType.Zset2 ? r.binaryDouble() : r.textDouble());
      return buildZset(pairs, limits);
    }
    case RdbType.ZsetZiplist:
    case RdbType.ZsetListpack: {
      const flat = type === RdbType.ZsetListpack ? readListpack(r.blob()) : readZiplist(r.blob());
      if (flat.length % 2) throw new RdbError('odd sorted set listpack');
      const pairs: (string | number)[] = [];
      for (let i = 0; i < flat.length; i += 2) pairs.push(flat[i], parseDouble(flat[i + 1]) ?? NaN);
      return buildZset(pairs, limits);
    }
    case RdbType.Hash:
      return buildHash(readStrings(r, r.length() * 2), limits);
    case RdbType.HashZipmap:
      return buildHash(readZipmap(r.blob()), limits);
    case RdbType.HashZiplist:
      return buildHash(readZiplist(r.blob()), limits);
    case RdbType.HashListpack:
      return buildHash(readListpack(r.blob()), limits);
    case RdbType.StreamListpacks:
    case RdbType.StreamListpacks2:
      return readStream(r, type === RdbType.StreamListpacks2, limits.stream);
    default:
      throw new RdbError(`unknown value type ${type}`);
  }
}

function readStrings(r: RdbReader, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.string());
  return out;
}

function readQuicklist(r: RdbReader, v2: boolean): string[] {
  const items: string[] = [];
  for (let nodes = r.length(); nodes > 0; nodes--) {
    const container = v2 ? r.length() : NODE_PACKED;
    if (container === NODE_PLAIN) {
      items.push(r.string());
    } else if (container === NODE_PACKED) {
      const blob = r.blob();
      for (const item of v2 ? readListpack(blob) : readZiplist(blob)) items.push(item);
    } else {
      throw new RdbError('bad quicklist container');
    }
  }
  return items;
}

function buildZset(pairs: (string | number)[], limits: LoadLimits): ZSet {
  let fits = pairs.length / 2 <= limits.zsetEntries;
  for (let i = 0; fits && i < pairs.length; i += 2) fits = (pairs[i] as string).length <= limits.zsetValue;
  const zset = new ZSet(fits);
  for (let i = 0; i < pairs.length; i += 2) {
    const member = pairs[i] as string;
    const score = pairs[i + 1] as number;
    if (Number.isNaN(score) || zset.score(member) !== undefined) throw new RdbError('bad sorted set element');
    zset.insert(score, member);
  }
  return nonEmpty(zset);
}

function buildHash(flat: string[], limits: LoadLimits): Hash {
  if (flat.length % 2) throw new RdbError('odd hash listpack');
  const hash = new Hash();
  const hashLimits = { entries: limits.hashEntries, value: limits.hashValue };
  for (let i = 0; i < flat.length; i += 2) {
    if (!hash.set(flat[i], flat[i + 1], hashLimits)) throw new RdbError('duplicate hash field');
  }
  return nonEmpty(hash);
}

/** Redis refuses empty collections (they cannot exist as keys). */
function nonEmpty<T extends { size: number }>(value: T): T {
  if (value.size === 0) throw new RdbError('empty collection');
  return value;
}
