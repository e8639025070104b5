/**
 * The set value. Members live in an array with a Map from member to its
 * position, so membership, adding, removing (swap with the last) and picking
 * a random member (SPOP, SRANDMEMBER) are all O(1).
 *
 * `encoding()` reports what Redis 7.0 would hold: an intset while every member
 * is an integer (as string2ll reads it) and there are at most
 * set-max-intset-entries of them, else a hashtable, never back except where
 * Redis builds a new set (SINTERSTORE …, SPOP's rebuild: `fromMembers`). An
 * intset is sorted, so while the set is one its members are listed in
 * ascending numeric order, as Redis lists them.
 */
import type { Collection } from '../db.js';
import { parseInt64 } from '../number.js';

export class SetValue implements Collection {
  readonly type = 'set' as const;
  /** member → its index in `items`. */
  readonly positions = new Map<string, number>();
  private readonly items: string[] = [];
  private intset: boolean;
  /** The members in intset order, while an intset; dropped when members come or go. */
  private sorted: string[] | null = null;

  /** @param intset whether Redis would start this set as an intset. */
  constructor(intset: boolean) {
    this.intset = intset;
  }

  /** An empty set as SADD or SMOVE creates it for its first member (setTypeCreate). */
  static forFirstMember(member: string): SetValue {
    return new SetValue(isIntegerMember(member));
  }

  /** A set built from scratch as SINTERSTORE, SUNIONSTORE … build theirs: starting as an intset. */
  static fromMembers(members: Iterable<string>, maxIntset: number): SetValue {
    const set = new SetValue(true);
    for (const m of members) set.add(m, maxIntset);
    return set;
  }

  get size(): number {
    return this.items.length;
  }

  encoding(): string {
    return this.intset ? 'intset' : 'hashtable';
  }

  clone(): SetValue {
    const copy = new SetValue(this.intset);
    for (const m of this.items) copy.append(m);
    return copy;
  }

  has(member: string): boolean {
    return this.positions.has(member);
  }

  /**
   * Adds a member (setTypeAdd); true if it was new. A non-integer member, or
   * one member more than `maxIntset`, turns an intset into a hashtable.
   */
  add(member: string, maxIntset: number): boolean {
    if (this.positions.has(member)) return false;
    this.append(member);
    if (this.intset && (this.items.length > maxIntset || !isIntegerMember(member))) this.intset = false;
    return true;
  }

  delete(member: string): boolean {
    const i = this.positions.get(member);
    if (i === undefined) return false;
    const last = this.items.pop() as string;
    if (i < this.items.length) {
      this.items[i] = last;
      this.positions.set(last, i);
    }
    this.positions.delete(member);
    this.sorted = null;
    return true;
  }

  /** A uniformly random member of a non-empty set. */
  random(random: () => number): string {
    return this.items[Math.floor(random() * this.items.length)];
  }

  /** The members in the order Redis would list them (shared: do not modify). */
  members(): readonly string[] {
    if (!this.intset) return this.items;
    return (this.sorted ??= [...this.items].sort(compareIntegers));
  }

  private append(member: string): void {
    this.positions.set(member, this.items.length);
    this.items.push(member);
    this.sorted = null;
  }
}

/**
 * Whether a member can live in an intset: what string2ll accepts (no sign but
 * '-', no leading zeros, within int64). Short strings are checked by hand,
 * as SADD of small numbers is a hot path.
 */
export function isIntegerMember(s: string): boolean {
  const len = s.length;
  if (len === 0 || len > 20) return false;
  if (len >= 18) return parseInt64(s) !== null;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === len) return false;
  const first = s.charCodeAt(i);
  if (first === 48 /* 0 */) return len === 1;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Orders canonical integer strings numerically without parsing them. */
function compareIntegers(a: string, b: string): number {
  const negA = a.charCodeAt(0) === 45;
  const negB = b.charCodeAt(0) === 45;
  if (negA !== negB) return negA ? -1 : 1;
  const order = a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return negA ? -order : order;
}
