/**
 * The pub/sub registry: who listens to which channel, pattern and shard channel,
 * and delivery of messages to their clients' sinks.
 *
 * `onPublish` lets a host see every message published here (the tabs layer
 * forwards them to other tabs); `remoteCount` lets it add subscribers that live
 * elsewhere to PUBLISH's count and PUBSUB NUMSUB.
 */
import type { Client } from './client.js';
import { globMatch } from './glob.js';
import { PushReply, type Reply } from './reply.js';

export class PubSub {
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();
  readonly shardChannels = new Map<string, Set<Client>>();

  /** Adds a client to a channel (kind 'channels' | 'patterns' | 'shardChannels'); false if already there. */
  subscribe(kind: 'channels' | 'patterns' | 'shardChannels', client: Client, name: string): boolean {
    const own = client[kind];
    if (own.has(name)) return false;
    own.add(name);
    let set = this[kind].get(name);
    if (!set) this[kind].set(name, (set = new Set()));
    set.add(client);
    return true;
  }

  unsubscribe(kind: 'channels' | 'patterns' | 'shardChannels', client: Client, name: string): boolean {
    if (!client[kind].delete(name)) return false;
    const set = this[kind].get(name);
    if (set) {
      set.delete(client);
      if (set.size === 0) this[kind].delete(name);
    }
    return true;
  }

  /** Drops every subscription of a closing client. */
  removeClient(client: Client): void {
    for (const kind of ['channels', 'patterns', 'shardChannels'] as const) {
      for (const name of [...client[kind]]) this.unsubscribe(kind, client, name);
    }
  }

  /** Delivers a message to local subscribers; returns how many received it. */
  publish(channel: string, message: string): number {
    let receivers = 0;
    const direct = this.channels.get(channel);
    if (direct) {
      for (const client of direct) {
        deliver(client, ['message', channel, message]);
        receivers++;
      }
    }
    if (this.patterns.size > 0) {
      for (const [pattern, clients] of this.patterns) {
        if (!globMatch(pattern, channel)) continue;
        for (const client of clients) {
          deliver(client, ['pmessage', pattern, channel, message]);
          receivers++;
        }
      }
    }
    return receivers;
  }

  /** SPUBLISH: shard channels have no patterns. */
  publishShard(channel: string, message: string): number {
    const clients = this.shardChannels.get(channel);
    if (!clients) return 0;
    for (const client of clients) deliver(client, ['smessage', channel, message]);
    return clients.size;
  }
}

/** Sends a pub/sub message as RESP3 push, or a plain array in RESP2. */
export function deliver(client: Client, items: Reply[]): void {
  client.sink.push(client.resp === 3 ? new PushReply(items) : items);
}
