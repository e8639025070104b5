/**
 * Turns fengari's Lua 5.3 standard library into the Lua 5.1 one Redis
 * scripts see: the functions 5.1 has and 5.3 dropped (unpack, loadstring,
 * table.getn, math.pow …), 5.1's versions where behaviour differs (tonumber,
 * load, string.format, math.floor returning doubles …), and none of what 5.3
 * added. Which globals and fields exist at all is decided in sandbox.ts.
 */
import { lauxlib, lua, to_luastring, type LuaFunction, type LuaState } from 'fengari';
import lobject from 'fengari/src/lobject.js';
import { fromLuaBytes, raise, toLuaBytes } from '../bytes.js';
import { cInt } from '../lua51.js';
import { stringFormat } from './format.js';

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * C's strtoul over the whole string (spaces around allowed), as Lua 5.1's
 * tonumber(s, base) uses it: a sign negates modulo 2^64, base 16 takes "0x",
 * overflow saturates. Null when there is no digit or trailing garbage.
 */
function strtoul(s: string, base: number): number | null {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') neg = s[i++] === '-';
  if (base === 16 && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s.charCodeAt(i + 2)) < 16) i += 2;
  const start = i;
  let n = 0n;
  const b = BigInt(base);
  const max = 2n ** 64n - 1n;
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) break;
    n = n * b + BigInt(d);
    if (n > max) n = max + 1n;
  }
  if (i === start) return null;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i !== s.length) return null;
  if (n > max) n = max;
  else if (neg) n = BigInt.asUintN(64, -n);
  return Number(n);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 122) return l - 87;
  return 99;
}

function tonumber(L: LuaState): number {
  const base = lauxlib.luaL_optinteger(L, 2, 10);
  if (base === 10) {
    lauxlib.luaL_checkany(L, 1);
    if (lua.lua_isnumber(L, 1)) {
      lua.lua_pushnumber(L, lua.lua_tonumber(L, 1));
      return 1;
    }
  } else {
    const s = fromLuaBytes(lauxlib.luaL_checklstring(L, 1));
    if (!(base >= 2 && base <= 36)) lauxlib.luaL_argerror(L, 2, to_luastring('base out of range'));
    const n = strtoul(s, base);
    if (n !== null) {
      lua.lua_pushnumber(L, n);
      return 1;
    }
  }
  lua.lua_pushnil(L);
  return 1;
}

const LUA_IDSIZE = 60;

/**
 * Lua 5.1 quotes every token in syntax errors ("near '<eof>'", "'<name>'
 * expected") where 5.3 leaves the pseudo-tokens bare, and has no <integer>.
 */
function lua51SyntaxError(message: string): string {
  const quote = (token: string) => `'<${token === 'integer' ? 'number' : token}>'`;
  return message
    .replace(/ near <(eof|name|string|number|integer)>$/, (_m, token: string) => ` near ${quote(token)}`)
    .replace(/^([^:]*:\d+: )<(eof|name|string|number|integer)> expected/, (_m, where: string, token: string) => `${where}${quote(token)} expected`);
}

/**
 * Compiles a chunk as Redis's Lua does: always as text, so bytecode (which
 * starts with ESC) fails to parse instead of loading. Pushes the function, or
 * nil and the message; returns the number of values pushed.
 */
export function loadChunk(L: LuaState, code: string, chunkname: string): number {
  if (code.charCodeAt(0) === 27) {
    const id = fromLuaBytes(lobject.luaO_chunkid(toLuaBytes(chunkname), LUA_IDSIZE));
    lua.lua_pushnil(L);
    lua.lua_pushstring(L, toLuaBytes(`${id}:1: unexpected symbol near 'char(27)'`));
    return 2;
  }
  const status = lauxlib.luaL_loadbufferx(L, toLuaBytes(code), code.length, toLuaBytes(chunkname), to_luastring('t'));
  if (status === lua.LUA_OK) return 1;
  const message = lua51SyntaxError(fromLuaBytes(lua.lua_tolstring(L, -1)));
  lua.lua_pop(L, 1);
  lua.lua_pushnil(L);
  lua.lua_pushstring(L, toLuaBytes(message));
  return 2;
}

