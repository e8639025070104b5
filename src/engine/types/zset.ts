/**
 * The sorted set value: a Map member → score beside an OrderedIndex of
 * (score, member) pairs, as Redis pairs a dict with a skiplist. The Map
 * answers ZSCORE in O(1); the index answers everything positional in
 * O(log n).
 *
 * The structure is the same whatever the size; `encoding()` reports what
 * Redis would use for this content, following its one-way rule: a set starts
 * compact ("listpack") when small and becomes "skiplist" once it outgrows
 * zset-max-listpack-entries / zset-max-listpack-value, never back — except
 * where Redis builds a fresh result (ZUNIONSTORE …), which `compactIfFits`
 * mirrors.
 */
import type { Collection } from '../db.js';
import { ErrorReply } from '../reply.js';
import { strtodWhole } from '../strtod.js';
import { Cursor, OrderedIndex } from './ordered-index.js';

/** zset-max-listpack-entries and zset-max-listpack-value, read once per command. */
export interface ListpackLimits {
  entries: number;
  value: number;
}

/** ZADD input flags (Redis's ZADD_IN_*). */
export const ZADD_NX = 1;
export const ZADD_XX = 2;
export const ZADD_GT = 4;
export const ZADD_LT = 8;
export const ZADD_INCR = 16;

/** What `add` did (Redis's ZADD_OUT_* folded into one value). */
export const enum AddOutcome {
  /** The score (or the incremented score) is NaN: nothing changed. */
  NaN,
  /** Not performed because of NX, XX, GT or LT. */
  Skipped,
  /** Performed, but the score did not change. */
  Same,
  Added,
  Updated,
}

export class ZSet implements Collection {
  readonly type = 'zset' as const;
  private scores = new Map<string, number>();
  private index = new OrderedIndex();
  /** The score the last `add` computed (ZADD INCR and ZINCRBY reply with it). */
  lastScore = 0;

  /** @param compact whether Redis would hold this set as a listpack. */
  constructor(private compact: boolean) {}

  /** A new set the way ZADD creates one: compact unless the first member is already too long. */
  static forFirstMember(member: string, limits: ListpackLimits): ZSet {
    return new ZSet(limits.entries > 0 && member.length <= limits.value);
  }

