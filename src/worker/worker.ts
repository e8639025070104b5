/**
 * The Web Worker entry: hosts the engine of one store (named by the worker's
 * name, `redlite:<store>`), keeps it in IndexedDB, and answers the app's
 * client over comlink.
 */
import * as Comlink from 'comlink';
import { Engine } from '../engine/engine.js';
import { indexedDbStore } from '../persistence/store.js';
import { createHost } from './host.js';
import type { HostApi } from './protocol.js';

const name = self.name.replace(/^redlite:/, '');
const engine = new Engine({ log: (level, message) => console[level === 'warning' ? 'warn' : 'log'](`[redlite:${name}] ${message}`) });
const host = createHost(indexedDbStore(engine, name));

const api: HostApi = {
  ...host,
  // Functions cross the boundary only as comlink proxies.
  connect: (onPush) => host.connect(onPush),
};
Comlink.expose(api);
