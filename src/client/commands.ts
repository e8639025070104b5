// Generated from the command table by `npm run generate` (src/client/generate.ts). Do not edit.
import type { Arg, ArgInput } from './bytes.js';

/** A key or pattern. */
type Key = Arg;
/** A number, or its text (`"+inf"`, `"(1.5"` …). */
type Num = number | string;
type Value = Arg;

export const COMMAND_NAMES = [
  'append',
  'auth',
  'bgrewriteaof',
  'bgsave',
  'bitcount',
  'bitfield',
  'bitfield_ro',
  'bitop',
  'bitpos',
  'blmove',
  'blmpop',
  'blpop',
  'brpop',
  'brpoplpush',
  'bzmpop',
  'bzpopmax',
  'bzpopmin',
  'client',
  'command',
  'config',
  'copy',
  'dbsize',
  'decr',
  'decrby',
  'del',
  'discard',
  'dump',
  'echo',
  'eval',
  'eval_ro',
  'evalsha',
  'evalsha_ro',
  'exists',
  'expire',
  'expireat',
  'expiretime',
  'fcall',
  'fcall_ro',
  'flushall',
  'flushdb',
  'function',
  'geoadd',
  'geodist',
  'geohash',
  'geopos',
  'georadius',
  'georadius_ro',
  'georadiusbymember',
  'georadiusbymember_ro',
  'geosearch',
  'geosearchstore',
  'get',
  'getbit',
  'getdel',
  'getex',
  'getrange',
  'getset',
  'hdel',
  'hello',
  'hexists',
  'hget',
  'hgetall',
  'hincrby',
  'hincrbyfloat',
  'hkeys',
  'hlen',
  'hmget',
  'hmset',
  'hrandfield',
  'hscan',
  'hset',
  'hsetnx',
  'hstrlen',
  'hvals',
  'incr',
  'incrby',
  'incrbyfloat',
  'info',
  'keys',
  'lastsave',
  'lcs',
  'lindex',
  'linsert',
  'llen',
  'lmove',
  'lmpop',
  'lpop',
  'lpos',
  'lpush',
  'lpushx',
  'lrange',
  'lrem',
  'lset',
  'ltrim',
  'memory',
  'mget',
  'move',
  'mset',
  'msetnx',
  'object',
  'pexpire',
  'pexpireat',
  'pexpiretime',
  'pfadd',
  'pfcount',
  'pfdebug',
  'pfmerge',
  'ping',
  'psetex',
  'pttl',
  'publish',
  'pubsub',
  'randomkey',
  'rename',
  'renamenx',
  'reset',
  'restore',
  'rpop',
  'rpoplpush',
  'rpush',
  'rpushx',
  'sadd',
  'save',
  'scan',
  'scard',
  'script',
  'sdiff',
  'sdiffstore',
  'select',
  'set',
  'setbit',
  'setex',
  'setnx',
  'setrange',
  'shutdown',
  'sinter',
  'sintercard',
  'sinterstore',
  'sismember',
  'slowlog',
  'smembers',
  'smismember',
  'smove',
  'sort',
  'sort_ro',
  'spop',
  'spublish',
  'srandmember',
  'srem',
  'sscan',
  'strlen',
  'substr',
  'sunion',
  'sunionstore',
  'swapdb',
  'time',
  'touch',
  'ttl',
  'type',
  'unlink',
  'unwatch',
  'watch',
  'xack',
  'xadd',
  'xautoclaim',
  'xclaim',
  'xdel',
  'xgroup',
  'xinfo',
  'xlen',
  'xpending',
  'xrange',
  'xread',
  'xreadgroup',
  'xrevrange',
  'xsetid',
  'xtrim',
  'zadd',
  'zcard',
  'zcount',
  'zdiff',
  'zdiffstore',
  'zincrby',
  'zinter',
  'zintercard',
  'zinterstore',
  'zlexcount',
  'zmpop',
  'zmscore',
  'zpopmax',
  'zpopmin',
  'zrandmember',
  'zrange',
  'zrangebylex',
  'zrangebyscore',
  'zrangestore',
  'zrank',
  'zrem',
  'zremrangebylex',
  'zremrangebyrank',
  'zremrangebyscore',
  'zrevrange',
  'zrevrangebylex',
  'zrevrangebyscore',
  'zrevrank',
  'zscan',
  'zscore',
  'zunion',
  'zunionstore',
] as const;

