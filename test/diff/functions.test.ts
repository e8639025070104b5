/**
 * Redis functions against a real redis-server: FUNCTION LOAD (with REPLACE),
 * LIST (LIBRARYNAME, WITHCODE), DELETE, FLUSH, DUMP / RESTORE with each
 * policy, STATS, KILL, and FCALL / FCALL_RO with register_function's flags.
 */
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { DiffTarget, NORMALIZE, unordered, type Normalizer } from './harness.js';
import type { Reply } from '../../src/engine/reply.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
});
afterAll(async () => {
  await t?.stop();
});
beforeEach(async () => {
  await t.both(['FUNCTION', 'FLUSH']);
});

/**
 * FUNCTION LIST gives libraries, and each library's functions, in hash order:
 * compare them sorted. (A library is a flat [name, value, …] array in RESP2.)
 */
const sortLibraries: Normalizer = (reply: Reply, argv: string[]) => {
  if (argv[1]?.toLowerCase() !== 'list' || !Array.isArray(reply)) return reply;
  const libraries = reply.map((library) => {
    if (!Array.isArray(library)) return library;
    const at = library.indexOf('functions');
    if (at < 0) return library;
    const sorted = [...library];
    sorted[at + 1] = unordered(library[at + 1], argv);
    return sorted;
  });
  return unordered(libraries, argv);
};
NORMALIZE.function = sortLibraries;

const lib = (name: string, body: string) => `#!lua name=${name}\n${body}`;
const LIB1 = lib('lib1', "redis.register_function('f1', function(keys, args) return {keys[1], args[1]} end)");
const LIB2 = lib(
  'lib2',
  [
    "redis.register_function{function_name='ro', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}}",
    "redis.register_function{function_name='rw', callback=function(keys, args) return redis.call('set', keys[1], args[1]) end, description='writes'}",
    "redis.register_function{function_name='flagged', callback=function() return 1 end, flags={'allow-oom', 'allow-stale', 'no-cluster', 'NO-WRITES'}}",
  ].join('\n'),
);

describe('FUNCTION LOAD', () => {
  it('loads libraries and reports what is wrong with them', () =>
    t.run([
      ['FUNCTION', 'LOAD', LIB1],
      ['FUNCTION', 'LOAD', LIB1],
      ['FUNCTION', 'LOAD', 'REPLACE', LIB1],
      ['FUNCTION', 'LOAD', 'replace', LIB1],
      ['FUNCTION', 'LOAD', 'BOGUS', LIB1],
      ['FUNCTION', 'LOAD', 'REPLACE', 'REPLACE', LIB1],
      ['FUNCTION', 'LOAD', lib('other', "redis.register_function('f1', function() return 1 end)")],
      ['FUNCTION', 'LOAD', LIB2],
      ['FUNCTION', 'LOAD', '#!LUA name=upper\nredis.register_function("up", function() return 2 end)'],
      ['FUNCTION', 'LOAD', 'REPLACE'],
      ['FUNCTION', 'LOAD', 'lua name=x\n'],
      ['FUNCTION', 'LOAD', '#!lua name=x'],
      ['FUNCTION', 'LOAD', '#!lua\n'],
      ['FUNCTION', 'LOAD', '#!lua name=x name=y\n'],
      ['FUNCTION', 'LOAD', '#!lua name=t3 foo=bar\n'],
      ['FUNCTION', 'LOAD', '#!js name=x\n'],
      ['FUNCTION', 'LOAD', '#!lua name=bad-name\n'],
      ['FUNCTION', 'LOAD', '#!lua name=\n'],
      ['FUNCTION', 'LOAD', lib('empty', '')],
      ['FUNCTION', 'LOAD', lib('syntax', 'return +')],
      ['FUNCTION', 'LOAD', lib('global', 'local x = pairs')],
      ['FUNCTION', 'LOAD', lib('runtime', "error('boom')")],
      ['FUNCTION', 'LOAD', lib('calls', "redis.call('ping')")],
      ['FUNCTION', 'LOAD', lib('setg', 'x = 1')],
      ['FUNCTION', 'LOAD', lib('keys', 'return KEYS')],
      ['FUNCTION', 'LOAD', lib('log', "redis.log(redis.LOG_NOTICE, 'loading'); redis.register_function('logged', function() return redis.REDIS_VERSION end)")],
      ['FCALL', 'logged', '0'],
      ['FUNCTION', 'LOAD', lib('dup', "redis.register_function('d', function() end); redis.register_function('d', function() end)")],
      ['FUNCTION', 'LOAD', lib('badfn', "redis.register_function('a-b', function() end)")],
      ['FUNCTION', 'LIST', 'LIBRARYNAME', 'lib*'],
    ]));

  it('checks register_function arguments', () =>
    t.run(
      [
        'redis.register_function()',
        "redis.register_function('a', function() end, 3)",
        'redis.register_function(1)',
        "redis.register_function('f')",
        'redis.register_function({}, function() end)',
        "redis.register_function('f', 'notfn')",
        'redis.register_function{callback=function() end}',
        "redis.register_function{function_name='f'}",
        "redis.register_function{function_name=1, callback=function() end}",
        "redis.register_function{function_name='f', callback='x'}",
        "redis.register_function{function_name='f', callback=function() end, flags='no-writes'}",
        "redis.register_function{function_name='f', callback=function() end, flags={'bogus'}}",
        "redis.register_function{function_name='f', callback=function() end, description=1}",
        "redis.register_function{function_name='f', callback=function() end, other=1}",
        "redis.register_function{[1]='f', callback=function() end}",
        "redis.register_function{FUNCTION_NAME='upper', CALLBACK=function() return 'up' end}",
      ].map((body, i) => ['FUNCTION', 'LOAD', lib(`r${i}`, body)]),
    ));

  it('has a small environment while loading and the full one when called', () =>
    t.run([
      ['FUNCTION', 'LOAD', lib('env', "local v = redis.REDIS_VERSION; redis.register_function('env', function() return {type(pairs), type(redis.call), v, type(KEYS)} end)")],
      ['FCALL', 'env', '0'],
      ['FUNCTION', 'LOAD', lib('env2', "redis.register_function('g', function() x = 1 end)")],
      ['FCALL', 'g', '0'],
      ['FUNCTION', 'LOAD', lib('env3', "redis.register_function('h', function() return redis.register_function end)")],
      ['FCALL', 'h', '0'],
      ['FUNCTION', 'LOAD', lib('env4', "redis.register_function('i', function() return _G.y end)")],
      ['FCALL', 'i', '0'],
      ['FUNCTION', 'LOAD', lib('env5', 'redis.register_function("j", function() return redis.setresp end)')],
      ['FCALL', 'j', '0'],
      ['FUNCTION', 'LOAD', lib('env6', 'local t = string.format("%d", 5) redis.register_function("k", function() return t end)')],
    ]));
});

