/**
 * The ordered half of a sorted set: (score, member) pairs kept in Redis's
 * order — by score, then by member bytes — in a counted B+ tree.
 *
 * Leaves hold up to LEAF_MAX pairs in two parallel arrays and are chained both
 * ways, so range walks are plain array reads. Inner nodes keep each child's
 * element count, which gives rank → position and position → rank in
 * O(log n), as the spans of Redis's skiplist do, with a handful of objects
 * per hundred elements instead of several per element.
 *
 * Inner nodes route with separators: `sepScores[i], sepMembers[i]` is a lower
 * bound of child i's pairs and lies above every pair of child i - 1 (entry 0
 * is never used for routing). Deletions may leave a separator below its
 * child's first pair; it still routes correctly, so it is never refreshed.
 */

const LEAF_MAX = 128;
const LEAF_MIN = LEAF_MAX >> 1;
const INNER_MAX = 64;
const INNER_MIN = INNER_MAX >> 1;

class Leaf {
  readonly leaf = true;
  scores: number[] = [];
  members: string[] = [];
  prev: Leaf | null = null;
  next: Leaf | null = null;

  get size(): number {
    return this.members.length;
  }
}

class Inner {
  readonly leaf = false;
  children: Node[] = [];
  counts: number[] = [];
  sepScores: number[] = [];
  sepMembers: string[] = [];
  size = 0;
}

type Node = Leaf | Inner;

/** A predicate over pairs that is monotone in the index order (false… then true…, or the reverse). */
export type PairPredicate = (score: number, member: string) => boolean;

/** (s1, m1) < (s2, m2) in sorted-set order. */
function less(s1: number, m1: string, s2: number, m2: string): boolean {
  return s1 < s2 || (s1 === s2 && m1 < m2);
}

/** A position in the index, for walking a range in either direction. */
export class Cursor {
  constructor(
    private leaf: Leaf | null,
    private i: number,
  ) {}

  get valid(): boolean {
    return this.leaf !== null;
  }
  get score(): number {
    return this.leaf!.scores[this.i];
  }
  get member(): string {
    return this.leaf!.members[this.i];
  }

  next(): void {
    const leaf = this.leaf!;
    if (++this.i < leaf.size) return;
    this.leaf = leaf.next;
    this.i = 0;
  }

  prev(): void {
    if (--this.i >= 0) return;
    this.leaf = this.leaf!.prev;
    this.i = this.leaf ? this.leaf.size - 1 : 0;
  }
}

export class OrderedIndex {
  private root: Node = new Leaf();

  get size(): number {
    return this.root.size;
  }

  /** Builds an index from pairs already in order, in O(n). */
  static fromSorted(scores: number[], members: string[]): OrderedIndex {
    const index = new OrderedIndex();
    const n = members.length;
    if (n === 0) return index;
    const leaves: Leaf[] = [];
    for (const [from, to] of chunks(n, LEAF_MAX)) {
      const leaf = new Leaf();
      leaf.scores = scores.slice(from, to);
      leaf.members = members.slice(from, to);
      const last = leaves[leaves.length - 1];
      if (last) {
        last.next = leaf;
        leaf.prev = last;
      }
      leaves.push(leaf);
    }
    let level: Node[] = leaves;
    while (level.length > 1) {
      const parents: Inner[] = [];
      for (const [from, to] of chunks(level.length, INNER_MAX)) {
        const node = new Inner();
        for (let i = from; i < to; i++) appendChild(node, level[i]);
        parents.push(node);
      }
      level = parents;
    }
    index.root = level[0];
    return index;
  }

  /** Adds a pair; the member must not be in the index. */
  insert(score: number, member: string): void {
    const split = insertInto(this.root, score, member);
    if (split) {
      const root = new Inner();
      appendChild(root, this.root);
      appendChild(root, split);
      this.root = root;
    }
  }

  /** Removes a pair; false if it is not there. */
  delete(score: number, member: string): boolean {
    if (!deleteFrom(this.root, score, member)) return false;
    this.shrinkRoot();
    return true;
  }

