/**
 * The connection group: PING, ECHO, SELECT, QUIT, HELLO, AUTH, RESET and the
 * CLIENT subcommands — what a connection says about itself and to the others.
 */
import type { BlockedState } from '../blocking.js';
import type { Client } from '../client.js';
import { group } from '../command.js';
import { helpReply, subcommandSyntaxError } from '../command-docs.js';
import { isMonitor, stopMonitor } from '../command-log.js';
import { REDIS_VERSION } from '../info.js';
import { parseInt64, toInt } from '../number.js';
import { Err, ErrorReply, MapReply, OK, PONG, SetReply, SimpleString, VerbatimReply, type Reply } from '../reply.js';

/** The only user: requirepass is its password (empty: none needed). */
const DEFAULT_USER = 'default';

/** Checks credentials (Redis's ACLCheckUserCredentials for the default user) and authenticates. */
function authenticate(client: Client, user: string, password: string): boolean {
  const required = client.engine.config.requirepass;
  if (user !== DEFAULT_USER || (required !== '' && password !== required)) return false;
  client.authenticated = true;
  return true;
}

const WRONGPASS = () => new ErrorReply('WRONGPASS invalid username-password pair or user is disabled.');

/** CLIENT SETNAME's rule: no spaces, newlines or other bytes outside '!'..'~'; empty removes the name. */
function setName(client: Client, name: string): void {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) throw new ErrorReply('ERR Client names cannot contain spaces, newlines or special characters.');
  }
  client.name = name;
}

type ClientType = 'normal' | 'master' | 'replica' | 'pubsub';

/** CLIENT LIST / KILL TYPE names; null for an unknown one. */
function clientTypeByName(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal':
      return 'normal';
    case 'master':
      return 'master';
    case 'slave':
    case 'replica':
      return 'replica';
    case 'pubsub':
      return 'pubsub';
    default:
      return null;
  }
}

function clientType(client: Client): ClientType {
  return client.subscriptionCount > 0 ? 'pubsub' : 'normal';
}

function parseClientType(name: string): ClientType {
  const type = clientTypeByName(name);
  if (type === null) throw new ErrorReply(`ERR Unknown client type '${name}'`);
  return type;
}

const argvBytes = (argv: string[]) => argv.reduce((n, a) => n + a.length, 0);

/** The flags letters of CLIENT LIST, in Redis's order. */
function clientFlags(client: Client): string {
  let flags = '';
  if (isMonitor(client)) flags += 'O';
  if (client.subscriptionCount > 0) flags += 'P';
  if (client.multi !== null) flags += 'x';
  if (client.blocked) flags += 'b';
  if (client.dirtyCas) flags += 'd';
  if (client.noEvict) flags += 'e';
  return flags || 'N';
}

/**
 * One CLIENT LIST line, fields as Redis 7.0 prints them. qbuf is what the
 * host holds of the client's input; what redlite does not keep per client
 * (spare query buffer, reply buffers) reads 0; argument memory is the bytes
 * of the command being run, blocked or queued.
 * `running` is the argv of the command now executing for `client`, if any.
 */
function clientInfoLine(client: Client, running: string[] | null): string {
  const nowSecs = Math.floor(client.engine.time / 1000);
  const blocked = client.blocked as BlockedState | null;
  const argvMem = running ? argvBytes(running) : blocked ? argvBytes(blocked.argv) : 0;
  let multiMem = 0;
  for (const q of client.multi ?? []) multiMem += argvBytes(q.argv) + 8 * q.argv.length;
  return (
    `id=${client.id} addr=${client.addr} laddr=${client.laddr} fd=${client.fd} name=${client.name}` +
    ` age=${nowSecs - Math.floor(client.createdAt / 1000)} idle=${nowSecs - Math.floor(client.lastInteraction / 1000)}` +
    ` flags=${clientFlags(client)} db=${client.db.id} sub=${client.channels.size} psub=${client.patterns.size}` +
    ` ssub=${client.shardChannels.size} multi=${client.multi ? client.multi.length : -1} qbuf=${client.sink.queryBuffer?.() ?? 0} qbuf-free=0` +
    ` argv-mem=${argvMem} multi-mem=${multiMem} rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=${argvMem + multiMem}` +
    ` events=r cmd=${client.lastCommand} user=${DEFAULT_USER} redir=-1 resp=${client.resp}\n`
  );
}

