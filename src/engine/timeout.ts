/**
 * Timeouts of blocking commands in seconds (BLPOP, BZPOPMIN, BZMPOP …), read
 * as Redis's getTimeoutFromObjectOrReply reads them: a long double, turned
 * into whole milliseconds with ceil. Values beyond the 64-bit range convert
 * to LLONG_MIN on x86-64, so they are reported as negative, as Redis does.
 */
import { parseLongDouble } from './longdouble.js';
import { ErrorReply } from './reply.js';

const LLONG_LIMIT = 2 ** 63;

/** The timeout in ms (0 = block for ever); throws Redis's errors. */
export function parseTimeoutSeconds(arg: string): number {
  const ld = parseLongDouble(arg);
  if (ld === null || ld.kind === 'nan') throw new ErrorReply('ERR timeout is not a float or out of range');
  let seconds: number;
  if (ld.kind === 'inf') seconds = Infinity;
  else if (ld.mant === 0n) seconds = 0;
  else {
    // Two steps keep 2^exp in range; a value below the double range still rounds up to 1 ms (or to 0 when negative).
    const half = Math.trunc(ld.exp / 2);
    seconds = Number(ld.mant) * 2 ** half * 2 ** (ld.exp - half) || Number.MIN_VALUE;
  }
  const ms = Math.ceil((ld.neg ? -seconds : seconds) * 1000);
  if (ms < 0 || !(ms < LLONG_LIMIT)) throw new ErrorReply('ERR timeout is negative');
  return ms + 0; // ceil(-0.5) is -0
}
