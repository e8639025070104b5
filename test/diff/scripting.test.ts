/**
 * Lua scripting against a real redis-server: conversions both ways, errors
 * and their decorations, the sandbox, Lua 5.1 numbers, the bundled libraries
 * (cjson, cmsgpack, bit, struct), EVAL / EVALSHA / *_RO / SCRIPT, what
 * scripts propagate, and runaway scripts (BUSY, SCRIPT KILL, redlite's limit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Session } from '../../src/engine/session.js';
import { ErrorReply } from '../../src/engine/reply.js';
import { DiffTarget } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});

/** EVAL of a script with keys and args: ev('return KEYS[1]', ['k'], 'a'). */
const ev = (code: string, keys: string[] = [], ...args: string[]): string[] => ['EVAL', code, String(keys.length), ...keys, ...args];
/** Runs each script as its own EVAL and compares the replies. */
const scripts = (...codes: string[]) => t.run(codes.map((c) => ev(c)));

describe('conversions from Redis replies to Lua', () => {
  it('integers, bulk strings, nil, arrays, status and errors', () =>
    t.run([
      'SET s hello',
      'RPUSH l a b c',
      ev("return type(redis.call('incr', 'n'))"),
      ev("return redis.call('incr', 'n') + 0.5"),
      ev("return type(redis.call('get', 's'))"),
      ev("return redis.call('get', 'missing') == false"),
      ev("return type(redis.call('lrange', 'l', 0, -1))"),
      ev("return #redis.call('lrange', 'l', 0, -1)"),
      ev("return redis.call('lrange', 'nolist', 0, -1)"),
      ev("return redis.call('set', 'x', 'y')['ok']"),
      ev("return redis.call('ping')['ok']"),
      ev("local r = redis.pcall('incr', 's'); return {type(r), r['err']}"),
      ev("return redis.pcall('incr', 's')"),
      ev("return redis.call('mget', 's', 'missing', 's')"),
      ev("local r = redis.call('mget', 'missing'); return type(r[1])"),
      ev("return redis.call('exists', 's', 's', 'missing')"),
      ev("return redis.call('incrbyfloat', 'f', '1.5')"),
      ev("return redis.call('blpop', 'nolist', 0)"),
      ev("return type(redis.call('blpop', 'nolist', 0))"),
    ]));

  it('RESP3 types under redis.setresp(3)', () =>
    t.run([
      'HSET h f v',
      'ZADD z 1.5 m',
      'SADD st a',
      ev("redis.setresp(3); local r = redis.call('hgetall', 'h'); return {type(r.map), r.map.f}"),
      ev("redis.setresp(3); return redis.call('zscore', 'z', 'm').double"),
      ev("redis.setresp(3); return tostring(redis.call('zscore', 'z', 'm').double)"),
      ev("redis.setresp(3); local r = redis.call('smembers', 'st'); return tostring(r.set.a)"),
      ev("redis.setresp(3); return redis.call('get', 'missing') == nil"),
      ev("redis.setresp(3); return type(redis.call('get', 'missing'))"),
      ev("redis.setresp(2); return type(redis.call('hgetall', 'h'))"),
      ev("redis.setresp(3); return redis.call('hgetall', 'h')"),
      ev("redis.setresp(3); return redis.call('zscore', 'z', 'm')"),
      ev("redis.setresp(3); return redis.call('smembers', 'st')"),
      ev('redis.setresp(3); return true'),
      ev('redis.setresp(3); return false'),
      ev('redis.setresp(3); return nil'),
    ]));
});

describe('conversions from Lua to replies', () => {
  it('numbers, strings, tables, booleans and nil', () =>
    scripts(
      'return 1',
      'return -1',
      'return 3.99',
      'return -3.99',
      'return 0.5',
      'return 2^53',
      'return 2^63',
      'return -2^63',
      'return 1e20',
      'return 0/0',
      'return 1/0',
      "return 'str'",
      "return ''",
      'return {}',
      "return {1, 'two', {3, {4}}, nil, 5}",
      'return {1, 2, false, 4}',
      'return {true, false}',
      'return true',
      'return false',
      'return nil',
      'return',
      'return {nil, 1}',
      'return print',
      'return {a = 1}',
      "return {1, 2, a = 'x'}",
      'return 1, 2',
    ));

  it('status, error, double, big number, verbatim, map and set tables', () =>
    scripts(
      "return {ok = 'fine'}",
      "return {ok = 'a\\r\\nb'}",
      "return {err = 'MYERR custom message'}",
      "return {err = 'oops'}",
      "return {err = 'a\\r\\nb'}",
      "return {err = 1}",
      "return {ok = 1}",
      "return {err = 'E1', ok = 'fine'}",
      "return redis.status_reply('FINE')",
      "return redis.error_reply('My error')",
      "return redis.error_reply('oops')",
      "return redis.error_reply('-X y')",
      "return redis.error_reply('')",
      'return redis.error_reply()',
      'return redis.error_reply(1)',
      'return redis.status_reply(1)',
      'return {double = 3.5}',
      'return {double = 1/3}',
      "return {double = 'x'}",
      "return {big_number = '123456789012345678901234567890'}",
      "return {verbatim_string = {format = 'txt', string = 'hello'}}",
      "return {map = {a = 1}}",
      "return {set = {a = true}}",
      "return {map = 'x'}",
    ));

  it('follows the caller protocol and redis.setresp for booleans and RESP3 types', async () => {
    await t.redis.command(['HELLO', '3']);
    await t.redlite.command(['HELLO', '3']);
    try {
      await scripts(
        'return true',
        'return false',
        'redis.setresp(3); return true',
        'redis.setresp(3); return false',
        'return nil',
        'return {double = 3.5}',
        "return {big_number = '12345678901234567890'}",
        "return {verbatim_string = {format = 'txt', string = 'hello'}}",
        "return {map = {a = 1}}",
        "return {set = {x = true}}",
        "return {1, {double = 0.25}}",
      );
    } finally {
      await t.redis.command(['HELLO', '2']);
      await t.redlite.command(['HELLO', '2']);
    }
  });
});

