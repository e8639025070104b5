/**
 * Scripting commands: EVAL and friends, SCRIPT, FUNCTION, FCALL. The Lua
 * runtime (src/scripting) loads on first use: the commands that compile Lua
 * declare `prepare`, which hosts await; the others find no script before it
 * is loaded and answer as Redis does with an empty cache.
 */
import { group, type CommandDecl } from '../command.js';
import { helpReply, subcommandSyntaxError } from '../command-docs.js';
import { parseInt64 } from '../number.js';
import { Err, ErrorReply, MapReply, OK } from '../reply.js';
import { dumpFunctions } from '../../scripting/dump.js';
import { loadedScripting, prepareScripting, scripting } from '../../scripting/loader.js';

/** numkeys as EVAL reads it; null when it is not an integer. */
function numkeysOf(s: string): number | null {
  const n = parseInt64(s);
  return n === null ? null : Number(n);
}

/** Key positions of EVAL / FCALL: numkeys names the keys after it. */
function scriptKeys(argv: string[]): number[] {
  const n = numkeysOf(argv[2]);
  if (n === null || n < 0 || n > argv.length - 3) return [];
  return Array.from({ length: n }, (_, i) => 3 + i);
}

/** Redis's numkeys checks, after its parse error (which differs between EVAL and FCALL). */
function checkNumkeys(argv: string[], notInteger: () => ErrorReply): number {
  const n = numkeysOf(argv[2]);
  if (n === null) throw notInteger();
  if (n > argv.length - 3) throw new ErrorReply("ERR Number of keys can't be greater than number of args");
  if (n < 0) throw new ErrorReply("ERR Number of keys can't be negative");
  return n;
}

function evalDecl(bySha: boolean, readOnly: boolean): CommandDecl {
  return {
    arity: -3,
    flags: `${readOnly ? 'readonly' : 'may_replicate'} noscript stale skip_monitor no_mandatory_keys`,
    getKeys: scriptKeys,
    summary: readOnly ? 'Execute a read-only Lua script server side' : 'Execute a Lua script server side',
    since: readOnly ? '7.0.0' : '2.6.0',
    complexity: 'Depends on the script that is executed.',
    syntax: `${bySha ? 'sha1' : 'script'} numkeys [key [key ...]] [arg [arg ...]]`,
    prepare: bySha ? undefined : prepareScripting,
    run(client, argv) {
      const numkeys = checkNumkeys(argv, Err.notInteger);
      if (bySha) {
        const s = loadedScripting(client.engine);
        // A SHA1 is 40 characters: anything else cannot match.
        if (!s || argv[1].length !== 40) return new ErrorReply('NOSCRIPT No matching script. Please use EVAL.');
        return s.eval(client, argv, true, readOnly, numkeys);
      }
      return scripting(client.engine).eval(client, argv, false, readOnly, numkeys);
    },
  };
}

function fcallDecl(readOnly: boolean): CommandDecl {
  return {
    arity: -3,
    flags: `${readOnly ? 'readonly' : 'may_replicate'} noscript stale skip_monitor no_mandatory_keys`,
    getKeys: scriptKeys,
    summary: readOnly ? 'Invoke a read-only function' : 'Invoke a function',
    since: '7.0.0',
    complexity: 'Depends on the function that is executed.',
    syntax: 'function numkeys [key [key ...]] [arg [arg ...]]',
    run(client, argv) {
      const s = loadedScripting(client.engine);
      const fn = s?.functions.get(argv[1].toLowerCase());
      if (!s || !fn) return new ErrorReply('ERR Function not found');
      const numkeys = checkNumkeys(argv, () => new ErrorReply('ERR Bad number of keys provided'));
      return s.fcall(client, argv, fn, readOnly, numkeys);
    },
  };
}

/** FLUSH's optional ASYNC | SYNC (both flush at once here). */
function checkFlushMode(argv: string[], message: string): void {
  if (argv.length === 2) return;
  const mode = argv[2].toLowerCase();
  if (argv.length > 3 || (mode !== 'sync' && mode !== 'async')) throw new ErrorReply(`ERR ${message}`);
}

/** FUNCTION DUMP and FUNCTION STATS before any library exists (the runtime is not even loaded). */
const EMPTY_DUMP = dumpFunctions([]);
const EMPTY_STATS = new MapReply([
  'running_script',
  null,
  'engines',
  new MapReply(['LUA', new MapReply(['libraries_count', 0, 'functions_count', 0])]),
]);

