/**
 * The `struct` library Redis bundles (Roberto Ierusalimschy's struct.c):
 * struct.pack, struct.unpack and struct.size with its format letters, sizes
 * and alignment as they come out on x86-64 Linux (long and size_t are 8
 * bytes, native order little-endian, maximum alignment 8).
 */
import { lauxlib, lua, to_luastring, type LuaState } from 'fengari';
import { fromLuaBytes, raise, toLuaBytes } from '../bytes.js';
import { doubleToInt64 } from '../cformat.js';

const MAXINTSIZE = 32;
const MAXALIGN = 8;
const SIZES: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, l: 8, L: 8, T: 8, f: 4, d: 8, x: 1 };

interface Header {
  little: boolean;
  align: number;
}

/** A format being read: its text and position. */
class Format {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  next(): string {
    return this.text[this.pos++];
  }
  /** getnum: the digits here, or the default when there are none. */
  number(L: LuaState, fallback: number): number {
    if (!isDigit(this.text.charCodeAt(this.pos))) return fallback;
    let a = 0;
    while (isDigit(this.text.charCodeAt(this.pos))) {
      const d = this.text.charCodeAt(this.pos++) - 48;
      if (a > 214748364 || a * 10 > 2147483647 - d) raise(L, 'integral size overflow');
      a = a * 10 + d;
    }
    return a;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function optionSize(L: LuaState, opt: string, fmt: Format): number {
  const fixed = SIZES[opt];
  if (fixed !== undefined) return fixed;
  if (opt === 'c') return fmt.number(L, 1);
  if (opt === 'i' || opt === 'I') {
    const size = fmt.number(L, 4);
    if (size > MAXINTSIZE) raise(L, `integral size ${size} is larger than limit of ${MAXINTSIZE}`);
    return size;
  }
  return 0;
}

function toAlign(len: number, h: Header, opt: string, size: number): number {
  if (size === 0 || opt === 'c') return 0;
  const s = Math.min(size, h.align);
  return (s - (len & (s - 1))) & (s - 1);
}

function controlOption(L: LuaState, opt: string, fmt: Format, h: Header): void {
  switch (opt) {
    case ' ':
      return;
    case '>':
      h.little = false;
      return;
    case '<':
      h.little = true;
      return;
    case '!': {
      const a = fmt.number(L, MAXALIGN);
      if (!(a > 0 && (a & (a - 1)) === 0)) raise(L, `alignment ${a} is not a power of 2`);
      h.align = a;
      return;
    }
    default:
      lauxlib.luaL_argerror(L, 1, to_luastring(`invalid format option '${opt}'`));
  }
}

/** The bytes of an integer of `size` bytes (two's complement, 64 bits of value at most). */
function integerBytes(n: number, size: number, little: boolean): string {
  let value = n < 0 ? BigInt.asUintN(64, doubleToInt64(n)) : n < 18446744073709551616 ? BigInt(Math.trunc(n)) : 0n;
  const bytes = new Array<string>(size);
  for (let i = 0; i < size; i++) {
    bytes[little ? i : size - 1 - i] = String.fromCharCode(Number(value & 0xffn));
    value >>= 8n;
  }
  return bytes.join('');
}

function readInteger(data: string, pos: number, size: number, little: boolean, signed: boolean): number {
  let l = 0n;
  for (let i = 0; i < size; i++) {
    const byte = data.charCodeAt(little ? pos + size - 1 - i : pos + i);
    l = BigInt.asUintN(64, (l << 8n) | BigInt(byte));
  }
  if (!signed) return Number(l);
  const bits = size * 8;
  if (bits <= 64 && bits > 0 && (l >> BigInt(bits - 1)) & 1n) l |= BigInt.asUintN(64, ~0n << BigInt(bits - 1));
  return Number(BigInt.asIntN(64, l));
}

const scratch = new DataView(new ArrayBuffer(8));

function floatBytes(x: number, size: number, little: boolean): string {
  if (size === 4) scratch.setFloat32(0, x, little);
  else scratch.setFloat64(0, x, little);
  let s = '';
  for (let i = 0; i < size; i++) s += String.fromCharCode(scratch.getUint8(i));
  return s;
}

function readFloat(data: string, pos: number, size: number, little: boolean): number {
  for (let i = 0; i < size; i++) scratch.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? scratch.getFloat32(0, little) : scratch.getFloat64(0, little);
}

function pack(L: LuaState): number {
  const fmt = new Format(fromLuaBytes(lauxlib.luaL_checklstring(L, 1)));
  const h: Header = { little: true, align: 1 };
  let arg = 2;
  let out = '';
  while (!fmt.done) {
    const opt = fmt.next();
    let size = optionSize(L, opt, fmt);
    const pad = toAlign(out.length, h, opt, size);
    out += '\0'.repeat(pad);
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        out += integerBytes(lauxlib.luaL_checknumber(L, arg++), size, h.little);
        break;
      case 'x':
        out += '\0';
        break;
      case 'f':
      case 'd':
        out += floatBytes(lauxlib.luaL_checknumber(L, arg++), size, h.little);
        break;
      case 'c':
      case 's': {
        const s = fromLuaBytes(lauxlib.luaL_checklstring(L, arg++));
        if (size === 0) size = s.length;
        if (s.length < size) lauxlib.luaL_argerror(L, arg, to_luastring('string too short'));
        out += s.slice(0, size);
        if (opt === 's') out += '\0';
        break;
      }
      default:
        controlOption(L, opt, fmt, h);
    }
  }
  lua.lua_pushstring(L, toLuaBytes(out));
  return 1;
}

function unpack(L: LuaState): number {
  const fmt = new Format(fromLuaBytes(lauxlib.luaL_checklstring(L, 1)));
  const data = fromLuaBytes(lauxlib.luaL_checklstring(L, 2));
  let pos = lauxlib.luaL_optinteger(L, 3, 1);
  if (!(pos > 0)) lauxlib.luaL_argerror(L, 3, to_luastring('offset must be 1 or greater'));
  pos--;
  const h: Header = { little: true, align: 1 };
  let n = 0;
  const tooShort = (size: number) => {
    if (!(size <= data.length && pos <= data.length - size)) lauxlib.luaL_argerror(L, 2, to_luastring('data string too short'));
  };
  while (!fmt.done) {
    const opt = fmt.next();
    let size = optionSize(L, opt, fmt);
    pos += toAlign(pos, h, opt, size);
    tooShort(size);
    lauxlib.luaL_checkstack(L, 2, to_luastring('too many results'));
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        lua.lua_pushnumber(L, readInteger(data, pos, size, h.little, opt === opt.toLowerCase()));
        n++;
        break;
      case 'x':
        break;
      case 'f':
      case 'd':
        lua.lua_pushnumber(L, readFloat(data, pos, size, h.little));
        n++;
        break;
      case 'c':
        if (size === 0) {
          if (n === 0 || !lua.lua_isnumber(L, -1)) raise(L, "format 'c0' needs a previous size");
          size = Math.trunc(lua.lua_tonumber(L, -1));
          lua.lua_pop(L, 1);
          n--;
          tooShort(size);
        }
        lua.lua_pushstring(L, toLuaBytes(data.slice(pos, pos + size)));
        n++;
        break;
      case 's': {
        const end = data.indexOf('\0', pos);
        if (end < 0) raise(L, 'unfinished string in data');
        size = end - pos + 1;
        lua.lua_pushstring(L, toLuaBytes(data.slice(pos, end)));
        n++;
        break;
      }
      default:
        controlOption(L, opt, fmt, h);
    }
    pos += size;
  }
  lua.lua_pushnumber(L, pos + 1);
  return n + 1;
}

function size(L: LuaState): number {
  const fmt = new Format(fromLuaBytes(lauxlib.luaL_checklstring(L, 1)));
  const h: Header = { little: true, align: 1 };
  let pos = 0;
  while (!fmt.done) {
    const opt = fmt.next();
    const sz = optionSize(L, opt, fmt);
    pos += toAlign(pos, h, opt, sz);
    if (opt === 's') lauxlib.luaL_argerror(L, 1, to_luastring("option 's' has no fixed size"));
    else if (opt === 'c' && sz === 0) lauxlib.luaL_argerror(L, 1, to_luastring("option 'c0' has no fixed size"));
    if (!/[0-9A-Za-z]/.test(opt)) controlOption(L, opt, fmt, h);
    pos += sz;
  }
  lua.lua_pushnumber(L, pos);
  return 1;
}

export const structLib = { pack, unpack, size };
