/**
 * Redis's pqsort (pqsort.c): Bentley & McIlroy's quicksort that only sorts
 * far enough for positions lrange..rrange to hold what a full sort would put
 * there. Reproduced step for step because it is not stable: GEOSEARCH … COUNT
 * returns ties (equal distances) in the order this leaves them.
 */
type Compare<T> = (a: T, b: T) => number;

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Swaps the n elements from i with the n elements from j. */
function vecswap<T>(a: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(a, i + k, j + k);
}

function med3<T>(a: T[], i: number, j: number, k: number, cmp: Compare<T>): number {
  return cmp(a[i], a[j]) < 0
    ? cmp(a[j], a[k]) < 0
      ? j
      : cmp(a[i], a[k]) < 0
        ? k
        : i
    : cmp(a[j], a[k]) > 0
      ? j
      : cmp(a[i], a[k]) < 0
        ? i
        : k;
}

/** Sorts a[start, start + n) as far as positions lo..hi need. */
function partialSort<T>(a: T[], start: number, n: number, cmp: Compare<T>, lo: number, hi: number): void {
  for (;;) {
    if (n < 7) {
      for (let m = start + 1; m < start + n; m++) {
        for (let l = m; l > start && cmp(a[l - 1], a[l]) > 0; l--) swap(a, l, l - 1);
      }
      return;
    }
    let pm = start + (n >> 1);
    if (n > 7) {
      let pl = start;
      let pn = start + n - 1;
      if (n > 40) {
        const d = n >> 3;
        pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(a, pm - d, pm, pm + d, cmp);
        pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(a, pl, pm, pn, cmp);
    }
    swap(a, start, pm);
    let pa = start + 1;
    let pb = pa;
    let pc = start + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(a[pb], a[start])) <= 0) {
        if (r === 0) swap(a, pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(a[pc], a[start])) >= 0) {
        if (r === 0) swap(a, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(a, pb++, pc--);
    }
    const end = start + n;
    let r = Math.min(pa - start, pb - pa);
    vecswap(a, start, pb - r, r);
    r = Math.min(pd - pc, end - pd - 1);
    vecswap(a, pb, end - r, r);
    // Recurse into a part only if it overlaps the wanted positions.
    const outside = (from: number, to: number) => (lo < from && hi < from) || (lo > to && hi > to);
    if ((r = pb - pa) > 1 && !outside(start, start + r - 1)) partialSort(a, start, r, cmp, lo, hi);
    if ((r = pd - pc) <= 1) return;
    start = end - r;
    n = r;
    if (outside(start, start + r - 1)) return;
  }
}

/** Orders `a` so that positions lo..hi (inclusive) hold the elements a full sort would. */
export function pqsort<T>(a: T[], cmp: Compare<T>, lo: number, hi: number): void {
  partialSort(a, 0, a.length, cmp, lo, hi);
}