/** A method per command: `db.set(key, value, ...options)`. */
export interface ClientCommands {
  /** Append a value to a key. `APPEND key value` (since 2.0.0) */
  append(key: Key, value: Value): Promise<number>;
  /** Append a value to a key. `APPEND key value` (since 2.0.0) */
  appendBuffer(key: Key, value: Value): Promise<number>;
  /** Authenticate to the server. `AUTH [username] password` (since 1.0.0) */
  auth(...args: (ArgInput)[]): Promise<'OK'>;
  /** Authenticate to the server. `AUTH [username] password` (since 1.0.0) */
  authBuffer(...args: (ArgInput)[]): Promise<'OK'>;
  /** Asynchronously rewrite the append-only file. `BGREWRITEAOF` (since 1.0.0) */
  bgrewriteaof(): Promise<string>;
  /** Asynchronously rewrite the append-only file. `BGREWRITEAOF` (since 1.0.0) */
  bgrewriteaofBuffer(): Promise<Uint8Array>;
  /** Asynchronously save the dataset to disk. `BGSAVE [SCHEDULE]` (since 1.0.0) */
  bgsave(...args: ('SCHEDULE' | ArgInput)[]): Promise<string>;
  /** Asynchronously save the dataset to disk. `BGSAVE [SCHEDULE]` (since 1.0.0) */
  bgsaveBuffer(...args: ('SCHEDULE' | ArgInput)[]): Promise<Uint8Array>;
  /** Count set bits in a string. `BITCOUNT key [start end [BYTE | BIT]]` (since 2.6.0) */
  bitcount(key: Key, ...args: ('BYTE' | 'BIT' | ArgInput)[]): Promise<number>;
  /** Count set bits in a string. `BITCOUNT key [start end [BYTE | BIT]]` (since 2.6.0) */
  bitcountBuffer(key: Key, ...args: ('BYTE' | 'BIT' | ArgInput)[]): Promise<number>;
  /** Perform arbitrary bitfield integer operations on strings. `BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]` (since 3.2.0) */
  bitfield(key: Key, ...args: ('GET' | 'OVERFLOW' | 'WRAP' | 'SAT' | 'FAIL' | 'SET' | 'INCRBY' | ArgInput)[]): Promise<(number | null)[]>;
  /** Perform arbitrary bitfield integer operations on strings. `BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]` (since 3.2.0) */
  bitfieldBuffer(key: Key, ...args: ('GET' | 'OVERFLOW' | 'WRAP' | 'SAT' | 'FAIL' | 'SET' | 'INCRBY' | ArgInput)[]): Promise<(number | null)[]>;
  /** Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD. `BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]` (since 6.0.0) */
  bitfield_ro(key: Key, ...args: ('GET' | ArgInput)[]): Promise<number[]>;
  /** Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD. `BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]` (since 6.0.0) */
  bitfield_roBuffer(key: Key, ...args: ('GET' | ArgInput)[]): Promise<number[]>;
  /** Perform bitwise operations between strings. `BITOP operation destkey key [key ...]` (since 2.6.0) */
  bitop(operation: Value, destkey: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Perform bitwise operations between strings. `BITOP operation destkey key [key ...]` (since 2.6.0) */
  bitopBuffer(operation: Value, destkey: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Find first bit set or clear in a string. `BITPOS key bit [start [end [BYTE | BIT]]]` (since 2.8.7) */
  bitpos(key: Key, bit: Num, ...args: ('BYTE' | 'BIT' | ArgInput)[]): Promise<number>;
  /** Find first bit set or clear in a string. `BITPOS key bit [start [end [BYTE | BIT]]]` (since 2.8.7) */
  bitposBuffer(key: Key, bit: Num, ...args: ('BYTE' | 'BIT' | ArgInput)[]): Promise<number>;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout` (since 6.2.0) */
  blmove(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): Promise<string | null>;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout` (since 6.2.0) */
  blmoveBuffer(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): Promise<Uint8Array | null>;
  /** Pop elements from a list, or block until one is available. `BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  blmpop(timeout: Num, numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): Promise<[string, string[]] | null>;
  /** Pop elements from a list, or block until one is available. `BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  blmpopBuffer(timeout: Num, numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]] | null>;
  /** Remove and get the first element in a list, or block until one is available. `BLPOP key [key ...] timeout` (since 2.0.0) */
  blpop(...args: (ArgInput)[]): Promise<[string, string] | null>;
  /** Remove and get the first element in a list, or block until one is available. `BLPOP key [key ...] timeout` (since 2.0.0) */
  blpopBuffer(...args: (ArgInput)[]): Promise<[Uint8Array, Uint8Array] | null>;
  /** Remove and get the last element in a list, or block until one is available. `BRPOP key [key ...] timeout` (since 2.0.0) */
  brpop(...args: (ArgInput)[]): Promise<[string, string] | null>;
  /** Remove and get the last element in a list, or block until one is available. `BRPOP key [key ...] timeout` (since 2.0.0) */
  brpopBuffer(...args: (ArgInput)[]): Promise<[Uint8Array, Uint8Array] | null>;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BRPOPLPUSH source destination timeout` (since 2.2.0) */
  brpoplpush(source: Key, destination: Key, timeout: Num): Promise<string | null>;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BRPOPLPUSH source destination timeout` (since 2.2.0) */
  brpoplpushBuffer(source: Key, destination: Key, timeout: Num): Promise<Uint8Array | null>;
  /** Remove and return members with scores in a sorted set or block until one is available. `BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  bzmpop(timeout: Num, numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): Promise<[string, [string, string][]] | null>;
  /** Remove and return members with scores in a sorted set or block until one is available. `BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  bzmpopBuffer(timeout: Num, numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, [Uint8Array, Uint8Array][]] | null>;
  /** Remove and return the member with the highest score from one or more sorted sets, or block until one is available. `BZPOPMAX key [key ...] timeout` (since 5.0.0) */
  bzpopmax(...args: (ArgInput)[]): Promise<[string, string, string] | null>;
  /** Remove and return the member with the highest score from one or more sorted sets, or block until one is available. `BZPOPMAX key [key ...] timeout` (since 5.0.0) */
  bzpopmaxBuffer(...args: (ArgInput)[]): Promise<[Uint8Array, Uint8Array, Uint8Array] | null>;
  /** Remove and return the member with the lowest score from one or more sorted sets, or block until one is available. `BZPOPMIN key [key ...] timeout` (since 5.0.0) */
  bzpopmin(...args: (ArgInput)[]): Promise<[string, string, string] | null>;
  /** Remove and return the member with the lowest score from one or more sorted sets, or block until one is available. `BZPOPMIN key [key ...] timeout` (since 5.0.0) */
  bzpopminBuffer(...args: (ArgInput)[]): Promise<[Uint8Array, Uint8Array, Uint8Array] | null>;
  /** Returns the client ID for the current connection. `CLIENT ID` (since 5.0.0) */
  client(subcommand: 'ID' | 'id'): Promise<number>;
  /** Returns information about the current client connection.. `CLIENT INFO` (since 6.2.0) */
  client(subcommand: 'INFO' | 'info'): Promise<string>;
  /** Get the list of client connections. `CLIENT LIST [TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]` (since 2.4.0) */
  client(subcommand: 'LIST' | 'list', ...args: ('TYPE' | 'NORMAL' | 'MASTER' | 'REPLICA' | 'PUBSUB' | 'ID' | ArgInput)[]): Promise<string>;
  /** Kill the connection of a client. `CLIENT KILL <ip:port | <[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] [[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] ...]>>` (since 2.4.0) */
  client(subcommand: 'KILL' | 'kill', ...args: ('ID' | 'TYPE' | 'NORMAL' | 'MASTER' | 'SLAVE' | 'REPLICA' | 'PUBSUB' | 'USER' | 'ADDR' | 'LADDR' | 'SKIPME' | ArgInput)[]): Promise<'OK' | number>;
  /** Set the current connection name. `CLIENT SETNAME connection-name` (since 2.6.9) */
  client(subcommand: 'SETNAME' | 'setname', connectionName: Value): Promise<'OK'>;
  /** Get the current connection name. `CLIENT GETNAME` (since 2.6.9) */
  client(subcommand: 'GETNAME' | 'getname'): Promise<string | null>;
  /** Instruct the server whether to reply to commands. `CLIENT REPLY <ON | OFF | SKIP>` (since 3.2.0) */
  client(subcommand: 'REPLY' | 'reply', ...args: ('ON' | 'OFF' | 'SKIP' | ArgInput)[]): Promise<'OK'>;
  /** Set client eviction mode for the current connection. `CLIENT NO-EVICT <ON | OFF>` (since 7.0.0) */
  client(subcommand: 'NO-EVICT' | 'no-evict', ...args: ('ON' | 'OFF' | ArgInput)[]): Promise<'OK'>;
  /** Unblock a client blocked in a blocking command from a different connection. `CLIENT UNBLOCK client-id [TIMEOUT | ERROR]` (since 5.0.0) */
  client(subcommand: 'UNBLOCK' | 'unblock', clientId: Num, ...args: ('TIMEOUT' | 'ERROR' | ArgInput)[]): Promise<number>;
  /** Get tracking notifications redirection client ID if any. `CLIENT GETREDIR` (since 6.0.0) */
  client(subcommand: 'GETREDIR' | 'getredir'): Promise<number>;
  /** Return information about server assisted client side caching for the current connection. `CLIENT TRACKINGINFO` (since 6.2.0) */
  client(subcommand: 'TRACKINGINFO' | 'trackinginfo'): Promise<(string | number | string[])[]>;
  /** Instruct the server about tracking or not keys in the next request. `CLIENT CACHING <YES | NO>` (since 6.0.0) */
  client(subcommand: 'CACHING' | 'caching', ...args: ('YES' | 'NO' | ArgInput)[]): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `CLIENT HELP` (since 5.0.0) */
  client(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for client connection commands. `CLIENT` (since 2.4.0) */
  client(subcommand: 'ID' | 'id' | 'INFO' | 'info' | 'LIST' | 'list' | 'KILL' | 'kill' | 'SETNAME' | 'setname' | 'GETNAME' | 'getname' | 'REPLY' | 'reply' | 'NO-EVICT' | 'no-evict' | 'UNBLOCK' | 'unblock' | 'GETREDIR' | 'getredir' | 'TRACKINGINFO' | 'trackinginfo' | 'CACHING' | 'caching' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<number | string | 'OK' | null | (string | number | string[])[] | string[]>;
  /** Returns the client ID for the current connection. `CLIENT ID` (since 5.0.0) */
  clientBuffer(subcommand: 'ID' | 'id'): Promise<number>;
  /** Returns information about the current client connection.. `CLIENT INFO` (since 6.2.0) */
  clientBuffer(subcommand: 'INFO' | 'info'): Promise<Uint8Array>;
  /** Get the list of client connections. `CLIENT LIST [TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]` (since 2.4.0) */
  clientBuffer(subcommand: 'LIST' | 'list', ...args: ('TYPE' | 'NORMAL' | 'MASTER' | 'REPLICA' | 'PUBSUB' | 'ID' | ArgInput)[]): Promise<Uint8Array>;
  /** Kill the connection of a client. `CLIENT KILL <ip:port | <[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] [[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] ...]>>` (since 2.4.0) */
  clientBuffer(subcommand: 'KILL' | 'kill', ...args: ('ID' | 'TYPE' | 'NORMAL' | 'MASTER' | 'SLAVE' | 'REPLICA' | 'PUBSUB' | 'USER' | 'ADDR' | 'LADDR' | 'SKIPME' | ArgInput)[]): Promise<'OK' | number>;
  /** Set the current connection name. `CLIENT SETNAME connection-name` (since 2.6.9) */
  clientBuffer(subcommand: 'SETNAME' | 'setname', connectionName: Value): Promise<'OK'>;
  /** Get the current connection name. `CLIENT GETNAME` (since 2.6.9) */
  clientBuffer(subcommand: 'GETNAME' | 'getname'): Promise<Uint8Array | null>;
  /** Instruct the server whether to reply to commands. `CLIENT REPLY <ON | OFF | SKIP>` (since 3.2.0) */
  clientBuffer(subcommand: 'REPLY' | 'reply', ...args: ('ON' | 'OFF' | 'SKIP' | ArgInput)[]): Promise<'OK'>;
  /** Set client eviction mode for the current connection. `CLIENT NO-EVICT <ON | OFF>` (since 7.0.0) */
  clientBuffer(subcommand: 'NO-EVICT' | 'no-evict', ...args: ('ON' | 'OFF' | ArgInput)[]): Promise<'OK'>;
  /** Unblock a client blocked in a blocking command from a different connection. `CLIENT UNBLOCK client-id [TIMEOUT | ERROR]` (since 5.0.0) */
  clientBuffer(subcommand: 'UNBLOCK' | 'unblock', clientId: Num, ...args: ('TIMEOUT' | 'ERROR' | ArgInput)[]): Promise<number>;
  /** Get tracking notifications redirection client ID if any. `CLIENT GETREDIR` (since 6.0.0) */
  clientBuffer(subcommand: 'GETREDIR' | 'getredir'): Promise<number>;
  /** Return information about server assisted client side caching for the current connection. `CLIENT TRACKINGINFO` (since 6.2.0) */
  clientBuffer(subcommand: 'TRACKINGINFO' | 'trackinginfo'): Promise<(Uint8Array | number | Uint8Array[])[]>;
  /** Instruct the server about tracking or not keys in the next request. `CLIENT CACHING <YES | NO>` (since 6.0.0) */
  clientBuffer(subcommand: 'CACHING' | 'caching', ...args: ('YES' | 'NO' | ArgInput)[]): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `CLIENT HELP` (since 5.0.0) */
  clientBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for client connection commands. `CLIENT` (since 2.4.0) */
  clientBuffer(subcommand: 'ID' | 'id' | 'INFO' | 'info' | 'LIST' | 'list' | 'KILL' | 'kill' | 'SETNAME' | 'setname' | 'GETNAME' | 'getname' | 'REPLY' | 'reply' | 'NO-EVICT' | 'no-evict' | 'UNBLOCK' | 'unblock' | 'GETREDIR' | 'getredir' | 'TRACKINGINFO' | 'trackinginfo' | 'CACHING' | 'caching' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<number | Uint8Array | 'OK' | null | (Uint8Array | number | Uint8Array[])[] | Uint8Array[]>;
  /** Get total number of Redis commands. `COMMAND COUNT` (since 2.8.13) */
  command(subcommand: 'COUNT' | 'count'): Promise<number>;
  /** Get array of specific Redis command details, or all when no argument is given.. `COMMAND INFO [command-name [command-name ...]]` (since 2.8.13) */
  command(subcommand: 'INFO' | 'info', ...args: (ArgInput)[]): Promise<unknown[]>;
  /** Get array of specific Redis command documentation. `COMMAND DOCS [command-name [command-name ...]]` (since 7.0.0) */
  command(subcommand: 'DOCS' | 'docs', ...args: (ArgInput)[]): Promise<unknown[]>;
  /** Get an array of Redis command names. `COMMAND LIST [FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]` (since 7.0.0) */
  command(subcommand: 'LIST' | 'list', ...args: ('FILTERBY' | 'MODULE' | 'ACLCAT' | 'PATTERN' | ArgInput)[]): Promise<string[]>;
  /** Extract keys given a full Redis command. `COMMAND GETKEYS` (since 2.8.13) */
  command(subcommand: 'GETKEYS' | 'getkeys', ...args: (ArgInput)[]): Promise<string[]>;
  /** Extract keys and access flags given a full Redis command. `COMMAND GETKEYSANDFLAGS` (since 7.0.0) */
  command(subcommand: 'GETKEYSANDFLAGS' | 'getkeysandflags', ...args: (ArgInput)[]): Promise<[string, string[]][]>;
  /** Show helpful text about the different subcommands. `COMMAND HELP` (since 5.0.0) */
  command(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** Get array of Redis command details. `COMMAND` (since 2.8.13) */
  command(): Promise<unknown[]>;
  /** Get array of Redis command details. `COMMAND` (since 2.8.13) */
  command(subcommand: 'COUNT' | 'count' | 'INFO' | 'info' | 'DOCS' | 'docs' | 'LIST' | 'list' | 'GETKEYS' | 'getkeys' | 'GETKEYSANDFLAGS' | 'getkeysandflags' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<unknown[] | number | string[] | [string, string[]][]>;
  /** Get total number of Redis commands. `COMMAND COUNT` (since 2.8.13) */
  commandBuffer(subcommand: 'COUNT' | 'count'): Promise<number>;
  /** Get array of specific Redis command details, or all when no argument is given.. `COMMAND INFO [command-name [command-name ...]]` (since 2.8.13) */
  commandBuffer(subcommand: 'INFO' | 'info', ...args: (ArgInput)[]): Promise<unknown[]>;
  /** Get array of specific Redis command documentation. `COMMAND DOCS [command-name [command-name ...]]` (since 7.0.0) */
  commandBuffer(subcommand: 'DOCS' | 'docs', ...args: (ArgInput)[]): Promise<unknown[]>;
  /** Get an array of Redis command names. `COMMAND LIST [FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]` (since 7.0.0) */
  commandBuffer(subcommand: 'LIST' | 'list', ...args: ('FILTERBY' | 'MODULE' | 'ACLCAT' | 'PATTERN' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Extract keys given a full Redis command. `COMMAND GETKEYS` (since 2.8.13) */
  commandBuffer(subcommand: 'GETKEYS' | 'getkeys', ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Extract keys and access flags given a full Redis command. `COMMAND GETKEYSANDFLAGS` (since 7.0.0) */
  commandBuffer(subcommand: 'GETKEYSANDFLAGS' | 'getkeysandflags', ...args: (ArgInput)[]): Promise<[Uint8Array, Uint8Array[]][]>;
  /** Show helpful text about the different subcommands. `COMMAND HELP` (since 5.0.0) */
  commandBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** Get array of Redis command details. `COMMAND` (since 2.8.13) */
  commandBuffer(): Promise<unknown[]>;
  /** Get array of Redis command details. `COMMAND` (since 2.8.13) */
  commandBuffer(subcommand: 'COUNT' | 'count' | 'INFO' | 'info' | 'DOCS' | 'docs' | 'LIST' | 'list' | 'GETKEYS' | 'getkeys' | 'GETKEYSANDFLAGS' | 'getkeysandflags' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<unknown[] | number | Uint8Array[] | [Uint8Array, Uint8Array[]][]>;
  /** Get the values of configuration parameters. `CONFIG GET parameter [parameter ...]` (since 2.0.0) */
  config(subcommand: 'GET' | 'get', ...args: (ArgInput)[]): Promise<string[]>;
  /** Set configuration parameters to the given values. `CONFIG SET parameter value [parameter value ...]` (since 2.0.0) */
  config(subcommand: 'SET' | 'set', ...args: (ArgInput)[]): Promise<'OK'>;
  /** Reset the stats returned by INFO. `CONFIG RESETSTAT` (since 2.0.0) */
  config(subcommand: 'RESETSTAT' | 'resetstat'): Promise<'OK'>;
  /** Rewrite the configuration file with the in memory configuration. `CONFIG REWRITE` (since 2.8.0) */
  config(subcommand: 'REWRITE' | 'rewrite'): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `CONFIG HELP` (since 5.0.0) */
  config(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for server configuration commands. `CONFIG` (since 2.0.0) */
  config(subcommand: 'GET' | 'get' | 'SET' | 'set' | 'RESETSTAT' | 'resetstat' | 'REWRITE' | 'rewrite' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<string[] | 'OK'>;
  /** Get the values of configuration parameters. `CONFIG GET parameter [parameter ...]` (since 2.0.0) */
  configBuffer(subcommand: 'GET' | 'get', ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Set configuration parameters to the given values. `CONFIG SET parameter value [parameter value ...]` (since 2.0.0) */
  configBuffer(subcommand: 'SET' | 'set', ...args: (ArgInput)[]): Promise<'OK'>;
  /** Reset the stats returned by INFO. `CONFIG RESETSTAT` (since 2.0.0) */
  configBuffer(subcommand: 'RESETSTAT' | 'resetstat'): Promise<'OK'>;
  /** Rewrite the configuration file with the in memory configuration. `CONFIG REWRITE` (since 2.8.0) */
  configBuffer(subcommand: 'REWRITE' | 'rewrite'): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `CONFIG HELP` (since 5.0.0) */
  configBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for server configuration commands. `CONFIG` (since 2.0.0) */
  configBuffer(subcommand: 'GET' | 'get' | 'SET' | 'set' | 'RESETSTAT' | 'resetstat' | 'REWRITE' | 'rewrite' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<Uint8Array[] | 'OK'>;
  /** Copy a key. `COPY source destination [DB destination-db] [REPLACE]` (since 6.2.0) */
  copy(source: Key, destination: Key, ...args: ('DB' | 'REPLACE' | ArgInput)[]): Promise<number>;
  /** Copy a key. `COPY source destination [DB destination-db] [REPLACE]` (since 6.2.0) */
  copyBuffer(source: Key, destination: Key, ...args: ('DB' | 'REPLACE' | ArgInput)[]): Promise<number>;
  /** Return the number of keys in the selected database. `DBSIZE` (since 1.0.0) */
  dbsize(): Promise<number>;
  /** Return the number of keys in the selected database. `DBSIZE` (since 1.0.0) */
  dbsizeBuffer(): Promise<number>;
  /** Decrement the integer value of a key by one. `DECR key` (since 1.0.0) */
  decr(key: Key): Promise<number>;
  /** Decrement the integer value of a key by one. `DECR key` (since 1.0.0) */
  decrBuffer(key: Key): Promise<number>;
  /** Decrement the integer value of a key by the given number. `DECRBY key decrement` (since 1.0.0) */
  decrby(key: Key, decrement: Value): Promise<number>;
  /** Decrement the integer value of a key by the given number. `DECRBY key decrement` (since 1.0.0) */
  decrbyBuffer(key: Key, decrement: Value): Promise<number>;
  /** Delete a key. `DEL key [key ...]` (since 1.0.0) */
  del(...args: (ArgInput)[]): Promise<number>;
  /** Delete a key. `DEL key [key ...]` (since 1.0.0) */
  delBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Discard all commands issued after MULTI. `DISCARD` (since 2.0.0) */
  discard(): Promise<'OK'>;
  /** Discard all commands issued after MULTI. `DISCARD` (since 2.0.0) */
  discardBuffer(): Promise<'OK'>;
  /** Return a serialized version of the value stored at the specified key.. `DUMP key` (since 2.6.0) */
  dump(key: Key): Promise<string | null>;
  /** Return a serialized version of the value stored at the specified key.. `DUMP key` (since 2.6.0) */
  dumpBuffer(key: Key): Promise<Uint8Array | null>;
  /** Echo the given string. `ECHO message` (since 1.0.0) */
  echo(message: Value): Promise<string>;
  /** Echo the given string. `ECHO message` (since 1.0.0) */
  echoBuffer(message: Value): Promise<Uint8Array>;
  /** Execute a Lua script server side. `EVAL script numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  eval(script: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a Lua script server side. `EVAL script numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  evalBuffer(script: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a read-only Lua script server side. `EVAL_RO script numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  eval_ro(script: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a read-only Lua script server side. `EVAL_RO script numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  eval_roBuffer(script: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a Lua script server side. `EVALSHA sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  evalsha(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a Lua script server side. `EVALSHA sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  evalshaBuffer(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a read-only Lua script server side. `EVALSHA_RO sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  evalsha_ro(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Execute a read-only Lua script server side. `EVALSHA_RO sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  evalsha_roBuffer(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Determine if a key exists. `EXISTS key [key ...]` (since 1.0.0) */
  exists(...args: (ArgInput)[]): Promise<number>;
  /** Determine if a key exists. `EXISTS key [key ...]` (since 1.0.0) */
  existsBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Set a key's time to live in seconds. `EXPIRE key seconds [NX | XX | GT | LT]` (since 1.0.0) */
  expire(key: Key, seconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set a key's time to live in seconds. `EXPIRE key seconds [NX | XX | GT | LT]` (since 1.0.0) */
  expireBuffer(key: Key, seconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set the expiration for a key as a UNIX timestamp. `EXPIREAT key unix-time-seconds [NX | XX | GT | LT]` (since 1.2.0) */
  expireat(key: Key, unixTimeSeconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set the expiration for a key as a UNIX timestamp. `EXPIREAT key unix-time-seconds [NX | XX | GT | LT]` (since 1.2.0) */
  expireatBuffer(key: Key, unixTimeSeconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Get the expiration Unix timestamp for a key. `EXPIRETIME key` (since 7.0.0) */
  expiretime(key: Key): Promise<number>;
  /** Get the expiration Unix timestamp for a key. `EXPIRETIME key` (since 7.0.0) */
  expiretimeBuffer(key: Key): Promise<number>;
  /** Invoke a function. `FCALL function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcall(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Invoke a function. `FCALL function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcallBuffer(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Invoke a read-only function. `FCALL_RO function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcall_ro(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Invoke a read-only function. `FCALL_RO function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcall_roBuffer(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): Promise<unknown>;
  /** Remove all keys from all databases. `FLUSHALL [ASYNC | SYNC]` (since 1.0.0) */
  flushall(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Remove all keys from all databases. `FLUSHALL [ASYNC | SYNC]` (since 1.0.0) */
  flushallBuffer(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Remove all keys from the current database. `FLUSHDB [ASYNC | SYNC]` (since 1.0.0) */
  flushdb(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Remove all keys from the current database. `FLUSHDB [ASYNC | SYNC]` (since 1.0.0) */
  flushdbBuffer(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** List information about all the functions. `FUNCTION LIST [LIBRARYNAME library-name-pattern] [WITHCODE]` (since 7.0.0) */
  function(subcommand: 'LIST' | 'list', ...args: ('LIBRARYNAME' | 'WITHCODE' | ArgInput)[]): Promise<(string | (string | null | ('no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys')[])[][])[][]>;
  /** Delete a function by name. `FUNCTION DELETE library-name` (since 7.0.0) */
  function(subcommand: 'DELETE' | 'delete', libraryName: Value): Promise<'OK'>;
  /** Kill the function currently in execution.. `FUNCTION KILL` (since 7.0.0) */
  function(subcommand: 'KILL' | 'kill'): Promise<'OK'>;
  /** Restore all the functions on the given payload. `FUNCTION RESTORE serialized-value [FLUSH | APPEND | REPLACE]` (since 7.0.0) */
  function(subcommand: 'RESTORE' | 'restore', serializedValue: Value, ...args: ('FLUSH' | 'APPEND' | 'REPLACE' | ArgInput)[]): Promise<'OK'>;
  /** Dump all functions into a serialized binary payload. `FUNCTION DUMP` (since 7.0.0) */
  function(subcommand: 'DUMP' | 'dump'): Promise<string>;
  /** Deleting all functions. `FUNCTION FLUSH [ASYNC | SYNC]` (since 7.0.0) */
  function(subcommand: 'FLUSH' | 'flush', ...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Create a function with the given arguments (name, code, description). `FUNCTION LOAD [REPLACE] function-code` (since 7.0.0) */
  function(subcommand: 'LOAD' | 'load', ...args: ('REPLACE' | ArgInput)[]): Promise<string>;
  /** Show helpful text about the different subcommands. `FUNCTION HELP` (since 7.0.0) */
  function(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** Return information about the function currently running (name, description, duration). `FUNCTION STATS` (since 7.0.0) */
  function(subcommand: 'STATS' | 'stats'): Promise<(string | null | (string | number | string[])[] | (string | (string | number)[])[])[]>;
  /** A container for function commands. `FUNCTION` (since 7.0.0) */
  function(subcommand: 'LIST' | 'list' | 'DELETE' | 'delete' | 'KILL' | 'kill' | 'RESTORE' | 'restore' | 'DUMP' | 'dump' | 'FLUSH' | 'flush' | 'LOAD' | 'load' | 'HELP' | 'help' | 'STATS' | 'stats', ...args: (ArgInput)[]): Promise<(string | (string | null | ('no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys')[])[][])[][] | 'OK' | string | string[] | (string | null | (string | number | string[])[] | (string | (string | number)[])[])[]>;
  /** List information about all the functions. `FUNCTION LIST [LIBRARYNAME library-name-pattern] [WITHCODE]` (since 7.0.0) */
  functionBuffer(subcommand: 'LIST' | 'list', ...args: ('LIBRARYNAME' | 'WITHCODE' | ArgInput)[]): Promise<(Uint8Array | (Uint8Array | null | ('no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys')[])[][])[][]>;
  /** Delete a function by name. `FUNCTION DELETE library-name` (since 7.0.0) */
  functionBuffer(subcommand: 'DELETE' | 'delete', libraryName: Value): Promise<'OK'>;
  /** Kill the function currently in execution.. `FUNCTION KILL` (since 7.0.0) */
  functionBuffer(subcommand: 'KILL' | 'kill'): Promise<'OK'>;
  /** Restore all the functions on the given payload. `FUNCTION RESTORE serialized-value [FLUSH | APPEND | REPLACE]` (since 7.0.0) */
  functionBuffer(subcommand: 'RESTORE' | 'restore', serializedValue: Value, ...args: ('FLUSH' | 'APPEND' | 'REPLACE' | ArgInput)[]): Promise<'OK'>;
  /** Dump all functions into a serialized binary payload. `FUNCTION DUMP` (since 7.0.0) */
  functionBuffer(subcommand: 'DUMP' | 'dump'): Promise<Uint8Array>;
  /** Deleting all functions. `FUNCTION FLUSH [ASYNC | SYNC]` (since 7.0.0) */
  functionBuffer(subcommand: 'FLUSH' | 'flush', ...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Create a function with the given arguments (name, code, description). `FUNCTION LOAD [REPLACE] function-code` (since 7.0.0) */
  functionBuffer(subcommand: 'LOAD' | 'load', ...args: ('REPLACE' | ArgInput)[]): Promise<Uint8Array>;
  /** Show helpful text about the different subcommands. `FUNCTION HELP` (since 7.0.0) */
  functionBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** Return information about the function currently running (name, description, duration). `FUNCTION STATS` (since 7.0.0) */
  functionBuffer(subcommand: 'STATS' | 'stats'): Promise<(Uint8Array | null | (Uint8Array | number | Uint8Array[])[] | (Uint8Array | (Uint8Array | number)[])[])[]>;
  /** A container for function commands. `FUNCTION` (since 7.0.0) */
  functionBuffer(subcommand: 'LIST' | 'list' | 'DELETE' | 'delete' | 'KILL' | 'kill' | 'RESTORE' | 'restore' | 'DUMP' | 'dump' | 'FLUSH' | 'flush' | 'LOAD' | 'load' | 'HELP' | 'help' | 'STATS' | 'stats', ...args: (ArgInput)[]): Promise<(Uint8Array | (Uint8Array | null | ('no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys')[])[][])[][] | 'OK' | Uint8Array | Uint8Array[] | (Uint8Array | null | (Uint8Array | number | Uint8Array[])[] | (Uint8Array | (Uint8Array | number)[])[])[]>;
  /** Add one or more geospatial items in the geospatial index represented using a sorted set. `GEOADD key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]` (since 3.2.0) */
  geoadd(key: Key, ...args: ('NX' | 'XX' | 'CH' | ArgInput)[]): Promise<number>;
  /** Add one or more geospatial items in the geospatial index represented using a sorted set. `GEOADD key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]` (since 3.2.0) */
  geoaddBuffer(key: Key, ...args: ('NX' | 'XX' | 'CH' | ArgInput)[]): Promise<number>;
  /** Returns the distance between two members of a geospatial index. `GEODIST key member1 member2 [M | KM | FT | MI]` (since 3.2.0) */
  geodist(key: Key, member1: Value, member2: Value, ...args: ('M' | 'KM' | 'FT' | 'MI' | ArgInput)[]): Promise<string | null>;
  /** Returns the distance between two members of a geospatial index. `GEODIST key member1 member2 [M | KM | FT | MI]` (since 3.2.0) */
  geodistBuffer(key: Key, member1: Value, member2: Value, ...args: ('M' | 'KM' | 'FT' | 'MI' | ArgInput)[]): Promise<Uint8Array | null>;
  /** Returns members of a geospatial index as standard geohash strings. `GEOHASH key [member [member ...]]` (since 3.2.0) */
  geohash(key: Key, ...args: (ArgInput)[]): Promise<(string | null)[]>;
  /** Returns members of a geospatial index as standard geohash strings. `GEOHASH key [member [member ...]]` (since 3.2.0) */
  geohashBuffer(key: Key, ...args: (ArgInput)[]): Promise<(Uint8Array | null)[]>;
  /** Returns longitude and latitude of members of a geospatial index. `GEOPOS key [member [member ...]]` (since 3.2.0) */
  geopos(key: Key, ...args: (ArgInput)[]): Promise<([string, string] | null)[]>;
  /** Returns longitude and latitude of members of a geospatial index. `GEOPOS key [member [member ...]]` (since 3.2.0) */
  geoposBuffer(key: Key, ...args: (ArgInput)[]): Promise<([Uint8Array, Uint8Array] | null)[]>;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point. `GEORADIUS key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadius(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): Promise<string[] | (string | number | [string, string])[][] | number>;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point. `GEORADIUS key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadiusBuffer(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number | [Uint8Array, Uint8Array])[][] | number>;
  /** A read-only variant for GEORADIUS. `GEORADIUS_RO key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadius_ro(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): Promise<string[] | (string | number | [string, string])[][]>;
  /** A read-only variant for GEORADIUS. `GEORADIUS_RO key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadius_roBuffer(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number | [Uint8Array, Uint8Array])[][]>;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a member. `GEORADIUSBYMEMBER key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadiusbymember(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): Promise<string[] | (string | number | [string, string])[][] | number>;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a member. `GEORADIUSBYMEMBER key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadiusbymemberBuffer(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number | [Uint8Array, Uint8Array])[][] | number>;
  /** A read-only variant for GEORADIUSBYMEMBER. `GEORADIUSBYMEMBER_RO key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadiusbymember_ro(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): Promise<string[] | (string | number | [string, string])[][]>;
  /** A read-only variant for GEORADIUSBYMEMBER. `GEORADIUSBYMEMBER_RO key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadiusbymember_roBuffer(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number | [Uint8Array, Uint8Array])[][]>;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.. `GEOSEARCH key <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]` (since 6.2.0) */
  geosearch(key: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | ArgInput)[]): Promise<string[] | (string | number | [string, string])[][]>;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.. `GEOSEARCH key <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]` (since 6.2.0) */
  geosearchBuffer(key: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number | [Uint8Array, Uint8Array])[][]>;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.. `GEOSEARCHSTORE destination source <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [STOREDIST]` (since 6.2.0) */
  geosearchstore(destination: Key, source: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'STOREDIST' | ArgInput)[]): Promise<number>;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.. `GEOSEARCHSTORE destination source <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [STOREDIST]` (since 6.2.0) */
  geosearchstoreBuffer(destination: Key, source: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'STOREDIST' | ArgInput)[]): Promise<number>;
  /** Get the value of a key. `GET key` (since 1.0.0) */
  get(key: Key): Promise<string | null>;
  /** Get the value of a key. `GET key` (since 1.0.0) */
  getBuffer(key: Key): Promise<Uint8Array | null>;
  /** Returns the bit value at offset in the string value stored at key. `GETBIT key offset` (since 2.2.0) */
  getbit(key: Key, offset: Num): Promise<number>;
  /** Returns the bit value at offset in the string value stored at key. `GETBIT key offset` (since 2.2.0) */
  getbitBuffer(key: Key, offset: Num): Promise<number>;
  /** Get the value of a key and delete the key. `GETDEL key` (since 6.2.0) */
  getdel(key: Key): Promise<string | null>;
  /** Get the value of a key and delete the key. `GETDEL key` (since 6.2.0) */
  getdelBuffer(key: Key): Promise<Uint8Array | null>;
  /** Get the value of a key and optionally set its expiration. `GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]` (since 6.2.0) */
  getex(key: Key, ...args: ('EX' | 'PX' | 'EXAT' | 'PXAT' | 'PERSIST' | ArgInput)[]): Promise<string | null>;
  /** Get the value of a key and optionally set its expiration. `GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]` (since 6.2.0) */
  getexBuffer(key: Key, ...args: ('EX' | 'PX' | 'EXAT' | 'PXAT' | 'PERSIST' | ArgInput)[]): Promise<Uint8Array | null>;
  /** Get a substring of the string stored at a key. `GETRANGE key start end` (since 2.4.0) */
  getrange(key: Key, start: Num, end: Num): Promise<string>;
  /** Get a substring of the string stored at a key. `GETRANGE key start end` (since 2.4.0) */
  getrangeBuffer(key: Key, start: Num, end: Num): Promise<Uint8Array>;
  /** Set the string value of a key and return its old value. `GETSET key value` (since 1.0.0) */
  getset(key: Key, value: Value): Promise<string | null>;
  /** Set the string value of a key and return its old value. `GETSET key value` (since 1.0.0) */
  getsetBuffer(key: Key, value: Value): Promise<Uint8Array | null>;
  /** Delete one or more hash fields. `HDEL key field [field ...]` (since 2.0.0) */
  hdel(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Delete one or more hash fields. `HDEL key field [field ...]` (since 2.0.0) */
  hdelBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Handshake with Redis. `HELLO [protover [AUTH username password] [SETNAME clientname]]` (since 6.0.0) */
  hello(...args: ('AUTH' | 'SETNAME' | ArgInput)[]): Promise<(string | number | string[])[]>;
  /** Handshake with Redis. `HELLO [protover [AUTH username password] [SETNAME clientname]]` (since 6.0.0) */
  helloBuffer(...args: ('AUTH' | 'SETNAME' | ArgInput)[]): Promise<(Uint8Array | number | Uint8Array[])[]>;
  /** Determine if a hash field exists. `HEXISTS key field` (since 2.0.0) */
  hexists(key: Key, field: Value): Promise<number>;
  /** Determine if a hash field exists. `HEXISTS key field` (since 2.0.0) */
  hexistsBuffer(key: Key, field: Value): Promise<number>;
  /** Get the value of a hash field. `HGET key field` (since 2.0.0) */
  hget(key: Key, field: Value): Promise<string | null>;
  /** Get the value of a hash field. `HGET key field` (since 2.0.0) */
  hgetBuffer(key: Key, field: Value): Promise<Uint8Array | null>;
  /** Get all the fields and values in a hash. `HGETALL key` (since 2.0.0) */
  hgetall(key: Key): Promise<Record<string, string>>;
  /** Get all the fields and values in a hash. `HGETALL key` (since 2.0.0) */
  hgetallBuffer(key: Key): Promise<Record<string, Uint8Array>>;
  /** Increment the integer value of a hash field by the given number. `HINCRBY key field increment` (since 2.0.0) */
  hincrby(key: Key, field: Value, increment: Num): Promise<number>;
  /** Increment the integer value of a hash field by the given number. `HINCRBY key field increment` (since 2.0.0) */
  hincrbyBuffer(key: Key, field: Value, increment: Num): Promise<number>;
  /** Increment the float value of a hash field by the given amount. `HINCRBYFLOAT key field increment` (since 2.6.0) */
  hincrbyfloat(key: Key, field: Value, increment: Num): Promise<string>;
  /** Increment the float value of a hash field by the given amount. `HINCRBYFLOAT key field increment` (since 2.6.0) */
  hincrbyfloatBuffer(key: Key, field: Value, increment: Num): Promise<Uint8Array>;
  /** Get all the fields in a hash. `HKEYS key` (since 2.0.0) */
  hkeys(key: Key): Promise<string[]>;
  /** Get all the fields in a hash. `HKEYS key` (since 2.0.0) */
  hkeysBuffer(key: Key): Promise<Uint8Array[]>;
  /** Get the number of fields in a hash. `HLEN key` (since 2.0.0) */
  hlen(key: Key): Promise<number>;
  /** Get the number of fields in a hash. `HLEN key` (since 2.0.0) */
  hlenBuffer(key: Key): Promise<number>;
  /** Get the values of all the given hash fields. `HMGET key field [field ...]` (since 2.0.0) */
  hmget(key: Key, ...args: (ArgInput)[]): Promise<(string | null)[]>;
  /** Get the values of all the given hash fields. `HMGET key field [field ...]` (since 2.0.0) */
  hmgetBuffer(key: Key, ...args: (ArgInput)[]): Promise<(Uint8Array | null)[]>;
  /** Set multiple hash fields to multiple values. `HMSET key field value [field value ...]` (since 2.0.0) */
  hmset(key: Key, ...args: (ArgInput)[]): Promise<'OK'>;
  /** Set multiple hash fields to multiple values. `HMSET key field value [field value ...]` (since 2.0.0) */
  hmsetBuffer(key: Key, ...args: (ArgInput)[]): Promise<'OK'>;
  /** Get one or multiple random fields from a hash. `HRANDFIELD key [count [WITHVALUES]]` (since 6.2.0) */
  hrandfield(key: Key, ...args: ('WITHVALUES' | ArgInput)[]): Promise<string | string[] | null>;
  /** Get one or multiple random fields from a hash. `HRANDFIELD key [count [WITHVALUES]]` (since 6.2.0) */
  hrandfieldBuffer(key: Key, ...args: ('WITHVALUES' | ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Incrementally iterate hash fields and associated values. `HSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  hscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[string, string[]]>;
  /** Incrementally iterate hash fields and associated values. `HSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  hscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]]>;
  /** Set the string value of a hash field. `HSET key field value [field value ...]` (since 2.0.0) */
  hset(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Set the string value of a hash field. `HSET key field value [field value ...]` (since 2.0.0) */
  hsetBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Set the value of a hash field, only if the field does not exist. `HSETNX key field value` (since 2.0.0) */
  hsetnx(key: Key, field: Value, value: Value): Promise<number>;
  /** Set the value of a hash field, only if the field does not exist. `HSETNX key field value` (since 2.0.0) */
  hsetnxBuffer(key: Key, field: Value, value: Value): Promise<number>;
  /** Get the length of the value of a hash field. `HSTRLEN key field` (since 3.2.0) */
  hstrlen(key: Key, field: Value): Promise<number>;
  /** Get the length of the value of a hash field. `HSTRLEN key field` (since 3.2.0) */
  hstrlenBuffer(key: Key, field: Value): Promise<number>;
  /** Get all the values in a hash. `HVALS key` (since 2.0.0) */
  hvals(key: Key): Promise<string[]>;
  /** Get all the values in a hash. `HVALS key` (since 2.0.0) */
  hvalsBuffer(key: Key): Promise<Uint8Array[]>;
  /** Increment the integer value of a key by one. `INCR key` (since 1.0.0) */
  incr(key: Key): Promise<number>;
  /** Increment the integer value of a key by one. `INCR key` (since 1.0.0) */
  incrBuffer(key: Key): Promise<number>;
  /** Increment the integer value of a key by the given amount. `INCRBY key increment` (since 1.0.0) */
  incrby(key: Key, increment: Num): Promise<number>;
  /** Increment the integer value of a key by the given amount. `INCRBY key increment` (since 1.0.0) */
  incrbyBuffer(key: Key, increment: Num): Promise<number>;
  /** Increment the float value of a key by the given amount. `INCRBYFLOAT key increment` (since 2.6.0) */
  incrbyfloat(key: Key, increment: Num): Promise<string>;
  /** Increment the float value of a key by the given amount. `INCRBYFLOAT key increment` (since 2.6.0) */
  incrbyfloatBuffer(key: Key, increment: Num): Promise<Uint8Array>;
  /** Get information and statistics about the server. `INFO [section [section ...]]` (since 1.0.0) */
  info(...args: (ArgInput)[]): Promise<string>;
  /** Get information and statistics about the server. `INFO [section [section ...]]` (since 1.0.0) */
  infoBuffer(...args: (ArgInput)[]): Promise<Uint8Array>;
  /** Find all keys matching the given pattern. `KEYS pattern` (since 1.0.0) */
  keys(pattern: Key): Promise<string[]>;
  /** Find all keys matching the given pattern. `KEYS pattern` (since 1.0.0) */
  keysBuffer(pattern: Key): Promise<Uint8Array[]>;
  /** Get the UNIX time stamp of the last successful save to disk. `LASTSAVE` (since 1.0.0) */
  lastsave(): Promise<number>;
  /** Get the UNIX time stamp of the last successful save to disk. `LASTSAVE` (since 1.0.0) */
  lastsaveBuffer(): Promise<number>;
  /** Find longest common substring. `LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]` (since 7.0.0) */
  lcs(key1: Value, key2: Value, ...args: ('LEN' | 'IDX' | 'MINMATCHLEN' | 'WITHMATCHLEN' | ArgInput)[]): Promise<string | number | (string | number | ([number, number] | number)[][])[]>;
  /** Find longest common substring. `LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]` (since 7.0.0) */
  lcsBuffer(key1: Value, key2: Value, ...args: ('LEN' | 'IDX' | 'MINMATCHLEN' | 'WITHMATCHLEN' | ArgInput)[]): Promise<Uint8Array | number | (Uint8Array | number | ([number, number] | number)[][])[]>;
  /** Get an element from a list by its index. `LINDEX key index` (since 1.0.0) */
  lindex(key: Key, index: Num): Promise<string | null>;
  /** Get an element from a list by its index. `LINDEX key index` (since 1.0.0) */
  lindexBuffer(key: Key, index: Num): Promise<Uint8Array | null>;
  /** Insert an element before or after another element in a list. `LINSERT key <BEFORE | AFTER> pivot element` (since 2.2.0) */
  linsert(key: Key, ...args: ('BEFORE' | 'AFTER' | ArgInput)[]): Promise<number>;
  /** Insert an element before or after another element in a list. `LINSERT key <BEFORE | AFTER> pivot element` (since 2.2.0) */
  linsertBuffer(key: Key, ...args: ('BEFORE' | 'AFTER' | ArgInput)[]): Promise<number>;
  /** Get the length of a list. `LLEN key` (since 1.0.0) */
  llen(key: Key): Promise<number>;
  /** Get the length of a list. `LLEN key` (since 1.0.0) */
  llenBuffer(key: Key): Promise<number>;
  /** Pop an element from a list, push it to another list and return it. `LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>` (since 6.2.0) */
  lmove(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): Promise<string | null>;
  /** Pop an element from a list, push it to another list and return it. `LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>` (since 6.2.0) */
  lmoveBuffer(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): Promise<Uint8Array | null>;
  /** Pop elements from a list. `LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  lmpop(numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): Promise<[string, string[]] | null>;
  /** Pop elements from a list. `LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  lmpopBuffer(numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]] | null>;
  /** Remove and get the first elements in a list. `LPOP key [count]` (since 1.0.0) */
  lpop(key: Key, ...args: (ArgInput)[]): Promise<string | string[] | null>;
  /** Remove and get the first elements in a list. `LPOP key [count]` (since 1.0.0) */
  lpopBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Return the index of matching elements on a list. `LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]` (since 6.0.6) */
  lpos(key: Key, element: Value, ...args: ('RANK' | 'COUNT' | 'MAXLEN' | ArgInput)[]): Promise<number | number[] | null>;
  /** Return the index of matching elements on a list. `LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]` (since 6.0.6) */
  lposBuffer(key: Key, element: Value, ...args: ('RANK' | 'COUNT' | 'MAXLEN' | ArgInput)[]): Promise<number | number[] | null>;
  /** Prepend one or multiple elements to a list. `LPUSH key element [element ...]` (since 1.0.0) */
  lpush(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Prepend one or multiple elements to a list. `LPUSH key element [element ...]` (since 1.0.0) */
  lpushBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Prepend an element to a list, only if the list exists. `LPUSHX key element [element ...]` (since 2.2.0) */
  lpushx(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Prepend an element to a list, only if the list exists. `LPUSHX key element [element ...]` (since 2.2.0) */
  lpushxBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Get a range of elements from a list. `LRANGE key start stop` (since 1.0.0) */
  lrange(key: Key, start: Num, stop: Num): Promise<string[]>;
  /** Get a range of elements from a list. `LRANGE key start stop` (since 1.0.0) */
  lrangeBuffer(key: Key, start: Num, stop: Num): Promise<Uint8Array[]>;
  /** Remove elements from a list. `LREM key count element` (since 1.0.0) */
  lrem(key: Key, count: Num, element: Value): Promise<number>;
  /** Remove elements from a list. `LREM key count element` (since 1.0.0) */
  lremBuffer(key: Key, count: Num, element: Value): Promise<number>;
  /** Set the value of an element in a list by its index. `LSET key index element` (since 1.0.0) */
  lset(key: Key, index: Num, element: Value): Promise<'OK'>;
  /** Set the value of an element in a list by its index. `LSET key index element` (since 1.0.0) */
  lsetBuffer(key: Key, index: Num, element: Value): Promise<'OK'>;
  /** Trim a list to the specified range. `LTRIM key start stop` (since 1.0.0) */
  ltrim(key: Key, start: Num, stop: Num): Promise<'OK'>;
  /** Trim a list to the specified range. `LTRIM key start stop` (since 1.0.0) */
  ltrimBuffer(key: Key, start: Num, stop: Num): Promise<'OK'>;
  /** Estimate the memory usage of a key. `MEMORY USAGE key [SAMPLES count]` (since 4.0.0) */
  memory(subcommand: 'USAGE' | 'usage', key: Key, ...args: ('SAMPLES' | ArgInput)[]): Promise<number | null>;
  /** Show helpful text about the different subcommands. `MEMORY HELP` (since 4.0.0) */
  memory(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for memory diagnostics commands. `MEMORY` (since 4.0.0) */
  memory(subcommand: 'USAGE' | 'usage' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<number | null | string[]>;
  /** Estimate the memory usage of a key. `MEMORY USAGE key [SAMPLES count]` (since 4.0.0) */
  memoryBuffer(subcommand: 'USAGE' | 'usage', key: Key, ...args: ('SAMPLES' | ArgInput)[]): Promise<number | null>;
  /** Show helpful text about the different subcommands. `MEMORY HELP` (since 4.0.0) */
  memoryBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for memory diagnostics commands. `MEMORY` (since 4.0.0) */
  memoryBuffer(subcommand: 'USAGE' | 'usage' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<number | null | Uint8Array[]>;
  /** Get the values of all the given keys. `MGET key [key ...]` (since 1.0.0) */
  mget(...args: (ArgInput)[]): Promise<(string | null)[]>;
  /** Get the values of all the given keys. `MGET key [key ...]` (since 1.0.0) */
  mgetBuffer(...args: (ArgInput)[]): Promise<(Uint8Array | null)[]>;
  /** Move a key to another database. `MOVE key db` (since 1.0.0) */
  move(key: Key, db: Num): Promise<number>;
  /** Move a key to another database. `MOVE key db` (since 1.0.0) */
  moveBuffer(key: Key, db: Num): Promise<number>;
  /** Set multiple keys to multiple values. `MSET key value [key value ...]` (since 1.0.1) */
  mset(...args: (ArgInput)[]): Promise<'OK'>;
  /** Set multiple keys to multiple values. `MSET key value [key value ...]` (since 1.0.1) */
  msetBuffer(...args: (ArgInput)[]): Promise<'OK'>;
  /** Set multiple keys to multiple values, only if none of the keys exist. `MSETNX key value [key value ...]` (since 1.0.1) */
  msetnx(...args: (ArgInput)[]): Promise<number>;
  /** Set multiple keys to multiple values, only if none of the keys exist. `MSETNX key value [key value ...]` (since 1.0.1) */
  msetnxBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Inspect the internal encoding of a Redis object. `OBJECT ENCODING key` (since 2.2.3) */
  object(subcommand: 'ENCODING' | 'encoding', key: Key): Promise<string | null>;
  /** Get the number of references to the value of the key. `OBJECT REFCOUNT key` (since 2.2.3) */
  object(subcommand: 'REFCOUNT' | 'refcount', key: Key): Promise<number | null>;
  /** Get the time since a Redis object was last accessed. `OBJECT IDLETIME key` (since 2.2.3) */
  object(subcommand: 'IDLETIME' | 'idletime', key: Key): Promise<number | null>;
  /** Get the logarithmic access frequency counter of a Redis object. `OBJECT FREQ key` (since 4.0.0) */
  object(subcommand: 'FREQ' | 'freq', key: Key): Promise<number | null>;
  /** Show helpful text about the different subcommands. `OBJECT HELP` (since 6.2.0) */
  object(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for object introspection commands. `OBJECT` (since 2.2.3) */
  object(subcommand: 'ENCODING' | 'encoding' | 'REFCOUNT' | 'refcount' | 'IDLETIME' | 'idletime' | 'FREQ' | 'freq' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<string | null | number | string[]>;
  /** Inspect the internal encoding of a Redis object. `OBJECT ENCODING key` (since 2.2.3) */
  objectBuffer(subcommand: 'ENCODING' | 'encoding', key: Key): Promise<Uint8Array | null>;
  /** Get the number of references to the value of the key. `OBJECT REFCOUNT key` (since 2.2.3) */
  objectBuffer(subcommand: 'REFCOUNT' | 'refcount', key: Key): Promise<number | null>;
  /** Get the time since a Redis object was last accessed. `OBJECT IDLETIME key` (since 2.2.3) */
  objectBuffer(subcommand: 'IDLETIME' | 'idletime', key: Key): Promise<number | null>;
  /** Get the logarithmic access frequency counter of a Redis object. `OBJECT FREQ key` (since 4.0.0) */
  objectBuffer(subcommand: 'FREQ' | 'freq', key: Key): Promise<number | null>;
  /** Show helpful text about the different subcommands. `OBJECT HELP` (since 6.2.0) */
  objectBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for object introspection commands. `OBJECT` (since 2.2.3) */
  objectBuffer(subcommand: 'ENCODING' | 'encoding' | 'REFCOUNT' | 'refcount' | 'IDLETIME' | 'idletime' | 'FREQ' | 'freq' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<Uint8Array | null | number | Uint8Array[]>;
  /** Set a key's time to live in milliseconds. `PEXPIRE key milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpire(key: Key, milliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set a key's time to live in milliseconds. `PEXPIRE key milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpireBuffer(key: Key, milliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set the expiration for a key as a UNIX timestamp specified in milliseconds. `PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpireat(key: Key, unixTimeMilliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Set the expiration for a key as a UNIX timestamp specified in milliseconds. `PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpireatBuffer(key: Key, unixTimeMilliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): Promise<number>;
  /** Get the expiration Unix timestamp for a key in milliseconds. `PEXPIRETIME key` (since 7.0.0) */
  pexpiretime(key: Key): Promise<number>;
  /** Get the expiration Unix timestamp for a key in milliseconds. `PEXPIRETIME key` (since 7.0.0) */
  pexpiretimeBuffer(key: Key): Promise<number>;
  /** Adds the specified elements to the specified HyperLogLog.. `PFADD key [element [element ...]]` (since 2.8.9) */
  pfadd(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Adds the specified elements to the specified HyperLogLog.. `PFADD key [element [element ...]]` (since 2.8.9) */
  pfaddBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).. `PFCOUNT key [key ...]` (since 2.8.9) */
  pfcount(...args: (ArgInput)[]): Promise<number>;
  /** Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).. `PFCOUNT key [key ...]` (since 2.8.9) */
  pfcountBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Internal commands for debugging HyperLogLog values. `PFDEBUG subcommand key` (since 2.8.9) */
  pfdebug(subcommand: Value, key: Key): Promise<string | number | number[]>;
  /** Internal commands for debugging HyperLogLog values. `PFDEBUG subcommand key` (since 2.8.9) */
  pfdebugBuffer(subcommand: Value, key: Key): Promise<Uint8Array | number | number[]>;
  /** Merge N different HyperLogLogs into a single one.. `PFMERGE destkey [sourcekey [sourcekey ...]]` (since 2.8.9) */
  pfmerge(destkey: Key, ...args: (ArgInput)[]): Promise<'OK'>;
  /** Merge N different HyperLogLogs into a single one.. `PFMERGE destkey [sourcekey [sourcekey ...]]` (since 2.8.9) */
  pfmergeBuffer(destkey: Key, ...args: (ArgInput)[]): Promise<'OK'>;
  /** Ping the server. `PING [message]` (since 1.0.0) */
  ping(...args: (ArgInput)[]): Promise<string>;
  /** Ping the server. `PING [message]` (since 1.0.0) */
  pingBuffer(...args: (ArgInput)[]): Promise<Uint8Array>;
  /** Set the value and expiration in milliseconds of a key. `PSETEX key milliseconds value` (since 2.6.0) */
  psetex(key: Key, milliseconds: Num, value: Value): Promise<'OK'>;
  /** Set the value and expiration in milliseconds of a key. `PSETEX key milliseconds value` (since 2.6.0) */
  psetexBuffer(key: Key, milliseconds: Num, value: Value): Promise<'OK'>;
  /** Get the time to live for a key in milliseconds. `PTTL key` (since 2.6.0) */
  pttl(key: Key): Promise<number>;
  /** Get the time to live for a key in milliseconds. `PTTL key` (since 2.6.0) */
  pttlBuffer(key: Key): Promise<number>;
  /** Post a message to a channel. `PUBLISH channel message` (since 2.0.0) */
  publish(channel: Value, message: Value): Promise<number>;
  /** Post a message to a channel. `PUBLISH channel message` (since 2.0.0) */
  publishBuffer(channel: Value, message: Value): Promise<number>;
  /** List active channels. `PUBSUB CHANNELS [pattern]` (since 2.8.0) */
  pubsub(subcommand: 'CHANNELS' | 'channels', ...args: (ArgInput)[]): Promise<string[]>;
  /** Get the count of subscribers for channels. `PUBSUB NUMSUB [channel [channel ...]]` (since 2.8.0) */
  pubsub(subcommand: 'NUMSUB' | 'numsub', ...args: (ArgInput)[]): Promise<(string | number)[]>;
  /** Get the count of unique patterns pattern subscriptions. `PUBSUB NUMPAT` (since 2.8.0) */
  pubsub(subcommand: 'NUMPAT' | 'numpat'): Promise<number>;
  /** List active shard channels. `PUBSUB SHARDCHANNELS [pattern]` (since 7.0.0) */
  pubsub(subcommand: 'SHARDCHANNELS' | 'shardchannels', ...args: (ArgInput)[]): Promise<string[]>;
  /** Get the count of subscribers for shard channels. `PUBSUB SHARDNUMSUB [shardchannel [shardchannel ...]]` (since 7.0.0) */
  pubsub(subcommand: 'SHARDNUMSUB' | 'shardnumsub', ...args: (ArgInput)[]): Promise<(string | number)[]>;
  /** Show helpful text about the different subcommands. `PUBSUB HELP` (since 6.2.0) */
  pubsub(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for Pub/Sub commands. `PUBSUB` (since 2.8.0) */
  pubsub(subcommand: 'CHANNELS' | 'channels' | 'NUMSUB' | 'numsub' | 'NUMPAT' | 'numpat' | 'SHARDCHANNELS' | 'shardchannels' | 'SHARDNUMSUB' | 'shardnumsub' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<string[] | (string | number)[] | number>;
  /** List active channels. `PUBSUB CHANNELS [pattern]` (since 2.8.0) */
  pubsubBuffer(subcommand: 'CHANNELS' | 'channels', ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Get the count of subscribers for channels. `PUBSUB NUMSUB [channel [channel ...]]` (since 2.8.0) */
  pubsubBuffer(subcommand: 'NUMSUB' | 'numsub', ...args: (ArgInput)[]): Promise<(Uint8Array | number)[]>;
  /** Get the count of unique patterns pattern subscriptions. `PUBSUB NUMPAT` (since 2.8.0) */
  pubsubBuffer(subcommand: 'NUMPAT' | 'numpat'): Promise<number>;
  /** List active shard channels. `PUBSUB SHARDCHANNELS [pattern]` (since 7.0.0) */
  pubsubBuffer(subcommand: 'SHARDCHANNELS' | 'shardchannels', ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Get the count of subscribers for shard channels. `PUBSUB SHARDNUMSUB [shardchannel [shardchannel ...]]` (since 7.0.0) */
  pubsubBuffer(subcommand: 'SHARDNUMSUB' | 'shardnumsub', ...args: (ArgInput)[]): Promise<(Uint8Array | number)[]>;
  /** Show helpful text about the different subcommands. `PUBSUB HELP` (since 6.2.0) */
  pubsubBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for Pub/Sub commands. `PUBSUB` (since 2.8.0) */
  pubsubBuffer(subcommand: 'CHANNELS' | 'channels' | 'NUMSUB' | 'numsub' | 'NUMPAT' | 'numpat' | 'SHARDCHANNELS' | 'shardchannels' | 'SHARDNUMSUB' | 'shardnumsub' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<Uint8Array[] | (Uint8Array | number)[] | number>;
  /** Return a random key from the keyspace. `RANDOMKEY` (since 1.0.0) */
  randomkey(): Promise<string | null>;
  /** Return a random key from the keyspace. `RANDOMKEY` (since 1.0.0) */
  randomkeyBuffer(): Promise<Uint8Array | null>;
  /** Rename a key. `RENAME key newkey` (since 1.0.0) */
  rename(key: Key, newkey: Key): Promise<'OK'>;
  /** Rename a key. `RENAME key newkey` (since 1.0.0) */
  renameBuffer(key: Key, newkey: Key): Promise<'OK'>;
  /** Rename a key, only if the new key does not exist. `RENAMENX key newkey` (since 1.0.0) */
  renamenx(key: Key, newkey: Key): Promise<number>;
  /** Rename a key, only if the new key does not exist. `RENAMENX key newkey` (since 1.0.0) */
  renamenxBuffer(key: Key, newkey: Key): Promise<number>;
  /** Reset the connection. `RESET` (since 6.2.0) */
  reset(): Promise<'RESET'>;
  /** Reset the connection. `RESET` (since 6.2.0) */
  resetBuffer(): Promise<'RESET'>;
  /** Create a key using the provided serialized value, previously obtained using DUMP.. `RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]` (since 2.6.0) */
  restore(key: Key, ttl: Value, serializedValue: Value, ...args: ('REPLACE' | 'ABSTTL' | 'IDLETIME' | 'FREQ' | ArgInput)[]): Promise<'OK'>;
  /** Create a key using the provided serialized value, previously obtained using DUMP.. `RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]` (since 2.6.0) */
  restoreBuffer(key: Key, ttl: Value, serializedValue: Value, ...args: ('REPLACE' | 'ABSTTL' | 'IDLETIME' | 'FREQ' | ArgInput)[]): Promise<'OK'>;
  /** Remove and get the last elements in a list. `RPOP key [count]` (since 1.0.0) */
  rpop(key: Key, ...args: (ArgInput)[]): Promise<string | string[] | null>;
  /** Remove and get the last elements in a list. `RPOP key [count]` (since 1.0.0) */
  rpopBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Remove the last element in a list, prepend it to another list and return it. `RPOPLPUSH source destination` (since 1.2.0) */
  rpoplpush(source: Key, destination: Key): Promise<string | null>;
  /** Remove the last element in a list, prepend it to another list and return it. `RPOPLPUSH source destination` (since 1.2.0) */
  rpoplpushBuffer(source: Key, destination: Key): Promise<Uint8Array | null>;
  /** Append one or multiple elements to a list. `RPUSH key element [element ...]` (since 1.0.0) */
  rpush(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Append one or multiple elements to a list. `RPUSH key element [element ...]` (since 1.0.0) */
  rpushBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Append an element to a list, only if the list exists. `RPUSHX key element [element ...]` (since 2.2.0) */
  rpushx(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Append an element to a list, only if the list exists. `RPUSHX key element [element ...]` (since 2.2.0) */
  rpushxBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Add one or more members to a set. `SADD key member [member ...]` (since 1.0.0) */
  sadd(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Add one or more members to a set. `SADD key member [member ...]` (since 1.0.0) */
  saddBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Synchronously save the dataset to disk. `SAVE` (since 1.0.0) */
  save(): Promise<'OK'>;
  /** Synchronously save the dataset to disk. `SAVE` (since 1.0.0) */
  saveBuffer(): Promise<'OK'>;
  /** Incrementally iterate the keys space. `SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]` (since 2.8.0) */
  scan(cursor: Value, ...args: ('MATCH' | 'COUNT' | 'TYPE' | ArgInput)[]): Promise<[string, string[]]>;
  /** Incrementally iterate the keys space. `SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]` (since 2.8.0) */
  scanBuffer(cursor: Value, ...args: ('MATCH' | 'COUNT' | 'TYPE' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]]>;
  /** Get the number of members in a set. `SCARD key` (since 1.0.0) */
  scard(key: Key): Promise<number>;
  /** Get the number of members in a set. `SCARD key` (since 1.0.0) */
  scardBuffer(key: Key): Promise<number>;
  /** Set the debug mode for executed scripts.. `SCRIPT DEBUG YES | SYNC | NO` (since 3.2.0) */
  script(subcommand: 'DEBUG' | 'debug', ...args: ('YES' | 'SYNC' | 'NO' | ArgInput)[]): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `SCRIPT HELP` (since 5.0.0) */
  script(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** Check existence of scripts in the script cache.. `SCRIPT EXISTS sha1 [sha1 ...]` (since 2.6.0) */
  script(subcommand: 'EXISTS' | 'exists', ...args: (ArgInput)[]): Promise<number[]>;
  /** Kill the script currently in execution.. `SCRIPT KILL` (since 2.6.0) */
  script(subcommand: 'KILL' | 'kill'): Promise<'OK'>;
  /** Remove all the scripts from the script cache.. `SCRIPT FLUSH [ASYNC | SYNC]` (since 2.6.0) */
  script(subcommand: 'FLUSH' | 'flush', ...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Load the specified Lua script into the script cache.. `SCRIPT LOAD script` (since 2.6.0) */
  script(subcommand: 'LOAD' | 'load', script: Value): Promise<string>;
  /** A container for Lua scripts management commands. `SCRIPT` (since 2.6.0) */
  script(subcommand: 'DEBUG' | 'debug' | 'HELP' | 'help' | 'EXISTS' | 'exists' | 'KILL' | 'kill' | 'FLUSH' | 'flush' | 'LOAD' | 'load', ...args: (ArgInput)[]): Promise<'OK' | string[] | number[] | string>;
  /** Set the debug mode for executed scripts.. `SCRIPT DEBUG YES | SYNC | NO` (since 3.2.0) */
  scriptBuffer(subcommand: 'DEBUG' | 'debug', ...args: ('YES' | 'SYNC' | 'NO' | ArgInput)[]): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `SCRIPT HELP` (since 5.0.0) */
  scriptBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** Check existence of scripts in the script cache.. `SCRIPT EXISTS sha1 [sha1 ...]` (since 2.6.0) */
  scriptBuffer(subcommand: 'EXISTS' | 'exists', ...args: (ArgInput)[]): Promise<number[]>;
  /** Kill the script currently in execution.. `SCRIPT KILL` (since 2.6.0) */
  scriptBuffer(subcommand: 'KILL' | 'kill'): Promise<'OK'>;
  /** Remove all the scripts from the script cache.. `SCRIPT FLUSH [ASYNC | SYNC]` (since 2.6.0) */
  scriptBuffer(subcommand: 'FLUSH' | 'flush', ...args: ('ASYNC' | 'SYNC' | ArgInput)[]): Promise<'OK'>;
  /** Load the specified Lua script into the script cache.. `SCRIPT LOAD script` (since 2.6.0) */
  scriptBuffer(subcommand: 'LOAD' | 'load', script: Value): Promise<Uint8Array>;
  /** A container for Lua scripts management commands. `SCRIPT` (since 2.6.0) */
  scriptBuffer(subcommand: 'DEBUG' | 'debug' | 'HELP' | 'help' | 'EXISTS' | 'exists' | 'KILL' | 'kill' | 'FLUSH' | 'flush' | 'LOAD' | 'load', ...args: (ArgInput)[]): Promise<'OK' | Uint8Array[] | number[] | Uint8Array>;
  /** Subtract multiple sets. `SDIFF key [key ...]` (since 1.0.0) */
  sdiff(...args: (ArgInput)[]): Promise<string[]>;
  /** Subtract multiple sets. `SDIFF key [key ...]` (since 1.0.0) */
  sdiffBuffer(...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Subtract multiple sets and store the resulting set in a key. `SDIFFSTORE destination key [key ...]` (since 1.0.0) */
  sdiffstore(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Subtract multiple sets and store the resulting set in a key. `SDIFFSTORE destination key [key ...]` (since 1.0.0) */
  sdiffstoreBuffer(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Change the selected database for the current connection. `SELECT index` (since 1.0.0) */
  select(index: Num): Promise<'OK'>;
  /** Change the selected database for the current connection. `SELECT index` (since 1.0.0) */
  selectBuffer(index: Num): Promise<'OK'>;
  /** Set the string value of a key. `SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]` (since 1.0.0) */
  set(key: Key, value: Value, ...args: ('NX' | 'XX' | 'GET' | 'EX' | 'PX' | 'EXAT' | 'PXAT' | 'KEEPTTL' | ArgInput)[]): Promise<'OK' | string | null>;
  /** Set the string value of a key. `SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]` (since 1.0.0) */
  setBuffer(key: Key, value: Value, ...args: ('NX' | 'XX' | 'GET' | 'EX' | 'PX' | 'EXAT' | 'PXAT' | 'KEEPTTL' | ArgInput)[]): Promise<'OK' | Uint8Array | null>;
  /** Sets or clears the bit at offset in the string value stored at key. `SETBIT key offset value` (since 2.2.0) */
  setbit(key: Key, offset: Num, value: Value): Promise<number>;
  /** Sets or clears the bit at offset in the string value stored at key. `SETBIT key offset value` (since 2.2.0) */
  setbitBuffer(key: Key, offset: Num, value: Value): Promise<number>;
  /** Set the value and expiration of a key. `SETEX key seconds value` (since 2.0.0) */
  setex(key: Key, seconds: Num, value: Value): Promise<'OK'>;
  /** Set the value and expiration of a key. `SETEX key seconds value` (since 2.0.0) */
  setexBuffer(key: Key, seconds: Num, value: Value): Promise<'OK'>;
  /** Set the value of a key, only if the key does not exist. `SETNX key value` (since 1.0.0) */
  setnx(key: Key, value: Value): Promise<number>;
  /** Set the value of a key, only if the key does not exist. `SETNX key value` (since 1.0.0) */
  setnxBuffer(key: Key, value: Value): Promise<number>;
  /** Overwrite part of a string at key starting at the specified offset. `SETRANGE key offset value` (since 2.2.0) */
  setrange(key: Key, offset: Num, value: Value): Promise<number>;
  /** Overwrite part of a string at key starting at the specified offset. `SETRANGE key offset value` (since 2.2.0) */
  setrangeBuffer(key: Key, offset: Num, value: Value): Promise<number>;
  /** Synchronously save the dataset to disk and then shut down the server. `SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]` (since 1.0.0) */
  shutdown(...args: ('NOSAVE' | 'SAVE' | 'NOW' | 'FORCE' | 'ABORT' | ArgInput)[]): Promise<'OK'>;
  /** Synchronously save the dataset to disk and then shut down the server. `SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]` (since 1.0.0) */
  shutdownBuffer(...args: ('NOSAVE' | 'SAVE' | 'NOW' | 'FORCE' | 'ABORT' | ArgInput)[]): Promise<'OK'>;
  /** Intersect multiple sets. `SINTER key [key ...]` (since 1.0.0) */
  sinter(...args: (ArgInput)[]): Promise<string[]>;
  /** Intersect multiple sets. `SINTER key [key ...]` (since 1.0.0) */
  sinterBuffer(...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Intersect multiple sets and return the cardinality of the result. `SINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  sintercard(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<number>;
  /** Intersect multiple sets and return the cardinality of the result. `SINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  sintercardBuffer(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<number>;
  /** Intersect multiple sets and store the resulting set in a key. `SINTERSTORE destination key [key ...]` (since 1.0.0) */
  sinterstore(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Intersect multiple sets and store the resulting set in a key. `SINTERSTORE destination key [key ...]` (since 1.0.0) */
  sinterstoreBuffer(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Determine if a given value is a member of a set. `SISMEMBER key member` (since 1.0.0) */
  sismember(key: Key, member: Value): Promise<number>;
  /** Determine if a given value is a member of a set. `SISMEMBER key member` (since 1.0.0) */
  sismemberBuffer(key: Key, member: Value): Promise<number>;
  /** Get the slow log's entries. `SLOWLOG GET [count]` (since 2.2.12) */
  slowlog(subcommand: 'GET' | 'get', ...args: (ArgInput)[]): Promise<[number, number, number, string[], string, string][]>;
  /** Get the slow log's length. `SLOWLOG LEN` (since 2.2.12) */
  slowlog(subcommand: 'LEN' | 'len'): Promise<number>;
  /** Clear all entries from the slow log. `SLOWLOG RESET` (since 2.2.12) */
  slowlog(subcommand: 'RESET' | 'reset'): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `SLOWLOG HELP` (since 6.2.0) */
  slowlog(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for slow log commands. `SLOWLOG` (since 2.2.12) */
  slowlog(subcommand: 'GET' | 'get' | 'LEN' | 'len' | 'RESET' | 'reset' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<[number, number, number, string[], string, string][] | number | 'OK' | string[]>;
  /** Get the slow log's entries. `SLOWLOG GET [count]` (since 2.2.12) */
  slowlogBuffer(subcommand: 'GET' | 'get', ...args: (ArgInput)[]): Promise<[number, number, number, Uint8Array[], Uint8Array, Uint8Array][]>;
  /** Get the slow log's length. `SLOWLOG LEN` (since 2.2.12) */
  slowlogBuffer(subcommand: 'LEN' | 'len'): Promise<number>;
  /** Clear all entries from the slow log. `SLOWLOG RESET` (since 2.2.12) */
  slowlogBuffer(subcommand: 'RESET' | 'reset'): Promise<'OK'>;
  /** Show helpful text about the different subcommands. `SLOWLOG HELP` (since 6.2.0) */
  slowlogBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for slow log commands. `SLOWLOG` (since 2.2.12) */
  slowlogBuffer(subcommand: 'GET' | 'get' | 'LEN' | 'len' | 'RESET' | 'reset' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<[number, number, number, Uint8Array[], Uint8Array, Uint8Array][] | number | 'OK' | Uint8Array[]>;
  /** Get all the members in a set. `SMEMBERS key` (since 1.0.0) */
  smembers(key: Key): Promise<string[]>;
  /** Get all the members in a set. `SMEMBERS key` (since 1.0.0) */
  smembersBuffer(key: Key): Promise<Uint8Array[]>;
  /** Returns the membership associated with the given elements for a set. `SMISMEMBER key member [member ...]` (since 6.2.0) */
  smismember(key: Key, ...args: (ArgInput)[]): Promise<number[]>;
  /** Returns the membership associated with the given elements for a set. `SMISMEMBER key member [member ...]` (since 6.2.0) */
  smismemberBuffer(key: Key, ...args: (ArgInput)[]): Promise<number[]>;
  /** Move a member from one set to another. `SMOVE source destination member` (since 1.0.0) */
  smove(source: Key, destination: Key, member: Value): Promise<number>;
  /** Move a member from one set to another. `SMOVE source destination member` (since 1.0.0) */
  smoveBuffer(source: Key, destination: Key, member: Value): Promise<number>;
  /** Sort the elements in a list, set or sorted set. `SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]` (since 1.0.0) */
  sort(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | 'STORE' | ArgInput)[]): Promise<(string | null)[] | number>;
  /** Sort the elements in a list, set or sorted set. `SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]` (since 1.0.0) */
  sortBuffer(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | 'STORE' | ArgInput)[]): Promise<(Uint8Array | null)[] | number>;
  /** Sort the elements in a list, set or sorted set. Read-only variant of SORT.. `SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]` (since 7.0.0) */
  sort_ro(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | ArgInput)[]): Promise<(string | null)[]>;
  /** Sort the elements in a list, set or sorted set. Read-only variant of SORT.. `SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]` (since 7.0.0) */
  sort_roBuffer(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | ArgInput)[]): Promise<(Uint8Array | null)[]>;
  /** Remove and return one or multiple random members from a set. `SPOP key [count]` (since 1.0.0) */
  spop(key: Key, ...args: (ArgInput)[]): Promise<string | string[] | null>;
  /** Remove and return one or multiple random members from a set. `SPOP key [count]` (since 1.0.0) */
  spopBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Post a message to a shard channel. `SPUBLISH shardchannel message` (since 7.0.0) */
  spublish(shardchannel: Value, message: Value): Promise<number>;
  /** Post a message to a shard channel. `SPUBLISH shardchannel message` (since 7.0.0) */
  spublishBuffer(shardchannel: Value, message: Value): Promise<number>;
  /** Get one or multiple random members from a set. `SRANDMEMBER key [count]` (since 1.0.0) */
  srandmember(key: Key, ...args: (ArgInput)[]): Promise<string | string[] | null>;
  /** Get one or multiple random members from a set. `SRANDMEMBER key [count]` (since 1.0.0) */
  srandmemberBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Remove one or more members from a set. `SREM key member [member ...]` (since 1.0.0) */
  srem(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Remove one or more members from a set. `SREM key member [member ...]` (since 1.0.0) */
  sremBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Incrementally iterate Set elements. `SSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  sscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[string, string[]]>;
  /** Incrementally iterate Set elements. `SSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  sscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]]>;
  /** Get the length of the value stored in a key. `STRLEN key` (since 2.2.0) */
  strlen(key: Key): Promise<number>;
  /** Get the length of the value stored in a key. `STRLEN key` (since 2.2.0) */
  strlenBuffer(key: Key): Promise<number>;
  /** Get a substring of the string stored at a key. `SUBSTR key start end` (since 1.0.0) */
  substr(key: Key, start: Num, end: Num): Promise<string>;
  /** Get a substring of the string stored at a key. `SUBSTR key start end` (since 1.0.0) */
  substrBuffer(key: Key, start: Num, end: Num): Promise<Uint8Array>;
  /** Add multiple sets. `SUNION key [key ...]` (since 1.0.0) */
  sunion(...args: (ArgInput)[]): Promise<string[]>;
  /** Add multiple sets. `SUNION key [key ...]` (since 1.0.0) */
  sunionBuffer(...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Add multiple sets and store the resulting set in a key. `SUNIONSTORE destination key [key ...]` (since 1.0.0) */
  sunionstore(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Add multiple sets and store the resulting set in a key. `SUNIONSTORE destination key [key ...]` (since 1.0.0) */
  sunionstoreBuffer(destination: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Swaps two Redis databases. `SWAPDB index1 index2` (since 4.0.0) */
  swapdb(index1: Value, index2: Value): Promise<'OK'>;
  /** Swaps two Redis databases. `SWAPDB index1 index2` (since 4.0.0) */
  swapdbBuffer(index1: Value, index2: Value): Promise<'OK'>;
  /** Return the current server time. `TIME` (since 2.6.0) */
  time(): Promise<[string, string]>;
  /** Return the current server time. `TIME` (since 2.6.0) */
  timeBuffer(): Promise<[Uint8Array, Uint8Array]>;
  /** Alters the last access time of a key(s). Returns the number of existing keys specified.. `TOUCH key [key ...]` (since 3.2.1) */
  touch(...args: (ArgInput)[]): Promise<number>;
  /** Alters the last access time of a key(s). Returns the number of existing keys specified.. `TOUCH key [key ...]` (since 3.2.1) */
  touchBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Get the time to live for a key in seconds. `TTL key` (since 1.0.0) */
  ttl(key: Key): Promise<number>;
  /** Get the time to live for a key in seconds. `TTL key` (since 1.0.0) */
  ttlBuffer(key: Key): Promise<number>;
  /** Determine the type stored at key. `TYPE key` (since 1.0.0) */
  type(key: Key): Promise<string>;
  /** Determine the type stored at key. `TYPE key` (since 1.0.0) */
  typeBuffer(key: Key): Promise<Uint8Array>;
  /** Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.. `UNLINK key [key ...]` (since 4.0.0) */
  unlink(...args: (ArgInput)[]): Promise<number>;
  /** Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.. `UNLINK key [key ...]` (since 4.0.0) */
  unlinkBuffer(...args: (ArgInput)[]): Promise<number>;
  /** Forget about all watched keys. `UNWATCH` (since 2.2.0) */
  unwatch(): Promise<'OK'>;
  /** Forget about all watched keys. `UNWATCH` (since 2.2.0) */
  unwatchBuffer(): Promise<'OK'>;
  /** Watch the given keys to determine execution of the MULTI/EXEC block. `WATCH key [key ...]` (since 2.2.0) */
  watch(...args: (ArgInput)[]): Promise<'OK'>;
  /** Watch the given keys to determine execution of the MULTI/EXEC block. `WATCH key [key ...]` (since 2.2.0) */
  watchBuffer(...args: (ArgInput)[]): Promise<'OK'>;
  /** Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.. `XACK key group id [id ...]` (since 5.0.0) */
  xack(key: Key, group: Value, ...args: (ArgInput)[]): Promise<number>;
  /** Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.. `XACK key group id [id ...]` (since 5.0.0) */
  xackBuffer(key: Key, group: Value, ...args: (ArgInput)[]): Promise<number>;
  /** Appends a new entry to a stream. `XADD key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]` (since 5.0.0) */
  xadd(key: Key, ...args: ('NOMKSTREAM' | 'MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | '*' | ArgInput)[]): Promise<string | null>;
  /** Appends a new entry to a stream. `XADD key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]` (since 5.0.0) */
  xaddBuffer(key: Key, ...args: ('NOMKSTREAM' | 'MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | '*' | ArgInput)[]): Promise<Uint8Array | null>;
  /** Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.. `XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]` (since 6.2.0) */
  xautoclaim(key: Key, group: Value, consumer: Value, minIdleTime: Num, start: Num, ...args: ('COUNT' | 'JUSTID' | ArgInput)[]): Promise<[string, [string, string[]][] | string[], string[]]>;
  /** Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.. `XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]` (since 6.2.0) */
  xautoclaimBuffer(key: Key, group: Value, consumer: Value, minIdleTime: Num, start: Num, ...args: ('COUNT' | 'JUSTID' | ArgInput)[]): Promise<[Uint8Array, [Uint8Array, Uint8Array[]][] | Uint8Array[], Uint8Array[]]>;
  /** Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.. `XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]` (since 5.0.0) */
  xclaim(key: Key, group: Value, consumer: Value, minIdleTime: Num, ...args: ('IDLE' | 'TIME' | 'RETRYCOUNT' | 'FORCE' | 'JUSTID' | 'LASTID' | ArgInput)[]): Promise<[string, string[]][] | string[]>;
  /** Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.. `XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]` (since 5.0.0) */
  xclaimBuffer(key: Key, group: Value, consumer: Value, minIdleTime: Num, ...args: ('IDLE' | 'TIME' | 'RETRYCOUNT' | 'FORCE' | 'JUSTID' | 'LASTID' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]][] | Uint8Array[]>;
  /** Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.. `XDEL key id [id ...]` (since 5.0.0) */
  xdel(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.. `XDEL key id [id ...]` (since 5.0.0) */
  xdelBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Create a consumer group.. `XGROUP CREATE key group <id | $> [MKSTREAM] [ENTRIESREAD entries-read]` (since 5.0.0) */
  xgroup(subcommand: 'CREATE' | 'create', key: Key, group: Value, ...args: ('$' | 'MKSTREAM' | 'ENTRIESREAD' | ArgInput)[]): Promise<'OK'>;
  /** Set a consumer group to an arbitrary last delivered ID value.. `XGROUP SETID key group <id | $> [ENTRIESREAD entries-read]` (since 5.0.0) */
  xgroup(subcommand: 'SETID' | 'setid', key: Key, group: Value, ...args: ('$' | 'ENTRIESREAD' | ArgInput)[]): Promise<'OK'>;
  /** Destroy a consumer group.. `XGROUP DESTROY key group` (since 5.0.0) */
  xgroup(subcommand: 'DESTROY' | 'destroy', key: Key, group: Value): Promise<number>;
  /** Create a consumer in a consumer group.. `XGROUP CREATECONSUMER key group consumer` (since 6.2.0) */
  xgroup(subcommand: 'CREATECONSUMER' | 'createconsumer', key: Key, group: Value, consumer: Value): Promise<number>;
  /** Delete a consumer from a consumer group.. `XGROUP DELCONSUMER key group consumer` (since 5.0.0) */
  xgroup(subcommand: 'DELCONSUMER' | 'delconsumer', key: Key, group: Value, consumer: Value): Promise<number>;
  /** Show helpful text about the different subcommands. `XGROUP HELP` (since 5.0.0) */
  xgroup(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for consumer groups commands. `XGROUP` (since 5.0.0) */
  xgroup(subcommand: 'CREATE' | 'create' | 'SETID' | 'setid' | 'DESTROY' | 'destroy' | 'CREATECONSUMER' | 'createconsumer' | 'DELCONSUMER' | 'delconsumer' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<'OK' | number | string[]>;
  /** Create a consumer group.. `XGROUP CREATE key group <id | $> [MKSTREAM] [ENTRIESREAD entries-read]` (since 5.0.0) */
  xgroupBuffer(subcommand: 'CREATE' | 'create', key: Key, group: Value, ...args: ('$' | 'MKSTREAM' | 'ENTRIESREAD' | ArgInput)[]): Promise<'OK'>;
  /** Set a consumer group to an arbitrary last delivered ID value.. `XGROUP SETID key group <id | $> [ENTRIESREAD entries-read]` (since 5.0.0) */
  xgroupBuffer(subcommand: 'SETID' | 'setid', key: Key, group: Value, ...args: ('$' | 'ENTRIESREAD' | ArgInput)[]): Promise<'OK'>;
  /** Destroy a consumer group.. `XGROUP DESTROY key group` (since 5.0.0) */
  xgroupBuffer(subcommand: 'DESTROY' | 'destroy', key: Key, group: Value): Promise<number>;
  /** Create a consumer in a consumer group.. `XGROUP CREATECONSUMER key group consumer` (since 6.2.0) */
  xgroupBuffer(subcommand: 'CREATECONSUMER' | 'createconsumer', key: Key, group: Value, consumer: Value): Promise<number>;
  /** Delete a consumer from a consumer group.. `XGROUP DELCONSUMER key group consumer` (since 5.0.0) */
  xgroupBuffer(subcommand: 'DELCONSUMER' | 'delconsumer', key: Key, group: Value, consumer: Value): Promise<number>;
  /** Show helpful text about the different subcommands. `XGROUP HELP` (since 5.0.0) */
  xgroupBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for consumer groups commands. `XGROUP` (since 5.0.0) */
  xgroupBuffer(subcommand: 'CREATE' | 'create' | 'SETID' | 'setid' | 'DESTROY' | 'destroy' | 'CREATECONSUMER' | 'createconsumer' | 'DELCONSUMER' | 'delconsumer' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<'OK' | number | Uint8Array[]>;
  /** Get information about a stream. `XINFO STREAM key [FULL [COUNT count]]` (since 5.0.0) */
  xinfo(subcommand: 'STREAM' | 'stream', key: Key, ...args: ('FULL' | 'COUNT' | ArgInput)[]): Promise<(string | number | null | [string, string[]] | [string, string[]][] | (string | number | null | [string, string, number, number][] | (string | number | [string, number, number][])[][])[][])[]>;
  /** List the consumer groups of a stream. `XINFO GROUPS key` (since 5.0.0) */
  xinfo(subcommand: 'GROUPS' | 'groups', key: Key): Promise<(string | number | null)[][]>;
  /** List the consumers in a consumer group. `XINFO CONSUMERS key group` (since 5.0.0) */
  xinfo(subcommand: 'CONSUMERS' | 'consumers', key: Key, group: Value): Promise<(string | number)[][]>;
  /** Show helpful text about the different subcommands. `XINFO HELP` (since 5.0.0) */
  xinfo(subcommand: 'HELP' | 'help'): Promise<string[]>;
  /** A container for stream introspection commands. `XINFO` (since 5.0.0) */
  xinfo(subcommand: 'STREAM' | 'stream' | 'GROUPS' | 'groups' | 'CONSUMERS' | 'consumers' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<(string | number | null | [string, string[]] | [string, string[]][] | (string | number | null | [string, string, number, number][] | (string | number | [string, number, number][])[][])[][])[] | (string | number | null)[][] | (string | number)[][] | string[]>;
  /** Get information about a stream. `XINFO STREAM key [FULL [COUNT count]]` (since 5.0.0) */
  xinfoBuffer(subcommand: 'STREAM' | 'stream', key: Key, ...args: ('FULL' | 'COUNT' | ArgInput)[]): Promise<(Uint8Array | number | null | [Uint8Array, Uint8Array[]] | [Uint8Array, Uint8Array[]][] | (Uint8Array | number | null | [Uint8Array, Uint8Array, number, number][] | (Uint8Array | number | [Uint8Array, number, number][])[][])[][])[]>;
  /** List the consumer groups of a stream. `XINFO GROUPS key` (since 5.0.0) */
  xinfoBuffer(subcommand: 'GROUPS' | 'groups', key: Key): Promise<(Uint8Array | number | null)[][]>;
  /** List the consumers in a consumer group. `XINFO CONSUMERS key group` (since 5.0.0) */
  xinfoBuffer(subcommand: 'CONSUMERS' | 'consumers', key: Key, group: Value): Promise<(Uint8Array | number)[][]>;
  /** Show helpful text about the different subcommands. `XINFO HELP` (since 5.0.0) */
  xinfoBuffer(subcommand: 'HELP' | 'help'): Promise<Uint8Array[]>;
  /** A container for stream introspection commands. `XINFO` (since 5.0.0) */
  xinfoBuffer(subcommand: 'STREAM' | 'stream' | 'GROUPS' | 'groups' | 'CONSUMERS' | 'consumers' | 'HELP' | 'help', ...args: (ArgInput)[]): Promise<(Uint8Array | number | null | [Uint8Array, Uint8Array[]] | [Uint8Array, Uint8Array[]][] | (Uint8Array | number | null | [Uint8Array, Uint8Array, number, number][] | (Uint8Array | number | [Uint8Array, number, number][])[][])[][])[] | (Uint8Array | number | null)[][] | (Uint8Array | number)[][] | Uint8Array[]>;
  /** Return the number of entries in a stream. `XLEN key` (since 5.0.0) */
  xlen(key: Key): Promise<number>;
  /** Return the number of entries in a stream. `XLEN key` (since 5.0.0) */
  xlenBuffer(key: Key): Promise<number>;
  /** Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.. `XPENDING key group [[IDLE min-idle-time] start end count [consumer]]` (since 5.0.0) */
  xpending(key: Key, group: Value, ...args: ('IDLE' | ArgInput)[]): Promise<[number, string | null, string | null, [string, string][] | null] | [string, string, number, number][]>;
  /** Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.. `XPENDING key group [[IDLE min-idle-time] start end count [consumer]]` (since 5.0.0) */
  xpendingBuffer(key: Key, group: Value, ...args: ('IDLE' | ArgInput)[]): Promise<[number, Uint8Array | null, Uint8Array | null, [Uint8Array, Uint8Array][] | null] | [Uint8Array, Uint8Array, number, number][]>;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval. `XRANGE key start end [COUNT count]` (since 5.0.0) */
  xrange(key: Key, start: Num, end: Num, ...args: ('COUNT' | ArgInput)[]): Promise<[string, string[]][]>;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval. `XRANGE key start end [COUNT count]` (since 5.0.0) */
  xrangeBuffer(key: Key, start: Num, end: Num, ...args: ('COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]][]>;
  /** Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.. `XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xread(...args: ('COUNT' | 'BLOCK' | 'STREAMS' | ArgInput)[]): Promise<[string, [string, string[]][]][] | null>;
  /** Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.. `XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xreadBuffer(...args: ('COUNT' | 'BLOCK' | 'STREAMS' | ArgInput)[]): Promise<[Uint8Array, [Uint8Array, Uint8Array[]][]][] | null>;
  /** Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.. `XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xreadgroup(...args: ('GROUP' | 'COUNT' | 'BLOCK' | 'NOACK' | 'STREAMS' | ArgInput)[]): Promise<[string, [string, string[] | null][]][] | null>;
  /** Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.. `XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xreadgroupBuffer(...args: ('GROUP' | 'COUNT' | 'BLOCK' | 'NOACK' | 'STREAMS' | ArgInput)[]): Promise<[Uint8Array, [Uint8Array, Uint8Array[] | null][]][] | null>;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE. `XREVRANGE key end start [COUNT count]` (since 5.0.0) */
  xrevrange(key: Key, end: Num, start: Num, ...args: ('COUNT' | ArgInput)[]): Promise<[string, string[]][]>;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE. `XREVRANGE key end start [COUNT count]` (since 5.0.0) */
  xrevrangeBuffer(key: Key, end: Num, start: Num, ...args: ('COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]][]>;
  /** An internal command for replicating stream values. `XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]` (since 5.0.0) */
  xsetid(key: Key, lastId: Value, ...args: ('ENTRIESADDED' | 'MAXDELETEDID' | ArgInput)[]): Promise<'OK'>;
  /** An internal command for replicating stream values. `XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]` (since 5.0.0) */
  xsetidBuffer(key: Key, lastId: Value, ...args: ('ENTRIESADDED' | 'MAXDELETEDID' | ArgInput)[]): Promise<'OK'>;
  /** Trims the stream to (approximately if '~' is passed) a certain size. `XTRIM key <MAXLEN | MINID> [= | ~] threshold [LIMIT count]` (since 5.0.0) */
  xtrim(key: Key, ...args: ('MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | ArgInput)[]): Promise<number>;
  /** Trims the stream to (approximately if '~' is passed) a certain size. `XTRIM key <MAXLEN | MINID> [= | ~] threshold [LIMIT count]` (since 5.0.0) */
  xtrimBuffer(key: Key, ...args: ('MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | ArgInput)[]): Promise<number>;
  /** Add one or more members to a sorted set, or update its score if it already exists. `ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]` (since 1.2.0) */
  zadd(key: Key, ...args: ('NX' | 'XX' | 'GT' | 'LT' | 'CH' | 'INCR' | ArgInput)[]): Promise<number | string | null>;
  /** Add one or more members to a sorted set, or update its score if it already exists. `ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]` (since 1.2.0) */
  zaddBuffer(key: Key, ...args: ('NX' | 'XX' | 'GT' | 'LT' | 'CH' | 'INCR' | ArgInput)[]): Promise<number | Uint8Array | null>;
  /** Get the number of members in a sorted set. `ZCARD key` (since 1.2.0) */
  zcard(key: Key): Promise<number>;
  /** Get the number of members in a sorted set. `ZCARD key` (since 1.2.0) */
  zcardBuffer(key: Key): Promise<number>;
  /** Count the members in a sorted set with scores within the given values. `ZCOUNT key min max` (since 2.0.0) */
  zcount(key: Key, min: Num, max: Num): Promise<number>;
  /** Count the members in a sorted set with scores within the given values. `ZCOUNT key min max` (since 2.0.0) */
  zcountBuffer(key: Key, min: Num, max: Num): Promise<number>;
  /** Subtract multiple sorted sets. `ZDIFF numkeys key [key ...] [WITHSCORES]` (since 6.2.0) */
  zdiff(numkeys: Num, ...args: ('WITHSCORES' | ArgInput)[]): Promise<string[]>;
  /** Subtract multiple sorted sets. `ZDIFF numkeys key [key ...] [WITHSCORES]` (since 6.2.0) */
  zdiffBuffer(numkeys: Num, ...args: ('WITHSCORES' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Subtract multiple sorted sets and store the resulting sorted set in a new key. `ZDIFFSTORE destination numkeys key [key ...]` (since 6.2.0) */
  zdiffstore(destination: Key, numkeys: Num, ...args: (ArgInput)[]): Promise<number>;
  /** Subtract multiple sorted sets and store the resulting sorted set in a new key. `ZDIFFSTORE destination numkeys key [key ...]` (since 6.2.0) */
  zdiffstoreBuffer(destination: Key, numkeys: Num, ...args: (ArgInput)[]): Promise<number>;
  /** Increment the score of a member in a sorted set. `ZINCRBY key increment member` (since 1.2.0) */
  zincrby(key: Key, increment: Num, member: Value): Promise<string>;
  /** Increment the score of a member in a sorted set. `ZINCRBY key increment member` (since 1.2.0) */
  zincrbyBuffer(key: Key, increment: Num, member: Value): Promise<Uint8Array>;
  /** Intersect multiple sorted sets. `ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zinter(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): Promise<string[]>;
  /** Intersect multiple sorted sets. `ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zinterBuffer(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Intersect multiple sorted sets and return the cardinality of the result. `ZINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  zintercard(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<number>;
  /** Intersect multiple sorted sets and return the cardinality of the result. `ZINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  zintercardBuffer(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<number>;
  /** Intersect multiple sorted sets and store the resulting sorted set in a new key. `ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zinterstore(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): Promise<number>;
  /** Intersect multiple sorted sets and store the resulting sorted set in a new key. `ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zinterstoreBuffer(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): Promise<number>;
  /** Count the number of members in a sorted set between a given lexicographical range. `ZLEXCOUNT key min max` (since 2.8.9) */
  zlexcount(key: Key, min: Num, max: Num): Promise<number>;
  /** Count the number of members in a sorted set between a given lexicographical range. `ZLEXCOUNT key min max` (since 2.8.9) */
  zlexcountBuffer(key: Key, min: Num, max: Num): Promise<number>;
  /** Remove and return members with scores in a sorted set. `ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  zmpop(numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): Promise<[string, [string, string][]] | null>;
  /** Remove and return members with scores in a sorted set. `ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  zmpopBuffer(numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, [Uint8Array, Uint8Array][]] | null>;
  /** Get the score associated with the given members in a sorted set. `ZMSCORE key member [member ...]` (since 6.2.0) */
  zmscore(key: Key, ...args: (ArgInput)[]): Promise<(string | null)[]>;
  /** Get the score associated with the given members in a sorted set. `ZMSCORE key member [member ...]` (since 6.2.0) */
  zmscoreBuffer(key: Key, ...args: (ArgInput)[]): Promise<(Uint8Array | null)[]>;
  /** Remove and return members with the highest scores in a sorted set. `ZPOPMAX key [count]` (since 5.0.0) */
  zpopmax(key: Key, ...args: (ArgInput)[]): Promise<string[]>;
  /** Remove and return members with the highest scores in a sorted set. `ZPOPMAX key [count]` (since 5.0.0) */
  zpopmaxBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Remove and return members with the lowest scores in a sorted set. `ZPOPMIN key [count]` (since 5.0.0) */
  zpopmin(key: Key, ...args: (ArgInput)[]): Promise<string[]>;
  /** Remove and return members with the lowest scores in a sorted set. `ZPOPMIN key [count]` (since 5.0.0) */
  zpopminBuffer(key: Key, ...args: (ArgInput)[]): Promise<Uint8Array[]>;
  /** Get one or multiple random elements from a sorted set. `ZRANDMEMBER key [count [WITHSCORES]]` (since 6.2.0) */
  zrandmember(key: Key, ...args: ('WITHSCORES' | ArgInput)[]): Promise<string | string[] | null>;
  /** Get one or multiple random elements from a sorted set. `ZRANDMEMBER key [count [WITHSCORES]]` (since 6.2.0) */
  zrandmemberBuffer(key: Key, ...args: ('WITHSCORES' | ArgInput)[]): Promise<Uint8Array | Uint8Array[] | null>;
  /** Return a range of members in a sorted set. `ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]` (since 1.2.0) */
  zrange(key: Key, start: Num, stop: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | 'WITHSCORES' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set. `ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]` (since 1.2.0) */
  zrangeBuffer(key: Key, start: Num, stop: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | 'WITHSCORES' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Return a range of members in a sorted set, by lexicographical range. `ZRANGEBYLEX key min max [LIMIT offset count]` (since 2.8.9) */
  zrangebylex(key: Key, min: Num, max: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set, by lexicographical range. `ZRANGEBYLEX key min max [LIMIT offset count]` (since 2.8.9) */
  zrangebylexBuffer(key: Key, min: Num, max: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Return a range of members in a sorted set, by score. `ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]` (since 1.0.5) */
  zrangebyscore(key: Key, min: Num, max: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set, by score. `ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]` (since 1.0.5) */
  zrangebyscoreBuffer(key: Key, min: Num, max: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Store a range of members from sorted set into another key. `ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]` (since 6.2.0) */
  zrangestore(dst: Value, src: Value, min: Num, max: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | ArgInput)[]): Promise<number>;
  /** Store a range of members from sorted set into another key. `ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]` (since 6.2.0) */
  zrangestoreBuffer(dst: Value, src: Value, min: Num, max: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | ArgInput)[]): Promise<number>;
  /** Determine the index of a member in a sorted set. `ZRANK key member` (since 2.0.0) */
  zrank(key: Key, member: Value): Promise<number | null>;
  /** Determine the index of a member in a sorted set. `ZRANK key member` (since 2.0.0) */
  zrankBuffer(key: Key, member: Value): Promise<number | null>;
  /** Remove one or more members from a sorted set. `ZREM key member [member ...]` (since 1.2.0) */
  zrem(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Remove one or more members from a sorted set. `ZREM key member [member ...]` (since 1.2.0) */
  zremBuffer(key: Key, ...args: (ArgInput)[]): Promise<number>;
  /** Remove all members in a sorted set between the given lexicographical range. `ZREMRANGEBYLEX key min max` (since 2.8.9) */
  zremrangebylex(key: Key, min: Num, max: Num): Promise<number>;
  /** Remove all members in a sorted set between the given lexicographical range. `ZREMRANGEBYLEX key min max` (since 2.8.9) */
  zremrangebylexBuffer(key: Key, min: Num, max: Num): Promise<number>;
  /** Remove all members in a sorted set within the given indexes. `ZREMRANGEBYRANK key start stop` (since 2.0.0) */
  zremrangebyrank(key: Key, start: Num, stop: Num): Promise<number>;
  /** Remove all members in a sorted set within the given indexes. `ZREMRANGEBYRANK key start stop` (since 2.0.0) */
  zremrangebyrankBuffer(key: Key, start: Num, stop: Num): Promise<number>;
  /** Remove all members in a sorted set within the given scores. `ZREMRANGEBYSCORE key min max` (since 1.2.0) */
  zremrangebyscore(key: Key, min: Num, max: Num): Promise<number>;
  /** Remove all members in a sorted set within the given scores. `ZREMRANGEBYSCORE key min max` (since 1.2.0) */
  zremrangebyscoreBuffer(key: Key, min: Num, max: Num): Promise<number>;
  /** Return a range of members in a sorted set, by index, with scores ordered from high to low. `ZREVRANGE key start stop [WITHSCORES]` (since 1.2.0) */
  zrevrange(key: Key, start: Num, stop: Num, ...args: ('WITHSCORES' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set, by index, with scores ordered from high to low. `ZREVRANGE key start stop [WITHSCORES]` (since 1.2.0) */
  zrevrangeBuffer(key: Key, start: Num, stop: Num, ...args: ('WITHSCORES' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.. `ZREVRANGEBYLEX key max min [LIMIT offset count]` (since 2.8.9) */
  zrevrangebylex(key: Key, max: Num, min: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.. `ZREVRANGEBYLEX key max min [LIMIT offset count]` (since 2.8.9) */
  zrevrangebylexBuffer(key: Key, max: Num, min: Num, ...args: ('LIMIT' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Return a range of members in a sorted set, by score, with scores ordered from high to low. `ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]` (since 2.2.0) */
  zrevrangebyscore(key: Key, max: Num, min: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): Promise<string[]>;
  /** Return a range of members in a sorted set, by score, with scores ordered from high to low. `ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]` (since 2.2.0) */
  zrevrangebyscoreBuffer(key: Key, max: Num, min: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Determine the index of a member in a sorted set, with scores ordered from high to low. `ZREVRANK key member` (since 2.0.0) */
  zrevrank(key: Key, member: Value): Promise<number | null>;
  /** Determine the index of a member in a sorted set, with scores ordered from high to low. `ZREVRANK key member` (since 2.0.0) */
  zrevrankBuffer(key: Key, member: Value): Promise<number | null>;
  /** Incrementally iterate sorted sets elements and associated scores. `ZSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  zscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[string, string[]]>;
  /** Incrementally iterate sorted sets elements and associated scores. `ZSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  zscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): Promise<[Uint8Array, Uint8Array[]]>;
  /** Get the score associated with the given member in a sorted set. `ZSCORE key member` (since 1.2.0) */
  zscore(key: Key, member: Value): Promise<string | null>;
  /** Get the score associated with the given member in a sorted set. `ZSCORE key member` (since 1.2.0) */
  zscoreBuffer(key: Key, member: Value): Promise<Uint8Array | null>;
  /** Add multiple sorted sets. `ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zunion(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): Promise<string[]>;
  /** Add multiple sorted sets. `ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zunionBuffer(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): Promise<Uint8Array[]>;
  /** Add multiple sorted sets and store the resulting sorted set in a new key. `ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zunionstore(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): Promise<number>;
  /** Add multiple sorted sets and store the resulting sorted set in a new key. `ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zunionstoreBuffer(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): Promise<number>;
}

/** The same methods on a pipeline or multi, chainable. */
export interface PipelineCommands<P> {
  /** Append a value to a key. `APPEND key value` (since 2.0.0) */
  append(key: Key, value: Value): P;
  appendBuffer(key: Key, value: Value): P;
  /** Authenticate to the server. `AUTH [username] password` (since 1.0.0) */
  auth(...args: (ArgInput)[]): P;
  authBuffer(...args: (ArgInput)[]): P;
  /** Asynchronously rewrite the append-only file. `BGREWRITEAOF` (since 1.0.0) */
  bgrewriteaof(): P;
  bgrewriteaofBuffer(): P;
  /** Asynchronously save the dataset to disk. `BGSAVE [SCHEDULE]` (since 1.0.0) */
  bgsave(...args: ('SCHEDULE' | ArgInput)[]): P;
  bgsaveBuffer(...args: ('SCHEDULE' | ArgInput)[]): P;
  /** Count set bits in a string. `BITCOUNT key [start end [BYTE | BIT]]` (since 2.6.0) */
  bitcount(key: Key, ...args: ('BYTE' | 'BIT' | ArgInput)[]): P;
  bitcountBuffer(key: Key, ...args: ('BYTE' | 'BIT' | ArgInput)[]): P;
  /** Perform arbitrary bitfield integer operations on strings. `BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]` (since 3.2.0) */
  bitfield(key: Key, ...args: ('GET' | 'OVERFLOW' | 'WRAP' | 'SAT' | 'FAIL' | 'SET' | 'INCRBY' | ArgInput)[]): P;
  bitfieldBuffer(key: Key, ...args: ('GET' | 'OVERFLOW' | 'WRAP' | 'SAT' | 'FAIL' | 'SET' | 'INCRBY' | ArgInput)[]): P;
  /** Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD. `BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]` (since 6.0.0) */
  bitfield_ro(key: Key, ...args: ('GET' | ArgInput)[]): P;
  bitfield_roBuffer(key: Key, ...args: ('GET' | ArgInput)[]): P;
  /** Perform bitwise operations between strings. `BITOP operation destkey key [key ...]` (since 2.6.0) */
  bitop(operation: Value, destkey: Key, ...args: (ArgInput)[]): P;
  bitopBuffer(operation: Value, destkey: Key, ...args: (ArgInput)[]): P;
  /** Find first bit set or clear in a string. `BITPOS key bit [start [end [BYTE | BIT]]]` (since 2.8.7) */
  bitpos(key: Key, bit: Num, ...args: ('BYTE' | 'BIT' | ArgInput)[]): P;
  bitposBuffer(key: Key, bit: Num, ...args: ('BYTE' | 'BIT' | ArgInput)[]): P;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout` (since 6.2.0) */
  blmove(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): P;
  blmoveBuffer(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): P;
  /** Pop elements from a list, or block until one is available. `BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  blmpop(timeout: Num, numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): P;
  blmpopBuffer(timeout: Num, numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): P;
  /** Remove and get the first element in a list, or block until one is available. `BLPOP key [key ...] timeout` (since 2.0.0) */
  blpop(...args: (ArgInput)[]): P;
  blpopBuffer(...args: (ArgInput)[]): P;
  /** Remove and get the last element in a list, or block until one is available. `BRPOP key [key ...] timeout` (since 2.0.0) */
  brpop(...args: (ArgInput)[]): P;
  brpopBuffer(...args: (ArgInput)[]): P;
  /** Pop an element from a list, push it to another list and return it; or block until one is available. `BRPOPLPUSH source destination timeout` (since 2.2.0) */
  brpoplpush(source: Key, destination: Key, timeout: Num): P;
  brpoplpushBuffer(source: Key, destination: Key, timeout: Num): P;
  /** Remove and return members with scores in a sorted set or block until one is available. `BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  bzmpop(timeout: Num, numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): P;
  bzmpopBuffer(timeout: Num, numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): P;
  /** Remove and return the member with the highest score from one or more sorted sets, or block until one is available. `BZPOPMAX key [key ...] timeout` (since 5.0.0) */
  bzpopmax(...args: (ArgInput)[]): P;
  bzpopmaxBuffer(...args: (ArgInput)[]): P;
  /** Remove and return the member with the lowest score from one or more sorted sets, or block until one is available. `BZPOPMIN key [key ...] timeout` (since 5.0.0) */
  bzpopmin(...args: (ArgInput)[]): P;
  bzpopminBuffer(...args: (ArgInput)[]): P;
  /** A container for client connection commands. `CLIENT` (since 2.4.0) */
  client(subcommand: 'ID' | 'id' | 'INFO' | 'info' | 'LIST' | 'list' | 'KILL' | 'kill' | 'SETNAME' | 'setname' | 'GETNAME' | 'getname' | 'REPLY' | 'reply' | 'NO-EVICT' | 'no-evict' | 'UNBLOCK' | 'unblock' | 'GETREDIR' | 'getredir' | 'TRACKINGINFO' | 'trackinginfo' | 'CACHING' | 'caching' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  clientBuffer(subcommand: 'ID' | 'id' | 'INFO' | 'info' | 'LIST' | 'list' | 'KILL' | 'kill' | 'SETNAME' | 'setname' | 'GETNAME' | 'getname' | 'REPLY' | 'reply' | 'NO-EVICT' | 'no-evict' | 'UNBLOCK' | 'unblock' | 'GETREDIR' | 'getredir' | 'TRACKINGINFO' | 'trackinginfo' | 'CACHING' | 'caching' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Get array of Redis command details. `COMMAND` (since 2.8.13) */
  command(subcommand: 'COUNT' | 'count' | 'INFO' | 'info' | 'DOCS' | 'docs' | 'LIST' | 'list' | 'GETKEYS' | 'getkeys' | 'GETKEYSANDFLAGS' | 'getkeysandflags' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  commandBuffer(subcommand: 'COUNT' | 'count' | 'INFO' | 'info' | 'DOCS' | 'docs' | 'LIST' | 'list' | 'GETKEYS' | 'getkeys' | 'GETKEYSANDFLAGS' | 'getkeysandflags' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** A container for server configuration commands. `CONFIG` (since 2.0.0) */
  config(subcommand: 'GET' | 'get' | 'SET' | 'set' | 'RESETSTAT' | 'resetstat' | 'REWRITE' | 'rewrite' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  configBuffer(subcommand: 'GET' | 'get' | 'SET' | 'set' | 'RESETSTAT' | 'resetstat' | 'REWRITE' | 'rewrite' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Copy a key. `COPY source destination [DB destination-db] [REPLACE]` (since 6.2.0) */
  copy(source: Key, destination: Key, ...args: ('DB' | 'REPLACE' | ArgInput)[]): P;
  copyBuffer(source: Key, destination: Key, ...args: ('DB' | 'REPLACE' | ArgInput)[]): P;
  /** Return the number of keys in the selected database. `DBSIZE` (since 1.0.0) */
  dbsize(): P;
  dbsizeBuffer(): P;
  /** Decrement the integer value of a key by one. `DECR key` (since 1.0.0) */
  decr(key: Key): P;
  decrBuffer(key: Key): P;
  /** Decrement the integer value of a key by the given number. `DECRBY key decrement` (since 1.0.0) */
  decrby(key: Key, decrement: Value): P;
  decrbyBuffer(key: Key, decrement: Value): P;
  /** Delete a key. `DEL key [key ...]` (since 1.0.0) */
  del(...args: (ArgInput)[]): P;
  delBuffer(...args: (ArgInput)[]): P;
  /** Discard all commands issued after MULTI. `DISCARD` (since 2.0.0) */
  discard(): P;
  discardBuffer(): P;
  /** Return a serialized version of the value stored at the specified key.. `DUMP key` (since 2.6.0) */
  dump(key: Key): P;
  dumpBuffer(key: Key): P;
  /** Echo the given string. `ECHO message` (since 1.0.0) */
  echo(message: Value): P;
  echoBuffer(message: Value): P;
  /** Execute a Lua script server side. `EVAL script numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  eval(script: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  evalBuffer(script: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Execute a read-only Lua script server side. `EVAL_RO script numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  eval_ro(script: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  eval_roBuffer(script: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Execute a Lua script server side. `EVALSHA sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 2.6.0) */
  evalsha(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  evalshaBuffer(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Execute a read-only Lua script server side. `EVALSHA_RO sha1 numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  evalsha_ro(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  evalsha_roBuffer(sha1: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Determine if a key exists. `EXISTS key [key ...]` (since 1.0.0) */
  exists(...args: (ArgInput)[]): P;
  existsBuffer(...args: (ArgInput)[]): P;
  /** Set a key's time to live in seconds. `EXPIRE key seconds [NX | XX | GT | LT]` (since 1.0.0) */
  expire(key: Key, seconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  expireBuffer(key: Key, seconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  /** Set the expiration for a key as a UNIX timestamp. `EXPIREAT key unix-time-seconds [NX | XX | GT | LT]` (since 1.2.0) */
  expireat(key: Key, unixTimeSeconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  expireatBuffer(key: Key, unixTimeSeconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  /** Get the expiration Unix timestamp for a key. `EXPIRETIME key` (since 7.0.0) */
  expiretime(key: Key): P;
  expiretimeBuffer(key: Key): P;
  /** Invoke a function. `FCALL function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcall(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  fcallBuffer(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Invoke a read-only function. `FCALL_RO function numkeys [key [key ...]] [arg [arg ...]]` (since 7.0.0) */
  fcall_ro(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  fcall_roBuffer(functionArg: Value, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Remove all keys from all databases. `FLUSHALL [ASYNC | SYNC]` (since 1.0.0) */
  flushall(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): P;
  flushallBuffer(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): P;
  /** Remove all keys from the current database. `FLUSHDB [ASYNC | SYNC]` (since 1.0.0) */
  flushdb(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): P;
  flushdbBuffer(...args: ('ASYNC' | 'SYNC' | ArgInput)[]): P;
  /** A container for function commands. `FUNCTION` (since 7.0.0) */
  function(subcommand: 'LIST' | 'list' | 'DELETE' | 'delete' | 'KILL' | 'kill' | 'RESTORE' | 'restore' | 'DUMP' | 'dump' | 'FLUSH' | 'flush' | 'LOAD' | 'load' | 'HELP' | 'help' | 'STATS' | 'stats', ...args: (ArgInput)[]): P;
  functionBuffer(subcommand: 'LIST' | 'list' | 'DELETE' | 'delete' | 'KILL' | 'kill' | 'RESTORE' | 'restore' | 'DUMP' | 'dump' | 'FLUSH' | 'flush' | 'LOAD' | 'load' | 'HELP' | 'help' | 'STATS' | 'stats', ...args: (ArgInput)[]): P;
  /** Add one or more geospatial items in the geospatial index represented using a sorted set. `GEOADD key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]` (since 3.2.0) */
  geoadd(key: Key, ...args: ('NX' | 'XX' | 'CH' | ArgInput)[]): P;
  geoaddBuffer(key: Key, ...args: ('NX' | 'XX' | 'CH' | ArgInput)[]): P;
  /** Returns the distance between two members of a geospatial index. `GEODIST key member1 member2 [M | KM | FT | MI]` (since 3.2.0) */
  geodist(key: Key, member1: Value, member2: Value, ...args: ('M' | 'KM' | 'FT' | 'MI' | ArgInput)[]): P;
  geodistBuffer(key: Key, member1: Value, member2: Value, ...args: ('M' | 'KM' | 'FT' | 'MI' | ArgInput)[]): P;
  /** Returns members of a geospatial index as standard geohash strings. `GEOHASH key [member [member ...]]` (since 3.2.0) */
  geohash(key: Key, ...args: (ArgInput)[]): P;
  geohashBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Returns longitude and latitude of members of a geospatial index. `GEOPOS key [member [member ...]]` (since 3.2.0) */
  geopos(key: Key, ...args: (ArgInput)[]): P;
  geoposBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point. `GEORADIUS key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadius(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): P;
  georadiusBuffer(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): P;
  /** A read-only variant for GEORADIUS. `GEORADIUS_RO key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadius_ro(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): P;
  georadius_roBuffer(key: Key, longitude: Num, latitude: Num, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): P;
  /** Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a member. `GEORADIUSBYMEMBER key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key | STOREDIST key]` (since 3.2.0) */
  georadiusbymember(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): P;
  georadiusbymemberBuffer(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | 'STORE' | 'STOREDIST' | ArgInput)[]): P;
  /** A read-only variant for GEORADIUSBYMEMBER. `GEORADIUSBYMEMBER_RO key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]` (since 3.2.10) */
  georadiusbymember_ro(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): P;
  georadiusbymember_roBuffer(key: Key, member: Value, radius: Num, ...args: ('M' | 'KM' | 'FT' | 'MI' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | 'COUNT' | 'ANY' | 'ASC' | 'DESC' | ArgInput)[]): P;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.. `GEOSEARCH key <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]` (since 6.2.0) */
  geosearch(key: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | ArgInput)[]): P;
  geosearchBuffer(key: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'WITHCOORD' | 'WITHDIST' | 'WITHHASH' | ArgInput)[]): P;
  /** Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.. `GEOSEARCHSTORE destination source <FROMMEMBER member | FROMLONLAT longitude latitude> <BYRADIUS radius <M | KM | FT | MI> | BYBOX width height <M | KM | FT | MI>> [ASC | DESC] [COUNT count [ANY]] [STOREDIST]` (since 6.2.0) */
  geosearchstore(destination: Key, source: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'STOREDIST' | ArgInput)[]): P;
  geosearchstoreBuffer(destination: Key, source: Key, ...args: ('FROMMEMBER' | 'FROMLONLAT' | 'BYRADIUS' | 'M' | 'KM' | 'FT' | 'MI' | 'BYBOX' | 'ASC' | 'DESC' | 'COUNT' | 'ANY' | 'STOREDIST' | ArgInput)[]): P;
  /** Get the value of a key. `GET key` (since 1.0.0) */
  get(key: Key): P;
  getBuffer(key: Key): P;
  /** Returns the bit value at offset in the string value stored at key. `GETBIT key offset` (since 2.2.0) */
  getbit(key: Key, offset: Num): P;
  getbitBuffer(key: Key, offset: Num): P;
  /** Get the value of a key and delete the key. `GETDEL key` (since 6.2.0) */
  getdel(key: Key): P;
  getdelBuffer(key: Key): P;
  /** Get the value of a key and optionally set its expiration. `GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]` (since 6.2.0) */
  getex(key: Key, ...args: ('EX' | 'PX' | 'EXAT' | 'PXAT' | 'PERSIST' | ArgInput)[]): P;
  getexBuffer(key: Key, ...args: ('EX' | 'PX' | 'EXAT' | 'PXAT' | 'PERSIST' | ArgInput)[]): P;
  /** Get a substring of the string stored at a key. `GETRANGE key start end` (since 2.4.0) */
  getrange(key: Key, start: Num, end: Num): P;
  getrangeBuffer(key: Key, start: Num, end: Num): P;
  /** Set the string value of a key and return its old value. `GETSET key value` (since 1.0.0) */
  getset(key: Key, value: Value): P;
  getsetBuffer(key: Key, value: Value): P;
  /** Delete one or more hash fields. `HDEL key field [field ...]` (since 2.0.0) */
  hdel(key: Key, ...args: (ArgInput)[]): P;
  hdelBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Handshake with Redis. `HELLO [protover [AUTH username password] [SETNAME clientname]]` (since 6.0.0) */
  hello(...args: ('AUTH' | 'SETNAME' | ArgInput)[]): P;
  helloBuffer(...args: ('AUTH' | 'SETNAME' | ArgInput)[]): P;
  /** Determine if a hash field exists. `HEXISTS key field` (since 2.0.0) */
  hexists(key: Key, field: Value): P;
  hexistsBuffer(key: Key, field: Value): P;
  /** Get the value of a hash field. `HGET key field` (since 2.0.0) */
  hget(key: Key, field: Value): P;
  hgetBuffer(key: Key, field: Value): P;
  /** Get all the fields and values in a hash. `HGETALL key` (since 2.0.0) */
  hgetall(key: Key): P;
  hgetallBuffer(key: Key): P;
  /** Increment the integer value of a hash field by the given number. `HINCRBY key field increment` (since 2.0.0) */
  hincrby(key: Key, field: Value, increment: Num): P;
  hincrbyBuffer(key: Key, field: Value, increment: Num): P;
  /** Increment the float value of a hash field by the given amount. `HINCRBYFLOAT key field increment` (since 2.6.0) */
  hincrbyfloat(key: Key, field: Value, increment: Num): P;
  hincrbyfloatBuffer(key: Key, field: Value, increment: Num): P;
  /** Get all the fields in a hash. `HKEYS key` (since 2.0.0) */
  hkeys(key: Key): P;
  hkeysBuffer(key: Key): P;
  /** Get the number of fields in a hash. `HLEN key` (since 2.0.0) */
  hlen(key: Key): P;
  hlenBuffer(key: Key): P;
  /** Get the values of all the given hash fields. `HMGET key field [field ...]` (since 2.0.0) */
  hmget(key: Key, ...args: (ArgInput)[]): P;
  hmgetBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Set multiple hash fields to multiple values. `HMSET key field value [field value ...]` (since 2.0.0) */
  hmset(key: Key, ...args: (ArgInput)[]): P;
  hmsetBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Get one or multiple random fields from a hash. `HRANDFIELD key [count [WITHVALUES]]` (since 6.2.0) */
  hrandfield(key: Key, ...args: ('WITHVALUES' | ArgInput)[]): P;
  hrandfieldBuffer(key: Key, ...args: ('WITHVALUES' | ArgInput)[]): P;
  /** Incrementally iterate hash fields and associated values. `HSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  hscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  hscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  /** Set the string value of a hash field. `HSET key field value [field value ...]` (since 2.0.0) */
  hset(key: Key, ...args: (ArgInput)[]): P;
  hsetBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Set the value of a hash field, only if the field does not exist. `HSETNX key field value` (since 2.0.0) */
  hsetnx(key: Key, field: Value, value: Value): P;
  hsetnxBuffer(key: Key, field: Value, value: Value): P;
  /** Get the length of the value of a hash field. `HSTRLEN key field` (since 3.2.0) */
  hstrlen(key: Key, field: Value): P;
  hstrlenBuffer(key: Key, field: Value): P;
  /** Get all the values in a hash. `HVALS key` (since 2.0.0) */
  hvals(key: Key): P;
  hvalsBuffer(key: Key): P;
  /** Increment the integer value of a key by one. `INCR key` (since 1.0.0) */
  incr(key: Key): P;
  incrBuffer(key: Key): P;
  /** Increment the integer value of a key by the given amount. `INCRBY key increment` (since 1.0.0) */
  incrby(key: Key, increment: Num): P;
  incrbyBuffer(key: Key, increment: Num): P;
  /** Increment the float value of a key by the given amount. `INCRBYFLOAT key increment` (since 2.6.0) */
  incrbyfloat(key: Key, increment: Num): P;
  incrbyfloatBuffer(key: Key, increment: Num): P;
  /** Get information and statistics about the server. `INFO [section [section ...]]` (since 1.0.0) */
  info(...args: (ArgInput)[]): P;
  infoBuffer(...args: (ArgInput)[]): P;
  /** Find all keys matching the given pattern. `KEYS pattern` (since 1.0.0) */
  keys(pattern: Key): P;
  keysBuffer(pattern: Key): P;
  /** Get the UNIX time stamp of the last successful save to disk. `LASTSAVE` (since 1.0.0) */
  lastsave(): P;
  lastsaveBuffer(): P;
  /** Find longest common substring. `LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]` (since 7.0.0) */
  lcs(key1: Value, key2: Value, ...args: ('LEN' | 'IDX' | 'MINMATCHLEN' | 'WITHMATCHLEN' | ArgInput)[]): P;
  lcsBuffer(key1: Value, key2: Value, ...args: ('LEN' | 'IDX' | 'MINMATCHLEN' | 'WITHMATCHLEN' | ArgInput)[]): P;
  /** Get an element from a list by its index. `LINDEX key index` (since 1.0.0) */
  lindex(key: Key, index: Num): P;
  lindexBuffer(key: Key, index: Num): P;
  /** Insert an element before or after another element in a list. `LINSERT key <BEFORE | AFTER> pivot element` (since 2.2.0) */
  linsert(key: Key, ...args: ('BEFORE' | 'AFTER' | ArgInput)[]): P;
  linsertBuffer(key: Key, ...args: ('BEFORE' | 'AFTER' | ArgInput)[]): P;
  /** Get the length of a list. `LLEN key` (since 1.0.0) */
  llen(key: Key): P;
  llenBuffer(key: Key): P;
  /** Pop an element from a list, push it to another list and return it. `LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>` (since 6.2.0) */
  lmove(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): P;
  lmoveBuffer(source: Key, destination: Key, ...args: ('LEFT' | 'RIGHT' | ArgInput)[]): P;
  /** Pop elements from a list. `LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` (since 7.0.0) */
  lmpop(numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): P;
  lmpopBuffer(numkeys: Num, ...args: ('LEFT' | 'RIGHT' | 'COUNT' | ArgInput)[]): P;
  /** Remove and get the first elements in a list. `LPOP key [count]` (since 1.0.0) */
  lpop(key: Key, ...args: (ArgInput)[]): P;
  lpopBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Return the index of matching elements on a list. `LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]` (since 6.0.6) */
  lpos(key: Key, element: Value, ...args: ('RANK' | 'COUNT' | 'MAXLEN' | ArgInput)[]): P;
  lposBuffer(key: Key, element: Value, ...args: ('RANK' | 'COUNT' | 'MAXLEN' | ArgInput)[]): P;
  /** Prepend one or multiple elements to a list. `LPUSH key element [element ...]` (since 1.0.0) */
  lpush(key: Key, ...args: (ArgInput)[]): P;
  lpushBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Prepend an element to a list, only if the list exists. `LPUSHX key element [element ...]` (since 2.2.0) */
  lpushx(key: Key, ...args: (ArgInput)[]): P;
  lpushxBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Get a range of elements from a list. `LRANGE key start stop` (since 1.0.0) */
  lrange(key: Key, start: Num, stop: Num): P;
  lrangeBuffer(key: Key, start: Num, stop: Num): P;
  /** Remove elements from a list. `LREM key count element` (since 1.0.0) */
  lrem(key: Key, count: Num, element: Value): P;
  lremBuffer(key: Key, count: Num, element: Value): P;
  /** Set the value of an element in a list by its index. `LSET key index element` (since 1.0.0) */
  lset(key: Key, index: Num, element: Value): P;
  lsetBuffer(key: Key, index: Num, element: Value): P;
  /** Trim a list to the specified range. `LTRIM key start stop` (since 1.0.0) */
  ltrim(key: Key, start: Num, stop: Num): P;
  ltrimBuffer(key: Key, start: Num, stop: Num): P;
  /** A container for memory diagnostics commands. `MEMORY` (since 4.0.0) */
  memory(subcommand: 'USAGE' | 'usage' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  memoryBuffer(subcommand: 'USAGE' | 'usage' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Get the values of all the given keys. `MGET key [key ...]` (since 1.0.0) */
  mget(...args: (ArgInput)[]): P;
  mgetBuffer(...args: (ArgInput)[]): P;
  /** Move a key to another database. `MOVE key db` (since 1.0.0) */
  move(key: Key, db: Num): P;
  moveBuffer(key: Key, db: Num): P;
  /** Set multiple keys to multiple values. `MSET key value [key value ...]` (since 1.0.1) */
  mset(...args: (ArgInput)[]): P;
  msetBuffer(...args: (ArgInput)[]): P;
  /** Set multiple keys to multiple values, only if none of the keys exist. `MSETNX key value [key value ...]` (since 1.0.1) */
  msetnx(...args: (ArgInput)[]): P;
  msetnxBuffer(...args: (ArgInput)[]): P;
  /** A container for object introspection commands. `OBJECT` (since 2.2.3) */
  object(subcommand: 'ENCODING' | 'encoding' | 'REFCOUNT' | 'refcount' | 'IDLETIME' | 'idletime' | 'FREQ' | 'freq' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  objectBuffer(subcommand: 'ENCODING' | 'encoding' | 'REFCOUNT' | 'refcount' | 'IDLETIME' | 'idletime' | 'FREQ' | 'freq' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Set a key's time to live in milliseconds. `PEXPIRE key milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpire(key: Key, milliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  pexpireBuffer(key: Key, milliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  /** Set the expiration for a key as a UNIX timestamp specified in milliseconds. `PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]` (since 2.6.0) */
  pexpireat(key: Key, unixTimeMilliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  pexpireatBuffer(key: Key, unixTimeMilliseconds: Num, ...args: ('NX' | 'XX' | 'GT' | 'LT' | ArgInput)[]): P;
  /** Get the expiration Unix timestamp for a key in milliseconds. `PEXPIRETIME key` (since 7.0.0) */
  pexpiretime(key: Key): P;
  pexpiretimeBuffer(key: Key): P;
  /** Adds the specified elements to the specified HyperLogLog.. `PFADD key [element [element ...]]` (since 2.8.9) */
  pfadd(key: Key, ...args: (ArgInput)[]): P;
  pfaddBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).. `PFCOUNT key [key ...]` (since 2.8.9) */
  pfcount(...args: (ArgInput)[]): P;
  pfcountBuffer(...args: (ArgInput)[]): P;
  /** Internal commands for debugging HyperLogLog values. `PFDEBUG subcommand key` (since 2.8.9) */
  pfdebug(subcommand: Value, key: Key): P;
  pfdebugBuffer(subcommand: Value, key: Key): P;
  /** Merge N different HyperLogLogs into a single one.. `PFMERGE destkey [sourcekey [sourcekey ...]]` (since 2.8.9) */
  pfmerge(destkey: Key, ...args: (ArgInput)[]): P;
  pfmergeBuffer(destkey: Key, ...args: (ArgInput)[]): P;
  /** Ping the server. `PING [message]` (since 1.0.0) */
  ping(...args: (ArgInput)[]): P;
  pingBuffer(...args: (ArgInput)[]): P;
  /** Set the value and expiration in milliseconds of a key. `PSETEX key milliseconds value` (since 2.6.0) */
  psetex(key: Key, milliseconds: Num, value: Value): P;
  psetexBuffer(key: Key, milliseconds: Num, value: Value): P;
  /** Get the time to live for a key in milliseconds. `PTTL key` (since 2.6.0) */
  pttl(key: Key): P;
  pttlBuffer(key: Key): P;
  /** Post a message to a channel. `PUBLISH channel message` (since 2.0.0) */
  publish(channel: Value, message: Value): P;
  publishBuffer(channel: Value, message: Value): P;
  /** A container for Pub/Sub commands. `PUBSUB` (since 2.8.0) */
  pubsub(subcommand: 'CHANNELS' | 'channels' | 'NUMSUB' | 'numsub' | 'NUMPAT' | 'numpat' | 'SHARDCHANNELS' | 'shardchannels' | 'SHARDNUMSUB' | 'shardnumsub' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  pubsubBuffer(subcommand: 'CHANNELS' | 'channels' | 'NUMSUB' | 'numsub' | 'NUMPAT' | 'numpat' | 'SHARDCHANNELS' | 'shardchannels' | 'SHARDNUMSUB' | 'shardnumsub' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Return a random key from the keyspace. `RANDOMKEY` (since 1.0.0) */
  randomkey(): P;
  randomkeyBuffer(): P;
  /** Rename a key. `RENAME key newkey` (since 1.0.0) */
  rename(key: Key, newkey: Key): P;
  renameBuffer(key: Key, newkey: Key): P;
  /** Rename a key, only if the new key does not exist. `RENAMENX key newkey` (since 1.0.0) */
  renamenx(key: Key, newkey: Key): P;
  renamenxBuffer(key: Key, newkey: Key): P;
  /** Reset the connection. `RESET` (since 6.2.0) */
  reset(): P;
  resetBuffer(): P;
  /** Create a key using the provided serialized value, previously obtained using DUMP.. `RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]` (since 2.6.0) */
  restore(key: Key, ttl: Value, serializedValue: Value, ...args: ('REPLACE' | 'ABSTTL' | 'IDLETIME' | 'FREQ' | ArgInput)[]): P;
  restoreBuffer(key: Key, ttl: Value, serializedValue: Value, ...args: ('REPLACE' | 'ABSTTL' | 'IDLETIME' | 'FREQ' | ArgInput)[]): P;
  /** Remove and get the last elements in a list. `RPOP key [count]` (since 1.0.0) */
  rpop(key: Key, ...args: (ArgInput)[]): P;
  rpopBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Remove the last element in a list, prepend it to another list and return it. `RPOPLPUSH source destination` (since 1.2.0) */
  rpoplpush(source: Key, destination: Key): P;
  rpoplpushBuffer(source: Key, destination: Key): P;
  /** Append one or multiple elements to a list. `RPUSH key element [element ...]` (since 1.0.0) */
  rpush(key: Key, ...args: (ArgInput)[]): P;
  rpushBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Append an element to a list, only if the list exists. `RPUSHX key element [element ...]` (since 2.2.0) */
  rpushx(key: Key, ...args: (ArgInput)[]): P;
  rpushxBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Add one or more members to a set. `SADD key member [member ...]` (since 1.0.0) */
  sadd(key: Key, ...args: (ArgInput)[]): P;
  saddBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Synchronously save the dataset to disk. `SAVE` (since 1.0.0) */
  save(): P;
  saveBuffer(): P;
  /** Incrementally iterate the keys space. `SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]` (since 2.8.0) */
  scan(cursor: Value, ...args: ('MATCH' | 'COUNT' | 'TYPE' | ArgInput)[]): P;
  scanBuffer(cursor: Value, ...args: ('MATCH' | 'COUNT' | 'TYPE' | ArgInput)[]): P;
  /** Get the number of members in a set. `SCARD key` (since 1.0.0) */
  scard(key: Key): P;
  scardBuffer(key: Key): P;
  /** A container for Lua scripts management commands. `SCRIPT` (since 2.6.0) */
  script(subcommand: 'DEBUG' | 'debug' | 'HELP' | 'help' | 'EXISTS' | 'exists' | 'KILL' | 'kill' | 'FLUSH' | 'flush' | 'LOAD' | 'load', ...args: (ArgInput)[]): P;
  scriptBuffer(subcommand: 'DEBUG' | 'debug' | 'HELP' | 'help' | 'EXISTS' | 'exists' | 'KILL' | 'kill' | 'FLUSH' | 'flush' | 'LOAD' | 'load', ...args: (ArgInput)[]): P;
  /** Subtract multiple sets. `SDIFF key [key ...]` (since 1.0.0) */
  sdiff(...args: (ArgInput)[]): P;
  sdiffBuffer(...args: (ArgInput)[]): P;
  /** Subtract multiple sets and store the resulting set in a key. `SDIFFSTORE destination key [key ...]` (since 1.0.0) */
  sdiffstore(destination: Key, ...args: (ArgInput)[]): P;
  sdiffstoreBuffer(destination: Key, ...args: (ArgInput)[]): P;
  /** Change the selected database for the current connection. `SELECT index` (since 1.0.0) */
  select(index: Num): P;
  selectBuffer(index: Num): P;
  /** Set the string value of a key. `SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]` (since 1.0.0) */
  set(key: Key, value: Value, ...args: ('NX' | 'XX' | 'GET' | 'EX' | 'PX' | 'EXAT' | 'PXAT' | 'KEEPTTL' | ArgInput)[]): P;
  setBuffer(key: Key, value: Value, ...args: ('NX' | 'XX' | 'GET' | 'EX' | 'PX' | 'EXAT' | 'PXAT' | 'KEEPTTL' | ArgInput)[]): P;
  /** Sets or clears the bit at offset in the string value stored at key. `SETBIT key offset value` (since 2.2.0) */
  setbit(key: Key, offset: Num, value: Value): P;
  setbitBuffer(key: Key, offset: Num, value: Value): P;
  /** Set the value and expiration of a key. `SETEX key seconds value` (since 2.0.0) */
  setex(key: Key, seconds: Num, value: Value): P;
  setexBuffer(key: Key, seconds: Num, value: Value): P;
  /** Set the value of a key, only if the key does not exist. `SETNX key value` (since 1.0.0) */
  setnx(key: Key, value: Value): P;
  setnxBuffer(key: Key, value: Value): P;
  /** Overwrite part of a string at key starting at the specified offset. `SETRANGE key offset value` (since 2.2.0) */
  setrange(key: Key, offset: Num, value: Value): P;
  setrangeBuffer(key: Key, offset: Num, value: Value): P;
  /** Synchronously save the dataset to disk and then shut down the server. `SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]` (since 1.0.0) */
  shutdown(...args: ('NOSAVE' | 'SAVE' | 'NOW' | 'FORCE' | 'ABORT' | ArgInput)[]): P;
  shutdownBuffer(...args: ('NOSAVE' | 'SAVE' | 'NOW' | 'FORCE' | 'ABORT' | ArgInput)[]): P;
  /** Intersect multiple sets. `SINTER key [key ...]` (since 1.0.0) */
  sinter(...args: (ArgInput)[]): P;
  sinterBuffer(...args: (ArgInput)[]): P;
  /** Intersect multiple sets and return the cardinality of the result. `SINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  sintercard(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  sintercardBuffer(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  /** Intersect multiple sets and store the resulting set in a key. `SINTERSTORE destination key [key ...]` (since 1.0.0) */
  sinterstore(destination: Key, ...args: (ArgInput)[]): P;
  sinterstoreBuffer(destination: Key, ...args: (ArgInput)[]): P;
  /** Determine if a given value is a member of a set. `SISMEMBER key member` (since 1.0.0) */
  sismember(key: Key, member: Value): P;
  sismemberBuffer(key: Key, member: Value): P;
  /** A container for slow log commands. `SLOWLOG` (since 2.2.12) */
  slowlog(subcommand: 'GET' | 'get' | 'LEN' | 'len' | 'RESET' | 'reset' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  slowlogBuffer(subcommand: 'GET' | 'get' | 'LEN' | 'len' | 'RESET' | 'reset' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Get all the members in a set. `SMEMBERS key` (since 1.0.0) */
  smembers(key: Key): P;
  smembersBuffer(key: Key): P;
  /** Returns the membership associated with the given elements for a set. `SMISMEMBER key member [member ...]` (since 6.2.0) */
  smismember(key: Key, ...args: (ArgInput)[]): P;
  smismemberBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Move a member from one set to another. `SMOVE source destination member` (since 1.0.0) */
  smove(source: Key, destination: Key, member: Value): P;
  smoveBuffer(source: Key, destination: Key, member: Value): P;
  /** Sort the elements in a list, set or sorted set. `SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]` (since 1.0.0) */
  sort(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | 'STORE' | ArgInput)[]): P;
  sortBuffer(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | 'STORE' | ArgInput)[]): P;
  /** Sort the elements in a list, set or sorted set. Read-only variant of SORT.. `SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]` (since 7.0.0) */
  sort_ro(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | ArgInput)[]): P;
  sort_roBuffer(key: Key, ...args: ('BY' | 'LIMIT' | 'GET' | 'ASC' | 'DESC' | 'ALPHA' | ArgInput)[]): P;
  /** Remove and return one or multiple random members from a set. `SPOP key [count]` (since 1.0.0) */
  spop(key: Key, ...args: (ArgInput)[]): P;
  spopBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Post a message to a shard channel. `SPUBLISH shardchannel message` (since 7.0.0) */
  spublish(shardchannel: Value, message: Value): P;
  spublishBuffer(shardchannel: Value, message: Value): P;
  /** Get one or multiple random members from a set. `SRANDMEMBER key [count]` (since 1.0.0) */
  srandmember(key: Key, ...args: (ArgInput)[]): P;
  srandmemberBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Remove one or more members from a set. `SREM key member [member ...]` (since 1.0.0) */
  srem(key: Key, ...args: (ArgInput)[]): P;
  sremBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Incrementally iterate Set elements. `SSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  sscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  sscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  /** Get the length of the value stored in a key. `STRLEN key` (since 2.2.0) */
  strlen(key: Key): P;
  strlenBuffer(key: Key): P;
  /** Get a substring of the string stored at a key. `SUBSTR key start end` (since 1.0.0) */
  substr(key: Key, start: Num, end: Num): P;
  substrBuffer(key: Key, start: Num, end: Num): P;
  /** Add multiple sets. `SUNION key [key ...]` (since 1.0.0) */
  sunion(...args: (ArgInput)[]): P;
  sunionBuffer(...args: (ArgInput)[]): P;
  /** Add multiple sets and store the resulting set in a key. `SUNIONSTORE destination key [key ...]` (since 1.0.0) */
  sunionstore(destination: Key, ...args: (ArgInput)[]): P;
  sunionstoreBuffer(destination: Key, ...args: (ArgInput)[]): P;
  /** Swaps two Redis databases. `SWAPDB index1 index2` (since 4.0.0) */
  swapdb(index1: Value, index2: Value): P;
  swapdbBuffer(index1: Value, index2: Value): P;
  /** Return the current server time. `TIME` (since 2.6.0) */
  time(): P;
  timeBuffer(): P;
  /** Alters the last access time of a key(s). Returns the number of existing keys specified.. `TOUCH key [key ...]` (since 3.2.1) */
  touch(...args: (ArgInput)[]): P;
  touchBuffer(...args: (ArgInput)[]): P;
  /** Get the time to live for a key in seconds. `TTL key` (since 1.0.0) */
  ttl(key: Key): P;
  ttlBuffer(key: Key): P;
  /** Determine the type stored at key. `TYPE key` (since 1.0.0) */
  type(key: Key): P;
  typeBuffer(key: Key): P;
  /** Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.. `UNLINK key [key ...]` (since 4.0.0) */
  unlink(...args: (ArgInput)[]): P;
  unlinkBuffer(...args: (ArgInput)[]): P;
  /** Forget about all watched keys. `UNWATCH` (since 2.2.0) */
  unwatch(): P;
  unwatchBuffer(): P;
  /** Watch the given keys to determine execution of the MULTI/EXEC block. `WATCH key [key ...]` (since 2.2.0) */
  watch(...args: (ArgInput)[]): P;
  watchBuffer(...args: (ArgInput)[]): P;
  /** Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.. `XACK key group id [id ...]` (since 5.0.0) */
  xack(key: Key, group: Value, ...args: (ArgInput)[]): P;
  xackBuffer(key: Key, group: Value, ...args: (ArgInput)[]): P;
  /** Appends a new entry to a stream. `XADD key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]` (since 5.0.0) */
  xadd(key: Key, ...args: ('NOMKSTREAM' | 'MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | '*' | ArgInput)[]): P;
  xaddBuffer(key: Key, ...args: ('NOMKSTREAM' | 'MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | '*' | ArgInput)[]): P;
  /** Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.. `XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]` (since 6.2.0) */
  xautoclaim(key: Key, group: Value, consumer: Value, minIdleTime: Num, start: Num, ...args: ('COUNT' | 'JUSTID' | ArgInput)[]): P;
  xautoclaimBuffer(key: Key, group: Value, consumer: Value, minIdleTime: Num, start: Num, ...args: ('COUNT' | 'JUSTID' | ArgInput)[]): P;
  /** Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.. `XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]` (since 5.0.0) */
  xclaim(key: Key, group: Value, consumer: Value, minIdleTime: Num, ...args: ('IDLE' | 'TIME' | 'RETRYCOUNT' | 'FORCE' | 'JUSTID' | 'LASTID' | ArgInput)[]): P;
  xclaimBuffer(key: Key, group: Value, consumer: Value, minIdleTime: Num, ...args: ('IDLE' | 'TIME' | 'RETRYCOUNT' | 'FORCE' | 'JUSTID' | 'LASTID' | ArgInput)[]): P;
  /** Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.. `XDEL key id [id ...]` (since 5.0.0) */
  xdel(key: Key, ...args: (ArgInput)[]): P;
  xdelBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** A container for consumer groups commands. `XGROUP` (since 5.0.0) */
  xgroup(subcommand: 'CREATE' | 'create' | 'SETID' | 'setid' | 'DESTROY' | 'destroy' | 'CREATECONSUMER' | 'createconsumer' | 'DELCONSUMER' | 'delconsumer' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  xgroupBuffer(subcommand: 'CREATE' | 'create' | 'SETID' | 'setid' | 'DESTROY' | 'destroy' | 'CREATECONSUMER' | 'createconsumer' | 'DELCONSUMER' | 'delconsumer' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** A container for stream introspection commands. `XINFO` (since 5.0.0) */
  xinfo(subcommand: 'STREAM' | 'stream' | 'GROUPS' | 'groups' | 'CONSUMERS' | 'consumers' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  xinfoBuffer(subcommand: 'STREAM' | 'stream' | 'GROUPS' | 'groups' | 'CONSUMERS' | 'consumers' | 'HELP' | 'help', ...args: (ArgInput)[]): P;
  /** Return the number of entries in a stream. `XLEN key` (since 5.0.0) */
  xlen(key: Key): P;
  xlenBuffer(key: Key): P;
  /** Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.. `XPENDING key group [[IDLE min-idle-time] start end count [consumer]]` (since 5.0.0) */
  xpending(key: Key, group: Value, ...args: ('IDLE' | ArgInput)[]): P;
  xpendingBuffer(key: Key, group: Value, ...args: ('IDLE' | ArgInput)[]): P;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval. `XRANGE key start end [COUNT count]` (since 5.0.0) */
  xrange(key: Key, start: Num, end: Num, ...args: ('COUNT' | ArgInput)[]): P;
  xrangeBuffer(key: Key, start: Num, end: Num, ...args: ('COUNT' | ArgInput)[]): P;
  /** Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.. `XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xread(...args: ('COUNT' | 'BLOCK' | 'STREAMS' | ArgInput)[]): P;
  xreadBuffer(...args: ('COUNT' | 'BLOCK' | 'STREAMS' | ArgInput)[]): P;
  /** Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.. `XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]` (since 5.0.0) */
  xreadgroup(...args: ('GROUP' | 'COUNT' | 'BLOCK' | 'NOACK' | 'STREAMS' | ArgInput)[]): P;
  xreadgroupBuffer(...args: ('GROUP' | 'COUNT' | 'BLOCK' | 'NOACK' | 'STREAMS' | ArgInput)[]): P;
  /** Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE. `XREVRANGE key end start [COUNT count]` (since 5.0.0) */
  xrevrange(key: Key, end: Num, start: Num, ...args: ('COUNT' | ArgInput)[]): P;
  xrevrangeBuffer(key: Key, end: Num, start: Num, ...args: ('COUNT' | ArgInput)[]): P;
  /** An internal command for replicating stream values. `XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]` (since 5.0.0) */
  xsetid(key: Key, lastId: Value, ...args: ('ENTRIESADDED' | 'MAXDELETEDID' | ArgInput)[]): P;
  xsetidBuffer(key: Key, lastId: Value, ...args: ('ENTRIESADDED' | 'MAXDELETEDID' | ArgInput)[]): P;
  /** Trims the stream to (approximately if '~' is passed) a certain size. `XTRIM key <MAXLEN | MINID> [= | ~] threshold [LIMIT count]` (since 5.0.0) */
  xtrim(key: Key, ...args: ('MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | ArgInput)[]): P;
  xtrimBuffer(key: Key, ...args: ('MAXLEN' | 'MINID' | '=' | '~' | 'LIMIT' | ArgInput)[]): P;
  /** Add one or more members to a sorted set, or update its score if it already exists. `ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]` (since 1.2.0) */
  zadd(key: Key, ...args: ('NX' | 'XX' | 'GT' | 'LT' | 'CH' | 'INCR' | ArgInput)[]): P;
  zaddBuffer(key: Key, ...args: ('NX' | 'XX' | 'GT' | 'LT' | 'CH' | 'INCR' | ArgInput)[]): P;
  /** Get the number of members in a sorted set. `ZCARD key` (since 1.2.0) */
  zcard(key: Key): P;
  zcardBuffer(key: Key): P;
  /** Count the members in a sorted set with scores within the given values. `ZCOUNT key min max` (since 2.0.0) */
  zcount(key: Key, min: Num, max: Num): P;
  zcountBuffer(key: Key, min: Num, max: Num): P;
  /** Subtract multiple sorted sets. `ZDIFF numkeys key [key ...] [WITHSCORES]` (since 6.2.0) */
  zdiff(numkeys: Num, ...args: ('WITHSCORES' | ArgInput)[]): P;
  zdiffBuffer(numkeys: Num, ...args: ('WITHSCORES' | ArgInput)[]): P;
  /** Subtract multiple sorted sets and store the resulting sorted set in a new key. `ZDIFFSTORE destination numkeys key [key ...]` (since 6.2.0) */
  zdiffstore(destination: Key, numkeys: Num, ...args: (ArgInput)[]): P;
  zdiffstoreBuffer(destination: Key, numkeys: Num, ...args: (ArgInput)[]): P;
  /** Increment the score of a member in a sorted set. `ZINCRBY key increment member` (since 1.2.0) */
  zincrby(key: Key, increment: Num, member: Value): P;
  zincrbyBuffer(key: Key, increment: Num, member: Value): P;
  /** Intersect multiple sorted sets. `ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zinter(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): P;
  zinterBuffer(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): P;
  /** Intersect multiple sorted sets and return the cardinality of the result. `ZINTERCARD numkeys key [key ...] [LIMIT limit]` (since 7.0.0) */
  zintercard(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  zintercardBuffer(numkeys: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  /** Intersect multiple sorted sets and store the resulting sorted set in a new key. `ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zinterstore(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): P;
  zinterstoreBuffer(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): P;
  /** Count the number of members in a sorted set between a given lexicographical range. `ZLEXCOUNT key min max` (since 2.8.9) */
  zlexcount(key: Key, min: Num, max: Num): P;
  zlexcountBuffer(key: Key, min: Num, max: Num): P;
  /** Remove and return members with scores in a sorted set. `ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]` (since 7.0.0) */
  zmpop(numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): P;
  zmpopBuffer(numkeys: Num, ...args: ('MIN' | 'MAX' | 'COUNT' | ArgInput)[]): P;
  /** Get the score associated with the given members in a sorted set. `ZMSCORE key member [member ...]` (since 6.2.0) */
  zmscore(key: Key, ...args: (ArgInput)[]): P;
  zmscoreBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Remove and return members with the highest scores in a sorted set. `ZPOPMAX key [count]` (since 5.0.0) */
  zpopmax(key: Key, ...args: (ArgInput)[]): P;
  zpopmaxBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Remove and return members with the lowest scores in a sorted set. `ZPOPMIN key [count]` (since 5.0.0) */
  zpopmin(key: Key, ...args: (ArgInput)[]): P;
  zpopminBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Get one or multiple random elements from a sorted set. `ZRANDMEMBER key [count [WITHSCORES]]` (since 6.2.0) */
  zrandmember(key: Key, ...args: ('WITHSCORES' | ArgInput)[]): P;
  zrandmemberBuffer(key: Key, ...args: ('WITHSCORES' | ArgInput)[]): P;
  /** Return a range of members in a sorted set. `ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]` (since 1.2.0) */
  zrange(key: Key, start: Num, stop: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | 'WITHSCORES' | ArgInput)[]): P;
  zrangeBuffer(key: Key, start: Num, stop: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | 'WITHSCORES' | ArgInput)[]): P;
  /** Return a range of members in a sorted set, by lexicographical range. `ZRANGEBYLEX key min max [LIMIT offset count]` (since 2.8.9) */
  zrangebylex(key: Key, min: Num, max: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  zrangebylexBuffer(key: Key, min: Num, max: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  /** Return a range of members in a sorted set, by score. `ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]` (since 1.0.5) */
  zrangebyscore(key: Key, min: Num, max: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): P;
  zrangebyscoreBuffer(key: Key, min: Num, max: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): P;
  /** Store a range of members from sorted set into another key. `ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]` (since 6.2.0) */
  zrangestore(dst: Value, src: Value, min: Num, max: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | ArgInput)[]): P;
  zrangestoreBuffer(dst: Value, src: Value, min: Num, max: Num, ...args: ('BYSCORE' | 'BYLEX' | 'REV' | 'LIMIT' | ArgInput)[]): P;
  /** Determine the index of a member in a sorted set. `ZRANK key member` (since 2.0.0) */
  zrank(key: Key, member: Value): P;
  zrankBuffer(key: Key, member: Value): P;
  /** Remove one or more members from a sorted set. `ZREM key member [member ...]` (since 1.2.0) */
  zrem(key: Key, ...args: (ArgInput)[]): P;
  zremBuffer(key: Key, ...args: (ArgInput)[]): P;
  /** Remove all members in a sorted set between the given lexicographical range. `ZREMRANGEBYLEX key min max` (since 2.8.9) */
  zremrangebylex(key: Key, min: Num, max: Num): P;
  zremrangebylexBuffer(key: Key, min: Num, max: Num): P;
  /** Remove all members in a sorted set within the given indexes. `ZREMRANGEBYRANK key start stop` (since 2.0.0) */
  zremrangebyrank(key: Key, start: Num, stop: Num): P;
  zremrangebyrankBuffer(key: Key, start: Num, stop: Num): P;
  /** Remove all members in a sorted set within the given scores. `ZREMRANGEBYSCORE key min max` (since 1.2.0) */
  zremrangebyscore(key: Key, min: Num, max: Num): P;
  zremrangebyscoreBuffer(key: Key, min: Num, max: Num): P;
  /** Return a range of members in a sorted set, by index, with scores ordered from high to low. `ZREVRANGE key start stop [WITHSCORES]` (since 1.2.0) */
  zrevrange(key: Key, start: Num, stop: Num, ...args: ('WITHSCORES' | ArgInput)[]): P;
  zrevrangeBuffer(key: Key, start: Num, stop: Num, ...args: ('WITHSCORES' | ArgInput)[]): P;
  /** Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.. `ZREVRANGEBYLEX key max min [LIMIT offset count]` (since 2.8.9) */
  zrevrangebylex(key: Key, max: Num, min: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  zrevrangebylexBuffer(key: Key, max: Num, min: Num, ...args: ('LIMIT' | ArgInput)[]): P;
  /** Return a range of members in a sorted set, by score, with scores ordered from high to low. `ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]` (since 2.2.0) */
  zrevrangebyscore(key: Key, max: Num, min: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): P;
  zrevrangebyscoreBuffer(key: Key, max: Num, min: Num, ...args: ('WITHSCORES' | 'LIMIT' | ArgInput)[]): P;
  /** Determine the index of a member in a sorted set, with scores ordered from high to low. `ZREVRANK key member` (since 2.0.0) */
  zrevrank(key: Key, member: Value): P;
  zrevrankBuffer(key: Key, member: Value): P;
  /** Incrementally iterate sorted sets elements and associated scores. `ZSCAN key cursor [MATCH pattern] [COUNT count]` (since 2.8.0) */
  zscan(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  zscanBuffer(key: Key, cursor: Value, ...args: ('MATCH' | 'COUNT' | ArgInput)[]): P;
  /** Get the score associated with the given member in a sorted set. `ZSCORE key member` (since 1.2.0) */
  zscore(key: Key, member: Value): P;
  zscoreBuffer(key: Key, member: Value): P;
  /** Add multiple sorted sets. `ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>] [WITHSCORES]` (since 6.2.0) */
  zunion(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): P;
  zunionBuffer(numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | 'WITHSCORES' | ArgInput)[]): P;
  /** Add multiple sorted sets and store the resulting sorted set in a new key. `ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE <SUM | MIN | MAX>]` (since 2.0.0) */
  zunionstore(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): P;
  zunionstoreBuffer(destination: Key, numkeys: Num, ...args: ('WEIGHTS' | 'AGGREGATE' | 'SUM' | 'MIN' | 'MAX' | ArgInput)[]): P;
}
