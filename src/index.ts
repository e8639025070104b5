/**
 * redlite in the browser: `createClient()` returns a client at once; the store
 * runs in a Web Worker (one per store name per page), so the page never blocks.
 *
 *   import { createClient } from 'redlite';
 *   const db = createClient({ name: 'app' });
 *   await db.set('greeting', 'hello');
 */
import * as Comlink from 'comlink';
import { RedliteClient } from './client/client.js';
import { storeRegistry } from './client/stores.js';
import type { HostApi } from './worker/protocol.js';

export interface ClientOptions {
  /** The store's name; stores with different names are independent. Default 'default'. */
  name?: string;
}

const openHandle = storeRegistry((name) => {
  const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: `redlite:${name}` });
  const remote = Comlink.wrap<HostApi>(worker);
  const host: HostApi = {
    connect: (onPush) => remote.connect(Comlink.proxy(onPush)),
    exec: (connection, batch) => remote.exec(connection, batch),
    disconnect: (connection) => void remote.disconnect(connection),
  };
  return {
    host,
    shutdown() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
});

export function createClient(options: ClientOptions = {}): RedliteClient {
  return new RedliteClient(openHandle(options.name ?? 'default'));
}

export { RedliteClient };
export { ReplyError, ConnectionClosedError } from './client/errors.js';
export type { Pipeline, PipelineResult } from './client/pipeline.js';
export type { ScanOptions, MessageListener, PatternListener } from './client/client.js';
