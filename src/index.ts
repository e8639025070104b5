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
import { campaign } from './tabs/leadership.js';
import { batchSender } from './worker/batch-port.js';
import type { HostApi, StoreOptions, WorkerApi } from './worker/protocol.js';

export type ClientOptions = Partial<StoreOptions>;

const openHandle = storeRegistry((name) => {
  const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: `redlite:${name}` });
  const api = new MessageChannel();
  worker.postMessage(api.port2, [api.port2]);
  const remote = Comlink.wrap<WorkerApi>(api.port1);
  const leadership = campaign(name, {
    lead: () => remote.lead(),
    stepDown: () => void remote.stepDown(),
    rejoin: () => void remote.rejoin(),
  });
  const host: HostApi = {
    open(options) {
      const opened = remote.open(options);
      leadership.run();
      return opened;
    },
    flush: () => remote.flush(),
    exportRdb: () => remote.exportRdb(),
    exportCommands: () => remote.exportCommands(),
    importRdb: (bytes, onProgress) => remote.importRdb(Comlink.transfer(bytes, [bytes.buffer]), onProgress && Comlink.proxy(onProgress)),
    connect: (onPush) => remote.connect(Comlink.proxy(onPush)),
    exec: batchSender(worker),
    disconnect: (connection) => void remote.disconnect(connection),
    onRole: (listener) => remote.onRole(Comlink.proxy(listener)),
  };
  // Commit what is pending (relaxed mode) before the page may be frozen or closed. A page
  // frozen or kept in the back/forward cache cannot serve other tabs: it lets go of the
  // lead at once, and takes part again when it comes back.
  const onHide = (event: PageTransitionEvent) => (event.persisted ? leadership.stop() : void host.flush().catch(() => {}));
  const onVisibility = () => document.visibilityState === 'hidden' && void host.flush().catch(() => {});
  const onFreeze = () => leadership.stop();
  const onBack = (event: PageTransitionEvent | Event) => {
    if ('persisted' in event && !event.persisted) return;
    void remote.rejoin();
    leadership.run();
  };
  addEventListener('pagehide', onHide);
  addEventListener('pageshow', onBack);
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onBack);
  return {
    host,
    shutdown() {
      removeEventListener('pagehide', onHide);
      removeEventListener('pageshow', onBack);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('freeze', onFreeze);
      document.removeEventListener('resume', onBack);
      leadership.stop();
      remote[Comlink.releaseProxy]();
      api.port1.close();
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