  /** Removes the pairs at ranks start..end (inclusive, 0-based), telling `removed` each member. */
  deleteRange(start: number, end: number, removed: (member: string) => void): void {
    const count = end - start + 1;
    if (count <= 0) return;
    if (count * 4 > this.size) {
      // Removing a large share: rebuilding from what stays is linear.
      const scores: number[] = [];
      const members: string[] = [];
      let rank = 0;
      for (const c = this.at(0); c.valid; c.next(), rank++) {
        if (rank >= start && rank <= end) removed(c.member);
        else {
          scores.push(c.score);
          members.push(c.member);
        }
      }
      this.root = OrderedIndex.fromSorted(scores, members).root;
      return;
    }
    for (let k = 0; k < count; k++) {
      const c = this.at(start);
      removed(c.member);
      this.delete(c.score, c.member);
    }
  }

  /** The 0-based rank of a pair, or -1 if it is not there. */
  rank(score: number, member: string): number {
    let node = this.root;
    let rank = 0;
    while (!node.leaf) {
      const i = route(node, score, member);
      for (let j = 0; j < i; j++) rank += node.counts[j];
      node = node.children[i];
    }
    const i = lowerBound(node, score, member);
    if (i < node.size && node.scores[i] === score && node.members[i] === member) return rank + i;
    return -1;
  }

  /** A cursor at a rank (invalid when the rank is out of range). */
  at(rank: number): Cursor {
    if (rank < 0 || rank >= this.size) return new Cursor(null, 0);
    let node = this.root;
    while (!node.leaf) {
      let i = 0;
      while (rank >= node.counts[i]) rank -= node.counts[i++];
      node = node.children[i];
    }
    return new Cursor(node, rank);
  }

  /**
   * The rank of the first pair for which `pred` holds, `pred` being false for
   * a prefix of the index and true after it; the size if it never holds.
   * `linearLeaf` scans the final leaf from its start instead of bisecting it,
   * which is how Redis searches a compact (listpack) sorted set — it only
   * matters for predicates that are not monotone (lex ranges over mixed scores).
   */
  firstWhere(pred: PairPredicate, linearLeaf = false): number {
    let node = this.root;
    let rank = 0;
    while (!node.leaf) {
      // The last child whose separator fails pred holds the first pair that passes it.
      let lo = 1;
      let hi = node.children.length - 1;
      let i = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (pred(node.sepScores[mid], node.sepMembers[mid])) hi = mid - 1;
        else lo = (i = mid) + 1;
      }
      for (let j = 0; j < i; j++) rank += node.counts[j];
      node = node.children[i];
    }
    const n = node.size;
    if (linearLeaf) {
      let i = 0;
      while (i < n && !pred(node.scores[i], node.members[i])) i++;
      return rank + i;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(node.scores[mid], node.members[mid])) hi = mid;
      else lo = mid + 1;
    }
    return rank + lo;
  }

  /**
   * The rank of the last pair for which `pred` holds, `pred` being true for a
   * prefix of the index and false after it; -1 if it never holds.
   * `linearLeaf` scans the final leaf from its end (see firstWhere).
   */
  lastWhere(pred: PairPredicate, linearLeaf = false): number {
    let node = this.root;
    let rank = 0;
    while (!node.leaf) {
      // The last child whose separator passes pred holds the last pair that passes it.
      let lo = 1;
      let hi = node.children.length - 1;
      let i = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (pred(node.sepScores[mid], node.sepMembers[mid])) lo = (i = mid) + 1;
        else hi = mid - 1;
      }
      for (let j = 0; j < i; j++) rank += node.counts[j];
      node = node.children[i];
    }
    if (linearLeaf) {
      let i = node.size - 1;
      while (i >= 0 && !pred(node.scores[i], node.members[i])) i--;
      return rank + i;
    }
    let lo = 0;
    let hi = node.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(node.scores[mid], node.members[mid])) lo = mid + 1;
      else hi = mid;
    }
    return rank + lo - 1;
  }

  private shrinkRoot(): void {
    while (!this.root.leaf && this.root.children.length === 1) this.root = this.root.children[0];
  }
}

