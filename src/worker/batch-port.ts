/**
 * The command stream between the page and its worker, beside comlink. Comlink
 * carries the API (open, connect, export …), but its per-call bookkeeping — a
 * random id, proxy traversal, wrapped values, an extra promise hop — costs as
 * much again as the postMessage itself, and a command's round trip is the
 * number an app feels. So commands take the worker's own channel (in Chromium a
 * MessageChannel's round trip costs more than the worker's when the machine is
 * idle), and comlink a MessageChannel. Batches and replies travel packed
 * (packing.ts).
 */
import { packBatch, packReplies, unpackBatch, unpackReplies, type PackedBatch, type PackedReplies } from './packing.js';
import type { HostApi, Wire } from './protocol.js';

type Request = [id: number, connection: number, batch: PackedBatch];
type Response = [id: number, replies: PackedReplies];

/** Either end of a message channel: a Worker, the worker's global scope, a MessagePort. */
export interface BatchEndpoint {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** The worker's end: runs each batch that arrives on `port` and posts its replies back. */
export function serveBatches(port: BatchEndpoint, exec: HostApi['exec']): void {
  port.onmessage = async ({ data: [id, connection, packed] }: MessageEvent<Request>) => {
    const batch = unpackBatch(packed);
    // A batch always gets its replies: a failure here becomes each command's error.
    const replies = await exec(connection, batch).catch((error: Error) => batch.map((): Wire => ({ err: `ERR ${error.message}` })));
    port.postMessage([id, packReplies(replies)] satisfies Response);
  };
}

/** The page's end: HostApi's exec over `port`. */
export function batchSender(port: BatchEndpoint): HostApi['exec'] {
  const waiting = new Map<number, (replies: PackedReplies) => void>();
  let nextId = 0;
  port.onmessage = ({ data: [id, replies] }: MessageEvent<Response>) => {
    const resolve = waiting.get(id)!;
    waiting.delete(id);
    resolve(replies);
  };
  return (connection, batch) =>
    new Promise<PackedReplies>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      port.postMessage([id, connection, packBatch(batch)] satisfies Request);
    }).then(unpackReplies);
}
