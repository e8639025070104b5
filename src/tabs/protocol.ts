/**
 * The messages tabs exchange over the store's BroadcastChannel
 * (`redlite:<store>`). One tab's worker leads — it holds the store's Web Lock
 * and runs the engine; the others forward their commands to it.
 *
 * Every request carries an id (`<tab>:<n>`): a follower re-sends unanswered
 * requests to a new leader with the same id, and the leader answers a request
 * it has already applied from what it noted, never running it twice.
 */
import type { PackedBatch, PackedReplies } from '../worker/packing.js';
import type { OpenReport, Push } from '../worker/protocol.js';

export type TabMessage =
  /** A tab asks who leads (when it starts). */
  | { type: 'who'; from: string }
  /**
   * The leader announces itself: on taking the lock, and in answer to 'who'.
   * `epoch` orders leaders (the store's epochs): an announcement older than
   * the leader a tab knows comes from a tab that was frozen and woke late.
   */
  | { type: 'leader'; from: string; report: OpenReport; epoch: number }
  /** A follower's batch of commands for one of its connections. */
  | { type: 'exec'; to: string; from: string; conn: number; req: string; batch: PackedBatch }
  /** The leader's replies to a request. */
  | { type: 'replies'; to: string; req: string; replies: PackedReplies }
  /** Pub/sub messages and keyspace events for a follower's connection. */
  | { type: 'push'; to: string; conn: number; messages: Push[] }
  /** A follower asks the leader for a whole-store operation (export, import). */
  | { type: 'call'; to: string; from: string; req: string; method: StoreCall; bytes?: Uint8Array }
  /** The leader's answer to a call, or its progress. */
  | { type: 'called'; to: string; req: string; result?: unknown; error?: string }
  | { type: 'progress'; to: string; req: string; fraction: number }
  /** A follower closed one of its connections. */
  | { type: 'close'; to: string; from: string; conn: number };

export type StoreCall = 'exportRdb' | 'importRdb' | 'exportCommands';

/** The lock whose holder leads the store. */
export const leaderLock = (store: string) => `redlite:${store}:leader`;
/** Each tab holds its own lock for life: the leader learns a tab is gone when it can take it. */
export const tabLock = (store: string, tab: string) => `redlite:${store}:tab:${tab}`;
export const channelName = (store: string) => `redlite:${store}`;