/** Splits n items into the fewest runs of at most max, as even as possible. */
function chunks(n: number, max: number): [number, number][] {
  const parts = Math.ceil(n / max);
  const runs: [number, number][] = [];
  for (let p = 0, from = 0; p < parts; p++) {
    const to = Math.round(((p + 1) * n) / parts);
    runs.push([from, to]);
    from = to;
  }
  return runs;
}

function firstScore(node: Node): number {
  while (!node.leaf) node = node.children[0];
  return node.scores[0];
}

function firstMember(node: Node): string {
  while (!node.leaf) node = node.children[0];
  return node.members[0];
}

function appendChild(parent: Inner, child: Node): void {
  parent.children.push(child);
  parent.counts.push(child.size);
  parent.sepScores.push(firstScore(child));
  parent.sepMembers.push(firstMember(child));
  parent.size += child.size;
}

/** The child of `node` whose range holds (score, member). */
function route(node: Inner, score: number, member: string): number {
  let lo = 1;
  let hi = node.children.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (less(score, member, node.sepScores[mid], node.sepMembers[mid])) hi = mid - 1;
    else lo = (found = mid) + 1;
  }
  return found;
}

/** The first index in a leaf whose pair is not below (score, member). */
function lowerBound(leaf: Leaf, score: number, member: string): number {
  let lo = 0;
  let hi = leaf.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (less(leaf.scores[mid], leaf.members[mid], score, member)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts into a subtree; returns the new right sibling when the node split. */
function insertInto(node: Node, score: number, member: string): Node | null {
  if (node.leaf) {
    const i = lowerBound(node, score, member);
    node.scores.splice(i, 0, score);
    node.members.splice(i, 0, member);
    return node.size > LEAF_MAX ? splitLeaf(node) : null;
  }
  const i = route(node, score, member);
  const child = node.children[i];
  const split = insertInto(child, score, member);
  node.size++;
  node.counts[i] = child.size;
  if (!split) return null;
  node.children.splice(i + 1, 0, split);
  node.counts.splice(i + 1, 0, split.size);
  node.sepScores.splice(i + 1, 0, firstScore(split));
  node.sepMembers.splice(i + 1, 0, firstMember(split));
  return node.children.length > INNER_MAX ? splitInner(node) : null;
}

function splitLeaf(leaf: Leaf): Leaf {
  const half = leaf.size >> 1;
  const right = new Leaf();
  right.scores = leaf.scores.splice(half);
  right.members = leaf.members.splice(half);
  right.next = leaf.next;
  if (right.next) right.next.prev = right;
  right.prev = leaf;
  leaf.next = right;
  return right;
}

function splitInner(node: Inner): Inner {
  const half = node.children.length >> 1;
  const right = new Inner();
  right.children = node.children.splice(half);
  right.counts = node.counts.splice(half);
  right.sepScores = node.sepScores.splice(half);
  right.sepMembers = node.sepMembers.splice(half);
  for (const c of right.counts) right.size += c;
  node.size -= right.size;
  return right;
}

/** Deletes from a subtree, rebalancing children that fall under their minimum. */
function deleteFrom(node: Node, score: number, member: string): boolean {
  if (node.leaf) {
    const i = lowerBound(node, score, member);
    if (i >= node.size || node.scores[i] !== score || node.members[i] !== member) return false;
    node.scores.splice(i, 1);
    node.members.splice(i, 1);
    return true;
  }
  const i = route(node, score, member);
  const child = node.children[i];
  if (!deleteFrom(child, score, member)) return false;
  node.size--;
  node.counts[i]--;
  if (child.leaf ? child.size < LEAF_MIN : child.children.length < INNER_MIN) rebalance(node, i);
  return true;
}

/** Child i of parent is under its minimum: borrow from a sibling, or merge with one. */
function rebalance(parent: Inner, i: number): void {
  if (parent.children.length < 2) return;
  const child = parent.children[i];
  const left = i > 0 ? parent.children[i - 1] : null;
  const right = i + 1 < parent.children.length ? parent.children[i + 1] : null;
  if (child.leaf) {
    if (left && left.size > LEAF_MIN) {
      const l = left as Leaf;
      child.scores.unshift(l.scores.pop()!);
      child.members.unshift(l.members.pop()!);
      parent.sepScores[i] = child.scores[0];
      parent.sepMembers[i] = child.members[0];
      moveCount(parent, i - 1, i, 1);
    } else if (right && right.size > LEAF_MIN) {
      const r = right as Leaf;
      child.scores.push(r.scores.shift()!);
      child.members.push(r.members.shift()!);
      parent.sepScores[i + 1] = r.scores[0];
      parent.sepMembers[i + 1] = r.members[0];
      moveCount(parent, i + 1, i, 1);
    } else if (left) mergeLeaves(parent, i - 1);
    else mergeLeaves(parent, i);
    return;
  }
  if (left && (left as Inner).children.length > INNER_MIN) {
    const l = left as Inner;
    const moved = l.counts[l.counts.length - 1];
    // The child's old first subtree now needs a real separator: the parent's bound for the child.
    child.sepScores[0] = parent.sepScores[i];
    child.sepMembers[0] = parent.sepMembers[i];
    child.children.unshift(l.children.pop()!);
    child.counts.unshift(l.counts.pop()!);
    child.sepScores.unshift(l.sepScores.pop()!);
    child.sepMembers.unshift(l.sepMembers.pop()!);
    parent.sepScores[i] = child.sepScores[0];
    parent.sepMembers[i] = child.sepMembers[0];
    l.size -= moved;
    child.size += moved;
    moveCount(parent, i - 1, i, moved);
  } else if (right && (right as Inner).children.length > INNER_MIN) {
    const r = right as Inner;
    const moved = r.counts[0];
    child.children.push(r.children.shift()!);
    child.counts.push(r.counts.shift()!);
    child.sepScores.push(parent.sepScores[i + 1]);
    child.sepMembers.push(parent.sepMembers[i + 1]);
    r.sepScores.shift();
    r.sepMembers.shift();
    parent.sepScores[i + 1] = r.sepScores[0];
    parent.sepMembers[i + 1] = r.sepMembers[0];
    r.size -= moved;
    child.size += moved;
    moveCount(parent, i + 1, i, moved);
  } else if (left) mergeInners(parent, i - 1);
  else mergeInners(parent, i);
}

function moveCount(parent: Inner, from: number, to: number, n: number): void {
  parent.counts[from] -= n;
  parent.counts[to] += n;
}

/** Merges child j + 1 of parent into child j (both leaves). */
function mergeLeaves(parent: Inner, j: number): void {
  const l = parent.children[j] as Leaf;
  const r = parent.children[j + 1] as Leaf;
  for (let k = 0; k < r.size; k++) {
    l.scores.push(r.scores[k]);
    l.members.push(r.members[k]);
  }
  l.next = r.next;
  if (l.next) l.next.prev = l;
  r.prev = r.next = null;
  dropChild(parent, j);
}

/** Merges child j + 1 of parent into child j (both inner nodes). */
function mergeInners(parent: Inner, j: number): void {
  const l = parent.children[j] as Inner;
  const r = parent.children[j + 1] as Inner;
  r.sepScores[0] = parent.sepScores[j + 1];
  r.sepMembers[0] = parent.sepMembers[j + 1];
  for (let k = 0; k < r.children.length; k++) {
    l.children.push(r.children[k]);
    l.counts.push(r.counts[k]);
    l.sepScores.push(r.sepScores[k]);
    l.sepMembers.push(r.sepMembers[k]);
  }
  l.size += r.size;
  dropChild(parent, j);
}

/** Removes child j + 1 after its content moved into child j. */
function dropChild(parent: Inner, j: number): void {
  parent.counts[j] = parent.children[j].size;
  parent.children.splice(j + 1, 1);
  parent.counts.splice(j + 1, 1);
  parent.sepScores.splice(j + 1, 1);
  parent.sepMembers.splice(j + 1, 1);
}
