/**
 * Pub/Sub: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH and PUBSUB, as
 * Redis 7.0's pubsub.c. How confirmations reach the client is explained in
 * ../pubsub.ts.
 */
import type { Client } from '../client.js';
import { group, type CommandDecl } from '../command.js';
import { globMatch } from '../glob.js';
import type { SubscriptionKind } from '../pubsub.js';
import { ErrorReply, PushReply, SimpleString, type Reply } from '../reply.js';

/** What a subscription kind is called in confirmations, and which subscriptions its count covers. */
interface KindInfo {
  kind: SubscriptionKind;
  subscribe: string;
  unsubscribe: string;
}
const CHANNELS: KindInfo = { kind: 'channels', subscribe: 'subscribe', unsubscribe: 'unsubscribe' };
const PATTERNS: KindInfo = { kind: 'patterns', subscribe: 'psubscribe', unsubscribe: 'punsubscribe' };
const SHARD: KindInfo = { kind: 'shardChannels', subscribe: 'ssubscribe', unsubscribe: 'sunsubscribe' };

/** The count a confirmation carries: channels and patterns together, shard channels apart. */
function subscriptionCount(client: Client, info: KindInfo): number {
  return info === SHARD ? client.shardChannels.size : client.channels.size + client.patterns.size;
}

/** Sends all confirmations but the last as pushes and returns the last as the command's reply. */
function confirm(client: Client, confirmations: PushReply[]): PushReply {
  for (let i = 0; i < confirmations.length - 1; i++) client.sink.push(confirmations[i]);
  return confirmations[confirmations.length - 1];
}

function subscribe(client: Client, info: KindInfo, names: string[]): PushReply {
  const { pubsub } = client.engine;
  return confirm(
    client,
    names.map((name) => {
      pubsub.subscribe(info.kind, client, name);
      return new PushReply([info.subscribe, name, subscriptionCount(client, info)]);
    }),
  );
}

/** Without names, leaves every subscription of the kind (or confirms with a nil name when there is none). */
function unsubscribe(client: Client, info: KindInfo, names: string[]): PushReply {
  const { pubsub } = client.engine;
  const leaving = names.length > 0 ? names : [...client[info.kind]];
  if (leaving.length === 0) return new PushReply([info.unsubscribe, null, subscriptionCount(client, info)]);
  return confirm(
    client,
    leaving.map((name) => {
      pubsub.unsubscribe(info.kind, client, name);
      return new PushReply([info.unsubscribe, name, subscriptionCount(client, info)]);
    }),
  );
}

/**
 * Inside EXEC a client may not wait for messages (Redis's DENY_BLOCKING);
 * SUBSCRIBE and PSUBSCRIBE are let through there for backward compatibility.
 */
function refuseInsideExec(client: Client, name: string): void {
  if (client.engine.nesting > 0) throw new ErrorReply(`ERR ${name} isn't allowed for a DENY BLOCKING client`);
}

/** Channel names in a registry, optionally filtered by a glob pattern (PUBSUB CHANNELS). */
function channelList(registry: Map<string, unknown>, pattern: string | undefined): string[] {
  const names: string[] = [];
  for (const name of registry.keys()) if (pattern === undefined || globMatch(pattern, name)) names.push(name);
  return names;
}

/** PUBSUB NUMSUB / SHARDNUMSUB: [name, count, …] in argument order. */
function subscriberCounts(registry: Map<string, Set<Client>>, names: string[]): Reply[] {
  return names.flatMap((name) => [name, registry.get(name)?.size ?? 0]);
}

/** PUBSUB CHANNELS / SHARDCHANNELS take at most one pattern. */
function optionalPattern(argv: string[]): string | undefined {
  if (argv.length > 3) {
    throw new ErrorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1].slice(0, 128)}'. Try PUBSUB HELP.`);
  }
  return argv[2];
}

const PUBSUB_HELP = [
  'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
  'HELP',
  '    Prints this help.',
].map((line) => new SimpleString(line));

const SUBSCRIBE_FLAGS = 'pubsub noscript loading stale';
const PUBSUB_FLAGS = 'pubsub loading stale';

