/**
 * The playground's command knowledge, fed with a real redis-server's COMMAND
 * DOCS and COMMAND INFO: syntax lines as redis-cli 7.0's HELP prints them,
 * hints for what is left to type, completion, HELP @group, "did you mean".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../src/client/decode.js';
import { toWire } from '../src/worker/host.js';
import { RespConnection } from '../test/diff/connection.js';
import { startRedis, type RedisServer } from '../test/redis-server.js';
import { addCommandInfo, Catalog, commandSyntax, parseCommandDocs } from './commands.js';

let redis: RedisServer;
let catalog: Catalog;

beforeAll(async () => {
  redis = await startRedis();
  const conn = await RespConnection.open(redis.port);
  const docs = parseCommandDocs(decode(toWire((await conn.command(['command', 'docs'])).value), 'string'));
  addCommandInfo(docs, decode(toWire((await conn.command(['command', 'info'])).value), 'string'));
  conn.close();
  catalog = new Catalog(docs);
}, 30_000);

afterAll(async () => {
  await redis?.stop();
});

/** The hint after a line typed in the REPL (a trailing space: the last word is complete). */
function hint(line: string): string | undefined {
  const words = line.split(' ').filter(Boolean);
  return catalog.hint(words, !line.endsWith(' '))?.text;
}

describe('syntax lines', () => {
  // As redis-cli 7.0.15 prints them for `help <command>` (its table is generated from the same JSON).
  const EXPECTED = [
    'SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
    'ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]',
    'CONFIG GET parameter [parameter ...]',
    'GEOSEARCH key FROMMEMBER member|FROMLONLAT longitude latitude BYRADIUS radius M|KM|FT|MI|BYBOX width height M|KM|FT|MI [ASC|DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]',
    'LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]',
    'MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [[AUTH password]|[AUTH2 username password]] [KEYS key [key ...]]',
    'SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA] [STORE destination]',
    'XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]',
    'XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]',
  ];
  for (const line of EXPECTED) {
    const name = line.startsWith('CONFIG') ? 'CONFIG GET' : line.split(' ')[0];
    it(name, () => {
      const doc = catalog.get(name)!;
      expect(`${doc.display} ${commandSyntax(doc)}`).toBe(line);
    });
  }

  it('reads summary, since, group, complexity and flags', () => {
    const get = catalog.get('get')!;
    expect(get).toMatchObject({ summary: 'Get the value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)', arity: 2 });
    expect(get.flags).toEqual(['readonly', 'fast']);
    expect(catalog.get('config get')!.display).toBe('CONFIG GET');
  });
});

describe('hints: what is left to type', () => {
  it('the whole syntax after the command name', () => {
    expect(hint('SET ')).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hint('set')).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
  });

  it('drops the arguments given', () => {
    expect(hint('SET k ')).toBe('value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hint('SET k v ')).toBe('[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hint('SET k v NX ')).toBe('[GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
  });

  it('takes options in any order, as Redis parses them', () => {
    expect(hint('SET k v EX 10 ')).toBe('[NX|XX] [GET]');
    expect(hint('set k v get ex 10 xx ')).toBe('');
  });

  it('names the value a token is waiting for', () => {
    expect(hint('SET k v EX ')).toBe('seconds [NX|XX] [GET]');
    expect(hint('ZRANGE z 0 -1 LIMIT ')).toBe('offset count [BYSCORE|BYLEX] [REV] [WITHSCORES]');
    expect(hint('ZRANGE z 0 -1 BYSCORE REV LIMIT 0 ')).toBe('count [WITHSCORES]');
    expect(hint('XADD s * f ')).toBe('value [field value ...]');
  });

  it('repeats what repeats', () => {
    expect(hint('DEL a ')).toBe('[key ...]');
    expect(hint('ZADD z ')).toBe('[NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]');
    expect(hint('ZADD z 1 ')).toBe('member [score member ...]');
    expect(hint('ZADD z 1 a ')).toBe('[score member ...]');
    expect(hint('ZADD z XX CH 1 a 2 b ')).toBe('[score member ...]');
  });

  it('lists a container\'s subcommands, then the subcommand\'s arguments', () => {
    expect(hint('CONFIG ')).toBe('GET|HELP|RESETSTAT|REWRITE|SET');
    expect(hint('CONFIG GET ')).toBe('parameter [parameter ...]');
  });

  it('is empty past the last argument and absent for unknown commands', () => {
    expect(hint('GET k extra ')).toBe('');
    expect(hint('NOSUCH ')).toBeUndefined();
  });
});

describe('completion', () => {
  const complete = (line: string) => {
    const words = line.split(' ');
    const prefix = words.pop()!;
    return catalog.complete(words.filter(Boolean), prefix);
  };

  it('completes command names in the case typed', () => {
    expect(complete('hgeta').items).toEqual(['hgetall']);
    expect(complete('HGET').items).toEqual(['HGET', 'HGETALL']);
  });

  it('completes subcommand names', () => {
    expect(complete('config g').items).toEqual(['get']);
    expect(complete('CLIENT SETN').items).toEqual(['SETNAME']);
  });

  it('completes the options that may come next', () => {
    expect(complete('SET k v E').items.sort()).toEqual(['EX', 'EXAT']);
    expect(complete('SET k v NX ').items.sort()).toEqual(['EX', 'EXAT', 'GET', 'KEEPTTL', 'PX', 'PXAT']);
    expect(complete('zadd z ').items.sort()).toEqual(['CH', 'GT', 'INCR', 'LT', 'NX', 'XX']);
  });

  it('says when a key may come next', () => {
    expect(complete('GET ').keyExpected).toBe(true);
    expect(complete('SET k ').keyExpected).toBe(false);
    expect(complete('DEL a ').keyExpected).toBe(true);
    expect(complete('ZADD z ').keyExpected).toBe(false);
  });
});

describe('help and suggestions', () => {
  it('lists a group', () => {
    expect(catalog.inGroup('hyperloglog').map((c) => c.name)).toEqual(['pfadd', 'pfcount', 'pfdebug', 'pfmerge', 'pfselftest']);
    expect(catalog.inGroup('sorted_set').map((c) => c.name)).toContain('zadd');
    expect(catalog.groups()).toContain('sorted-set');
  });

  it('suggests close names for a mistyped command', () => {
    expect(catalog.suggest('sett')[0]).toBe('set');
    expect(catalog.suggest('hgetal')).toEqual(['hgetall', 'hget']);
    expect(catalog.suggest('xyzzyplugh')).toEqual([]);
  });
});

describe("redlite's own command table", () => {
  it('gives the playground docs for every command it lists, and hints for each', async () => {
    const { createClient } = await import('../src/node.js');
    const db = createClient({ name: `playground-catalog-${Date.now()}` });
    try {
      const docs = parseCommandDocs(await db.call('command', 'docs'));
      addCommandInfo(docs, await db.call('command', 'info'));
      const own = new Catalog(docs);
      const listed = (await db.call('command', 'list')) as string[];
      expect(listed.length).toBeGreaterThan(200);
      for (const name of listed) {
        const doc = own.get(name);
        expect(doc, name).toBeDefined();
        expect(doc!.summary, name).not.toBe('');
        expect(doc!.arity, name).toBeTypeOf('number');
        // A hint for the command with nothing typed yet, and completion of its first argument.
        expect(() => own.hint(name.split('|'), false), name).not.toThrow();
        expect(() => own.complete(name.split('|'), ''), name).not.toThrow();
      }
      expect(`${own.get('set')!.display} ${commandSyntax(own.get('set')!)}`).toBe(
        'SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
      );
    } finally {
      await db.close();
    }
  });
});
