/**
 * lua-cjson 2.1 as Redis bundles it: cjson.encode / cjson.decode with its
 * number formatting (`%.14g`), escaping ("/" becomes "\/"), sparse-array
 * rules, depth limits, invalid-number handling and error messages, plus its
 * configuration functions and cjson.null.
 *
 * Objects are written in the table's iteration order, which in fengari is
 * insertion order; Redis's Lua 5.1 walks its hash part in hash order.
 */
import { lauxlib, lua, to_luastring, type LuaFunction, type LuaState } from 'fengari';
import { fromLuaBytes, raise, toLuaBytes } from '../bytes.js';
import { formatG, luaNumberToString } from '../cformat.js';

const config = {
  sparseConvert: false,
  sparseRatio: 2,
  sparseSafe: 10,
  encodeMaxDepth: 1000,
  decodeMaxDepth: 1000,
  encodeInvalidNumbers: 0 as 0 | 1 | 2,
  decodeInvalidNumbers: true,
  keepBuffer: true,
  precision: 14,
};

const ESCAPES: string[] = [];
for (let c = 0; c < 256; c++) {
  if (c < 32) ESCAPES[c] = '\\u' + c.toString(16).padStart(4, '0');
}
ESCAPES[8] = '\\b';
ESCAPES[9] = '\\t';
ESCAPES[10] = '\\n';
ESCAPES[12] = '\\f';
ESCAPES[13] = '\\r';
ESCAPES[34] = '\\"';
ESCAPES[47] = '\\/';
ESCAPES[92] = '\\\\';
ESCAPES[127] = '\\u007f';

function encodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const e = ESCAPES[s.charCodeAt(i)];
    out += e === undefined ? s[i] : e;
  }
  return out + '"';
}

function typeName(L: LuaState, idx: number): string {
  return fromLuaBytes(lua.lua_typename(L, lua.lua_type(L, idx)));
}

function encodeNumber(L: LuaState, idx: number): string {
  const n = lua.lua_tonumber(L, idx);
  if (!Number.isFinite(n)) {
    if (config.encodeInvalidNumbers === 0) raise(L, `Cannot serialise ${typeName(L, idx)}: must not be NaN or Inf`);
    if (config.encodeInvalidNumbers === 2) return 'null';
    if (n !== n) return 'nan';
  }
  return config.precision === 14 ? luaNumberToString(n) : formatG(n, config.precision);
}

/** The array length of the table on top, or -1 if it must be an object. */
function arrayLength(L: LuaState): number {
  let max = 0;
  let items = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    if (lua.lua_type(L, -2) === lua.LUA_TNUMBER) {
      const k = lua.lua_tonumber(L, -2);
      if (k !== 0 && Math.floor(k) === k && k >= 1) {
        if (k > max) max = k;
        items++;
        lua.lua_pop(L, 1);
        continue;
      }
    }
    lua.lua_pop(L, 2);
    return -1;
  }
  if (config.sparseRatio > 0 && max > items * config.sparseRatio && max > config.sparseSafe) {
    if (!config.sparseConvert) raise(L, 'Cannot serialise table: excessively sparse array');
    return -1;
  }
  return max;
}

function encodeValue(L: LuaState, depth: number): string {
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING:
      return encodeString(fromLuaBytes(lua.lua_tolstring(L, -1)));
    case lua.LUA_TNUMBER:
      return encodeNumber(L, -1);
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, -1) ? 'true' : 'false';
    case lua.LUA_TNIL:
      return 'null';
    case lua.LUA_TLIGHTUSERDATA:
      if (lua.lua_touserdata(L, -1) === null) return 'null';
      break;
    case lua.LUA_TTABLE: {
      depth++;
      if (depth > config.encodeMaxDepth) raise(L, `Cannot serialise, excessive nesting (${depth})`);
      lauxlib.luaL_checkstack(L, 3, null);
      const len = arrayLength(L);
      if (len > 0) {
        const parts: string[] = [];
        for (let i = 1; i <= len; i++) {
          lua.lua_rawgeti(L, -1, i);
          parts.push(encodeValue(L, depth));
          lua.lua_pop(L, 1);
        }
        return `[${parts.join(',')}]`;
      }
      const parts: string[] = [];
      lua.lua_pushnil(L);
      while (lua.lua_next(L, -2)) {
        const keyType = lua.lua_type(L, -2);
        let key: string;
        if (keyType === lua.LUA_TNUMBER) key = `"${encodeNumber(L, -2)}"`;
        else if (keyType === lua.LUA_TSTRING) key = encodeString(fromLuaBytes(lua.lua_tolstring(L, -2)));
        else return raise(L, `Cannot serialise ${typeName(L, -2)}: table key must be a number or string`);
        parts.push(`${key}:${encodeValue(L, depth)}`);
        lua.lua_pop(L, 1);
      }
      return `{${parts.join(',')}}`;
    }
  }
  return raise(L, `Cannot serialise ${typeName(L, -1)}: type not supported`);
}