function loadstring(L: LuaState): number {
  const code = fromLuaBytes(lauxlib.luaL_checklstring(L, 1));
  const name = lua.lua_isnoneornil(L, 2) ? code : fromLuaBytes(lauxlib.luaL_checklstring(L, 2));
  // The chunk name is a C string in Lua 5.1: it ends at the first NUL.
  const nul = name.indexOf('\0');
  return loadChunk(L, code, nul < 0 ? name : name.slice(0, nul));
}

/** error(message [, level]): 5.1 adds the position to numbers too, as they are strings to it. */
function error(L: LuaState): number {
  const level = lauxlib.luaL_optinteger(L, 2, 1);
  lua.lua_settop(L, 1);
  if (lua.lua_isstring(L, 1) && level > 0) {
    lauxlib.luaL_where(L, level);
    lua.lua_pushvalue(L, 1);
    lua.lua_concat(L, 2);
  }
  return lua.lua_error(L);
}

/** assert(v [, message]): 5.1 raises the message as text, with the position, like error. */
function assert(L: LuaState): number {
  lauxlib.luaL_checkany(L, 1);
  if (lua.lua_toboolean(L, 1)) return lua.lua_gettop(L);
  const message = lua.lua_isnoneornil(L, 2) ? 'assertion failed!' : fromLuaBytes(lauxlib.luaL_checklstring(L, 2));
  return raise(L, message);
}

/**
 * string.dump with Lua 5.1's version byte ("\27LuaQ"), so a dumped chunk
 * names itself as in Redis when loadstring refuses it. Nothing loads it.
 */
function dump(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TFUNCTION);
  lua.lua_settop(L, 1);
  const chunks: Uint8Array[] = [];
  lua.lua_dump(L, (_L: LuaState, b: Uint8Array) => {
    chunks.push(b.slice());
    return 0;
  }, null, false);
  let s = '';
  for (const c of chunks) s += fromLuaBytes(c);
  lua.lua_pushstring(L, toLuaBytes(s.slice(0, 4) + 'Q' + s.slice(5)));
  return 1;
}

/** 5.1's load(func [, chunkname]): pieces from a reader function until it returns nil or "". */
function load(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TFUNCTION);
  const name = lua.lua_isnoneornil(L, 2) ? '=(load)' : fromLuaBytes(lauxlib.luaL_checklstring(L, 2));
  let code = '';
  for (;;) {
    lua.lua_pushvalue(L, 1);
    lua.lua_call(L, 0, 1);
    if (lua.lua_isnil(L, -1)) {
      lua.lua_pop(L, 1);
      break;
    }
    if (!lua.lua_isstring(L, -1)) raise(L, 'reader function must return a string');
    const piece = fromLuaBytes(lua.lua_tolstring(L, -1));
    lua.lua_pop(L, 1);
    if (piece.length === 0) break;
    code += piece;
  }
  return loadChunk(L, code, name);
}

/**
 * string.rep(s, n) as 5.1: n is a C int (a double cast through 64 bits, then
 * its low 32), and nothing is repeated when it is not positive.
 */
function rep(L: LuaState): number {
  const s = fromLuaBytes(lauxlib.luaL_checklstring(L, 1));
  const n = cInt(lauxlib.luaL_checknumber(L, 2));
  lua.lua_pushstring(L, toLuaBytes(n > 0 ? s.repeat(n) : ''));
  return 1;
}

/** table.getn: 5.1's luaL_getn is the border of the array part, as # gives it. */
function getn(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_pushnumber(L, lua.lua_rawlen(L, 1));
  return 1;
}

function setn(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  return raise(L, "'setn' is obsolete");
}

