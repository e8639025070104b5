/**
 * The Web Worker entry: one store (named by the worker's name,
 * `redlite:<store>`), shared with every other tab of the origin. This tab's
 * worker leads — runs the engine and keeps it in IndexedDB — or forwards to the
 * tab that does (src/tabs). The page's client sends commands on the worker's
 * own channel (batch-port.ts) and calls the rest of the API through comlink,
 * on a MessageChannel it hands over first.
 */
import * as Comlink from 'comlink';
import { Engine } from '../engine/engine.js';
import { indexedDbStore } from '../persistence/store.js';
import { TabHost } from '../tabs/tab-host.js';
import { serveBatches, type BatchEndpoint } from './batch-port.js';
import type { WorkerApi } from './protocol.js';

const name = self.name.replace(/^redlite:/, '');
const log = (level: string, message: string) => console[level === 'warning' ? 'warn' : 'log'](`[redlite:${name}] ${message}`);
const host = new TabHost(name, () => indexedDbStore(new Engine({ log }), name));

const api: WorkerApi = {
  open: (options) => host.open(options),
  flush: () => host.flush(),
  exportRdb: () => host.exportRdb().then((bytes) => Comlink.transfer(bytes, [bytes.buffer])),
  exportCommands: () => host.exportCommands(),
  importRdb: (bytes, onProgress) => host.importRdb(bytes, onProgress),
  // Functions cross the boundary only as comlink proxies.
  connect: (onPush) => host.connect(onPush),
  disconnect: (connection) => host.disconnect(connection),
  onRole: (listener) => host.onRole(listener),
  lead: () => host.lead(),
  stepDown: () => host.stepDown(),
  rejoin: () => host.rejoin(),
};
// The page's first message is the port comlink speaks on; every later one is a batch of commands.
self.onmessage = (event: MessageEvent<MessagePort>) => {
  Comlink.expose(api, event.data);
  serveBatches(self as unknown as BatchEndpoint, (connection, batch) => host.exec(connection, batch));
};