function encode(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1) lauxlib.luaL_argerror(L, 1, to_luastring('expected 1 argument'));
  lua.lua_pushstring(L, toLuaBytes(encodeValue(L, 0)));
  return 1;
}

// ——— Decoding ———

type Token =
  | { type: 'T_OBJ_BEGIN' | 'T_OBJ_END' | 'T_ARR_BEGIN' | 'T_ARR_END' | 'T_COLON' | 'T_COMMA' | 'T_END' | 'T_NULL'; index: number }
  | { type: 'T_STRING'; index: number; value: string }
  | { type: 'T_NUMBER'; index: number; value: number }
  | { type: 'T_BOOLEAN'; index: number; value: boolean }
  | { type: 'T_ERROR'; index: number; value: string };

const PUNCTUATION: Record<string, Token['type']> = { '{': 'T_OBJ_BEGIN', '}': 'T_OBJ_END', '[': 'T_ARR_BEGIN', ']': 'T_ARR_END', ':': 'T_COLON', ',': 'T_COMMA' };

/** strtod's longest prefix from i: its length and value, or null. */
const STRTOD = /^[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i;

function strtodPrefix(s: string): { length: number; value: number } | null {
  const m = STRTOD.exec(s);
  if (!m) return null;
  const text = m[0];
  const body = text.replace(/^[+-]/, '');
  const neg = text[0] === '-';
  let value: number;
  if (/^inf/i.test(body)) value = Infinity;
  else if (/^nan/i.test(body)) value = NaN;
  else if (/^0x/i.test(body)) {
    const [mant, exp] = body.slice(2).split(/[pP]/);
    const [int, frac = ''] = mant.split('.');
    value = (parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0)) * 2 ** Number(exp ?? 0);
  } else value = Number(body);
  return { length: text.length, value: neg ? -value : value };
}

function isInvalidNumber(s: string, i: number): boolean {
  let p = i;
  if (s[p] === '+') return true;
  if (s[p] === '-') p++;
  if (s[p] === '0') {
    const c = s[p + 1];
    return c === 'x' || c === 'X' || (c !== undefined && c >= '0' && c <= '9');
  }
  if (s[p] !== undefined && s[p] <= '9') return false;
  const word = s.slice(p, p + 3).toLowerCase();
  return word === 'inf' || word === 'nan';
}

class Decoder {
  pos = 0;
  depth = 0;
  constructor(
    readonly L: LuaState,
    readonly s: string,
  ) {}

