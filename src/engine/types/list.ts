/**
 * The list value: a deque on a growable ring buffer. Pushes and pops at both
 * ends are O(1) amortised and any index is O(1) to read or write, so LINDEX,
 * LSET and LRANGE cost what Redis's quicklist costs or less; inserting or
 * removing in the middle shifts the shorter side (O(n), as in Redis).
 *
 * Redis 7.0 stores every list as a quicklist (listpack-encoded lists came in
 * 7.2), so that is the only encoding OBJECT ENCODING reports.
 */
import type { Collection } from '../db.js';

/** Capacity never shrinks below this (a power of two). */
const MIN_CAPACITY = 8;

export class List implements Collection {
  readonly type = 'list' as const;
  /** Slots; live elements are `length` slots from `head`, wrapping around. Capacity is a power of two. */
  private slots: (string | undefined)[];
  private mask: number;
  private head = 0;
  private length = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.slots = new Array<string | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  static from(items: readonly string[]): List {
    const list = new List(items.length);
    for (let i = 0; i < items.length; i++) list.slots[i] = items[i];
    list.length = items.length;
    return list;
  }

  get size(): number {
    return this.length;
  }

  encoding(): string {
    return 'quicklist';
  }

  clone(): List {
    return List.from(this.range(0, this.length));
  }

  pushHead(value: string): void {
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    this.head = (this.head - 1) & this.mask;
    this.slots[this.head] = value;
    this.length++;
  }

  pushTail(value: string): void {
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    this.slots[(this.head + this.length) & this.mask] = value;
    this.length++;
  }

  /** Removes and returns the first element (undefined when empty). */
  popHead(): string | undefined {
    if (this.length === 0) return undefined;
    const value = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    this.shrinkIfSparse();
    return value;
  }

  /** Removes and returns the last element (undefined when empty). */
  popTail(): string | undefined {
    if (this.length === 0) return undefined;
    const i = (this.head + this.length - 1) & this.mask;
    const value = this.slots[i];
    this.slots[i] = undefined;
    this.length--;
    this.shrinkIfSparse();
    return value;
  }

  /** The element at 0 ≤ index < size. */
  at(index: number): string {
    return this.slots[(this.head + index) & this.mask] as string;
  }

  /** Replaces the element at 0 ≤ index < size. */
  set(index: number, value: string): void {
    this.slots[(this.head + index) & this.mask] = value;
  }

  /** The elements from `start` (inclusive) to `end` (exclusive), 0 ≤ start ≤ end ≤ size. */
  range(start: number, end: number): string[] {
    const out = new Array<string>(end - start);
    for (let i = start; i < end; i++) out[i - start] = this.slots[(this.head + i) & this.mask] as string;
    return out;
  }

  /** The first index ≥ `from` holding `value`, or -1. */
  indexOf(value: string, from = 0): number {
    for (let i = from; i < this.length; i++) if (this.slots[(this.head + i) & this.mask] === value) return i;
    return -1;
  }

  /** Inserts `value` so that it lands at 0 ≤ index ≤ size, shifting the shorter side. */
  insert(index: number, value: string): void {
    if (index >= this.length) return this.pushTail(value);
    if (index === 0) return this.pushHead(value);
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    const { slots, mask } = this;
    if (index < this.length / 2) {
      // Move the first `index` elements one slot towards the head.
      this.head = (this.head - 1) & mask;
      for (let i = 0; i < index; i++) slots[(this.head + i) & mask] = slots[(this.head + i + 1) & mask];
    } else {
      for (let i = this.length; i > index; i--) slots[(this.head + i) & mask] = slots[(this.head + i - 1) & mask];
    }
    slots[(this.head + index) & mask] = value;
    this.length++;
  }

  /** Removes `count` elements from each end (LTRIM, popping with COUNT). */
  trim(fromHead: number, fromTail: number): void {
    const { slots, mask } = this;
    for (let i = 0; i < fromHead; i++) slots[(this.head + i) & mask] = undefined;
    for (let i = this.length - fromTail; i < this.length; i++) slots[(this.head + i) & mask] = undefined;
    this.head = (this.head + fromHead) & mask;
    this.length -= fromHead + fromTail;
    this.shrinkIfSparse();
  }

  /**
   * Removes up to `limit` elements equal to `value` (0: all of them), scanning
   * from the head, or from the tail when `fromTail` (LREM). Returns how many went.
   */
  remove(value: string, limit: number, fromTail: boolean): number {
    const { slots, mask, length } = this;
    let removed = 0;
    if (!fromTail) {
      // Compact towards the head: `write` trails `read` by the number removed so far.
      let write = 0;
      for (let read = 0; read < length; read++) {
        const v = slots[(this.head + read) & mask];
        if (v === value && (limit === 0 || removed < limit)) removed++;
        else slots[(this.head + write++) & mask] = v;
      }
      for (let i = write; i < length; i++) slots[(this.head + i) & mask] = undefined;
    } else {
      let write = length - 1;
      for (let read = length - 1; read >= 0; read--) {
        const v = slots[(this.head + read) & mask];
        if (v === value && (limit === 0 || removed < limit)) removed++;
        else slots[(this.head + write--) & mask] = v;
      }
      for (let i = 0; i <= write; i++) slots[(this.head + i) & mask] = undefined;
      this.head = (this.head + removed) & mask;
    }
    this.length -= removed;
    this.shrinkIfSparse();
    return removed;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let i = 0; i < this.length; i++) yield this.slots[(this.head + i) & this.mask] as string;
  }

  /** Gives memory back once three quarters of the slots are empty. */
  private shrinkIfSparse(): void {
    const cap = this.slots.length;
    if (cap > MIN_CAPACITY && this.length <= cap >>> 2) this.resize(cap >>> 1);
  }

  private resize(capacity: number): void {
    const next = new Array<string | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.length; i++) next[i] = this.slots[(this.head + i) & this.mask];
    this.slots = next;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