describe('errors', () => {
  it('from redis.call, with the script location', () =>
    t.run([
      'SET s v',
      ev("return redis.call('incr', 's')"),
      ev("\n\nreturn redis.call('incr', 's')"),
      ev("return redis.call('get')"),
      ev("return redis.call('nosuchcommand')"),
      ev("return redis.call('config')"),
      ev("return redis.call('config', 'nosuch')"),
      ev("return redis.call('set', 'k')"),
      ev('return redis.call()'),
      ev('return redis.call({})'),
      ev("return redis.call('get', {})"),
      ev("return redis.call('get', nil)"),
      ev("return redis.call('subscribe', 'ch')"),
      ev("return redis.call('multi')"),
      ev("return redis.call('eval', 'return 1', 0)"),
      ev("return redis.call('script', 'load', 'return 1')"),
      ev("return redis.call('function', 'list')"),
      ev('return redis.pcall()'),
      ev("return redis.pcall('nosuchcommand')"),
      ev("return redis.pcall('get', {})"),
      ev("local ok, e = pcall(redis.call, 'incr', 's'); return {tostring(ok), e}"),
      ev("local ok, e = pcall(redis.call, 'nosuch'); return {tostring(ok), e}"),
      ev("return redis.call('set', 'num', 3.5)"),
      ev("redis.call('set', 'num', 12345678901234567); return redis.call('get', 'num')"),
      ev("redis.call('set', 'num', 0.1); return redis.call('get', 'num')"),
    ]));

  it('raised by the script, with Redis 7.0 decorations', () =>
    scripts(
      "error('boom')",
      "error('boom', 0)",
      "error({err = 'MYERR custom'})",
      'error(42)',
      'error()',
      'error(true)',
      "local t = nil; return t.x",
      'local t = {}; return t.a.b',
      'local x; return x + 1',
      "local s = 'a'; return s .. nil",
      "return {} < {}",
      'return 1 < nil',
      'local f; f()',
      "local t = {}; t.x.y = 1",
      "return string.rep()",
      "return ('x'):rep()",
      'return math.floor()',
      'return #nil',
      "assert(false)",
      "assert(false, 'custom assert')",
      "assert(nil, 42)",
      "error('multi\\nline')",
    ));

  it('compile errors', () =>
    scripts(
      'return 1 +',
      'return end',
      'x = = 1',
      'local function f( return 1 end',
      'if true then',
      "return 'unfinished",
      'for i = 1 do end',
      'return 1 2',
      'local 1 = 2',
      '\x1bLua',
    ));

  it('pcall and xpcall inside scripts', () =>
    scripts(
      "return {pcall(error, 'm')}",
      "local ok, e = pcall(error, {err = 'X y'}); return {tostring(ok), e}",
      "local ok, e = pcall(error, {other = 1}); return {tostring(ok), type(e)}",
      "local ok, e = pcall(function() local t = nil; return t.x end); return e",
      'return {pcall(function() return 1, 2, 3 end)}',
      "return {xpcall(function() error('in') end, function(m) return 'handled: ' .. m end)}",
      'return pcall()',
    ));
});