  next(): Token {
    const s = this.s;
    while (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\n' || s[this.pos] === '\r') this.pos++;
    const index = this.pos;
    const c = s[this.pos];
    if (c === undefined || c === '\0') return { type: 'T_END', index };
    const punct = PUNCTUATION[c];
    if (punct) {
      this.pos++;
      return { type: punct, index } as Token;
    }
    if (c === '"') return this.string(index);
    if (c === '-' || (c >= '0' && c <= '9') || 'iInN+'.includes(c)) {
      const literal = c === 'n' && s.startsWith('null', this.pos);
      if (!literal && (c === '-' || (c >= '0' && c <= '9') || config.decodeInvalidNumbers)) {
        if (!config.decodeInvalidNumbers && isInvalidNumber(s, this.pos)) return { type: 'T_ERROR', index, value: 'invalid number' };
        if (c === '-' || (c >= '0' && c <= '9') || isInvalidNumber(s, this.pos)) {
          const n = strtodPrefix(s.slice(this.pos));
          if (!n) return { type: 'T_ERROR', index, value: 'invalid number' };
          this.pos += n.length;
          return { type: 'T_NUMBER', index, value: n.value };
        }
      }
    }
    for (const [word, token] of [['true', true], ['false', false]] as const) {
      if (s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { type: 'T_BOOLEAN', index, value: token };
      }
    }
    if (s.startsWith('null', this.pos)) {
      this.pos += 4;
      return { type: 'T_NULL', index };
    }
    return { type: 'T_ERROR', index, value: 'invalid token' };
  }

  private string(index: number): Token {
    const s = this.s;
    this.pos++;
    let out = '';
    for (;;) {
      const c = s[this.pos];
      if (c === undefined || c === '\0') return { type: 'T_ERROR', index: this.pos, value: 'unexpected end of string' };
      if (c === '"') break;
      if (c === '\\') {
        const e = s[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const decoded = this.unicodeEscape();
          if (decoded === null) return { type: 'T_ERROR', index: this.pos, value: 'invalid unicode escape code' };
          out += decoded;
          continue;
        }
        if (e === undefined || !(e in simple)) return { type: 'T_ERROR', index: this.pos, value: 'invalid escape code' };
        out += simple[e];
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos++;
    }
    this.pos++;
    return { type: 'T_STRING', index, value: out };
  }

  /** \uXXXX (and surrogate pairs) as UTF-8 bytes; null when malformed. */
  private unicodeEscape(): string | null {
    const hex = (at: number) => (/^[0-9a-fA-F]{4}$/.test(this.s.slice(at, at + 4)) ? parseInt(this.s.slice(at, at + 4), 16) : -1);
    let cp = hex(this.pos + 2);
    if (cp < 0) return null;
    let len = 6;
    if (cp >= 0xdc00 && cp <= 0xdfff) return null;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      if (this.s[this.pos + 6] !== '\\' || this.s[this.pos + 7] !== 'u') return null;
      const low = hex(this.pos + 8);
      if (low < 0xdc00 || low > 0xdfff) return null;
      cp = (((cp & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
      len = 12;
    }
    this.pos += len;
    const bytes = new TextEncoder().encode(String.fromCodePoint(cp));
    return String.fromCharCode(...bytes);
  }

  fail(expected: string, token: Token): never {
    const found = token.type === 'T_ERROR' ? token.value : token.type;
    return raise(this.L, `Expected ${expected} but found ${found} at character ${token.index + 1}`);
  }

  descend(): void {
    this.depth++;
    if (this.depth > config.decodeMaxDepth) raise(this.L, `Found too many nested data structures (${this.depth}) at character ${this.pos}`);
    lauxlib.luaL_checkstack(this.L, 3, null);
  }

  value(token: Token): void {
    const L = this.L;
    switch (token.type) {
      case 'T_STRING':
        lua.lua_pushstring(L, toLuaBytes(token.value));
        return;
      case 'T_NUMBER':
        lua.lua_pushnumber(L, token.value);
        return;
      case 'T_BOOLEAN':
        lua.lua_pushboolean(L, token.value ? 1 : 0);
        return;
      case 'T_NULL':
        lua.lua_pushlightuserdata(L, null);
        return;
      case 'T_OBJ_BEGIN':
        return this.object();
      case 'T_ARR_BEGIN':
        return this.array();
      default:
        this.fail('value', token);
    }
  }

  private object(): void {
    const L = this.L;
    this.descend();
    lua.lua_createtable(L, 0, 0);
    let token = this.next();
    if (token.type === 'T_OBJ_END') {
      this.depth--;
      return;
    }
    for (;;) {
      if (token.type !== 'T_STRING') this.fail('object key string', token);
      lua.lua_pushstring(L, toLuaBytes(token.value));
      token = this.next();
      if (token.type !== 'T_COLON') this.fail('colon', token);
      this.value(this.next());
      lua.lua_rawset(L, -3);
      token = this.next();
      if (token.type === 'T_OBJ_END') {
        this.depth--;
        return;
      }
      if (token.type !== 'T_COMMA') this.fail('comma or object end', token);
      token = this.next();
    }
  }

  private array(): void {
    const L = this.L;
    this.descend();
    lua.lua_createtable(L, 0, 0);
    let token = this.next();
    if (token.type === 'T_ARR_END') {
      this.depth--;
      return;
    }
    for (let i = 1; ; i++) {
      this.value(token);
      lua.lua_rawseti(L, -2, i);
      token = this.next();
      if (token.type === 'T_ARR_END') {
        this.depth--;
        return;
      }
      if (token.type !== 'T_COMMA') this.fail('comma or array end', token);
      token = this.next();
    }
  }
}

function decode(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1) lauxlib.luaL_argerror(L, 1, to_luastring('expected 1 argument'));
  const s = fromLuaBytes(lauxlib.luaL_checklstring(L, 1));
  if (s.length >= 2 && (s.charCodeAt(0) === 0 || s.charCodeAt(1) === 0)) raise(L, 'JSON parser does not support UTF-16 or UTF-32');
  const decoder = new Decoder(L, s);
  decoder.value(decoder.next());
  const end = decoder.next();
  if (end.type !== 'T_END') decoder.fail('the end', end);
  return 1;
}

/** A numeric setting: with an argument, checks and sets it; returns the value. */
function integerOption(get: () => number, set: (n: number) => void, min: number, max: number, arg = 1): LuaFunction {
  return (L) => {
    if (!lua.lua_isnoneornil(L, arg)) {
      const v = lauxlib.luaL_checkinteger(L, arg);
      if (!(min <= v && v <= max)) lauxlib.luaL_argerror(L, 1, to_luastring(`expected integer between ${min} and ${max}`));
      set(v);
    }
    lua.lua_pushnumber(L, get());
    return 1;
  };
}

/** An on/off setting (booleans or "on" / "off"). */
function booleanOption(get: () => boolean, set: (b: boolean) => void): LuaFunction {
  return (L) => {
    if (!lua.lua_isnoneornil(L, 1)) {
      if (lua.lua_isboolean(L, 1)) set(lua.lua_toboolean(L, 1));
      else set(lauxlib.luaL_checkoption(L, 1, null, [to_luastring('off'), to_luastring('on')]) === 1);
    }
    lua.lua_pushboolean(L, get() ? 1 : 0);
    return 1;
  };
}

/** cjson.new(): another module table (sharing this one's settings). */
function newInstance(L: LuaState): number {
  lua.lua_createtable(L, 0, 16);
  for (const [name, fn] of Object.entries(cjsonLib)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, to_luastring(name));
  }
  pushCjsonFields(L);
  return 1;
}

export const cjsonLib: Record<string, LuaFunction> = {
  encode,
  decode,
  encode_max_depth: integerOption(() => config.encodeMaxDepth, (n) => (config.encodeMaxDepth = n), 1, 2147483647),
  decode_max_depth: integerOption(() => config.decodeMaxDepth, (n) => (config.decodeMaxDepth = n), 1, 2147483647),
  encode_number_precision: integerOption(() => config.precision, (n) => (config.precision = n), 1, 14),
  encode_keep_buffer: booleanOption(() => config.keepBuffer, (b) => (config.keepBuffer = b)),
  decode_invalid_numbers: booleanOption(() => config.decodeInvalidNumbers, (b) => (config.decodeInvalidNumbers = b)),
  encode_invalid_numbers: (L) => {
    if (!lua.lua_isnoneornil(L, 1)) {
      if (lua.lua_isboolean(L, 1)) config.encodeInvalidNumbers = lua.lua_toboolean(L, 1) ? 1 : 0;
      else config.encodeInvalidNumbers = lauxlib.luaL_checkoption(L, 1, null, [to_luastring('off'), to_luastring('on'), to_luastring('null')]);
    }
    if (config.encodeInvalidNumbers === 2) lua.lua_pushstring(L, to_luastring('null'));
    else lua.lua_pushboolean(L, config.encodeInvalidNumbers);
    return 1;
  },
  encode_sparse_array: (L) => {
    if (!lua.lua_isnoneornil(L, 1)) config.sparseConvert = lua.lua_toboolean(L, 1);
    integerOption(() => config.sparseRatio, (n) => (config.sparseRatio = n), 0, 2147483647, 2)(L);
    integerOption(() => config.sparseSafe, (n) => (config.sparseSafe = n), 0, 2147483647, 3)(L);
    lua.lua_pushboolean(L, config.sparseConvert ? 1 : 0);
    lua.lua_insert(L, -3);
    return 3;
  },
};

/** Fields besides functions: cjson.new, cjson.null, _NAME, _VERSION. */
export function pushCjsonFields(L: LuaState): void {
  lua.lua_pushcfunction(L, newInstance);
  lua.lua_setfield(L, -2, to_luastring('new'));
  lua.lua_pushlightuserdata(L, null);
  lua.lua_setfield(L, -2, to_luastring('null'));
  lua.lua_pushstring(L, to_luastring('cjson'));
  lua.lua_setfield(L, -2, to_luastring('_NAME'));
  lua.lua_pushstring(L, to_luastring('2.1.0'));
  lua.lua_setfield(L, -2, to_luastring('_VERSION'));
}