const pubsubSubcommands: Record<string, CommandDecl> = {
  channels: {
    arity: -2,
    flags: PUBSUB_FLAGS,
    summary: 'List active channels',
    since: '2.8.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)',
    syntax: '[pattern]',
    run: (client, argv) => channelList(client.engine.pubsub.channels, optionalPattern(argv)),
  },
  numsub: {
    arity: -2,
    flags: PUBSUB_FLAGS,
    summary: 'Get the count of subscribers for channels',
    since: '2.8.0',
    reply: '(string | number)[]',
    complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels',
    syntax: '[channel [channel ...]]',
    run: (client, argv) => subscriberCounts(client.engine.pubsub.channels, argv.slice(2)),
  },
  numpat: {
    arity: 2,
    flags: PUBSUB_FLAGS,
    summary: 'Get the count of unique patterns pattern subscriptions',
    since: '2.8.0',
    reply: 'number',
    complexity: 'O(1)',
    run: (client) => client.engine.pubsub.patterns.size,
  },
  shardchannels: {
    arity: -2,
    flags: PUBSUB_FLAGS,
    summary: 'List active shard channels',
    since: '7.0.0',
    reply: 'string[]',
    complexity: 'O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).',
    syntax: '[pattern]',
    run: (client, argv) => channelList(client.engine.pubsub.shardChannels, optionalPattern(argv)),
  },
  shardnumsub: {
    arity: -2,
    flags: PUBSUB_FLAGS,
    summary: 'Get the count of subscribers for shard channels',
    since: '7.0.0',
    reply: '(string | number)[]',
    complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels',
    syntax: '[shardchannel [shardchannel ...]]',
    run: (client, argv) => subscriberCounts(client.engine.pubsub.shardChannels, argv.slice(2)),
  },
  help: {
    arity: 2,
    flags: 'loading stale',
    summary: 'Show helpful text about the different subcommands',
    since: '6.2.0',
    reply: 'string[]',
    complexity: 'O(1)',
    run: () => PUBSUB_HELP,
  },
};

export default group('pubsub', {
  subscribe: {
    arity: -2,
    flags: SUBSCRIBE_FLAGS,
    summary: 'Listen for messages published to the given channels',
    since: '2.0.0',
    reply: '(string | number)[]',
    complexity: 'O(N) where N is the number of channels to subscribe to.',
    syntax: 'channel [channel ...]',
    run: (client, argv) => subscribe(client, CHANNELS, argv.slice(1)),
  },
  unsubscribe: {
    arity: -1,
    flags: SUBSCRIBE_FLAGS,
    summary: 'Stop listening for messages posted to the given channels',
    since: '2.0.0',
    reply: '(string | number | null)[]',
    complexity: 'O(N) where N is the number of clients already subscribed to a channel.',
    syntax: '[channel [channel ...]]',
    run: (client, argv) => unsubscribe(client, CHANNELS, argv.slice(1)),
  },
  psubscribe: {
    arity: -2,
    flags: SUBSCRIBE_FLAGS,
    summary: 'Listen for messages published to channels matching the given patterns',
    since: '2.0.0',
    reply: '(string | number)[]',
    complexity: 'O(N) where N is the number of patterns the client is already subscribed to.',
    syntax: 'pattern [pattern ...]',
    run: (client, argv) => subscribe(client, PATTERNS, argv.slice(1)),
  },
  punsubscribe: {
    arity: -1,
    flags: SUBSCRIBE_FLAGS,
    summary: 'Stop listening for messages posted to channels matching the given patterns',
    since: '2.0.0',
    reply: '(string | number | null)[]',
    complexity:
      'O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).',
    syntax: '[pattern [pattern ...]]',
    run: (client, argv) => unsubscribe(client, PATTERNS, argv.slice(1)),
  },
  ssubscribe: {
    arity: -2,
    flags: SUBSCRIBE_FLAGS,
    // Redis declares shard channels as (not_key) key positions, for cluster routing.
    keys: [1, -1, 1],
    summary: 'Listen for messages published to the given shard channels',
    since: '7.0.0',
    reply: '(string | number)[]',
    complexity: 'O(N) where N is the number of shard channels to subscribe to.',
    syntax: 'shardchannel [shardchannel ...]',
    run(client, argv) {
      refuseInsideExec(client, 'SSUBSCRIBE');
      return subscribe(client, SHARD, argv.slice(1));
    },
  },
  sunsubscribe: {
    arity: -1,
    flags: SUBSCRIBE_FLAGS,
    keys: [1, -1, 1],
    summary: 'Stop listening for messages posted to the given shard channels',
    since: '7.0.0',
    reply: '(string | number | null)[]',
    complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.',
    syntax: '[shardchannel [shardchannel ...]]',
    run: (client, argv) => unsubscribe(client, SHARD, argv.slice(1)),
  },
  publish: {
    arity: 3,
    flags: 'pubsub loading stale fast',
    summary: 'Post a message to a channel',
    since: '2.0.0',
    reply: 'number',
    complexity:
      'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).',
    syntax: 'channel message',
    run: (client, argv) => client.engine.publish(argv[1], argv[2]),
  },
  spublish: {
    arity: 3,
    flags: 'pubsub loading stale fast',
    keys: [1, 1, 1],
    summary: 'Post a message to a shard channel',
    since: '7.0.0',
    reply: 'number',
    complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
    syntax: 'shardchannel message',
    run: (client, argv) => client.engine.pubsub.publishShard(argv[1], argv[2]),
  },
  pubsub: {
    arity: -2,
    summary: 'A container for Pub/Sub commands',
    since: '2.8.0',
    complexity: 'Depends on subcommand.',
    subcommands: pubsubSubcommands,
  },
});
