/**
 * An ordered map from byte-string keys to values: a B+tree whose leaves are
 * linked both ways. It plays the part of Redis's rax wherever Redis walks keys
 * in order — a stream's nodes by ID, a consumer group's pending entries, the
 * consumers and groups by name — so lookups, inserts, deletes and seeks are
 * O(log n) and a walk from a seek costs O(1) per step.
 *
 * Keys compare with `<` (memcmp order for one-char-per-byte strings).
 */

/** Most keys a node holds; a fuller node splits in two. */
const MAX = 64;
/** Fewest keys a non-root node keeps; an emptier one borrows from or merges with a sibling. */
const MIN = MAX >> 2;

class Leaf<V> {
  keys: string[] = [];
  values: V[] = [];
  prev: Leaf<V> | null = null;
  next: Leaf<V> | null = null;
}

class Branch<V> {
  /**
   * mins[i] routes keys to children[i]: every key of children[i - 1] is below
   * it and every key of children[i] at or above it. A deleted minimum may leave
   * it lower than the child's smallest key, which keeps routing correct.
   */
  mins: string[] = [];
  children: Node<V>[] = [];
}

type Node<V> = Leaf<V> | Branch<V>;

const sizeOf = <V>(n: Node<V>): number => (n instanceof Leaf ? n.keys.length : n.children.length);
const minOf = <V>(n: Node<V>): string => (n instanceof Leaf ? n.keys[0] : n.mins[0]);

