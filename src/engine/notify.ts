/**
 * Keyspace notification classes (notify-keyspace-events), as Redis spells them.
 * A command emits an event with one class letter; it is published when the
 * configured flags include that class and K (keyspace) and/or E (keyevent).
 */

/** Event class letters a command can emit with. */
export type NotifyClass = 'g' | '$' | 'l' | 's' | 'h' | 'z' | 'x' | 'e' | 't' | 'm' | 'n' | 'd';

const CLASS_BITS: Record<string, number> = {
  g: 1 << 2, $: 1 << 3, l: 1 << 4, s: 1 << 5, h: 1 << 6, z: 1 << 7,
  x: 1 << 8, e: 1 << 9, t: 1 << 10, m: 1 << 12, d: 1 << 11, n: 1 << 13,
};
export const KEYSPACE = 1 << 0;
export const KEYEVENT = 1 << 1;
/** 'A': every class but m (key miss) and n (new key), as in Redis. */
const ALL = CLASS_BITS.g | CLASS_BITS.$ | CLASS_BITS.l | CLASS_BITS.s | CLASS_BITS.h |
  CLASS_BITS.z | CLASS_BITS.x | CLASS_BITS.e | CLASS_BITS.t | CLASS_BITS.d;

export function classBit(c: NotifyClass): number {
  return CLASS_BITS[c];
}

/** Parses a CONFIG SET notify-keyspace-events value; null if it has an unknown letter. */
export function parseNotifyFlags(s: string): number | null {
  let flags = 0;
  for (const ch of s) {
    if (ch === 'A') flags |= ALL;
    else if (ch === 'K') flags |= KEYSPACE;
    else if (ch === 'E') flags |= KEYEVENT;
    else if (ch in CLASS_BITS) flags |= CLASS_BITS[ch];
    else return null;
  }
  return flags;
}

/** The flags back as CONFIG GET prints them (Redis's keyspaceEventsFlagsToString). */
export function formatNotifyFlags(flags: number): string {
  let s = '';
  if ((flags & ALL) === ALL) s += 'A';
  else for (const ch of 'g$lshzxetdn') if (flags & CLASS_BITS[ch]) s += ch;
  if (flags & KEYSPACE) s += 'K';
  if (flags & KEYEVENT) s += 'E';
  if (flags & CLASS_BITS.m) s += 'm';
  return s;
}