describe('the sandbox', () => {
  it('refuses new globals and unknown names', () =>
    scripts(
      'x = 1',
      'return y',
      "rawset(_G, 'x', 1)",
      'setmetatable(_G, nil)',
      "return rawget(_G, 'nosuch')",
      'return _G.nosuch',
      "return _G['nosuch']",
      'return _G[1]',
      'function f() end',
      'local t = {}; t.x = 1; return t.x',
      'KEYS[1] = 5; return KEYS[1]',
      'return _G == _G._G',
      'return type(_G)',
    ));

  it('protects library tables and metatables', () =>
    scripts(
      'string.x = 1',
      'redis.call = nil',
      'math.pi = 3',
      "table.insert(string, 'x')",
      "local mt = getmetatable(''); mt.__index = {}",
      "return rawequal(getmetatable('').__index, string)",
      'cjson.encode = nil',
      'return type(getmetatable(_G))',
      "local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}); return t.hi",
    ));

  it('has what Redis has and nothing more', () =>
    scripts(
      'return {type(print), type(dofile), type(loadfile)}',
      'return print',
      'return dofile',
      'return loadfile',
      'return require',
      'return os',
      'return io',
      'return debug',
      'return package',
      'return utf8',
      'return rawlen',
      'return getfenv',
      'return js',
      'return {type(unpack), type(loadstring), type(load), type(gcinfo), type(collectgarbage), type(newproxy)}',
      'return newproxy',
      'return type(coroutine.create)',
      'return {type(table.getn), type(table.maxn), type(table.foreach), type(table.foreachi), type(table.setn)}',
      'return {type(table.unpack), type(table.pack), type(table.move)}',
      'return {type(string.gfind), type(string.pack), type(string.unpack)}',
      'return {type(math.pow), type(math.mod), type(math.ldexp), type(math.frexp), type(math.log10), type(math.atan2), type(math.cosh)}',
      'return {type(math.tointeger), type(math.type), type(math.maxinteger), type(math.ult)}',
      'return coroutine.isyieldable',
      'return _VERSION',
      'return type(__redis__err__handler)',
      "local n = 0; for k, v in pairs(_G) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(redis) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(string) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(table) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(math) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(cjson) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(cmsgpack) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(bit) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(struct) do n = n + 1 end; return n",
      "local n = 0; for k in pairs(coroutine) do n = n + 1 end; return n",
    ));

  it('cannot load bytecode and loads text as Lua 5.1 does', () =>
    scripts(
      'return loadstring(string.dump(function() return 1 end))',
      'local f, e = loadstring(string.dump(function() return 1 end)); return {tostring(f), e}',
      "return loadstring('return 1 + 1')()",
      "local f, e = loadstring('x = '); return {tostring(f), e}",
      "local f, e = loadstring('return', 'chunk'); return {type(f)}",
      "return load('return 1')",
      "local parts = {'return ', '7'}; local i = 0; return load(function() i = i + 1; return parts[i] end)()",
      "return loadstring('return y')()",
      'return tostring(coroutine.running())',
    ));

  it('runs scripts in the db the caller selected and leaves it there', () =>
    t.run([
      'SELECT 3',
      'SET k db3',
      ev("return redis.call('get', 'k')"),
      ev("redis.call('select', 5); redis.call('set', 'k', 'db5'); return redis.call('get', 'k')"),
      'GET k',
      'SELECT 5',
      'GET k',
      'SELECT 0',
    ]));
});

