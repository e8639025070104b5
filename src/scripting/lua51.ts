/**
 * fengari is Lua 5.3 with 32-bit integers; Redis runs Lua 5.1, where every
 * number is a double. Scripts that count, sum millisecond timestamps or
 * multiply large values must give Redis's answers, so this module patches the
 * fengari instance at its few seams (fengari's modules call each other
 * through their export objects, so replacing an export reaches every caller):
 *
 * - Numerals, `tonumber` and string-to-number coercion read every number as a
 *   double with C's strtod rules (Lua 5.1's luaO_str2d), so integer values only
 *   arise from lengths and indices (`#t`, ipairs, string.find …), which stay
 *   far from 2^31 and mix with doubles as doubles.
 * - Number-to-string is `%.14g` (Lua 5.1's LUA_NUMBER_FMT): `tostring(10/2)`
 *   is "5", `2^53` is "9.007199254741e+15".
 * - Integer arguments of library functions are truncated as C casts a double
 *   (`string.sub(s, 1, 2.5)` is `string.sub(s, 1, 2)`), not refused.
 * - Tables can be made read-only (Redis's patched Lua: "Attempt to modify a
 *   readonly table"), which the sandbox applies to globals and libraries.
 * - Type errors read as Lua 5.1 words them: "attempt to index local 't' (a
 *   nil value)" rather than 5.3's "attempt to index a nil value (local 't')".
 *
 * These patches apply to the fengari instance this module imports, which only
 * redlite's scripting loads (lazily, on the first script).
 */
import { to_luastring } from 'fengari';
import ldebug from 'fengari/src/ldebug.js';
import lobject from 'fengari/src/lobject.js';
import lstring from 'fengari/src/lstring.js';
import ltable from 'fengari/src/ltable.js';
import lvm from 'fengari/src/lvm.js';
import { FLOAT_DECIMAL, FLOAT_HEX, FLOAT_INFINITY, floatSyntax, parseDouble } from '../engine/number.js';
import { luaNumberToString } from './cformat.js';

/** A table flagged read-only refuses every write, raw or not. */
interface LuaTable {
  readonly?: boolean;
  /** fengari's entries by key hash, chained in insertion order (f … l) for `next`. */
  strong: Map<unknown, TableEntry>;
  f?: TableEntry;
  l?: TableEntry;
}
interface TableEntry {
  p?: TableEntry;
  n?: TableEntry;
}

/**
 * fengari iterates a table in insertion order, and fills constructors from
 * the last element back ({1, 2, 3} inserts 3, 2, 1), so pairs() would walk
 * arrays backwards. Lua 5.1 walks its array part first, in index order. A new
 * integer key k that was just appended moves before k + 1 when that exists,
 * which keeps runs of consecutive indices ascending however they were filled.
 */
function keepRunsAscending(t: LuaTable, k: number): void {
  const next = t.strong.get(k + 1);
  const e = t.l;
  if (!next || !e || e === next || t.strong.get(k) !== e) return;
  t.l = e.p;
  if (t.l) t.l.n = undefined;
  else t.f = undefined;
  e.n = next;
  e.p = next.p;
  if (next.p) next.p.n = e;
  else t.f = e;
  next.p = e;
}

const READONLY_ERROR = to_luastring('Attempt to modify a readonly table');

/** Lua 5.1's isspace in the C locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Lua 5.1's luaO_str2d: strtod over the whole string, spaces allowed around,
 * accepting decimals, hex (integers and floats), inf / infinity and nan; an
 * overflowing literal is ±inf. Returns null when it is not a number.
 */
export function str2number(bytes: Uint8Array): number | null {
  let start = 0;
  let end = bytes.length;
  const nul = bytes.indexOf(0);
  if (nul >= 0) end = nul;
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  if (start === end) return null;
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  switch (floatSyntax(s)) {
    case FLOAT_DECIMAL:
      return Number(s);
    case FLOAT_HEX: {
      const d = parseDouble(s);
      // parseDouble refuses overflow; strtod gives ±inf there.
      return d ?? (s.charCodeAt(0) === 45 ? -Infinity : Infinity);
    }
    case FLOAT_INFINITY:
      return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
    default:
      return /^[+-]?nan(\([0-9A-Za-z_]*\))?$/i.test(s) ? NaN : null;
  }
}

