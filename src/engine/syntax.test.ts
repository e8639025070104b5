import { describe, expect, it } from 'vitest';
import { argType, formatSyntax, parseSyntax } from './syntax.js';

/** Syntax lines as the Redis 7.0 docs print them. */
const DOCS_LINES = [
  '',
  'key',
  'key [key ...]',
  'key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]',
  'key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]',
  'key field value [field value ...]',
  'key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
  'destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]',
  'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]',
  'key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]',
  '[COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]',
  'key <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]',
  'host port <key | ""> destination-db timeout [COPY] [REPLACE] [AUTH password | AUTH2 username password] [KEYS key [key ...]]',
  '[TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]',
  'key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]',
  '<ip:port | <[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME <YES | NO>] [[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME <YES | NO>] ...]>>',
  '[protover [AUTH username password] [SETNAME clientname]]',
  '<ON | OFF | SKIP>',
  '[FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]',
  'parameter value [parameter value ...]',
  'source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout',
  'numkeys key [key ...] <LEFT | RIGHT> [COUNT count]',
];

describe('parseSyntax / formatSyntax', () => {
  it.each(DOCS_LINES)('prints back %j unchanged', (line) => {
    expect(formatSyntax(parseSyntax(line))).toBe(line);
  });

  it('reads SET into tokens, values and optional alternatives', () => {
    expect(parseSyntax('key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]')).toEqual([
      { name: 'key', type: 'key' },
      { name: 'value', type: 'string' },
      {
        name: 'nx_xx', type: 'oneof', optional: true,
        args: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }],
      },
      { name: 'get', type: 'pure-token', token: 'GET', optional: true },
      {
        name: 'seconds_milliseconds_keepttl', type: 'oneof', optional: true,
        args: [
          { name: 'seconds', type: 'integer', token: 'EX' },
          { name: 'milliseconds', type: 'integer', token: 'PX' },
          { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL' },
        ],
      },
    ]);
  });

  it('folds repetitions into multiple arguments, with or without the token', () => {
    const [, , , weights] = parseSyntax('destination numkeys key [key ...] [WEIGHTS weight [weight ...]]');
    expect(weights).toEqual({ name: 'weight', type: 'double', token: 'WEIGHTS', multiple: true, optional: true });
    const [, get] = parseSyntax('key [GET pattern [GET pattern ...]]');
    expect(get).toEqual({ name: 'pattern', type: 'pattern', token: 'GET', multiple: true, multipleToken: true, optional: true });
    const [, pairs] = parseSyntax('key score member [score member ...]');
    expect(pairs).toEqual({
      name: 'score_member', type: 'block', multiple: true,
      args: [{ name: 'score', type: 'double' }, { name: 'member', type: 'string' }],
    });
  });

  it('binds a token to a run of values, or to alternatives', () => {
    expect(parseSyntax('[LIMIT offset count]')).toEqual([
      { name: 'limit', type: 'block', token: 'LIMIT', optional: true, args: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }] },
    ]);
    expect(parseSyntax('[AGGREGATE <SUM | MIN | MAX>]')[0]).toMatchObject({ type: 'oneof', token: 'AGGREGATE', optional: true });
    expect(parseSyntax('[COUNT count [ANY]]')[0]).toEqual({
      name: 'count_any', type: 'block', optional: true,
      args: [{ name: 'count', type: 'integer', token: 'COUNT' }, { name: 'any', type: 'pure-token', token: 'ANY', optional: true }],
    });
  });

  it('makes a group of repeated alternatives a multiple oneof', () => {
    const [filter] = parseSyntax('<ip:port | <[ID client-id] | [USER username] [[ID client-id] | [USER username] ...]>>');
    expect(filter.type).toBe('oneof');
    expect(filter.args![1]).toMatchObject({ type: 'oneof', multiple: true });
    expect(filter.args![1].args!.map((a) => a.token)).toEqual(['ID', 'USER']);
  });

  it('rejects unbalanced lines and stray repetitions', () => {
    expect(() => parseSyntax('key [NX | XX')).toThrow(/missing/);
    expect(() => parseSyntax('key NX]')).toThrow(/unexpected/);
    expect(() => parseSyntax('key [value ...]')).toThrow(/repeat/);
    expect(() => parseSyntax('key [NX | ]')).toThrow(/empty/);
  });

  it('guesses value types from names', () => {
    expect(argType('destkey')).toBe('key');
    expect(argType('pattern')).toBe('pattern');
    expect(argType('unix-time-seconds')).toBe('unix-time');
    expect(argType('count')).toBe('integer');
    expect(argType('score')).toBe('double');
    expect(argType('member')).toBe('string');
  });
});
