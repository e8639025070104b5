import { seededRandom as rng } from '../../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { OrderedIndex } from './ordered-index.js';

type Pair = [score: number, member: string];

const cmp = (a: Pair, b: Pair) => (a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));


function contents(index: OrderedIndex): Pair[] {
  const out: Pair[] = [];
  for (const c = index.at(0); c.valid; c.next()) out.push([c.score, c.member]);
  return out;
}

function contentsBackwards(index: OrderedIndex): Pair[] {
  const out: Pair[] = [];
  for (const c = index.at(index.size - 1); c.valid; c.prev()) out.push([c.score, c.member]);
  return out.reverse();
}

function assert(ok: boolean, what: string): void {
  if (!ok) throw new Error(`broken invariant: ${what}`);
}

/** Walks the tree (through its private fields) and checks every structural invariant. */
function checkStructure(index: OrderedIndex): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const root = (index as any).root;
  const leaves: unknown[] = [];
  const walk = (node: any, lo: Pair | null, isRoot: boolean): number => {
    if (node.leaf) {
      assert(node.scores.length === node.members.length, 'parallel arrays');
      if (!isRoot) assert(node.members.length >= 64, 'leaf fill');
      assert(node.members.length <= 128, 'leaf capacity');
      for (let i = 0; i < node.members.length; i++) {
        const p: Pair = [node.scores[i], node.members[i]];
        if (lo) assert(cmp(lo, p) <= 0, 'separator is a lower bound');
        if (i > 0) assert(cmp([node.scores[i - 1], node.members[i - 1]], p) < 0, 'leaf order');
      }
      leaves.push(node);
      return node.members.length;
    }
    const n = node.children.length;
    assert(n >= (isRoot ? 2 : 32), 'inner fill');
    assert(n <= 64, 'inner capacity');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const sep: Pair | null = i === 0 ? lo : [node.sepScores[i], node.sepMembers[i]];
      const size = walk(node.children[i], sep, false);
      assert(node.counts[i] === size, 'child count');
      total += size;
      if (i + 1 < n) {
        // Every pair of child i lies below the next separator.
        const next: Pair = [node.sepScores[i + 1], node.sepMembers[i + 1]];
        const last = lastPair(node.children[i]);
        if (last) assert(cmp(last, next) < 0, 'separator above left sibling');
      }
    }
    assert(node.size === total, 'subtree size');
    return total;
  };
  const lastPair = (node: any): Pair | null => {
    while (!node.leaf) node = node.children[node.children.length - 1];
    const k = node.members.length - 1;
    return k < 0 ? null : [node.scores[k], node.members[k]];
  };
  walk(root, null, true);
  // The leaf chain visits the leaves in order, both ways.
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i] as any;
    assert(leaf.prev === (i > 0 ? leaves[i - 1] : null), 'prev link');
    assert(leaf.next === (i + 1 < leaves.length ? leaves[i + 1] : null), 'next link');
  }
}

