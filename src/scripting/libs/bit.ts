/**
 * LuaBitOp 1.0 as Redis bundles it: 32-bit operations on numbers, results as
 * signed 32-bit values. Arguments convert as LuaBitOp converts a double: add
 * 2^52 + 2^51 and keep the low 32 bits of the result's representation (round
 * to nearest even, modulo 2^32).
 */
import { lua, type LuaState } from 'fengari';
import { toLuaBytes, typeError } from '../bytes.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

function barg(L: LuaState, idx: number): number {
  f64[0] = lua.lua_tonumber(L, idx) + 6755399441055744.0;
  const b = u32[LOW];
  if (b === 0 && !lua.lua_isnumber(L, idx)) typeError(L, idx, 'number');
  return b;
}

function ret(L: LuaState, b: number): number {
  lua.lua_pushnumber(L, b | 0);
  return 1;
}

function fold(op: (a: number, b: number) => number) {
  return (L: LuaState): number => {
    let b = barg(L, 1);
    for (let i = lua.lua_gettop(L); i > 1; i--) b = op(b, barg(L, i));
    return ret(L, b);
  };
}

function shift(op: (b: number, n: number) => number) {
  return (L: LuaState): number => ret(L, op(barg(L, 1), barg(L, 2) & 31));
}

function tohex(L: LuaState): number {
  let b = barg(L, 1);
  let n = lua.lua_isnone(L, 2) ? 8 : barg(L, 2) | 0;
  let digits = '0123456789abcdef';
  if (n < 0) {
    n = n === -2147483648 ? 2147483647 : -n;
    digits = '0123456789ABCDEF';
  }
  if (n > 8) n = 8;
  let out = '';
  for (let i = 0; i < n; i++) {
    out = digits[b & 15] + out;
    b >>>= 4;
  }
  lua.lua_pushstring(L, toLuaBytes(out));
  return 1;
}

export const bitLib = {
  tobit: (L: LuaState) => ret(L, barg(L, 1)),
  bnot: (L: LuaState) => ret(L, ~barg(L, 1)),
  band: fold((a, b) => a & b),
  bor: fold((a, b) => a | b),
  bxor: fold((a, b) => a ^ b),
  lshift: shift((b, n) => b << n),
  rshift: shift((b, n) => b >>> n),
  arshift: shift((b, n) => b >> n),
  rol: shift((b, n) => (b << n) | (b >>> (32 - n))),
  ror: shift((b, n) => (b >>> n) | (b << (32 - n))),
  bswap: (L: LuaState) => {
    const b = barg(L, 1);
    return ret(L, ((b >>> 24) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24)) >>> 0);
  },
  tohex,
};