  /**
   * A freshly built result (ZUNIONSTORE …) holding these member → score
   * entries; the map is taken over. In skiplist form, as Redis builds
   * results, until `compactIfFits`.
   */
  static fromMap(entries: Map<string, number>): ZSet {
    const pairs: [number, string][] = [];
    for (const [member, score] of entries) pairs.push([score, member]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const zset = new ZSet(false);
    zset.scores = entries;
    zset.index = OrderedIndex.fromSorted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    return zset;
  }

  get size(): number {
    return this.scores.size;
  }

  encoding(): string {
    return this.compact ? 'listpack' : 'skiplist';
  }

  clone(): ZSet {
    const copy = new ZSet(this.compact);
    const scores: number[] = [];
    const members: string[] = [];
    for (const c = this.index.at(0); c.valid; c.next()) {
      scores.push(c.score);
      members.push(c.member);
      copy.scores.set(c.member, c.score);
    }
    copy.index = OrderedIndex.fromSorted(scores, members);
    return copy;
  }

  score(member: string): number | undefined {
    return this.scores.get(member);
  }

  /**
   * Redis's zsetAdd: adds a member or updates its score under the ZADD_*
   * flags (INCR adds `score` to the current one). A new member past the
   * listpack limits turns a compact set into a skiplist one.
   */
  add(score: number, member: string, flags: number, limits: ListpackLimits): AddOutcome {
    if (score !== score) return AddOutcome.NaN;
    const current = this.scores.get(member);
    if (current === undefined) {
      if (flags & ZADD_XX) return AddOutcome.Skipped;
      if (this.compact && (this.size + 1 > limits.entries || member.length > limits.value)) this.compact = false;
      this.lastScore = score;
      this.insert(score, member);
      return AddOutcome.Added;
    }
    if (flags & ZADD_NX) return AddOutcome.Skipped;
    if (flags & ZADD_INCR) {
      score += current;
      if (score !== score) return AddOutcome.NaN;
    }
    if ((flags & ZADD_LT && score >= current) || (flags & ZADD_GT && score <= current)) return AddOutcome.Skipped;
    this.lastScore = score;
    if (score === current) return AddOutcome.Same;
    this.index.delete(current, member);
    this.insert(score, member);
    return AddOutcome.Updated;
  }

  /**
   * Adds a member known to be absent, without encoding checks (building
   * results). A listpack keeps integral scores as integers, so it stores -0
   * as 0: a compact set does the same.
   */
  insert(score: number, member: string): void {
    if (this.compact) score += 0;
    this.scores.set(member, score);
    this.index.insert(score, member);
  }

  delete(member: string): boolean {
    const score = this.scores.get(member);
    if (score === undefined) return false;
    this.scores.delete(member);
    this.index.delete(score, member);
    return true;
  }

  /** 0-based rank from the lowest score (or the highest when reverse); -1 if absent. */
  rank(member: string, reverse = false): number {
    const score = this.scores.get(member);
    if (score === undefined) return -1;
    const rank = this.index.rank(score, member);
    return reverse ? this.size - 1 - rank : rank;
  }

  /** A cursor at a rank counted from the lowest score. */
  at(rank: number): Cursor {
    return this.index.at(rank);
  }

  /** Removes ranks start..end (0-based, inclusive, within bounds); returns how many. */
  deleteRange(start: number, end: number): number {
    const before = this.size;
    this.index.deleteRange(start, end, (member) => this.scores.delete(member));
    return before - this.size;
  }

  /** Rank of the first member in a score range, or -1 (zslFirstInRange). */
  firstInScoreRange(range: ScoreRange): number {
    if (!this.intersectsScoreRange(range)) return -1;
    const rank = this.index.firstWhere((s) => scoreGteMin(s, range));
    return scoreLteMax(this.index.at(rank).score, range) ? rank : -1;
  }

  /** Rank of the last member in a score range, or -1 (zslLastInRange). */
  lastInScoreRange(range: ScoreRange): number {
    if (!this.intersectsScoreRange(range)) return -1;
    const rank = this.index.lastWhere((s) => scoreLteMax(s, range));
    return rank >= 0 && scoreGteMin(this.index.at(rank).score, range) ? rank : -1;
  }

  /**
   * Rank of the first member in a lex range, or -1 (zslFirstInLexRange). Lex
   * ranges assume equal scores; when they differ Redis's answer depends on
   * its encoding, and a compact set is scanned from the start as Redis scans
   * a listpack.
   */
  firstInLexRange(range: LexRange): number {
    if (!this.intersectsLexRange(range)) return -1;
    const rank = this.index.firstWhere((_, m) => lexGteMin(m, range), this.compact);
    return rank < this.size && lexLteMax(this.index.at(rank).member, range) ? rank : -1;
  }

  /** Rank of the last member in a lex range, or -1 (zslLastInLexRange). */
  lastInLexRange(range: LexRange): number {
    if (!this.intersectsLexRange(range)) return -1;
    const rank = this.index.lastWhere((_, m) => lexLteMax(m, range), this.compact);
    return rank >= 0 && lexGteMin(this.index.at(rank).member, range) ? rank : -1;
  }

  /** Members in order, lowest score first. */
  *[Symbol.iterator](): IterableIterator<[member: string, score: number]> {
    for (const c = this.index.at(0); c.valid; c.next()) yield [c.member, c.score];
  }

  /** Members from the highest score down: the order Redis's set operations read a sorted set in. */
  *descending(): IterableIterator<[member: string, score: number]> {
    for (const c = this.index.at(this.size - 1); c.valid; c.prev()) yield [c.member, c.score];
  }

  /** SORT reads sorted sets through their skiplist form and converts compact ones first. */
  convertToSkiplist(): void {
    this.compact = false;
  }

  /** zsetConvertToListpackIfNeeded: a freshly built result becomes compact when it fits. */
  compactIfFits(limits: ListpackLimits): void {
    if (this.compact || this.size > limits.entries) return;
    const negativeZeros: string[] = [];
    for (const [member, score] of this.scores) {
      if (member.length > limits.value) return;
      if (Object.is(score, -0)) negativeZeros.push(member);
    }
    this.compact = true;
    for (const member of negativeZeros) {
      this.index.delete(0, member);
      this.insert(0, member);
    }
  }

  /** Member → score, read-only (ZSCAN's cursor, set operations, SORT). */
  get members(): ReadonlyMap<string, number> {
    return this.scores;
  }

  /** zslIsInRange: false when the range is empty or misses the set entirely. */
  private intersectsScoreRange(range: ScoreRange): boolean {
    if (range.min > range.max || (range.min === range.max && (range.minex || range.maxex))) return false;
    const n = this.size;
    return n > 0 && scoreGteMin(this.index.at(n - 1).score, range) && scoreLteMax(this.index.at(0).score, range);
  }

  /** zslIsInLexRange. */
  private intersectsLexRange(range: LexRange): boolean {
    const cmp = compareLexBounds(range.min, range.max);
    if (cmp > 0 || (cmp === 0 && (range.min.exclusive || range.max.exclusive))) return false;
    const n = this.size;
    return n > 0 && lexGteMin(this.index.at(n - 1).member, range) && lexLteMax(this.index.at(0).member, range);
  }
}

// ——— Score ranges ———

/** A ZRANGEBYSCORE interval: "(1.5" is exclusive, "-inf" / "+inf" are open ends. */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** zslParseRange: Redis reads the bounds with plain strtod, so " 1", "" and "1e999" are accepted. */
export function parseScoreRange(min: string, max: string): ScoreRange {
  const lo = parseScoreBound(min);
  const hi = parseScoreBound(max);
  if (!lo || !hi) throw new ErrorReply('ERR min or max is not a float');
  return { min: lo.value, max: hi.value, minex: lo.exclusive, maxex: hi.exclusive };
}

function parseScoreBound(arg: string): { value: number; exclusive: boolean } | null {
  const exclusive = arg.charCodeAt(0) === 40; /* ( */
  const parsed = strtodWhole(exclusive ? arg.slice(1) : arg);
  return parsed && { value: parsed.value, exclusive };
}

export const scoreGteMin = (score: number, r: ScoreRange): boolean => (r.minex ? score > r.min : score >= r.min);
export const scoreLteMax = (score: number, r: ScoreRange): boolean => (r.maxex ? score < r.max : score <= r.max);

// ——— Lex ranges ———

/** One end of a ZRANGEBYLEX interval: "[a" / "(a", or "-" / "+" (below / above every string). */
export interface LexBound {
  /** -1 for "-", 1 for "+", 0 for a string bound. */
  readonly infinity: -1 | 0 | 1;
  readonly value: string;
  readonly exclusive: boolean;
}

export interface LexRange {
  min: LexBound;
  max: LexBound;
}

const MINUS: LexBound = { infinity: -1, value: '', exclusive: true };
const PLUS: LexBound = { infinity: 1, value: '', exclusive: true };

/** zslParseLexRange. */
export function parseLexRange(min: string, max: string): LexRange {
  const lo = parseLexBound(min);
  const hi = parseLexBound(max);
  if (!lo || !hi) throw new ErrorReply('ERR min or max not valid string range item');
  return { min: lo, max: hi };
}

function parseLexBound(arg: string): LexBound | null {
  switch (arg.charCodeAt(0)) {
    case 43: /* + */
    case 45: /* - */
      // Redis tests the byte after the sign as a C string: "+" alone, or followed by a NUL.
      if (arg.length > 1 && arg.charCodeAt(1) !== 0) return null;
      return arg[0] === '+' ? PLUS : MINUS;
    case 40: /* ( */
      return { infinity: 0, value: arg.slice(1), exclusive: true };
    case 91: /* [ */
      return { infinity: 0, value: arg.slice(1), exclusive: false };
    default:
      return null;
  }
}

/** sdscmplex between a member and a bound. */
function compareToBound(member: string, bound: LexBound): number {
  if (bound.infinity !== 0) return -bound.infinity;
  return member < bound.value ? -1 : member > bound.value ? 1 : 0;
}

/** sdscmplex between two bounds: "-" and "+" compare equal only to themselves. */
function compareLexBounds(a: LexBound, b: LexBound): number {
  if (a.infinity !== 0 && a.infinity === b.infinity) return 0;
  if (a.infinity === -1 || b.infinity === 1) return -1;
  if (a.infinity === 1 || b.infinity === -1) return 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function lexGteMin(member: string, r: LexRange): boolean {
  const cmp = compareToBound(member, r.min);
  return r.min.exclusive ? cmp > 0 : cmp >= 0;
}

export function lexLteMax(member: string, r: LexRange): boolean {
  const cmp = compareToBound(member, r.max);
  return r.max.exclusive ? cmp < 0 : cmp <= 0;
}
