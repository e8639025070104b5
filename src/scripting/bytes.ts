/**
 * Lua strings in fengari are Uint8Arrays of bytes; redlite's are byte strings
 * (one char per byte). These move between the two, and read and push Lua
 * strings as byte strings.
 */
import { lauxlib, lua, to_luastring, type LuaState } from 'fengari';

export function toLuaBytes(s: string): Uint8Array {
  const n = s.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i);
  return out;
}

const CHUNK = 8192;

export function fromLuaBytes(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

/** Pushes a byte string. */
export function pushBytes(L: LuaState, s: string): void {
  lua.lua_pushstring(L, toLuaBytes(s));
}

/** The string (or number, converted as Lua converts it) at idx as a byte string, or null. */
export function toBytes(L: LuaState, idx: number): string | null {
  const b = lua.lua_tolstring(L, idx) as Uint8Array | null;
  return b === null || b === undefined ? null : fromLuaBytes(b);
}

/** Pushes an ASCII name or message (cached by fengari). */
export function pushName(L: LuaState, s: string): void {
  lua.lua_pushliteral(L, s);
}

const MESSAGE = to_luastring('%s');

/** Raises a Lua error with the message, prefixed with the calling script's position as luaL_error does. */
export function raise(L: LuaState, message: string): never {
  lauxlib.luaL_error(L, MESSAGE, toLuaBytes(message));
  throw new Error('unreachable: luaL_error returned');
}

/** Lua 5.1's luaL_typerror: "bad argument #n to 'f' (number expected, got nil)". */
export function typeError(L: LuaState, arg: number, expected: string): never {
  const got = fromLuaBytes(lauxlib.luaL_typename(L, arg));
  lauxlib.luaL_argerror(L, arg, to_luastring(`${expected} expected, got ${got}`));
  throw new Error('unreachable: luaL_argerror returned');
}
