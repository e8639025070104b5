/**
 * redlite-server: `redlite-server [--port 6379] [--bind 127.0.0.1] [--requirepass pw] [--<config> value …]`.
 * Any setting CONFIG SET knows can be given as --name value, as with redis-server.
 * With --dir or --dbfilename the data lives in that RDB file: loaded at start,
 * written by SAVE, BGSAVE and SHUTDOWN (unless NOSAVE).
 */
import type net from 'node:net';
import path from 'node:path';
import { findSetting } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { RdbFile } from './rdb-file.js';
import { listen } from './server.js';

function parseArgs(argv: string[]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${flag}`);
    const name = flag.slice(2);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (!findSetting(name)) throw new Error(`unknown setting ${name}`);
    settings[name] = value;
  }
  return settings;
}

/** `bind` may list several addresses as Redis allows; redlite listens on the first ('*': every interface). */
function listenHost(bind: string): string {
  const first = bind.split(' ').find(Boolean)?.replace(/^-/, '') ?? '127.0.0.1';
  return first === '*' ? '0.0.0.0' : first;
}

async function main(): Promise<void> {
  let settings: Record<string, string>;
  try {
    settings = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`redlite-server: ${(e as Error).message}`);
    process.exit(1);
  }
  let server: net.Server | undefined;
  const engine: Engine = new Engine({
    config: settings,
    log: (level, message) => console.log(`${process.pid}:M ${new Date().toISOString()} ${level === 'warning' ? '#' : '*'} ${message}`),
    onShutdown: (mode) => {
      if (mode !== 'nosave') rdb?.saveNow();
      stop();
    },
  });
  const rdb = 'dir' in settings || 'dbfilename' in settings ? openRdb(engine) : null;
  const stop = () => {
    engine.log('warning', 'redlite is now ready to exit, bye bye...');
    engine.close();
    server?.close();
    process.exit(0);
  };
  const port = engine.config.int('port');
  const host = listenHost(engine.config.get('bind') as string);
  server = await listen(engine, { port, host });
  engine.log('notice', `redlite-server ready to accept connections on ${host}:${port}`);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The file-backed persistence, its file loaded; exits when the file cannot be read. */
function openRdb(engine: Engine): RdbFile {
  const rdb = new RdbFile(engine, path.resolve(engine.config.get('dir') as string, engine.config.get('dbfilename') as string));
  try {
    const keys = rdb.load();
    engine.log('notice', `DB loaded from disk: ${keys} keys`);
  } catch (e) {
    console.error(`redlite-server: cannot load ${rdb.file}: ${(e as Error).message}`);
    process.exit(1);
  }
  engine.persistence = rdb;
  return rdb;
}

void main();
