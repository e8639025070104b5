/** The pure parts of the page: the log's record of its own commands, MONITOR lines, INFO text. */
import { describe, expect, it } from 'vitest';
import { parseMonitorLine } from './log.js';
import { Traffic } from './shared.js';
import { parseInfo } from './status.js';

describe('Traffic: the page’s own commands, hidden from the command log', () => {
  it('claims one MONITOR line per command noted, as MONITOR quotes arguments', () => {
    const t = new Traffic();
    t.note(['scan', '0', 'match', '*']);
    t.note(['scan', '0', 'match', '*']);
    t.note(['type', 'caf\xc3\xa9 "x"']);
    expect(t.claim('"scan" "0" "match" "*"')).toBe(true);
    expect(t.claim('"scan" "0" "match" "*"')).toBe(true);
    expect(t.claim('"scan" "0" "match" "*"')).toBe(false);
    expect(t.claim('"type" "caf\\xc3\\xa9 \\"x\\""')).toBe(true);
    expect(t.claim('"set" "k" "v"')).toBe(false);
  });

  it('forgets a command MONITOR did not show, so it cannot hide one typed later', () => {
    let now = 0;
    const t = new Traffic(5000, () => now);
    t.note(['config', 'get', 'databases']);
    now = 6000;
    expect(t.claim('"config" "get" "databases"')).toBe(false);
  });
});

describe('parsing', () => {
  it('reads a MONITOR line', () => {
    expect(parseMonitorLine('1700000000.123456 [3 tab:ab12:7] "SET" "k" "a \\"b\\""')).toEqual({
      time: 1700000000123,
      db: 3,
      addr: 'tab:ab12:7',
      args: '"SET" "k" "a \\"b\\""',
      name: 'set',
    });
    expect(parseMonitorLine('1700000000.000001 [0 lua] "get" "k"')?.addr).toBe('lua');
    expect(parseMonitorLine('OK')).toBeNull();
  });

  it('reads INFO fields', () => {
    const info = parseInfo('# Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\ndb2:keys=1,expires=0,avg_ttl=0\r\n\r\n# Memory\r\nused_memory:1024\r\n');
    expect(info.get('db0')).toBe('keys=3,expires=1,avg_ttl=0');
    expect(info.get('used_memory')).toBe('1024');
    expect(info.has('# Keyspace')).toBe(false);
  });
});