const SCRIPT_HELP = [
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
];

const FUNCTION_HELP = [
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
];

export default group('scripting', {
  eval: evalDecl(false, false),
  evalsha: evalDecl(true, false),
  eval_ro: evalDecl(false, true),
  evalsha_ro: evalDecl(true, true),
  fcall: fcallDecl(false),
  fcall_ro: fcallDecl(true),
  script: {
    arity: -2,
    summary: 'A container for Lua scripts management commands',
    since: '2.6.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      debug: {
        arity: 3,
        flags: 'noscript',
        summary: 'Set the debug mode for executed scripts.',
        since: '3.2.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: 'YES | SYNC | NO',
        run(_client, argv) {
          const mode = argv[2].toLowerCase();
          if (mode === 'no') return OK;
          if (mode === 'yes' || mode === 'sync') return new ErrorReply('ERR redlite has no Lua debugger');
          return new ErrorReply('ERR Use SCRIPT DEBUG YES/SYNC/NO');
        },
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '5.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: () => helpReply('script', SCRIPT_HELP),
      },
      exists: {
        arity: -3,
        flags: 'noscript',
        tips: 'request_policy:all_shards response_policy:agg_logical_and',
        summary: 'Check existence of scripts in the script cache.',
        since: '2.6.0',
        reply: 'number[]',
        complexity: 'O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).',
        syntax: 'sha1 [sha1 ...]',
        run(client, argv) {
          const s = loadedScripting(client.engine);
          return argv.slice(2).map((sha) => (s?.scriptExists(sha) ? 1 : 0));
        },
      },
      kill: {
        arity: 2,
        flags: 'noscript allow_busy',
        tips: 'request_policy:all_shards response_policy:one_succeeded',
        summary: 'Kill the script currently in execution.',
        since: '2.6.0',
        reply: "'OK'",
        complexity: 'O(1)',
        run: (client) => loadedScripting(client.engine)?.kill(true) ?? new ErrorReply('NOTBUSY No scripts in execution right now.'),
      },
      flush: {
        arity: -2,
        flags: 'noscript',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        summary: 'Remove all the scripts from the script cache.',
        since: '2.6.0',
        reply: "'OK'",
        complexity: 'O(N) with N being the number of scripts in cache',
        syntax: '[ASYNC | SYNC]',
        run(client, argv) {
          checkFlushMode(argv, 'SCRIPT FLUSH only support SYNC|ASYNC option');
          loadedScripting(client.engine)?.flushScripts();
          return OK;
        },
      },
      load: {
        arity: 3,
        flags: 'noscript stale',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        summary: 'Load the specified Lua script into the script cache.',
        since: '2.6.0',
        reply: 'string',
        complexity: 'O(N) with N being the length in bytes of the script body.',
        syntax: 'script',
        prepare: prepareScripting,
        run: (client, argv) => scripting(client.engine).loadScript(argv[2]),
      },
    },
  },
  function: {
    arity: -2,
    summary: 'A container for function commands',
    since: '7.0.0',
    complexity: 'Depends on subcommand.',
    subcommands: {
      list: {
        arity: -2,
        flags: 'noscript',
        tips: 'nondeterministic_output_order',
        summary: 'List information about all the functions',
        since: '7.0.0',
        reply: "(string | (string | null | ('no-writes' | 'allow-oom' | 'allow-stale' | 'no-cluster' | 'allow-cross-slot-keys')[])[][])[][]",
        complexity: 'O(N) where N is the number of functions',
        syntax: '[LIBRARYNAME library-name-pattern] [WITHCODE]',
        run(client, argv) {
          let withCode = false;
          let pattern: string | null = null;
          for (let i = 2; i < argv.length; i++) {
            const arg = argv[i].toLowerCase();
            if (!withCode && arg === 'withcode') {
              withCode = true;
            } else if (pattern === null && arg === 'libraryname') {
              if (i >= argv.length - 1) return new ErrorReply('ERR library name argument was not given');
              pattern = argv[++i];
            } else {
              return new ErrorReply(`ERR Unknown argument ${argv[i]}`);
            }
          }
          return loadedScripting(client.engine)?.list(pattern, withCode) ?? [];
        },
      },
      delete: {
        arity: 3,
        flags: 'write noscript',
        tips: 'request_policy:all_shards response_policy:all_succeeded',
        summary: 'Delete a function by name',
        since: '7.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        syntax: 'library-name',
        run(client, argv) {
          if (!loadedScripting(client.engine)?.deleteLibrary(argv[2])) return new ErrorReply('ERR Library not found');
          client.engine.dirty++;
          return OK;
        },
      },
      kill: {
        arity: 2,
        flags: 'noscript allow_busy',
        tips: 'request_policy:all_shards response_policy:one_succeeded',
        summary: 'Kill the function currently in execution.',
        since: '7.0.0',
        reply: "'OK'",
        complexity: 'O(1)',
        run: (client) => loadedScripting(client.engine)?.kill(false) ?? new ErrorReply('NOTBUSY No scripts in execution right now.'),
      },
      restore: {
        arity: -3,
        flags: 'write denyoom noscript',
        tips: 'request_policy:all_shards response_policy:all_succeeded',
        summary: 'Restore all the functions on the given payload',
        since: '7.0.0',
        reply: "'OK'",
        complexity: 'O(N) where N is the number of functions on the payload',
        syntax: 'serialized-value [FLUSH | APPEND | REPLACE]',
        prepare: prepareScripting,
        run(client, argv) {
          if (argv.length > 4) return subcommandSyntaxError(argv);
          const policy = (argv[3] ?? 'append').toLowerCase();
          if (policy !== 'append' && policy !== 'replace' && policy !== 'flush') {
            return new ErrorReply('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
          }
          const reply = scripting(client.engine).restore(argv[2], policy);
          if (reply === OK) client.engine.dirty++;
          return reply;
        },
      },
      dump: {
        arity: 2,
        flags: 'noscript',
        summary: 'Dump all functions into a serialized binary payload',
        since: '7.0.0',
        reply: 'string',
        complexity: 'O(N) where N is the number of functions',
        run: (client) => loadedScripting(client.engine)?.dump() ?? EMPTY_DUMP,
      },
      flush: {
        arity: -2,
        flags: 'write noscript',
        tips: 'request_policy:all_shards response_policy:all_succeeded',
        summary: 'Deleting all functions',
        since: '7.0.0',
        reply: "'OK'",
        complexity: 'O(N) where N is the number of functions deleted',
        syntax: '[ASYNC | SYNC]',
        run(client, argv) {
          if (argv.length > 3) return subcommandSyntaxError(argv);
          checkFlushMode(argv, 'FUNCTION FLUSH only supports SYNC|ASYNC option');
          loadedScripting(client.engine)?.flushFunctions();
          client.engine.dirty++;
          return OK;
        },
      },
      load: {
        arity: -3,
        flags: 'write denyoom noscript',
        tips: 'request_policy:all_shards response_policy:all_succeeded',
        summary: 'Create a function with the given arguments (name, code, description)',
        since: '7.0.0',
        reply: 'string',
        complexity: 'O(1) (considering compilation time is redundant)',
        syntax: '[REPLACE] function-code',
        prepare: prepareScripting,
        run(client, argv) {
          let replace = false;
          let i = 2;
          for (; i < argv.length - 1; i++) {
            if (argv[i].toLowerCase() !== 'replace') return new ErrorReply(`ERR Unknown option given: ${argv[i]}`);
            replace = true;
          }
          const name = scripting(client.engine).loadLibrary(argv[i], replace);
          if (typeof name === 'string') client.engine.dirty++;
          return name;
        },
      },
      help: {
        arity: 2,
        flags: 'loading stale',
        summary: 'Show helpful text about the different subcommands',
        since: '7.0.0',
        reply: 'string[]',
        complexity: 'O(1)',
        run: () => helpReply('function', FUNCTION_HELP),
      },
      stats: {
        arity: 2,
        flags: 'noscript allow_busy',
        tips: 'nondeterministic_output request_policy:all_shards response_policy:special',
        summary: 'Return information about the function currently running (name, description, duration)',
        since: '7.0.0',
        reply: '(string | null | (string | number | string[])[] | (string | (string | number)[])[])[]',
        complexity: 'O(1)',
        run(client) {
          const s = loadedScripting(client.engine);
          if (s?.busyWithEval) return new ErrorReply('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.');
          return s?.stats() ?? EMPTY_STATS;
        },
      },
    },
  },
});