describe('FCALL', () => {
  it('calls functions with keys and args, honouring flags', () =>
    t.run([
      ['FUNCTION', 'LOAD', LIB1],
      ['FUNCTION', 'LOAD', LIB2],
      'FCALL f1 1 key arg',
      'FCALL F1 1 key arg',
      ['FUNCTION', 'LOAD', lib('cases', "redis.register_function('F1', function() return 1 end)")],
      'FUNCTION DELETE LIB1',
      'FUNCTION LIST LIBRARYNAME LIB1',
      'FCALL f1 0 arg',
      'FCALL f1 2 k1',
      'FCALL f1 -1',
      'FCALL f1 x',
      'FCALL nosuch 0',
      'FCALL nosuch x',
      'FCALL rw 1 k v',
      'FCALL ro 1 k',
      'FCALL_RO ro 1 k',
      'FCALL_RO rw 1 k v2',
      'FCALL_RO f1 0',
      'FCALL flagged 0',
      'FCALL_RO flagged 0',
      ['FUNCTION', 'LOAD', lib('sneaky', "redis.register_function{function_name='sneaky', callback=function(keys) return redis.call('set', keys[1], 'x') end, flags={'no-writes'}}")],
      'FCALL sneaky 1 k',
      'GET k',
      ['FUNCTION', 'LOAD', lib('errs', "redis.register_function('e', function() error('in function') end)\nredis.register_function('c', function() return redis.call('incr', 'k') end)")],
      'FCALL e 0',
      'FCALL c 0',
      'FCALL',
      'FCALL f1',
      'COMMAND GETKEYS FCALL f1 2 a b c',
    ]));

  it('runs inside MULTI and propagates its writes', () =>
    t.run([['FUNCTION', 'LOAD', LIB2], 'MULTI', 'FCALL rw 1 k v', 'FCALL ro 1 k', 'EXEC']));
});