describe('Lua 5.1 numbers', () => {
  it('are doubles everywhere', () =>
    scripts(
      'return 2147483647 + 1',
      'return tostring(2147483647 + 1)',
      'return -2147483648 - 1',
      'return 65536 * 65536',
      'return tostring(65536 * 65536 * 65536)',
      'return tostring(10 / 2)',
      'return tostring(7 / 2)',
      'return tostring(1 / 3)',
      'return tostring(2^53)',
      'return tostring(2^53 + 1)',
      'return tostring(1e15)',
      'return tostring(1e14)',
      'return tostring(123456789012345)',
      'return tostring(1234567890123.25)',
      'return tostring(0.1 + 0.2)',
      'return tostring(1e-5)',
      'return tostring(0.0001)',
      'return tostring(-1.5e-7)',
      'return tostring(1e100)',
      'return tostring(1/0) .. tostring(-1/0)',
      'return tostring(-(0/0))',
      'return tostring(5 % 3) .. tostring(-5 % 3) .. tostring(5.5 % 2)',
      'return tostring(2^0.5)',
      'return tostring(3) .. 4',
      "return '10' + 5",
      "return tostring('3' * '4')",
      "return tostring(' 0x10 ' + 0)",
      "return tostring('1e2' + 0)",
      'return 0x7fffffff + 0x7fffffff',
      'return 0xffffffff',
      "local t = {} for i = 1, 10 do t[i] = i end return #t * 1000000000",
      'local s = 0 for i = 1, 1000 do s = s + 1700000000000 end return s',
      'return tostring(1700000000123 * 1000)',
      'return math.floor(1700000000123.7)',
      'return math.floor(2^40) * 4096',
      'return tostring(math.huge)',
      'return {math.max(1, 2.5), math.min(-1, 3)}',
      'return tostring(math.fmod(7, 3)) .. tostring(math.fmod(-7, 3))',
      'return tostring(math.pow(2, 10))',
      'return {math.modf(3.7)}',
      'return tostring(math.ldexp(0.5, 10))',
      'return {math.frexp(1024)}',
      'return tostring(math.log10(1000))',
      'return tostring(math.sqrt(2))',
      'return tostring(math.abs(-2^40))',
      'return string.len(string.rep("x", 3.9))',
      "return string.sub('hello', 2.7, 4.2)",
      "return ('x'):rep(2^32 + 2)",
      "return ('x'):rep(-1)",
      'return select("#", 1, 2, 3)',
      'return tostring(#"abc" + 2^31)',
    ));

  it('tonumber as Lua 5.1', () =>
    scripts(
      "return tonumber('42')",
      "return tostring(tonumber('  12.5  '))",
      "return tonumber('0x1A')",
      "return tonumber('1e3')",
      "return tonumber('abc')",
      "return tonumber('')",
      "return tonumber('12abc')",
      "return tonumber('ff', 16)",
      "return tonumber('FFFFFFFF', 16)",
      "return tonumber('777', 8)",
      "return tonumber('zz', 36)",
      "return tonumber('12', 2)",
      "return tonumber('10', 99)",
      "return tostring(tonumber('-ff', 16))",
      'return tonumber(nil)',
      'return tonumber()',
      "return tostring(tonumber('inf'))",
      "return tostring(tonumber('nan'))",
      "return tostring(tonumber('1e500'))",
    ));

  it('string.format as Lua 5.1', () =>
    scripts(
      "return string.format('%5.2f|%-8d|%x|%g|%e|%s|%5s|%03d|%+d|%.3g|%c', 2.345, 42, 255, 0.0001, 12345.6789, 1.5, 'ab', 7, 5, 1234567, 65)",
      "return string.format('%q', 'a\\n\\0b\"\\\\')",
      "return string.format('%q', 1/3)",
      "return {string.format('%d', 3.7), string.format('%d', -3.7), string.format('%d', 1e15), string.format('%x', -1), string.format('%d', 1e20)}",
      "return {string.format('%.0f', 0.5), string.format('%.0f', 1.5), string.format('%.0f', 2.5), string.format('%.1f', 0.25), string.format('%.2f', 1.005)}",
      "return {string.format('%10.4s|', 'abcdefg'), string.format('%i', 2^53), string.format('%o', 8), string.format('%5.1e', 0)}",
      "return {string.format('%G', 1e-10), string.format('%#x', 255), string.format('%#o', 8), string.format('% d', 5), string.format('%X', 3054)}",
      "return {string.format('%s', 1e15), string.format('%s', 2^63), string.format('%.14g', 0.1), string.format('%.17g', 0.1)}",
      "return {string.format('%5%'), string.format('%%')}",
      "return string.format('%y', 1)",
      "return string.format('%d', 'x')",
      "return string.format('%d', '12')",
      "return string.format('%123d', 1)",
      "return string.format('%-----5d', 1)",
      "return string.format('%d')",
      "return string.format('%s %s', 1)",
      "return string.format('%s', nil)",
      "return string.format('%s', {}) ~= nil",
      "return string.format('%-5c|', 65)",
      "return string.format('%c%c%c', 76, 117, 97)",
      "return string.format('%.3s', 'a\\0bc')",
      "return string.format('%f|%e|%g', 1/0, -1/0, 0/0)",
      "return string.format('%.20f', 0.1)",
      "return string.format('%.0e|%#.0e|%#.0f|%#g', 5, 5, 5, 5)",
      "return string.format('%g|%g|%g|%g', 100000, 1000000, 1e-4, 1e-5)",
      "return string.format('%.99f', 1):len()",
    ));
});

