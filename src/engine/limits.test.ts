import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { ErrorReply } from './reply.js';

/**
 * Where Redis would try to build a reply it cannot hold (and run out of memory),
 * redlite answers with an error and goes on serving. There is no Redis answer
 * to compare with: these are our own limits.
 */
describe('replies too large to build', () => {
  it.each([
    ['SADD k a', 'SRANDMEMBER k -9223372036854775807'],
    ['HSET k f v', 'HRANDFIELD k -9223372036854775807'],
    ['ZADD k 1 a', 'ZRANDMEMBER k -9223372036854775807'],
    ['ZADD k 1 a', 'ZRANDMEMBER k -3000000000 WITHSCORES'],
  ])('%s; %s is an error, and the store answers afterwards', (setup, command) => {
    const engine = new Engine({ activeExpiry: false });
    const client = engine.connect({ reply: () => {}, push: () => {} });
    engine.execute(client, setup.split(' '));
    expect(engine.execute(client, command.split(' '))).toEqual(new ErrorReply('ERR count is out of range, at most 2147483648 picks fit a reply'));
    expect(engine.execute(client, ['PING'])).toEqual(expect.objectContaining({ value: 'PONG' }));
    engine.close();
  });
});
