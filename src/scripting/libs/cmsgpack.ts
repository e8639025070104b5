/**
 * lua-cmsgpack as Redis bundles it: cmsgpack.pack(...) and unpack /
 * unpack_one / unpack_limit, with its encodings (integral numbers as the
 * smallest int format, other numbers as float32 when exact else float64,
 * strings as fixstr / str8 / str16 / str32, tables as arrays when their keys
 * are exactly 1..n), its nesting limit of 16 and its error messages.
 *
 * Maps are written in the table's iteration order (insertion order in
 * fengari, hash order in Redis's Lua 5.1).
 */
import { lauxlib, lua, to_luastring, type LuaFunction, type LuaState } from 'fengari';
import { fromLuaBytes, raise, toLuaBytes } from '../bytes.js';

const MAX_NESTING = 16;
const scratch = new DataView(new ArrayBuffer(8));

function bigEndian(n: number, bytes: number): string {
  let s = '';
  for (let i = bytes - 1; i >= 0; i--) s += String.fromCharCode(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return s;
}

function encodeInt(n: bigint): string {
  const v = Number(n);
  if (n >= 0n) {
    if (v <= 127) return String.fromCharCode(v);
    if (v <= 0xff) return '\xcc' + bigEndian(v, 1);
    if (v <= 0xffff) return '\xcd' + bigEndian(v, 2);
    if (v <= 0xffffffff) return '\xce' + bigEndian(v, 4);
    return '\xcf' + int64Bytes(n);
  }
  if (v >= -32) return String.fromCharCode(v & 0xff);
  if (v >= -128) return '\xd0' + String.fromCharCode(v & 0xff);
  if (v >= -32768) return '\xd1' + bigEndian(v & 0xffff, 2);
  if (v >= -2147483648) return '\xd2' + bigEndian(v >>> 0, 4);
  return '\xd3' + int64Bytes(n);
}

function int64Bytes(n: bigint): string {
  const u = BigInt.asUintN(64, n);
  let s = '';
  for (let i = 7; i >= 0; i--) s += String.fromCharCode(Number((u >> BigInt(8 * i)) & 0xffn));
  return s;
}

function encodeNumber(d: number): string {
  // IS_INT64_EQUIVALENT: finite and unchanged by a cast to int64_t.
  if (Number.isInteger(d) && d >= -9223372036854775808 && d < 9223372036854775808) return encodeInt(BigInt(d));
  if (Math.fround(d) === d || d !== d) {
    scratch.setFloat32(0, d);
    let s = '\xca';
    for (let i = 0; i < 4; i++) s += String.fromCharCode(scratch.getUint8(i));
    return s;
  }
  scratch.setFloat64(0, d);
  let s = '\xcb';
  for (let i = 0; i < 8; i++) s += String.fromCharCode(scratch.getUint8(i));
  return s;
}

function encodeBytes(s: string): string {
  const n = s.length;
  if (n < 32) return String.fromCharCode(0xa0 | n) + s;
  if (n <= 0xff) return '\xd9' + bigEndian(n, 1) + s;
  if (n <= 0xffff) return '\xda' + bigEndian(n, 2) + s;
  return '\xdb' + bigEndian(n, 4) + s;
}

function header(n: number, fix: number, b16: string, b32: string): string {
  if (n <= 15) return String.fromCharCode(fix | n);
  if (n <= 65535) return b16 + bigEndian(n, 2);
  return b32 + bigEndian(n, 4);
}

/** Keys exactly 1..n (positive integers, as many as the largest). */
function isArray(L: LuaState): boolean {
  let count = 0;
  let max = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    lua.lua_pop(L, 1);
    const n = lua.lua_type(L, -1) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -1) : 0;
    if (!(n > 0) || !Number.isInteger(n) || n > 2147483647) {
      lua.lua_pop(L, 1);
      return false;
    }
    if (n > max) max = n;
    count++;
  }
  return max === count;
}