describe('OrderedIndex', () => {
  it('matches a sorted array under random inserts and deletes', () => {
    for (const seed of [1, 2, 3]) {
      const random = rng(seed);
      const index = new OrderedIndex();
      const model = new Map<string, number>();
      for (let step = 0; step < 30000; step++) {
        const member = 'm' + Math.floor(random() * 5000);
        const has = model.has(member);
        if (!has && random() < 0.6) {
          // Few distinct scores, so ties ordered by member are common.
          const score = Math.floor(random() * 50) - 25;
          index.insert(score, member);
          model.set(member, score);
        } else if (has) {
          expect(index.delete(model.get(member)!, member)).toBe(true);
          model.delete(member);
        } else {
          expect(index.delete(0, member)).toBe(false);
        }
      }
      const sorted = [...model].map(([m, s]) => [s, m] as Pair).sort(cmp);
      expect(index.size).toBe(sorted.length);
      expect(contents(index)).toEqual(sorted);
      expect(contentsBackwards(index)).toEqual(sorted);
      checkStructure(index);
      sorted.forEach(([s, m], rank) => {
        expect(index.rank(s, m)).toBe(rank);
        const c = index.at(rank);
        expect([c.score, c.member]).toEqual([s, m]);
      });
      expect(index.rank(sorted[0][0], 'absent')).toBe(-1);
    }
  });

  it('keeps a deep tree balanced while it grows and shrinks at random', () => {
    const random = rng(5);
    const index = new OrderedIndex();
    const live: Pair[] = [];
    // 150k pairs: leaves under two levels of inner nodes, so inner nodes borrow and merge too.
    for (let i = 0; i < 150000; i++) {
      const p: Pair = [Math.floor(random() * 1000), 'n' + i];
      index.insert(p[0], p[1]);
      live.push(p);
    }
    checkStructure(index);
    // Delete in random order down to nothing, checking the shape on the way.
    for (let i = live.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [live[i], live[j]] = [live[j], live[i]];
    }
    for (let k = 0; k < live.length; k++) {
      assert(index.delete(live[k][0], live[k][1]), 'a present pair is deleted');
      if (k % 25000 === 0 || live.length - k < 300) checkStructure(index);
    }
    expect(index.size).toBe(0);
  });

  it('empties completely and grows again', () => {
    const index = new OrderedIndex();
    for (let i = 0; i < 10000; i++) index.insert(i % 7, 'k' + i);
    checkStructure(index);
    const pairs = contents(index);
    for (const [s, m] of pairs.filter((_, i) => i % 2 === 0)) index.delete(s, m);
    checkStructure(index);
    for (const [s, m] of pairs.filter((_, i) => i % 2 === 1)) index.delete(s, m);
    expect(index.size).toBe(0);
    expect(index.at(0).valid).toBe(false);
    index.insert(1, 'a');
    expect(contents(index)).toEqual([[1, 'a']]);
  });

  it('orders scores numerically, with -0 equal to 0 and infinities at the ends', () => {
    const index = new OrderedIndex();
    const pairs: Pair[] = [[Infinity, 'z'], [-Infinity, 'a'], [0, 'b'], [-0, 'a'], [1e-300, 'x'], [-5.5, 'q']];
    for (const [s, m] of pairs) index.insert(s, m);
    expect(contents(index).map((p) => p[1])).toEqual(['a', 'q', 'a', 'b', 'x', 'z']);
    expect(index.rank(0, 'a')).toBe(2); // -0 and 0 are the same score
  });

  it('orders members by bytes', () => {
    const index = new OrderedIndex();
    for (const m of ['b', 'a\x00', 'a', '\xff', 'A', '']) index.insert(1, m);
    expect(contents(index).map((p) => p[1])).toEqual(['', 'A', 'a', 'a\x00', 'b', '\xff']);
  });

  it('finds range bounds with firstWhere and lastWhere', () => {
    const random = rng(7);
    const index = new OrderedIndex();
    const sorted: Pair[] = [];
    for (let i = 0; i < 5000; i++) {
      const p: Pair = [Math.floor(random() * 1000) / 10, 'e' + i];
      index.insert(p[0], p[1]);
      sorted.push(p);
    }
    sorted.sort(cmp);
    for (let q = 0; q < 500; q++) {
      const bound = Math.floor(random() * 1100) / 10 - 5;
      const firstGte = sorted.findIndex((p) => p[0] >= bound);
      const firstGt = sorted.findIndex((p) => p[0] > bound);
      expect(index.firstWhere((s) => s >= bound)).toBe(firstGte < 0 ? sorted.length : firstGte);
      expect(index.firstWhere((s) => s > bound, true)).toBe(firstGt < 0 ? sorted.length : firstGt);
      const lastLte = sorted.findLastIndex((p) => p[0] <= bound);
      const lastLt = sorted.findLastIndex((p) => p[0] < bound);
      expect(index.lastWhere((s) => s <= bound)).toBe(lastLte);
      expect(index.lastWhere((s) => s < bound, true)).toBe(lastLt);
    }
  });

  it('scans a single leaf linearly when asked, as a listpack is searched', () => {
    const index = new OrderedIndex();
    // Lex order is not score order here: the predicate is not monotone.
    index.insert(1, 'c');
    index.insert(2, 'a');
    index.insert(3, 'd');
    index.insert(4, 'b');
    expect(index.firstWhere((_, m) => m >= 'b', true)).toBe(0);
    expect(index.lastWhere((_, m) => m <= 'b', true)).toBe(3);
  });

  it('deletes rank ranges, small and large', () => {
    const random = rng(11);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(random() * 3000);
      const index = new OrderedIndex();
      const sorted: Pair[] = [];
      for (let i = 0; i < n; i++) sorted.push([Math.floor(random() * 100), 'v' + i]);
      sorted.sort(cmp);
      for (const [s, m] of sorted) index.insert(s, m);
      const start = Math.floor(random() * n);
      const end = start + Math.floor(random() * (trial % 2 ? n : 10));
      const clipped = Math.min(end, n - 1);
      const removed: string[] = [];
      index.deleteRange(start, clipped, (m) => removed.push(m));
      expect(removed).toEqual(sorted.slice(start, clipped + 1).map((p) => p[1]));
      expect(contents(index)).toEqual([...sorted.slice(0, start), ...sorted.slice(clipped + 1)]);
      expect(contentsBackwards(index)).toEqual(contents(index));
      checkStructure(index);
    }
  });

  it('builds from sorted pairs', () => {
    for (const n of [0, 1, 127, 128, 129, 8191, 8192, 8193, 100000]) {
      const scores = Array.from({ length: n }, (_, i) => i);
      const members = scores.map((i) => 'x' + i);
      const index = OrderedIndex.fromSorted(scores, members);
      expect(index.size).toBe(n);
      checkStructure(index);
      if (n) expect(index.rank(n - 1, 'x' + (n - 1))).toBe(n - 1);
      index.insert(-1, 'first');
      expect(index.at(0).member).toBe('first');
      checkStructure(index);
    }
  });
});