/** Closes another client's connection now, or this client's once its reply is sent. */
function kill(target: Client, self: Client): void {
  if (target !== self) target.engine.disconnect(target);
  target.sink.close?.();
}

/** CLIENT KILL's filters (the new form); unset ones match every client. */
interface KillFilter {
  id?: number;
  addr?: string;
  laddr?: string;
  type?: ClientType;
  skipMe: boolean;
}

function parseKillFilter(argv: string[]): KillFilter {
  const filter: KillFilter = { skipMe: true };
  for (let i = 2; i < argv.length; i += 2) {
    const option = argv[i].toLowerCase();
    const value = argv[i + 1];
    if (value === undefined) throw Err.syntax();
    switch (option) {
      case 'id': {
        const id = parseInt64(value);
        if (id === null || id < 1n) throw new ErrorReply('ERR client-id should be greater than 0');
        filter.id = Number(id);
        break;
      }
      case 'type':
        filter.type = parseClientType(value);
        break;
      case 'addr':
        filter.addr = value;
        break;
      case 'laddr':
        filter.laddr = value;
        break;
      case 'user':
        if (value !== DEFAULT_USER) throw new ErrorReply(`ERR No such user '${value}'`);
        break;
      case 'skipme': {
        const yesNo = value.toLowerCase();
        if (yesNo !== 'yes' && yesNo !== 'no') throw Err.syntax();
        filter.skipMe = yesNo === 'yes';
        break;
      }
      default:
        throw Err.syntax();
    }
  }
  return filter;
}

function matchesKill(c: Client, f: KillFilter, self: Client): boolean {
  return (
    (f.addr === undefined || c.addr === f.addr) &&
    (f.laddr === undefined || c.laddr === f.laddr) &&
    (f.type === undefined || clientType(c) === f.type) &&
    (f.id === undefined || c.id === f.id) &&
    !(c === self && f.skipMe)
  );
}

const CLIENT_HELP = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

/** Flags shared by most CLIENT subcommands. */
const CLIENT_FLAGS = 'noscript loading stale';
const CLIENT_ADMIN_FLAGS = 'admin noscript loading stale';