describe('FUNCTION LIST, DELETE, FLUSH, STATS and KILL', () => {
  it('lists libraries with their functions, flags and code', () =>
    t.run([
      'FUNCTION LIST',
      ['FUNCTION', 'LOAD', LIB2],
      'FUNCTION LIST',
      'FUNCTION LIST WITHCODE',
      'FUNCTION LIST LIBRARYNAME lib2',
      'FUNCTION LIST LIBRARYNAME LIB*',
      'FUNCTION LIST LIBRARYNAME nomatch',
      'FUNCTION LIST LIBRARYNAME lib2 WITHCODE',
      'FUNCTION LIST withcode libraryname lib2',
      'FUNCTION LIST LIBRARYNAME',
      'FUNCTION LIST WITHCODE WITHCODE',
      'FUNCTION LIST BOGUS',
    ]));

  it('deletes and flushes', () =>
    t.run([
      ['FUNCTION', 'LOAD', LIB1],
      ['FUNCTION', 'LOAD', LIB2],
      'FUNCTION DELETE lib1',
      'FUNCTION DELETE lib1',
      'FCALL f1 0',
      'FUNCTION DELETE',
      'FUNCTION FLUSH ASYNC',
      'FUNCTION LIST',
      ['FUNCTION', 'LOAD', LIB1],
      'FUNCTION FLUSH SYNC',
      'FUNCTION FLUSH bad',
      'FUNCTION FLUSH SYNC extra',
      'FUNCTION FLUSH',
      'FUNCTION STATS',
      'FUNCTION KILL',
      'FUNCTION HELP',
      'FUNCTION NOSUCH',
      'FUNCTION',
    ]));

  it('counts libraries and functions in STATS', () =>
    t.run([['FUNCTION', 'LOAD', LIB1], ['FUNCTION', 'LOAD', LIB2], 'FUNCTION STATS']));
});

describe('FUNCTION DUMP and RESTORE', () => {
  it('dumps a library as Redis does', () =>
    t.run([
      'FUNCTION DUMP',
      ['FUNCTION', 'LOAD', LIB1],
      'FUNCTION DUMP',
      'FUNCTION FLUSH',
      ['FUNCTION', 'LOAD', lib('short', "redis.register_function('s', function() return 1 end)")],
      'FUNCTION DUMP',
      'FUNCTION FLUSH',
      ['FUNCTION', 'LOAD', LIB2],
      'FUNCTION DUMP',
      'FUNCTION FLUSH',
      ['FUNCTION', 'LOAD', lib('long', Array.from({ length: 40 }, (_, i) => `redis.register_function('fn${i}', function(keys, args) return ${i} * #keys end)`).join('\n'))],
      'FUNCTION DUMP',
    ]));

  it('restores payloads from redlite and from Redis, with each policy', async () => {
    await t.both(['FUNCTION', 'LOAD', LIB1]);
    await t.both(['FUNCTION', 'LOAD', LIB2]);
    const fromRedis = (await t.redis.command(['FUNCTION', 'DUMP'])).value as string;
    const fromRedlite = (await t.redlite.command(['FUNCTION', 'DUMP'])).value as string;
    for (const payload of [fromRedis, fromRedlite]) {
      await t.run([
        'FUNCTION FLUSH',
        ['FUNCTION', 'RESTORE', payload],
        'FUNCTION LIST WITHCODE',
        'FCALL f1 1 a b',
        // Libraries are checked in hash order: let only one collide.
        ['FUNCTION', 'DELETE', 'lib2'],
        ['FUNCTION', 'RESTORE', payload],
        ['FUNCTION', 'RESTORE', payload, 'APPEND'],
        ['FUNCTION', 'RESTORE', payload, 'REPLACE'],
        ['FUNCTION', 'DELETE', 'lib1'],
        ['FUNCTION', 'LOAD', lib('clash', "redis.register_function('f1', function() return 'clash' end)")],
        ['FUNCTION', 'RESTORE', payload, 'REPLACE'],
        'FCALL f1 0',
        ['FUNCTION', 'RESTORE', payload, 'FLUSH'],
        'FCALL f1 0',
        'FUNCTION LIST',
        ['FUNCTION', 'RESTORE', payload, 'BOGUS'],
        ['FUNCTION', 'RESTORE', payload, 'FLUSH', 'extra'],
        ['FUNCTION', 'RESTORE', 'garbage'],
        ['FUNCTION', 'RESTORE', payload.slice(0, -1) + String.fromCharCode(payload.charCodeAt(payload.length - 1) ^ 1)],
        ['FUNCTION', 'RESTORE', ''],
      ]);
    }
  });
});
