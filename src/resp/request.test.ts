import { describe, expect, it } from 'vitest';
import { ProtocolError, RequestParser } from './request.js';

function parser(unauthenticated = false): RequestParser {
  return new RequestParser({ maxBulkLength: () => 512 * 1024 * 1024, unauthenticated: () => unauthenticated });
}

/** Feeds the chunks and returns every command parsed, or the protocol error's message. */
function parse(chunks: string[], p = parser()): (string[] | string)[] {
  const out: (string[] | string)[] = [];
  try {
    for (const chunk of chunks) {
      p.push(Buffer.from(chunk, 'latin1'));
      for (let argv = p.next(); argv; argv = p.next()) out.push(argv);
    }
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    out.push(e.message);
  }
  return out;
}

const cmd = (...argv: string[]) => `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

describe('RequestParser', () => {
  it('reads multibulk and inline commands, binary safe', () => {
    expect(parse([cmd('SET', 'k', '\x00\r\n\xff') + 'GET k\r\n' + cmd('')])).toEqual([['SET', 'k', '\x00\r\n\xff'], ['GET', 'k'], ['']]);
  });

  it('waits across chunk boundaries anywhere, down to single bytes', () => {
    const text = cmd('ECHO', 'x'.repeat(40)) + 'PING\r\n' + cmd('ECHO', '');
    expect(parse([...text])).toEqual([['ECHO', 'x'.repeat(40)], ['PING'], ['ECHO', '']]);
  });

  it('skips empty commands', () => {
    expect(parse(['\r\n', '*0\r\n', '*-1\r\n', '   \n', 'PING\n'])).toEqual([['PING']]);
  });

  it('joins chunks only once a bulk is complete', () => {
    const p = parser();
    const value = 'v'.repeat(1 << 20);
    const text = cmd('SET', 'k', value);
    const parsed: string[][] = [];
    for (let i = 0; i < text.length; i += 1000) {
      p.push(Buffer.from(text.slice(i, i + 1000), 'latin1'));
      for (let argv = p.next(); argv; argv = p.next()) parsed.push(argv);
    }
    expect(parsed).toEqual([['SET', 'k', value]]);
    expect(p.buffered).toBe(0);
  });

  it('gives Redis protocol errors', () => {
    expect(parse(['*x\r\n'])).toEqual(['Protocol error: invalid multibulk length']);
    expect(parse(['*1\r\nPING\r\n'])).toEqual(["Protocol error: expected '$', got 'P'"]);
    expect(parse(['*1\r\n$-1\r\n'])).toEqual(['Protocol error: invalid bulk length']);
    expect(parse(['ECHO "a\r\n'])).toEqual(['Protocol error: unbalanced quotes in request']);
    expect(parse(['a'.repeat(64 * 1024 + 1)])).toEqual(['Protocol error: too big inline request']);
    expect(parse(['*11\r\n'], parser(true))).toEqual(['Protocol error: unauthenticated multibulk length']);
    expect(parse(['*1\r\n$16385\r\n'], parser(true))).toEqual(['Protocol error: unauthenticated bulk length']);
  });

  it('notices an over-long line that trickles in, without rescanning it', () => {
    const chunks = Array.from({ length: 70 * 1024 / 7 }, () => 'payload');
    expect(parse(['\x00', ...chunks])).toEqual(['Protocol error: too big inline request']);
    expect(parse(['*', ...chunks.map(() => '1234567')])).toEqual(['Protocol error: too big mbulk count string']);
  });
});
