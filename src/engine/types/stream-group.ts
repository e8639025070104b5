/**
 * Consumer groups (Redis's streamCG): the last delivered ID, a logical read
 * counter, the group's pending entries list (PEL) and its consumers, each with
 * a PEL of its own. A pending entry (NACK) is shared by the group PEL and its
 * owner's PEL, exactly as in Redis, so ownership moves without copying.
 */
import { OrderedMap } from './ordered-map.js';
import type { StreamId } from './stream-id.js';

/** entries_read when the group's position in the stream is unknown. */
export const ENTRIES_READ_UNKNOWN = -1;

/** A delivered, not yet acknowledged entry. */
export class Nack {
  constructor(
    /** When it was last delivered (ms). */
    public deliveryTime: number,
    public deliveryCount: number,
    /** Its owner; null only for a moment while XCLAIM FORCE creates it. */
    public consumer: Consumer | null,
  ) {}
}

export class Consumer {
  readonly pel = new OrderedMap<Nack>();
  constructor(
    readonly name: string,
    /** Last time the consumer read or claimed (ms). */
    public seenTime: number,
  ) {}
}

export class ConsumerGroup {
  readonly pel = new OrderedMap<Nack>();
  readonly consumers = new OrderedMap<Consumer>();

  constructor(
    public lastId: StreamId,
    /** Entries read so far when the group is at lastId, or ENTRIES_READ_UNKNOWN. */
    public entriesRead: number,
  ) {}

  /** Adds a consumer unless one has the name; returns it, or null when it existed. */
  createConsumer(name: string, now: number): Consumer | null {
    if (this.consumers.has(name)) return null;
    const consumer = new Consumer(name, now);
    this.consumers.set(name, consumer);
    return consumer;
  }

  /** Removes a consumer and its pending entries; returns how many it had. */
  deleteConsumer(consumer: Consumer): number {
    const pending = consumer.pel.size;
    for (const [id] of consumer.pel.entries()) this.pel.delete(id);
    this.consumers.delete(consumer.name);
    return pending;
  }

  /** Drops a pending entry from the group and from its owner. */
  ack(id: StreamId, nack: Nack): void {
    this.pel.delete(id);
    nack.consumer?.pel.delete(id);
  }

  /** Gives a pending entry to another consumer. */
  transfer(id: StreamId, nack: Nack, to: Consumer): void {
    if (nack.consumer === to) return;
    nack.consumer?.pel.delete(id);
    to.pel.set(id, nack);
    nack.consumer = to;
  }

  /** A deep copy: the NACKs are copied once and shared again by the copies. */
  clone(): ConsumerGroup {
    const copy = new ConsumerGroup(this.lastId, this.entriesRead);
    const nacks = new Map<Nack, Nack>();
    for (const [id, nack] of this.pel.entries()) {
      const n = new Nack(nack.deliveryTime, nack.deliveryCount, null);
      nacks.set(nack, n);
      copy.pel.set(id, n);
    }
    for (const consumer of this.consumers.values()) {
      const c = new Consumer(consumer.name, consumer.seenTime);
      copy.consumers.set(c.name, c);
      for (const [id, nack] of consumer.pel.entries()) {
        const n = nacks.get(nack)!;
        n.consumer = c;
        c.pel.set(id, n);
      }
    }
    return copy;
  }
}
