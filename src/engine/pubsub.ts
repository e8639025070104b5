/**
 * The pub/sub registry: who listens to which channel, pattern and shard
 * channel, and delivery of messages to their clients' sinks.
 *
 * Everything the engine sends for pub/sub is a `PushReply` through
 * `client.sink.push`: messages, and the confirmations of (P|S)(UN)SUBSCRIBE.
 * A PushReply is `>` on a RESP3 connection and a plain array on RESP2, so a
 * host writes it with the same encoder as replies. Redis sends confirmations
 * as pushes too (CLIENT REPLY OFF does not silence them).
 *
 * A (un)subscribe command naming N channels answers N confirmations: the
 * first N − 1 go through `sink.push` while the command runs, and the last is
 * the command's own reply (still a PushReply). A host that writes pushes and
 * replies to one stream in call order — the RESP server — thus sends Redis's
 * exact bytes; a host with a separate message channel can route every
 * PushReply, pushed or returned, to it, and treat a returned one as "the
 * command is done".
 *
 * Hooks for hosts (the tabs layer): a subscriber in another tab is an engine
 * `Client` whose sink forwards to that tab — it subscribes with the same
 * commands, so PUBLISH's receiver count and PUBSUB NUMSUB / NUMPAT include it.
 * `observers` see every message published here (PUBLISH, SPUBLISH and
 * keyspace events), after local delivery.
 */
import type { Client } from './client.js';
import { globMatch } from './glob.js';
import { PushReply } from './reply.js';

/** The three registries, named as the Client fields that mirror them. */
export type SubscriptionKind = 'channels' | 'patterns' | 'shardChannels';

/** A message as published: `shard` for SPUBLISH. */
export interface Published {
  channel: string;
  message: string;
  shard: boolean;
  receivers: number;
}

export class PubSub {
  /** Channel → its subscribers, in subscription order. */
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();
  readonly shardChannels = new Map<string, Set<Client>>();
  /** Called for every message published here. */
  readonly observers = new Set<(published: Published) => void>();

  /** Adds a client to a channel, pattern or shard channel; false if already there. */
  subscribe(kind: SubscriptionKind, client: Client, name: string): boolean {
    const own = client[kind];
    if (own.has(name)) return false;
    own.add(name);
    let set = this[kind].get(name);
    if (!set) this[kind].set(name, (set = new Set()));
    set.add(client);
    return true;
  }

  /** Removes a client from a channel, pattern or shard channel; false if it was not there. */
  unsubscribe(kind: SubscriptionKind, client: Client, name: string): boolean {
    if (!client[kind].delete(name)) return false;
    const set = this[kind].get(name)!;
    set.delete(client);
    if (set.size === 0) this[kind].delete(name);
    return true;
  }

  /** Drops every subscription of a closing client. */
  removeClient(client: Client): void {
    for (const kind of ['channels', 'patterns', 'shardChannels'] as const) {
      for (const name of client[kind]) this.unsubscribe(kind, client, name);
    }
  }

  /** Delivers a message to the channel's subscribers, then to matching patterns'; returns how many received it. */
  publish(channel: string, message: string): number {
    let receivers = 0;
    const direct = this.channels.get(channel);
    if (direct) {
      // One reply object for every subscriber: each sink encodes it for its own protocol.
      const push = new PushReply(['message', channel, message]);
      for (const client of direct) client.sink.push(push);
      receivers += direct.size;
    }
    for (const [pattern, clients] of this.patterns) {
      if (!globMatch(pattern, channel)) continue;
      const push = new PushReply(['pmessage', pattern, channel, message]);
      for (const client of clients) client.sink.push(push);
      receivers += clients.size;
    }
    this.notifyObservers(channel, message, false, receivers);
    return receivers;
  }

  /** SPUBLISH: shard channels have no patterns. */
  publishShard(channel: string, message: string): number {
    const clients = this.shardChannels.get(channel);
    let receivers = 0;
    if (clients) {
      const push = new PushReply(['smessage', channel, message]);
      for (const client of clients) client.sink.push(push);
      receivers = clients.size;
    }
    this.notifyObservers(channel, message, true, receivers);
    return receivers;
  }

  private notifyObservers(channel: string, message: string, shard: boolean, receivers: number): void {
    if (this.observers.size === 0) return;
    const published = { channel, message, shard, receivers };
    for (const observe of this.observers) observe(published);
  }
}