export default group('connection', {
  ping: {
    arity: -1,
    flags: 'fast',
    tips: 'request_policy:all_shards response_policy:all_succeeded',
    summary: 'Ping the server',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: '[message]',
    run(client, argv) {
      if (argv.length > 2) throw Err.arity('ping');
      // A RESP2 subscriber gets PING's answer in the shape of a pub/sub message.
      if (client.inPubSubMode) return ['pong', argv[1] ?? ''];
      return argv.length === 2 ? argv[1] : PONG;
    },
  },

  echo: {
    arity: 2,
    flags: 'loading stale fast',
    summary: 'Echo the given string',
    since: '1.0.0',
    reply: 'string',
    complexity: 'O(1)',
    syntax: 'message',
    run: (_client, argv) => argv[1],
  },

  select: {
    arity: 2,
    flags: 'loading stale fast',
    summary: 'Change the selected database for the current connection',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(1)',
    syntax: 'index',
    run(client, argv) {
      const index = toInt(argv[1]);
      const db = client.engine.dbs[index];
      if (!db) throw Err.dbIndex();
      client.db = db;
      return OK;
    },
  },

  quit: {
    arity: -1,
    flags: 'noscript loading stale fast no_auth allow_busy',
    summary: 'Close the connection',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(1)',
    // The engine answers QUIT before dispatch (as Redis does); this runs only from scripts, which refuse it.
    run: () => OK,
  },

  hello: {
    arity: -1,
    flags: 'noscript loading stale fast no_auth allow_busy',
    summary: 'Handshake with Redis',
    since: '6.0.0',
    reply: '(string | number | string[])[]',
    complexity: 'O(1)',
    syntax: '[protover [AUTH username password] [SETNAME clientname]]',
    run(client, argv) {
      let version = 0;
      if (argv.length >= 2) {
        version = toInt(argv[1], () => new ErrorReply('ERR Protocol version is not an integer or out of range'));
        if (version < 2 || version > 3) return new ErrorReply('NOPROTO unsupported protocol version');
      }
      // Options apply in order, as in Redis: a later bad option leaves earlier ones done.
      for (let i = 2; i < argv.length; i++) {
        const option = argv[i].toLowerCase();
        const more = argv.length - 1 - i;
        if (option === 'auth' && more >= 2) {
          if (!authenticate(client, argv[i + 1], argv[i + 2])) return WRONGPASS();
          i += 2;
        } else if (option === 'setname' && more >= 1) {
          setName(client, argv[++i]);
        } else {
          return new ErrorReply(`ERR Syntax error in HELLO option '${argv[i]}'`);
        }
      }
      if (!client.authenticated) {
        return new ErrorReply(
          'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
        );
      }
      if (version) client.resp = version as 2 | 3;
      return new MapReply([
        'server', 'redis',
        'version', REDIS_VERSION,
        'proto', client.resp,
        'id', client.id,
        'mode', 'standalone',
        'role', 'master',
        'modules', [],
      ]);
    },
  },

  auth: {
    arity: -2,
    flags: 'noscript loading stale fast no_auth allow_busy',
    summary: 'Authenticate to the server',
    since: '1.0.0',
    reply: "'OK'",
    complexity: 'O(N) where N is the number of passwords defined for the user',
    syntax: '[username] password',
    run(client, argv) {
      if (argv.length > 3) throw Err.syntax();
      if (argv.length === 2 && client.engine.config.requirepass === '') {
        return new ErrorReply(
          'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
        );
      }
      const [user, password] = argv.length === 2 ? [DEFAULT_USER, argv[1]] : [argv[1], argv[2]];
      return authenticate(client, user, password) ? OK : WRONGPASS();
    },
  },

  reset: {
    arity: 1,
    flags: 'noscript loading stale fast no_auth allow_busy',
    summary: 'Reset the connection',
    since: '6.2.0',
    reply: "'RESET'",
    complexity: 'O(1)',
    run(client) {
      // Back to a new connection's state (Redis's clearClientConnectionState); NO-EVICT stays.
      const engine = client.engine;
      stopMonitor(client);
      client.db = engine.dbs[0];
      client.resp = 2;
      client.authenticated = engine.config.requirepass === '';
      client.multi = null;
      client.multiFailed = false;
      engine.unwatchAll(client);
      engine.pubsub.removeClient(client);
      client.name = '';
      client.replyMode = 'on';
      return new SimpleString('RESET');
    },
  },

  client: {
    arity: -2,
    summary: 'A container for client connection commands',
    since: '2.4.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      id: {
        arity: 2,
        flags: CLIENT_FLAGS,
        summary: 'Returns the client ID for the current connection',
        since: '5.0.0',
        reply: 'number',
        complexity: 'O(1)',
        run: (client) => client.id,
      },
      info: {
        arity: 2,
        flags: CLIENT_FLAGS,
        tips: 'nondeterministic_output',
        summary: 'Returns information about the current client connection.',
        since: '6.2.0',
        reply: 'string',
        complexity: 'O(1)',
        run: (client, argv) => new VerbatimReply(clientInfoLine(client, argv)),
      },
      list: {
        arity: -2,
        flags: CLIENT_ADMIN_FLAGS,
        tips: 'nondeterministic_output',
        summary: 'Get the list of client connections',
        since: '2.4.0',
        reply: 'string',
        complexity: 'O(N) where N is the number of client connections',
        syntax: '[TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]',
        run(client, argv) {
          const clients = client.engine.clients;
          let listed: Iterable<Client> = clients.values();
          if (argv.length === 4 && argv[2].toLowerCase() === 'type') {
            const type = parseClientType(argv[3]);
            listed = [...clients.values()].filter((c) => clientType(c) === type);
          } else if (argv.length > 3 && argv[2].toLowerCase() === 'id') {
            const ids = argv.slice(3).map((a) => toInt(a, () => new ErrorReply('ERR Invalid client ID')));
            listed = ids.map((id) => clients.get(id)).filter((c): c is Client => c !== undefined);
          } else if (argv.length !== 2) {
            throw Err.syntax();
          }
          let text = '';
          for (const c of listed) text += clientInfoLine(c, c === client ? argv : null);
          return new VerbatimReply(text);
        },
      },
      kill: {
        arity: -3,
        flags: CLIENT_ADMIN_FLAGS,
        summary: 'Kill the connection of a client',
        since: '2.4.0',
        reply: "'OK' | number",
        complexity: 'O(N) where N is the number of client connections',
        syntax:
          '<ip:port | <[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] [[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no] ...]>>',
        run(client, argv) {
          // The old form names one address and may kill the caller itself.
          const oldForm = argv.length === 3;
          const filter: KillFilter = oldForm ? { addr: argv[2], skipMe: false } : parseKillFilter(argv);
          const victims = [...client.engine.clients.values()].filter((c) => matchesKill(c, filter, client));
          for (const c of victims) kill(c, client);
          if (!oldForm) return victims.length;
          return victims.length ? OK : new ErrorReply('ERR No such client');
        },
      },
      setname: {
        arity: 3,
        flags: CLIENT_FLAGS,
        summary: 'Set the current connection name',
        since: '2.6.9',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: 'connection-name',
        run(client, argv) {
          setName(client, argv[2]);
          return OK;
        },
      },
      getname: {
        arity: 2,
        flags: CLIENT_FLAGS,
        summary: 'Get the current connection name',
        since: '2.6.9',
        reply: 'string | null',
        complexity: 'O(1)',
        run: (client) => client.name || null,
      },
      reply: {
        arity: 3,
        flags: CLIENT_FLAGS,
        summary: 'Instruct the server whether to reply to commands',
        since: '3.2.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: '<ON | OFF | SKIP>',
        run(client, argv) {
          // The engine reads the mode after the command: OFF and SKIP silence their own reply too.
          switch (argv[2].toLowerCase()) {
            case 'on':
              client.replyMode = 'on';
              break;
            case 'off':
              client.replyMode = 'off';
              break;
            case 'skip':
              if (client.replyMode !== 'off') client.replyMode = 'skip-next';
              break;
            default:
              throw Err.syntax();
          }
          return OK;
        },
      },
      'no-evict': {
        arity: 3,
        flags: CLIENT_ADMIN_FLAGS,
        summary: 'Set client eviction mode for the current connection',
        since: '7.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: '<ON | OFF>',
        run(client, argv) {
          const mode = argv[2].toLowerCase();
          if (mode !== 'on' && mode !== 'off') throw Err.syntax();
          client.noEvict = mode === 'on';
          return OK;
        },
      },
      unblock: {
        arity: -3,
        flags: CLIENT_ADMIN_FLAGS,
        summary: 'Unblock a client blocked in a blocking command from a different connection',
        since: '5.0.0',
        reply: 'number',
        complexity: 'O(log N) where N is the number of client connections',
        syntax: 'client-id [TIMEOUT | ERROR]',
        run(client, argv) {
          if (argv.length > 4) return subcommandSyntaxError(argv);
          let withError = false;
          if (argv.length === 4) {
            const reason = argv[3].toLowerCase();
            if (reason !== 'timeout' && reason !== 'error') {
              return new ErrorReply('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
            }
            withError = reason === 'error';
          }
          const target = client.engine.clients.get(toInt(argv[2]));
          const state = target?.blocked as BlockedState | null | undefined;
          if (!target || !state) return 0;
          const reply: Reply = withError ? new ErrorReply('UNBLOCKED client unblocked via CLIENT UNBLOCK') : state.timeoutReply;
          return client.engine.unblock(target, reply) ? 1 : 0;
        },
      },
      getredir: {
        arity: 2,
        flags: CLIENT_FLAGS,
        summary: 'Get tracking notifications redirection client ID if any',
        since: '6.0.0',
        reply: 'number',
        complexity: 'O(1)',
        // Client-side caching (CLIENT TRACKING) is not offered: tracking is always off.
        run: () => -1,
      },
      trackinginfo: {
        arity: 2,
        flags: CLIENT_FLAGS,
        summary: 'Return information about server assisted client side caching for the current connection',
        since: '6.2.0',
        reply: '(string | number | string[])[]',
        complexity: 'O(1)',
        run: () => new MapReply(['flags', new SetReply(['off']), 'redirect', -1, 'prefixes', []]),
      },
      caching: {
        arity: 3,
        flags: CLIENT_FLAGS,
        summary: 'Instruct the server about tracking or not keys in the next request',
        since: '6.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: '<YES | NO>',
        run: () =>
          new ErrorReply('ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled'),
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: (_client, argv) => helpReply(argv[0], CLIENT_HELP),
      },
    },
  },
});
