/**
 * Lua 5.1's string.format: C's sprintf per item, numbers read as doubles and
 * cast as C casts them (`%d` of 3.7 is "3", of 1e20 is INT64_MIN), at most two
 * digits of width and precision, and 5.1's error messages.
 */
import { lauxlib, lua, type LuaState } from 'fengari';
import { fromLuaBytes, raise, toLuaBytes } from '../bytes.js';
import { doubleToInt64, formatFloat, formatInteger, formatString, type FormatSpec } from '../cformat.js';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** C's cast of a double to unsigned long long on x86-64. */
function doubleToUint64(x: number): bigint {
  if (x >= 9223372036854775808 && x < 18446744073709551616) return BigInt(x);
  return BigInt.asUintN(64, doubleToInt64(x));
}

/** %q: the string in double quotes with ", \, newline, CR and NUL escaped. */
function quoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === '\\' || c === '\n') out += '\\' + c;
    else if (c === '\r') out += '\\r';
    else if (c === '\0') out += '\\000';
    else out += c;
  }
  return out + '"';
}

function checkBytes(L: LuaState, arg: number): string {
  return fromLuaBytes(lauxlib.luaL_checklstring(L, arg));
}

export function stringFormat(L: LuaState): number {
  const top = lua.lua_gettop(L);
  const fmt = checkBytes(L, 1);
  let arg = 1;
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charCodeAt(i);
    if (c !== 37 /* % */) {
      out += fmt[i++];
      continue;
    }
    if (fmt.charCodeAt(++i) === 37) {
      out += '%';
      i++;
      continue;
    }
    if (++arg > top) lauxlib.luaL_argerror(L, arg, 'no value');
    const spec: FormatSpec = { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, precision: -1 };
    const flagsStart = i;
    for (;;) {
      const f = fmt[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === ' ') spec.space = true;
      else if (f === '#') spec.alt = true;
      else if (f === '0') spec.zero = true;
      else break;
      i++;
    }
    if (i - flagsStart >= 6) raise(L, 'invalid format (repeated flags)');
    const widthStart = i;
    if (isDigit(fmt.charCodeAt(i))) i++;
    if (isDigit(fmt.charCodeAt(i))) i++;
    if (i > widthStart) spec.width = Number(fmt.slice(widthStart, i));
    let hasPrecision = false;
    if (fmt[i] === '.') {
      hasPrecision = true;
      const precisionStart = ++i;
      if (isDigit(fmt.charCodeAt(i))) i++;
      if (isDigit(fmt.charCodeAt(i))) i++;
      spec.precision = Number(fmt.slice(precisionStart, i) || '0');
    }
    if (isDigit(fmt.charCodeAt(i))) raise(L, 'invalid format (width or precision too long)');
    const conv = fmt[i++] ?? '';
    switch (conv) {
      case 'c': {
        const code = Number(BigInt.asUintN(8, doubleToInt64(lauxlib.luaL_checknumber(L, arg))));
        out += formatString(String.fromCharCode(code), { ...spec, precision: -1 });
        break;
      }
      case 'd':
      case 'i':
        out += formatInteger(doubleToInt64(lauxlib.luaL_checknumber(L, arg)), conv, spec);
        break;
      case 'o':
      case 'u':
      case 'x':
      case 'X':
        out += formatInteger(doubleToUint64(lauxlib.luaL_checknumber(L, arg)), conv, spec);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G':
        out += formatFloat(lauxlib.luaL_checknumber(L, arg), conv, spec);
        break;
      case 'q':
        out += quoted(checkBytes(L, arg));
        break;
      case 's': {
        const s = checkBytes(L, arg);
        if (!hasPrecision && s.length >= 100) {
          out += s;
        } else {
          // sprintf stops at a NUL byte.
          const nul = s.indexOf('\0');
          out += formatString(nul >= 0 ? s.slice(0, nul) : s, spec);
        }
        break;
      }
      default:
        return raise(L, `invalid option '%${conv}' to 'format'`);
    }
  }
  lua.lua_pushstring(L, toLuaBytes(out));
  return 1;
}