function maxn(L: LuaState): number {
  let max = 0;
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    lua.lua_pop(L, 1);
    if (lua.lua_type(L, -1) === lua.LUA_TNUMBER) {
      const v = lua.lua_tonumber(L, -1);
      if (v > max) max = v;
    }
  }
  lua.lua_pushnumber(L, max);
  return 1;
}

/** table.foreach(t, f): calls f(k, v) for every pair, stopping at the first non-nil result. */
function foreach(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    lua.lua_pushvalue(L, 2);
    lua.lua_pushvalue(L, -3);
    lua.lua_pushvalue(L, -3);
    lua.lua_call(L, 2, 1);
    if (!lua.lua_isnil(L, -1)) return 1;
    lua.lua_pop(L, 2);
  }
  return 0;
}

function foreachi(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  const n = lua.lua_rawlen(L, 1);
  for (let i = 1; i <= n; i++) {
    lua.lua_pushvalue(L, 2);
    lua.lua_pushnumber(L, i);
    lua.lua_rawgeti(L, 1, i);
    lua.lua_call(L, 2, 1);
    if (!lua.lua_isnil(L, -1)) return 1;
    lua.lua_pop(L, 1);
  }
  return 0;
}

/** A math function of doubles returning a double: 5.1 never makes integers. */
function mathFn(f: (...x: number[]) => number, arity: number): LuaFunction {
  return (L) => {
    const args: number[] = [];
    for (let i = 1; i <= arity; i++) args.push(lauxlib.luaL_checknumber(L, i));
    lua.lua_pushnumber(L, f(...args));
    return 1;
  };
}

/** C's fmod: the result has the dividend's sign. */
const fmod = (a: number, b: number): number => a % b;

function frexp(L: LuaState): number {
  const x = lauxlib.luaL_checknumber(L, 1);
  if (x === 0 || !Number.isFinite(x)) {
    lua.lua_pushnumber(L, x);
    lua.lua_pushnumber(L, 0);
    return 2;
  }
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  lua.lua_pushnumber(L, m);
  lua.lua_pushnumber(L, e);
  return 2;
}

function ldexp(L: LuaState): number {
  const m = lauxlib.luaL_checknumber(L, 1);
  const e = lauxlib.luaL_checkinteger(L, 2);
  // Two steps keep 2^e finite where the product is.
  const half = Math.trunc(e / 2);
  lua.lua_pushnumber(L, m * 2 ** half * 2 ** (e - half));
  return 1;
}

/** 5.1's math.log takes one argument. */
const log = (x: number): number => Math.log(x);

function modf(L: LuaState): number {
  const x = lauxlib.luaL_checknumber(L, 1);
  const ip = x >= 0 ? Math.floor(x) : Math.ceil(x);
  lua.lua_pushnumber(L, ip);
  lua.lua_pushnumber(L, Number.isFinite(x) ? x - ip : 0);
  return 2;
}

export const baseFunctions: Record<string, LuaFunction> = { tonumber, loadstring, load, error, assert };
export const tableFunctions: Record<string, LuaFunction> = { getn, setn, maxn, foreach, foreachi };
export const stringFunctions: Record<string, LuaFunction> = { format: stringFormat, dump, rep };
export const mathFunctions: Record<string, LuaFunction> = {
  floor: mathFn(Math.floor, 1),
  ceil: mathFn(Math.ceil, 1),
  abs: mathFn(Math.abs, 1),
  fmod: mathFn(fmod, 2),
  mod: mathFn(fmod, 2),
  pow: mathFn(Math.pow, 2),
  atan2: mathFn(Math.atan2, 2),
  cosh: mathFn(Math.cosh, 1),
  sinh: mathFn(Math.sinh, 1),
  tanh: mathFn(Math.tanh, 1),
  log10: mathFn(Math.log10, 1),
  log: mathFn(log, 1),
  sqrt: mathFn(Math.sqrt, 1),
  exp: mathFn(Math.exp, 1),
  frexp,
  ldexp,
  modf,
};