/** C's (int) cast as Lua 5.1's luaL_checkint applies it, saturated rather than wrapped. */
export function toInt32(d: number): number {
  if (d !== d) return 0;
  const t = Math.trunc(d);
  return t > 2147483647 ? 2147483647 : t < -2147483648 ? -2147483648 : t;
}

/**
 * Lua 5.1's luaL_checkint: a C int from the number cast through 64 bits
 * (its low 32 bits; out of range or NaN gives 0 here).
 */
export function cInt(d: number): number {
  return Number.isFinite(d) && Math.abs(d) < 2 ** 63 ? Number(BigInt.asIntN(32, BigInt(Math.trunc(d)))) : 0;
}

/** 5.3's " (kind 'name')" variable description, split for 5.1's wording. */
function parseVarinfo(info: Uint8Array): { kind: string; name: string } | null {
  if (info.length === 0) return null;
  let s = '';
  for (let i = 0; i < info.length; i++) s += String.fromCharCode(info[i]);
  const m = /^ \(([^']+) '(.*)'\)$/s.exec(s);
  return m ? { kind: m[1], name: m[2] } : null;
}

let patched = false;

/** Applies the patches once. */
export function applyLua51(): void {
  if (patched) return;
  patched = true;

  lobject.luaO_str2num = (s: Uint8Array, o: { setfltvalue(n: number): void }): number => {
    const n = str2number(s);
    if (n === null) return 0;
    o.setfltvalue(n);
    const nul = s.indexOf(0);
    return (nul >= 0 ? nul : s.length) + 1;
  };

  lobject.luaO_tostring = (L: unknown, obj: { ttisinteger(): boolean; value: number; setsvalue(ts: unknown): void }): void => {
    const text = obj.ttisinteger() ? String(obj.value) : luaNumberToString(obj.value);
    obj.setsvalue(lstring.luaS_bless(L, to_luastring(text)));
  };

  lvm.tointeger = (o: { ttisinteger(): boolean; value: number }): number | false => {
    if (o.ttisinteger()) return o.value;
    const n = lvm.tonumber(o);
    return n === false ? false : toInt32(n);
  };

  const setfrom = ltable.luaH_setfrom;
  ltable.luaH_setfrom = (L: unknown, t: LuaTable, key: { type: number; value: unknown }, value: unknown): void => {
    if (t.readonly) ldebug.luaG_runerror(L, READONLY_ERROR);
    const k = key.value;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || t.strong.has(k)) return setfrom(L, t, key, value);
    setfrom(L, t, key, value);
    keepRunsAscending(t, k);
  };
  const setint = ltable.luaH_setint;
  ltable.luaH_setint = (t: LuaTable, k: number, value: unknown): void => {
    if (k < 1 || t.strong.has(k)) return setint(t, k, value);
    setint(t, k, value);
    keepRunsAscending(t, k);
  };

  const typeErrorFormat = to_luastring('attempt to %s a %s value%s', true);
  const lua51TypeErrorFormat = to_luastring("attempt to %s %s '%s' (a %s value)");
  const pushvfstring = lobject.luaO_pushvfstring;
  lobject.luaO_pushvfstring = (L: unknown, fmt: Uint8Array, argp: unknown[]): unknown => {
    if (fmt === typeErrorFormat) {
      const info = parseVarinfo(argp[2] as Uint8Array);
      if (info) return pushvfstring(L, lua51TypeErrorFormat, [argp[0], to_luastring(info.kind), to_luastring(info.name), argp[1]]);
    }
    return pushvfstring(L, fmt, argp);
  };
}

/** Flags a table read-only (or writable again, to set KEYS and ARGV). */
export function setReadonly(table: { readonly?: boolean }, readonly: boolean): void {
  table.readonly = readonly;
}
