/**
 * The Web Worker entry: hosts the engine and answers the app's client over comlink.
 */
import * as Comlink from 'comlink';
import { Engine } from '../engine/engine.js';
import { createHost } from './host.js';

const engine = new Engine({ log: (level, message) => console[level === 'warning' ? 'warn' : 'log'](`[redlite] ${message}`) });
const host = createHost(engine);

Comlink.expose({
  ...host,
  // Functions cross the boundary only as comlink proxies.
  connect: (onPush: Parameters<typeof host.connect>[0]) => host.connect(onPush),
});