/** First index whose key is >= key (or > key when `after`). */
function bound(keys: readonly string[], key: string, after: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key || (after && keys[mid] === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The child of a branch whose range holds key. */
function childIndex<V>(b: Branch<V>, key: string): number {
  const i = bound(b.mins, key, true) - 1;
  return i < 0 ? 0 : i;
}

/** A position in the map. Valid until the map is next modified. */
export class Cursor<V> {
  constructor(
    private leaf: Leaf<V>,
    private index: number,
  ) {}

  get key(): string {
    return this.leaf.keys[this.index];
  }

  get value(): V {
    return this.leaf.values[this.index];
  }

  /** Moves to the following key; false (and the cursor is spent) past the last. */
  next(): boolean {
    if (++this.index < this.leaf.keys.length) return true;
    const next = this.leaf.next;
    if (next === null) return false;
    this.leaf = next;
    this.index = 0;
    return true;
  }

  /** Moves to the preceding key; false (and the cursor is spent) before the first. */
  prev(): boolean {
    if (--this.index >= 0) return true;
    const prev = this.leaf.prev;
    if (prev === null) return false;
    this.leaf = prev;
    this.index = prev.keys.length - 1;
    return true;
  }
}

export type SeekMode = '>=' | '>' | '<=' | '<';

export class OrderedMap<V> {
  private root: Node<V> = new Leaf<V>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const leaf = this.leafFor(key);
    const i = bound(leaf.keys, key, false);
    return leaf.keys[i] === key ? leaf.values[i] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Inserts or replaces; true when the key is new. */
  set(key: string, value: V): boolean {
    const path: Branch<V>[] = [];
    const slots: number[] = [];
    let node = this.root;
    while (node instanceof Branch) {
      const i = childIndex(node, key);
      if (key < node.mins[i]) node.mins[i] = key;
      path.push(node);
      slots.push(i);
      node = node.children[i];
    }
    const i = bound(node.keys, key, false);
    if (node.keys[i] === key) {
      node.values[i] = value;
      return false;
    }
    node.keys.splice(i, 0, key);
    node.values.splice(i, 0, value);
    this.count++;
    if (node.keys.length > MAX) this.split(node, path, slots);
    return true;
  }

  /** Removes a key; true if it was there. */
  delete(key: string): boolean {
    const path: Branch<V>[] = [];
    const slots: number[] = [];
    let node = this.root;
    while (node instanceof Branch) {
      const i = childIndex(node, key);
      path.push(node);
      slots.push(i);
      node = node.children[i];
    }
    const i = bound(node.keys, key, false);
    if (node.keys[i] !== key) return false;
    node.keys.splice(i, 1);
    node.values.splice(i, 1);
    this.count--;
    this.rebalance(node, path, slots);
    return true;
  }

  clear(): void {
    this.root = new Leaf<V>();
    this.count = 0;
  }

  /** The first key (in the given relation to `key`), or null when there is none. */
  seek(key: string, mode: SeekMode): Cursor<V> | null {
    const leaf = this.leafFor(key);
    if (mode === '>=' || mode === '>') {
      const i = bound(leaf.keys, key, mode === '>');
      return i < leaf.keys.length ? new Cursor(leaf, i) : leaf.next && new Cursor(leaf.next, 0);
    }
    const i = bound(leaf.keys, key, mode === '<=') - 1;
    if (i >= 0) return new Cursor(leaf, i);
    return leaf.prev && new Cursor(leaf.prev, leaf.prev.keys.length - 1);
  }

  first(): Cursor<V> | null {
    if (this.count === 0) return null;
    let node = this.root;
    while (node instanceof Branch) node = node.children[0];
    return new Cursor(node, 0);
  }

  last(): Cursor<V> | null {
    if (this.count === 0) return null;
    let node = this.root;
    while (node instanceof Branch) node = node.children[node.children.length - 1];
    return new Cursor(node, node.keys.length - 1);
  }

  /** Every [key, value] in key order. */
  *entries(): IterableIterator<[string, V]> {
    for (let c = this.first(), more = c !== null; more; more = c!.next()) yield [c!.key, c!.value];
  }

  *values(): IterableIterator<V> {
    for (let c = this.first(), more = c !== null; more; more = c!.next()) yield c!.value;
  }

  private leafFor(key: string): Leaf<V> {
    let node = this.root;
    while (node instanceof Branch) node = node.children[childIndex(node, key)];
    return node;
  }

  /** Splits an overfull node, and its ancestors as they overflow in turn. */
  private split(node: Node<V>, path: Branch<V>[], slots: number[]): void {
    for (let level = path.length; sizeOf(node) > MAX; level--) {
      const half = sizeOf(node) >> 1;
      let right: Node<V>;
      if (node instanceof Leaf) {
        const leaf = new Leaf<V>();
        leaf.keys = node.keys.splice(half);
        leaf.values = node.values.splice(half);
        leaf.prev = node;
        leaf.next = node.next;
        if (node.next) node.next.prev = leaf;
        node.next = leaf;
        right = leaf;
      } else {
        const branch = new Branch<V>();
        branch.mins = node.mins.splice(half);
        branch.children = node.children.splice(half);
        right = branch;
      }
      if (level === 0) {
        const root = new Branch<V>();
        root.mins = [minOf(node), minOf(right)];
        root.children = [node, right];
        this.root = root;
        return;
      }
      const parent = path[level - 1];
      const slot = slots[level - 1] + 1;
      parent.mins.splice(slot, 0, minOf(right));
      parent.children.splice(slot, 0, right);
      node = parent;
    }
  }

  /** Restores minimum fill after a delete: borrow from or merge with a sibling, upwards. */
  private rebalance(node: Node<V>, path: Branch<V>[], slots: number[]): void {
    for (let level = path.length; level > 0 && sizeOf(node) < MIN; level--) {
      const parent = path[level - 1];
      const slot = slots[level - 1];
      // Pair the node with its left sibling when it has one, else with its right one.
      const left = slot > 0 ? slot - 1 : slot;
      const a = parent.children[left];
      const b = parent.children[left + 1];
      if (sizeOf(a) + sizeOf(b) <= MAX) {
        merge(a, b);
        parent.mins.splice(left + 1, 1);
        parent.children.splice(left + 1, 1);
      } else {
        parent.mins[left + 1] = redistribute(a, b);
      }
      node = parent;
    }
    while (this.root instanceof Branch && this.root.children.length === 1) this.root = this.root.children[0];
  }
}

/** Moves everything of b (the right sibling) into a. */
function merge<V>(a: Node<V>, b: Node<V>): void {
  if (a instanceof Leaf) {
    const bl = b as Leaf<V>;
    a.keys.push(...bl.keys);
    a.values.push(...bl.values);
    a.next = bl.next;
    if (bl.next) bl.next.prev = a;
  } else {
    const bb = b as Branch<V>;
    a.mins.push(...bb.mins);
    a.children.push(...bb.children);
  }
}

/** Evens out two adjacent siblings; returns the new separator (b's minimum). */
function redistribute<V>(a: Node<V>, b: Node<V>): string {
  const total = sizeOf(a) + sizeOf(b);
  const target = total >> 1;
  if (a instanceof Leaf) {
    const bl = b as Leaf<V>;
    if (a.keys.length > target) {
      bl.keys.unshift(...a.keys.splice(target));
      bl.values.unshift(...a.values.splice(target));
    } else {
      const n = target - a.keys.length;
      a.keys.push(...bl.keys.splice(0, n));
      a.values.push(...bl.values.splice(0, n));
    }
    return bl.keys[0];
  }
  const bb = b as Branch<V>;
  if (a.children.length > target) {
    bb.mins.unshift(...a.mins.splice(target));
    bb.children.unshift(...a.children.splice(target));
  } else {
    const n = target - a.children.length;
    a.mins.push(...bb.mins.splice(0, n));
    a.children.push(...bb.children.splice(0, n));
  }
  return bb.mins[0];
}
