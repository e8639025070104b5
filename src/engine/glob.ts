/**
 * Glob matching exactly as Redis 7.0's `stringmatchlen` (KEYS, SCAN MATCH,
 * PSUBSCRIBE, CONFIG GET, COMMAND LIST FILTERBY PATTERN …), quirks included:
 *
 * - `*` any run, `?` any one byte, `\x` the byte x literally (a trailing `\`
 *   is itself).
 * - `[abc]`, `[^abc]`, ranges `[a-z]` (also written `[z-a]`), `\` escapes
 *   inside brackets. Range ends compare as *signed* chars, as in the C code,
 *   so `[a-\xff]` means bytes 0..'a' plus 0xff. An unclosed `[` takes the rest
 *   of the pattern as its set; `[a-]` is a range from 'a' to ']'.
 * - A pattern reaching the end of the string may still end in stars, but
 *   `*` never matches the empty string on its own ("*" vs "" is false). KEYS
 *   and SCAN special-case the pattern "*" before matching; callers must too.
 * - `nocase` folds ASCII letters only, and not for escapes inside brackets.
 *
 * Redis recurses at each `*` but gives up as soon as a later `*` has tried
 * every position: only the most recent star is ever worth backtracking. The
 * loop below keeps just that one backtrack point, which gives the same
 * answers without recursion and in O(pattern × string) time.
 */

const STAR = 42; // *
const QUESTION = 63; // ?
const OPEN = 91; // [
const CLOSE = 93; // ]
const CARET = 94; // ^
const DASH = 45; // -
const BACKSLASH = 92; // \

/** tolower in the C locale: ASCII letters only. */
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** A byte as C's (signed) char, as Redis's range test sees it. */
const signed = (c: number): number => (c > 127 ? c - 256 : c);

export function globMatch(pattern: string, s: string, nocase = false): boolean {
  const plen = pattern.length;
  const slen = s.length;
  let p = 0;
  let i = 0;
  // The last star met, and where the text it swallows currently ends.
  let starP = -1;
  let starI = 0;

  for (;;) {
    let failed = false;
    scan: while (p < plen && i < slen) {
      const pc = pattern.charCodeAt(p);
      const sc = s.charCodeAt(i);
      switch (pc) {
        case STAR:
          while (p + 1 < plen && pattern.charCodeAt(p + 1) === STAR) p++;
          if (p + 1 === plen) return true;
          // Try the rest of the pattern here first; on failure, retry one byte later.
          starP = p++;
          starI = i;
          continue scan;
        case QUESTION:
          i++;
          break;
        case OPEN: {
          p++;
          const not = p < plen && pattern.charCodeAt(p) === CARET;
          if (not) p++;
          let match = false;
          for (;;) {
            if (p + 1 < plen && pattern.charCodeAt(p) === BACKSLASH) {
              p++;
              if (pattern.charCodeAt(p) === sc) match = true;
            } else if (p < plen && pattern.charCodeAt(p) === CLOSE) {
              break;
            } else if (p >= plen) {
              // Unclosed: stay on the last byte, which the step below moves past.
              p--;
              break;
            } else if (p + 2 < plen && pattern.charCodeAt(p + 1) === DASH) {
              let start = signed(pattern.charCodeAt(p));
              let end = signed(pattern.charCodeAt(p + 2));
              let c = signed(sc);
              if (start > end) [start, end] = [end, start];
              if (nocase) {
                start = lower(start);
                end = lower(end);
                c = lower(c);
              }
              p += 2;
              if (c >= start && c <= end) match = true;
            } else {
              const bc = pattern.charCodeAt(p);
              if (nocase ? lower(bc) === lower(sc) : bc === sc) match = true;
            }
            p++;
          }
          if (match === not) {
            failed = true;
            break scan;
          }
          i++;
          break;
        }
        case BACKSLASH:
        default: {
          let lit = pc;
          if (pc === BACKSLASH && p + 1 < plen) lit = pattern.charCodeAt(++p);
          if (nocase ? lower(lit) !== lower(sc) : lit !== sc) {
            failed = true;
            break scan;
          }
          i++;
        }
      }
      p++;
      if (i === slen) {
        // Out of string: only trailing stars can still match (the empty rest).
        while (p < plen && pattern.charCodeAt(p) === STAR) p++;
        break;
      }
    }
    if (!failed && p === plen && i === slen) return true;
    // Let the last star swallow one more byte, if any remain.
    if (starP < 0 || ++starI === slen) return false;
    p = starP + 1;
    i = starI;
  }
}
