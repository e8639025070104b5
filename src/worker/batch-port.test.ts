import { afterEach, describe, expect, it } from 'vitest';
import { batchSender, serveBatches } from './batch-port.js';
import type { Wire } from './protocol.js';

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function connect(exec: (connection: number, batch: string[][]) => Promise<Wire[]>) {
  const channel = new MessageChannel();
  channels.push(channel);
  serveBatches(channel.port2, exec);
  return batchSender(channel.port1);
}

describe('batch port', () => {
  it('carries each batch to the worker and its replies back, matched by request', async () => {
    const send = connect(async (connection, batch) => batch.map((argv) => `${connection}:${argv.join(' ')}`));
    const [a, b] = await Promise.all([send(1, [['get', 'a'], ['get', 'b']]), send(2, [['ping']])]);
    expect(a).toEqual(['1:get a', '1:get b']);
    expect(b).toEqual(['2:ping']);
  });

  it('answers every command of a batch whose run failed with an error, rather than never', async () => {
    const send = connect(async () => {
      throw new Error('the store could not open');
    });
    expect(await send(1, [['get', 'a'], ['set', 'a', '1']])).toEqual([
      { err: 'ERR the store could not open' },
      { err: 'ERR the store could not open' },
    ]);
  });
});