/** Encodes the value on top of the stack and pops it. */
function encodeValue(L: LuaState, level: number): string {
  let t = lua.lua_type(L, -1);
  if (t === lua.LUA_TTABLE && level === MAX_NESTING) t = lua.LUA_TNIL;
  let out: string;
  switch (t) {
    case lua.LUA_TSTRING:
      out = encodeBytes(fromLuaBytes(lua.lua_tolstring(L, -1)));
      break;
    case lua.LUA_TBOOLEAN:
      out = lua.lua_toboolean(L, -1) ? '\xc3' : '\xc2';
      break;
    case lua.LUA_TNUMBER:
      out = encodeNumber(lua.lua_tonumber(L, -1));
      break;
    case lua.LUA_TTABLE: {
      lauxlib.luaL_checkstack(L, 3, to_luastring('in function mp_encode_lua_table'));
      if (isArray(L)) {
        const len = lua.lua_rawlen(L, -1);
        out = header(len, 0x90, '\xdc', '\xdd');
        for (let j = 1; j <= len; j++) {
          lua.lua_pushnumber(L, j);
          lua.lua_gettable(L, -2);
          out += encodeValue(L, level + 1);
        }
      } else {
        let len = 0;
        lua.lua_pushnil(L);
        while (lua.lua_next(L, -2)) {
          lua.lua_pop(L, 1);
          len++;
        }
        out = header(len, 0x80, '\xde', '\xdf');
        lua.lua_pushnil(L);
        while (lua.lua_next(L, -2)) {
          lua.lua_pushvalue(L, -2);
          out += encodeValue(L, level + 1);
          out += encodeValue(L, level + 1);
        }
      }
      break;
    }
    default:
      out = '\xc0';
  }
  lua.lua_pop(L, 1);
  return out;
}

function pack(L: LuaState): number {
  const n = lua.lua_gettop(L);
  if (n === 0) lauxlib.luaL_argerror(L, 0, to_luastring('MessagePack pack needs input.'));
  let out = '';
  for (let i = 1; i <= n; i++) {
    lua.lua_pushvalue(L, i);
    out += encodeValue(L, 0);
  }
  lua.lua_pushstring(L, toLuaBytes(out));
  return 1;
}

class Cursor {
  error: 'eof' | 'format' | null = null;
  constructor(
    readonly s: string,
    public pos: number,
  ) {}
  get left(): number {
    return this.s.length - this.pos;
  }
  need(n: number): boolean {
    if (this.left < n) this.error = 'eof';
    return this.error === null;
  }
  byte(at: number): number {
    return this.s.charCodeAt(this.pos + at);
  }
  uint(at: number, bytes: number): number {
    let v = 0;
    for (let i = 0; i < bytes; i++) v = v * 256 + this.byte(at + i);
    return v;
  }
}

