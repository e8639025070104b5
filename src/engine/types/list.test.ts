import { seededRandom as rng } from '../../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { List } from './list.js';


const contents = (list: List) => [...list];

describe('List (ring-buffer deque)', () => {
  it('pushes and pops at both ends', () => {
    const list = new List();
    list.pushTail('b');
    list.pushHead('a');
    list.pushTail('c');
    expect(contents(list)).toEqual(['a', 'b', 'c']);
    expect(list.popHead()).toBe('a');
    expect(list.popTail()).toBe('c');
    expect(list.popTail()).toBe('b');
    expect(list.size).toBe(0);
    expect(list.popHead()).toBeUndefined();
    expect(list.popTail()).toBeUndefined();
  });

  it('grows through many wrap-arounds and shrinks back', () => {
    const list = new List();
    for (let i = 0; i < 1000; i++) {
      if (i % 2) list.pushHead(`h${i}`);
      else list.pushTail(`t${i}`);
    }
    expect(list.size).toBe(1000);
    expect(list.at(0)).toBe('h999');
    expect(list.at(999)).toBe('t998');
    for (let i = 0; i < 995; i++) (i % 3 ? list.popHead() : list.popTail());
    expect(list.size).toBe(5);
    list.pushHead('x');
    expect(list.at(0)).toBe('x');
  });

  it('reads, writes and slices by index', () => {
    const list = List.from(['a', 'b', 'c', 'd', 'e']);
    list.popHead();
    list.pushTail('f');
    expect(list.at(0)).toBe('b');
    expect(list.at(4)).toBe('f');
    list.set(2, 'D');
    expect(list.range(1, 4)).toEqual(['c', 'D', 'e']);
    expect(list.range(0, 0)).toEqual([]);
    expect(list.indexOf('e')).toBe(3);
    expect(list.indexOf('zz')).toBe(-1);
    expect(list.indexOf('b', 1)).toBe(-1);
  });

  it('inserts anywhere, shifting the shorter side', () => {
    const list = List.from(['a', 'b', 'c', 'd']);
    list.insert(1, 'x');
    list.insert(4, 'y');
    list.insert(0, 'first');
    list.insert(list.size, 'last');
    expect(contents(list)).toEqual(['first', 'a', 'x', 'b', 'c', 'y', 'd', 'last']);
  });

  it('trims both ends', () => {
    const list = List.from(['a', 'b', 'c', 'd', 'e']);
    list.trim(1, 2);
    expect(contents(list)).toEqual(['b', 'c']);
    list.trim(0, 2);
    expect(list.size).toBe(0);
  });

  it('removes matches from the head or the tail, up to a limit', () => {
    const fromHead = List.from(['a', 'x', 'a', 'y', 'a']);
    expect(fromHead.remove('a', 2, false)).toBe(2);
    expect(contents(fromHead)).toEqual(['x', 'y', 'a']);
    const fromTail = List.from(['a', 'x', 'a', 'y', 'a']);
    expect(fromTail.remove('a', 2, true)).toBe(2);
    expect(contents(fromTail)).toEqual(['a', 'x', 'y']);
    const all = List.from(['a', 'x', 'a']);
    expect(all.remove('a', 0, false)).toBe(2);
    expect(contents(all)).toEqual(['x']);
    expect(all.remove('zz', 0, true)).toBe(0);
  });

  it('clones independently', () => {
    const list = List.from(['a', 'b']);
    const copy = list.clone();
    copy.pushTail('c');
    expect(contents(list)).toEqual(['a', 'b']);
    expect(contents(copy)).toEqual(['a', 'b', 'c']);
    expect(copy.encoding()).toBe('quicklist');
  });

  it('matches an array model under random operations', () => {
    const random = rng(42);
    const list = new List();
    const model: string[] = [];
    for (let step = 0; step < 20000; step++) {
      const op = Math.floor(random() * 9);
      const v = `v${Math.floor(random() * 20)}`;
      const i = Math.floor(random() * (model.length + 1));
      switch (op) {
        case 0: list.pushHead(v); model.unshift(v); break;
        case 1: list.pushTail(v); model.push(v); break;
        case 2: expect(list.popHead()).toBe(model.shift()); break;
        case 3: expect(list.popTail()).toBe(model.pop()); break;
        case 4: list.insert(i, v); model.splice(i, 0, v); break;
        case 5: if (i < model.length) { list.set(i, v); model[i] = v; } break;
        case 6: {
          const limit = Math.floor(random() * 3);
          const fromTail = random() < 0.5;
          let removed = 0;
          const order = fromTail ? [...model.keys()].reverse() : [...model.keys()];
          const drop = new Set<number>();
          for (const k of order) if (model[k] === v && (limit === 0 || removed < limit)) { drop.add(k); removed++; }
          expect(list.remove(v, limit, fromTail)).toBe(removed);
          model.splice(0, model.length, ...model.filter((_, k) => !drop.has(k)));
          break;
        }
        case 7: {
          const head = Math.floor(random() * 3);
          const tail = Math.floor(random() * 3);
          if (head + tail <= model.length) { list.trim(head, tail); model.splice(0, head); model.splice(model.length - tail, tail); }
          break;
        }
        default: expect(list.range(0, list.size)).toEqual(model);
      }
      expect(list.size).toBe(model.length);
      if (model.length) expect(list.at(model.length - 1)).toBe(model[model.length - 1]);
    }
  });
});