describe('libraries', () => {
  it('cjson.encode', () =>
    scripts(
      "return cjson.encode({1, 2, 3, 'a/b', '\\1\\127', true, false, 1/3, 1e20, -0.5, {}})",
      'return cjson.encode(1/3)',
      'return cjson.encode(123456789012345)',
      'return cjson.encode(0.1)',
      'return cjson.encode(-0)',
      "return cjson.encode('tab\\t nl\\n quote\" backslash\\\\ \\200\\255')",
      'return cjson.encode({[1] = 1, [3] = 3})',
      'return cjson.encode({[1] = 1, [30] = 3})',
      "return cjson.encode({x = {y = {z = 'deep'}}})",
      'return cjson.encode({[1.5] = 1})',
      'return cjson.encode({[true] = 1})',
      'return cjson.encode(0/0)',
      'return cjson.encode(1/0)',
      'return cjson.encode(function() end)',
      'return cjson.encode(cjson.null)',
      'return cjson.encode(nil)',
      'return cjson.encode()',
      "local t = {}; t[1] = t; return cjson.encode(t)",
      'return cjson.encode({{{{{{{{{{1}}}}}}}}}})',
    ));

  it('cjson.decode', () =>
    scripts(
      "return cjson.encode(cjson.decode('[1,2.5,\"x\",null,{\"a\":[true,false]}]'))",
      "return cjson.decode('[1,2,3]')",
      "return cjson.decode('{\"a\":1}').a",
      "return cjson.decode('\"\\\\u00e9\\\\ud83d\\\\ude00\"')",
      "return cjson.decode('\"a\\\\/b\\\\n\"')",
      "return tostring(cjson.decode('1e400'))",
      "return cjson.decode('0x10')",
      "return tostring(cjson.decode('-inf'))",
      "return cjson.decode('[1,]')",
      "return cjson.decode('{1:2}')",
      "return cjson.decode('[1 2]')",
      "return cjson.decode('')",
      "return cjson.decode('1 2')",
      "return cjson.decode('{\"a\" 1}')",
      "return cjson.decode('{\"a\":1,}')",
      "return cjson.decode('[\"a\\\\q\"]')",
      "return cjson.decode('\"abc')",
      "return cjson.decode('tru')",
      "return cjson.decode('[' .. string.rep('[', 1100) .. string.rep(']', 1101))",
      'return cjson.decode(1)',
      'return cjson.decode()',
      "return cjson.decode('null') == cjson.null",
      "return type(cjson.decode('null'))",
      "return {cjson.encode_max_depth(), cjson.encode_number_precision(), cjson.decode_max_depth()}",
    ));

  it('cmsgpack', () =>
    scripts(
      "return cmsgpack.pack(1, -1, 127, 128, -32, -33, 255, 256, 65535, 65536, -128, -129, -32768, -32769, 2^32, -2^31 - 1, 2^53)",
      "return cmsgpack.pack(0.5, 1/3, 1e300, 1/0, -1/0)",
      "local z = 0; return cmsgpack.pack(-z, 3.5, 2^64)",
      "return cmsgpack.pack('', 'short', string.rep('x', 31), string.rep('y', 32), string.rep('z', 256))",
      'return cmsgpack.pack(true, false, nil)',
      'return cmsgpack.pack({1, 2, 3}, {}, {a = 1})',
      "local t = {}; t[1] = 1; t[2] = 2; t[4] = 4; return cmsgpack.pack(t)",
      "return cmsgpack.pack(string.rep('a', 70000)):len()",
      "local t = {}; local c = t; for i = 1, 20 do c[1] = {}; c = c[1] end; return cmsgpack.pack(t)",
      'return {cmsgpack.unpack(cmsgpack.pack(1, "two", {3, 4}, true))}',
      "local a, b = cmsgpack.unpack(cmsgpack.pack({x = 1}, 2)); return {a.x, b}",
      "return tostring(cmsgpack.unpack(cmsgpack.pack(1/3)))",
      "return {cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3))}",
      "return {cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3), 1)}",
      "return {cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2)}",
      "return {cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2, 1)}",
      "return cmsgpack.unpack('\\145')",
      "return cmsgpack.unpack('\\193')",
      'return cmsgpack.pack()',
      "return cmsgpack.unpack_one('abc', 10)",
      "return tostring(cmsgpack.unpack('\\207\\255\\255\\255\\255\\255\\255\\255\\255'))",
      "return tostring(cmsgpack.unpack('\\211\\128\\0\\0\\0\\0\\0\\0\\0'))",
    ));

  it('bit', () =>
    scripts(
      'return {bit.tobit(0xffffffff), bit.tobit(2^32 + 1), bit.tobit(-1), bit.tobit(1.5), bit.tobit(2.5), bit.tobit(-1.5)}',
      'return {bit.bnot(0), bit.band(0xff, 0x0f, 0x3), bit.bor(1, 2, 4), bit.bxor(5, 3)}',
      'return {bit.lshift(1, 31), bit.lshift(1, 32), bit.rshift(-1, 28), bit.arshift(-256, 4), bit.rol(0x12345678, 8), bit.ror(0x12345678, 8)}',
      'return bit.bswap(0x12345678)',
      "return {bit.tohex(255), bit.tohex(255, 2), bit.tohex(-1, -8), bit.tohex(0x1234, 3), bit.tohex(1, 20), bit.tohex(65535, -4)}",
      'return bit.band()',
      "return bit.band('x')",
      "return bit.band('12', 10)",
      'return bit.tobit(2^53 + 3)',
    ));

  it('struct', () =>
    scripts(
      "return struct.pack('>I2', 258)",
      "return struct.pack('<i4', -2)",
      "return struct.pack('bBhHlLi', -1, 255, -2, 65535, -3, 2^40, 7)",
      "return struct.pack('>d<f', 1.5, 0.25)",
      "return struct.pack('s', 'abc')",
      "return struct.pack('c5', 'abcdefg')",
      "return struct.pack('c0', 'abc')",
      "return struct.pack('!4 b i', 1, 2)",
      "return struct.pack('xxb', 1)",
      "return {struct.unpack('>I2', '\\1\\2')}",
      "return {struct.unpack('<i4', struct.pack('<i4', -2))}",
      "return {struct.unpack('bc0', '\\3abcdef')}",
      "return {struct.unpack('s', 'abc\\0def')}",
      "return {struct.unpack('>I2', '\\1\\2\\3\\4', 3)}",
      "return {struct.unpack('>d', struct.pack('>d', 1/3))}",
      "return {struct.size('bhi'), struct.size('!8 b d'), struct.size('c10')}",
      "return struct.size('s')",
      "return struct.pack('i40', 1)",
      "return struct.pack('!3 i', 1)",
      "return struct.pack('y', 1)",
      "return struct.unpack('>I4', '\\1\\2')",
      "return struct.unpack('s', 'abc')",
      "return struct.pack('c5', 'ab')",
      "return struct.unpack('>I2', '\\1\\2', 0)",
    ));

  it('string, table and math functions as Lua 5.1', () =>
    scripts(
      "return {string.byte('ABC', 1, -1)}",
      "return string.char(72, 105)",
      "return {string.find('hello world', 'o w'), string.find('hello', 'l+')}",
      "return {string.match('key:123', '(%a+):(%d+)')}",
      "return (string.gsub('hello world', 'o', '0'))",
      "return {string.gsub('abc', '%w', '%0%0')}",
      "local r = {} for w in string.gmatch('a b c', '%a') do r[#r+1] = w end return r",
      "local r = {} for w in string.gfind('a b c', '%a') do r[#r+1] = w end return r",
      "return {string.upper('abc'), string.lower('ABC'), string.reverse('abc'), string.rep('ab', 3)}",
      "return string.sub('hello', -3)",
      "return table.concat({1, 2, 3}, ', ')",
      "local t = {3, 1, 2}; table.sort(t); return t",
      "local t = {3, 1, 2}; table.sort(t, function(a, b) return a > b end); return t",
      "local t = {1, 2}; table.insert(t, 3); table.insert(t, 1, 0); return t",
      "local t = {1, 2, 3}; return {table.remove(t), table.remove(t, 1), #t}",
      'return table.getn({1, 2, 3})',
      'return table.maxn({1, 2, [10] = 3})',
      'return table.setn({}, 1)',
      "local r = {}; table.foreachi({'a', 'b'}, function(i, v) r[#r+1] = i .. v end); return r",
      'return {unpack({1, 2, 3})}',
      'return {unpack({1, 2, 3}, 2)}',
      'return select(2, 1, 2, 3)',
      "return {math.floor(-3.5), math.ceil(-3.5), math.abs(-4)}",
      'return tostring(math.pi)',
      'return math.random(1, 1)',
      'return math.random(5, 1)',
      'return math.random(0)',
      'return type(math.random())',
      'math.randomseed(10); return {tostring(math.random()), math.random(100), math.random(5, 10)}',
      "math.randomseed(ARGV and 20 or 0); return tostring(math.random())",
      'math.randomseed(-7); return tostring(math.random())',
      'math.randomseed(2^33 + 5); return tostring(math.random())',
      "return (string.format('%s', math.random(10)) + 0) <= 10",
    ));
});

