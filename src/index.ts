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
import type { HostApi, StoreOptions } from './worker/protocol.js';

export type ClientOptions = Partial<StoreOptions>;

const openHandle = storeRegistry((name) => {
  const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: `redlite:${name}` });
  const remote = Comlink.wrap<HostApi>(worker);
  const host: HostApi = {
    open: (options) => remote.open(options),
    flush: () => remote.flush(),
    connect: (onPush) => remote.connect(Comlink.proxy(onPush)),
    exec: (connection, batch) => remote.exec(connection, batch),
    disconnect: (connection) => void remote.disconnect(connection),
  };
  // relaxed mode: commit what is pending before the page may be frozen or closed.
  const flush = () => void host.flush().catch(() => {});
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return {
    host,
    shutdown() {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
});

/**
 * A client of the store `name` (default 'default'). Returns at once: commands
 * wait until the store has loaded. `durability` applies when this is the
 * page's first client of the store: 'strict' (default), 'relaxed' or 'memory'.
 */
export function createClient(options: ClientOptions = {}): RedliteClient {
  const name = options.name ?? 'default';
  return new RedliteClient(openHandle(name), { ...options, name });
}

export { RedliteClient };
export { ReplyError, ConnectionClosedError } from './client/errors.js';
export type { Pipeline, PipelineResult } from './client/pipeline.js';
export type { ScanOptions, MessageListener, PatternListener, ClientEvents, Wire } from './client/client.js';