/** Pushes the next value; on error sets cursor.error (and may push nothing). */
function decodeValue(L: LuaState, c: Cursor): void {
  if (!c.need(1)) return;
  lauxlib.luaL_checkstack(L, 1, to_luastring('too many return values at once; use unpack_one or unpack_limit instead.'));
  const b = c.byte(0);
  const num = (size: number, read: () => number) => {
    if (!c.need(size)) return;
    lua.lua_pushnumber(L, read());
    c.pos += size;
  };
  const str = (hdr: number, len: number) => {
    if (!c.need(hdr + len)) return;
    lua.lua_pushstring(L, toLuaBytes(c.s.slice(c.pos + hdr, c.pos + hdr + len)));
    c.pos += hdr + len;
  };
  const aggregate = (hdr: number, len: number, map: boolean) => {
    c.pos += hdr;
    lua.lua_createtable(L, 0, 0);
    lauxlib.luaL_checkstack(L, 2, to_luastring('in function mp_decode_to_lua_array'));
    for (let i = 1; i <= len; i++) {
      if (!map) lua.lua_pushnumber(L, i);
      decodeValue(L, c);
      if (c.error) return;
      if (map) {
        decodeValue(L, c);
        if (c.error) return;
      }
      lua.lua_settable(L, -3);
    }
  };
  const float = (size: 4 | 8) => {
    if (!c.need(size + 1)) return;
    for (let i = 0; i < size; i++) scratch.setUint8(i, c.byte(1 + i));
    lua.lua_pushnumber(L, size === 4 ? scratch.getFloat32(0) : scratch.getFloat64(0));
    c.pos += size + 1;
  };
  switch (b) {
    case 0xcc: return num(2, () => c.byte(1));
    case 0xd0: return num(2, () => (c.byte(1) << 24) >> 24);
    case 0xcd: return num(3, () => c.uint(1, 2));
    case 0xd1: return num(3, () => (c.uint(1, 2) << 16) >> 16);
    case 0xce: return num(5, () => c.uint(1, 4));
    case 0xd2: return num(5, () => c.uint(1, 4) | 0);
    // lua_pushunsigned is lua_pushinteger on 64-bit: the value reads as signed.
    case 0xcf: return num(9, () => Number(BigInt.asIntN(64, BigInt('0x' + hex(c, 8)))));
    case 0xd3: return num(9, () => Number(BigInt.asIntN(64, BigInt('0x' + hex(c, 8)))));
    case 0xc0: lua.lua_pushnil(L); c.pos++; return;
    case 0xc3: lua.lua_pushboolean(L, 1); c.pos++; return;
    case 0xc2: lua.lua_pushboolean(L, 0); c.pos++; return;
    case 0xca: return float(4);
    case 0xcb: return float(8);
    case 0xd9: if (c.need(2)) str(2, c.byte(1)); return;
    case 0xda: if (c.need(3)) str(3, c.uint(1, 2)); return;
    case 0xdb: if (c.need(5)) str(5, c.uint(1, 4)); return;
    case 0xdc: if (c.need(3)) aggregate(3, c.uint(1, 2), false); return;
    case 0xdd: if (c.need(5)) aggregate(5, c.uint(1, 4), false); return;
    case 0xde: if (c.need(3)) aggregate(3, c.uint(1, 2), true); return;
    case 0xdf: if (c.need(5)) aggregate(5, c.uint(1, 4), true); return;
  }
  if ((b & 0x80) === 0) {
    lua.lua_pushnumber(L, b);
    c.pos++;
  } else if ((b & 0xe0) === 0xe0) {
    lua.lua_pushnumber(L, (b << 24) >> 24);
    c.pos++;
  } else if ((b & 0xe0) === 0xa0) {
    str(1, b & 0x1f);
  } else if ((b & 0xf0) === 0x90) {
    aggregate(1, b & 0xf, false);
  } else if ((b & 0xf0) === 0x80) {
    aggregate(1, b & 0xf, true);
  } else {
    c.error = 'format';
  }
}

function hex(c: Cursor, bytes: number): string {
  let s = '';
  for (let i = 1; i <= bytes; i++) s += c.byte(i).toString(16).padStart(2, '0');
  return s;
}

function unpackFull(L: LuaState, limit: number, offset: number): number {
  const s = fromLuaBytes(lauxlib.luaL_checklstring(L, 1));
  const all = limit === 0 && offset === 0;
  if (offset < 0 || limit < 0) raise(L, `Invalid request to unpack with offset of ${offset} and limit of ${s.length}.`);
  else if (offset > s.length) raise(L, `Start offset ${offset} greater than input length ${s.length}.`);
  const max = all ? 2147483647 : limit;
  const c = new Cursor(s, offset);
  let count = 0;
  for (; c.left > 0 && count < max; count++) {
    decodeValue(L, c);
    if (c.error === 'eof') raise(L, 'Missing bytes in input.');
    if (c.error === 'format') raise(L, 'Bad data format in input.');
  }
  if (all) return count;
  lua.lua_pushnumber(L, c.left === 0 ? -1 : c.pos);
  lua.lua_insert(L, 2);
  return count + 1;
}

export const cmsgpackLib: Record<string, LuaFunction> = {
  pack,
  unpack: (L) => unpackFull(L, 0, 0),
  unpack_one: (L) => {
    const offset = lauxlib.luaL_optinteger(L, 2, 0);
    lua.lua_settop(L, 1);
    return unpackFull(L, 1, offset);
  },
  unpack_limit: (L) => {
    const limit = lauxlib.luaL_checkinteger(L, 2);
    const offset = lauxlib.luaL_optinteger(L, 3, 0);
    lua.lua_settop(L, 1);
    return unpackFull(L, limit, offset);
  },
};

/** cmsgpack's informational fields. */
export function pushCmsgpackFields(L: LuaState): void {
  for (const [k, v] of [
    ['_NAME', 'cmsgpack'],
    ['_VERSION', 'lua-cmsgpack 0.4.0'],
    ['_COPYRIGHT', 'Copyright (C) 2012, Salvatore Sanfilippo'],
    ['_DESCRIPTION', 'MessagePack C implementation for Lua'],
  ]) {
    lua.lua_pushstring(L, to_luastring(v));
    lua.lua_setfield(L, -2, to_luastring(k));
  }
}