describe('redis table', () => {
  it('helpers and their argument checks', () =>
    scripts(
      "return redis.sha1hex('')",
      "return redis.sha1hex('abc')",
      'return redis.sha1hex(1)',
      'return redis.sha1hex({})',
      'return redis.sha1hex()',
      "return redis.log(redis.LOG_WARNING, 'hello', 1, {}, 'x')",
      'return redis.log()',
      "return redis.log('x', 'y')",
      "return redis.log(9, 'y')",
      'return redis.setresp()',
      'return redis.setresp(4)',
      'return redis.set_repl()',
      'return redis.set_repl(9)',
      'return redis.set_repl(redis.REPL_ALL)',
      'return redis.replicate_commands()',
      "return {redis.breakpoint(), redis.debug('x')}",
      "return redis.acl_check_cmd('get', 'x')",
      "return redis.acl_check_cmd('nosuch')",
      'return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM}',
      'return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}',
      'return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL}',
      'return redis.nosuch',
    ));
});

describe('EVAL, EVALSHA, *_RO and SCRIPT', () => {
  it('caches scripts by SHA1', () =>
    t.run([
      'SCRIPT FLUSH',
      'SCRIPT EXISTS e0e1f9fabfc9d4800c877a703b823ac0578ff831 x',
      ['SCRIPT', 'LOAD', 'return 5'],
      ['EVALSHA', '4ca238f611c9d0ae4e9a75a5dbac22aedc379801', '0'],
      ['EVALSHA', '4CA238F611C9D0AE4E9A75A5DBAC22AEDC379801', '0'],
      ['EVALSHA_RO', '4ca238f611c9d0ae4e9a75a5dbac22aedc379801', '0'],
      'SCRIPT EXISTS 4ca238f611c9d0ae4e9a75a5dbac22aedc379801 4CA238F611C9D0AE4E9A75A5DBAC22AEDC379801 nosuch',
      ['EVAL', 'return 6', '0'],
      'SCRIPT EXISTS 7ab4c6a5d4c3e4e8e7bd3e5c70e6bb5ae9d5bb1c',
      ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'],
      ['EVALSHA', 'short', '0'],
      ['SCRIPT', 'LOAD', 'return +'],
      ['SCRIPT', 'LOAD', '#!lua flags=no-writes\nreturn 1'],
      'SCRIPT FLUSH ASYNC',
      'SCRIPT FLUSH SYNC',
      'SCRIPT FLUSH bad',
      'SCRIPT FLUSH SYNC extra',
      'SCRIPT EXISTS 4ca238f611c9d0ae4e9a75a5dbac22aedc379801',
      ['EVALSHA', '4ca238f611c9d0ae4e9a75a5dbac22aedc379801', '0'],
      'SCRIPT KILL',
      'SCRIPT',
      'SCRIPT NOSUCH',
      'SCRIPT LOAD',
      'SCRIPT HELP',
      'SCRIPT DEBUG NO',
      'SCRIPT DEBUG MAYBE',
    ]));

  it('checks numkeys', () =>
    t.run([
      ['EVAL', 'return KEYS', '2', 'a'],
      ['EVAL', 'return KEYS', '-1'],
      ['EVAL', 'return KEYS', 'x'],
      ['EVAL', 'return KEYS', '1.5', 'a'],
      ['EVAL', 'return {KEYS, ARGV}', '2', 'a', 'b', 'c', 'd'],
      ['EVAL', 'return {KEYS, ARGV}', '0', 'c', 'd'],
      ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', 'x'],
      'EVAL',
      'EVAL x',
      'COMMAND GETKEYS EVAL "return 1" 2 k1 k2 a1',
      'COMMAND GETKEYS EVAL "return 1" 0 a1',
    ]));

  it('refuses writes in EVAL_RO and no-writes scripts', () =>
    t.run([
      'SET k v',
      ['EVAL_RO', "return redis.call('get', KEYS[1])", '1', 'k'],
      ['EVAL_RO', "return redis.call('set', KEYS[1], 'x')", '1', 'k'],
      ['EVAL_RO', "return redis.pcall('del', KEYS[1])", '1', 'k'],
      ['EVAL', "#!lua flags=no-writes\nreturn redis.call('set', KEYS[1], 'x')", '1', 'k'],
      ['EVAL', "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", '1', 'k'],
      ['EVAL_RO', "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", '1', 'k'],
      ['EVAL_RO', "#!lua\nreturn redis.call('get', KEYS[1])", '1', 'k'],
      ['EVAL', "#!lua\nreturn redis.call('set', KEYS[1], 'y')", '1', 'k'],
      ['EVAL', '#!lua flags=allow-oom,allow-stale,no-cluster\nreturn 1', '0'],
      ['EVAL', '#!lua flags=no-writes,allow-cross-slot-keys\nreturn 1', '0'],
      ['EVAL', '#!lua flags=bogus\nreturn 1', '0'],
      ['EVAL', '#!lua foo=bar\nreturn 1', '0'],
      ['EVAL', '#!python\nreturn 1', '0'],
      ['EVAL', '#!lua', '0'],
      ['EVAL', '#!\nreturn 1', '0'],
      ['EVAL', "#!lua\n\nerror('line 3')", '0'],
      'GET k',
    ]));

  it('keeps writes made before an error (no rollback)', () =>
    t.run([
      ev("redis.call('set', 'a', '1'); redis.call('incr', 'notnum'); redis.call('set', 'b', '2')"),
      'SET notnum x',
      ev("redis.call('set', 'a', '1'); redis.call('incr', 'notnum'); redis.call('set', 'b', '2')"),
      'MGET a b',
    ]));

  it('runs inside MULTI', () =>
    t.run(['MULTI', ev("return redis.call('incr', 'c')"), ev('return 1 +'), 'INCR c', 'EXEC', 'GET c']));

  it('propagates the commands a script ran, as one transaction', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        ev("redis.call('set', KEYS[1], 'v'); redis.call('incr', KEYS[2]); return redis.call('get', KEYS[1])", ['a', 'b']),
        ev("return redis.call('set', KEYS[1], 'only')", ['a']),
        ev("return redis.call('get', KEYS[1])", ['a']),
        ev("redis.call('expire', KEYS[1], 100); return redis.call('del', KEYS[1])", ['a']),
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

describe('runaway scripts', () => {
  it('turn the server busy after busy-reply-threshold, and SCRIPT KILL stops them', async () => {
    const first = await t.connectPair();
    const other = await t.connectPair();
    try {
      for (const side of ['redis', 'redlite'] as const) {
        const main = first[side];
        const second = other[side];
        await main.command(['EVAL', 'return 1', '0']); // redlite loads fengari on the first script
        await main.command(['CONFIG', 'SET', 'busy-reply-threshold', '50']);
        main.write(['EVAL', 'local i = 0 while true do i = i + 1 end', '0']);
        await new Promise((r) => setTimeout(r, 300));
        expect((await second.command(['PING'])).raw, side).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
        expect((await second.command(['FUNCTION', 'KILL'])).raw, side).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
        expect((await second.command(['SCRIPT', 'KILL'])).raw, side).toBe('+OK\r\n');
        const killed = await main.read(10_000);
        expect(killed.raw, side).toMatch(/^-ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.\r\n$/);
        expect((await second.command(['PING'])).raw, side).toBe('+PONG\r\n');
        expect((await main.command(['SCRIPT', 'KILL'])).raw, side).toBe('-NOTBUSY No scripts in execution right now.\r\n');
        await main.command(['CONFIG', 'SET', 'busy-reply-threshold', '5000']);
      }
    } finally {
      for (const c of [first.redis, first.redlite, other.redis, other.redlite]) c.close();
    }
  });

  it('cannot be killed once they wrote', async () => {
    const first = await t.connectPair();
    const other = await t.connectPair();
    // However slow this machine, redlite must not stop the script itself here.
    t.engine.scriptTimeLimit = 60_000;
    try {
      for (const side of ['redis', 'redlite'] as const) {
        const main = first[side];
        const second = other[side];
        await main.command(['EVAL', 'return 1', '0']);
        await main.command(['CONFIG', 'SET', 'busy-reply-threshold', '50']);
        // A second of work on Redis, a few on redlite (fengari runs this loop some times slower).
        main.write(['EVAL', "redis.call('set', 'w', 1) for i = 1, 1e8 do end return 'done'", '0']);
        await new Promise((r) => setTimeout(r, 300));
        expect((await second.command(['SCRIPT', 'KILL'])).raw, side).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
        expect((await second.command(['GET', 'w'])).raw, side).toMatch(/^-BUSY/);
        expect((await main.read(60_000)).raw, side).toBe('$4\r\ndone\r\n');
        expect((await second.command(['GET', 'w'])).raw, side).toBe('$1\r\n1\r\n');
        await main.command(['CONFIG', 'SET', 'busy-reply-threshold', '5000']);
      }
    } finally {
      t.engine.scriptTimeLimit = 5000;
      for (const c of [first.redis, first.redlite, other.redis, other.redlite]) c.close();
    }
  }, 120_000);

  it('are stopped by redlite at its time limit, and the store answers afterwards', async () => {
    const engine = new Engine({ activeExpiry: false, scriptTimeLimit: 300, config: { 'busy-reply-threshold': 100 } });
    const a = new Session(engine, () => {});
    const b = new Session(engine, () => {});
    await a.run([['EVAL', 'return 1', '0']]); // fengari loads on the first script
    const started = performance.now();
    // The script runs synchronously up to busy-reply-threshold, then in slices.
    const looping = a.run([['EVAL', 'while true do end', '0'], ['PING']]);
    await new Promise((r) => setTimeout(r, 50));
    const [busy] = await b.run([['GET', 'k']]);
    expect(busy).toEqual(new ErrorReply('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.'));
    const [stopped, pong] = await looping;
    expect(performance.now() - started).toBeLessThan(2000);
    expect((stopped as ErrorReply).message).toMatch(/^ERR Script killed by redlite after running for \d+ ms \(scriptTimeLimit\) script: [0-9a-f]{40}, on @user_script:1\.$/);
    expect(pong).toEqual(expect.objectContaining({ value: 'PONG' }));
    expect(await b.run([['SET', 'k', 'v'], ['GET', 'k']])).toEqual([expect.objectContaining({ value: 'OK' }), 'v']);
    engine.close();
  });

  it('are stopped even where they cannot be suspended (inside MULTI, in a pcall of a sort comparator)', async () => {
    const engine = new Engine({ activeExpiry: false, scriptTimeLimit: 200, config: { 'busy-reply-threshold': 50 } });
    const s = new Session(engine, () => {});
    const replies = await s.run([
      ['MULTI'],
      ['EVAL', 'while true do end', '0'],
      ['EXEC'],
      ['EVAL', 'local t = {3, 2, 1} table.sort(t, function(a, b) while true do end end)', '0'],
      // A pcall cannot swallow the stop: the next line raises it again.
      ['EVAL', "local ok = pcall(function() while true do end end)\nreturn 'after'", '0'],
      ['PING'],
    ]);
    const exec = replies[2] as ErrorReply[];
    expect(exec[0].message).toMatch(/^ERR Script killed by redlite after running/);
    expect((replies[3] as ErrorReply).message).toMatch(/^ERR Script killed by redlite after running/);
    expect((replies[4] as ErrorReply).message).toMatch(/^ERR Script killed by redlite after running/);
    expect(replies[5]).toEqual(expect.objectContaining({ value: 'PONG' }));
    engine.close();
  });
});
