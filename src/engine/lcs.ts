/**
 * The longest common subsequence of two byte strings, as Redis 7.0's LCS
 * command computes it (t_string.c): the classic dynamic-programming table,
 * then a walk back from its corner that prefers to drop a byte of `b` on
 * ties. The walk yields the subsequence and its matching ranges from the end
 * of the strings towards the start, which is the order LCS IDX replies in.
 */

/** One run of consecutive matching bytes: inclusive ranges in a and in b. */
export interface LcsMatch {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface LcsResult {
  /** Length of the longest common subsequence. */
  length: number;
  /** The subsequence itself. */
  sequence: string;
  /** Its runs, last first, each at least `minMatchLen` long. */
  matches: LcsMatch[];
}

/**
 * The table's cell type: lengths never exceed the shorter string, so a
 * narrower array often does, at a quarter of the memory Redis uses.
 */
function table(cells: number, maxValue: number): Uint8Array | Uint16Array | Uint32Array {
  if (maxValue < 0x100) return new Uint8Array(cells);
  if (maxValue < 0x10000) return new Uint16Array(cells);
  return new Uint32Array(cells);
}

/** Throws RangeError when the table cannot be allocated. */
export function lcs(a: string, b: string, minMatchLen: number): LcsResult {
  const alen = a.length;
  const blen = b.length;
  const width = blen + 1;
  const t = table((alen + 1) * width, Math.min(alen, blen));
  for (let i = 1; i <= alen; i++) {
    const ac = a.charCodeAt(i - 1);
    const row = i * width;
    const up = row - width;
    for (let j = 1; j <= blen; j++) {
      if (ac === b.charCodeAt(j - 1)) t[row + j] = t[up + j - 1] + 1;
      else {
        const l1 = t[up + j];
        const l2 = t[row + j - 1];
        t[row + j] = l1 > l2 ? l1 : l2;
      }
    }
  }

  const length = t[alen * width + blen];
  const bytes = new Array<string>(length);
  const matches: LcsMatch[] = [];
  let idx = length;
  // The run being tracked; aStart === -1 means none.
  let aStart = -1;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      bytes[--idx] = a[i - 1];
      if (aStart === -1) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        // Contiguous with the run: extend it backwards.
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      // A run touching the start of either string cannot grow further.
      if (aStart === 0 || bStart === 0) emit = true;
      i--;
      j--;
    } else {
      if (t[(i - 1) * width + j] > t[i * width + j - 1]) i--;
      else j--;
      if (aStart !== -1) emit = true;
    }
    if (emit) {
      if (aEnd - aStart + 1 >= minMatchLen) matches.push({ aStart, aEnd, bStart, bEnd });
      aStart = -1;
    }
  }
  return { length, sequence: bytes.join(''), matches };
}
