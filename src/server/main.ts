/**
 * redlite-server: `redlite-server [--port 6379] [--bind 127.0.0.1] [--requirepass pw] [--<config> value …]`.
 * Any setting CONFIG SET knows can be given as --name value, as with redis-server.
 */
import { Engine } from '../engine/engine.js';
import { findSetting } from '../engine/config.js';
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

async function main(): Promise<void> {
  let settings: Record<string, string>;
  try {
    settings = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`redlite-server: ${(e as Error).message}`);
    process.exit(1);
  }
  const engine = new Engine({
    config: settings,
    log: (level, message) => console.log(`${process.pid}:M ${new Date().toISOString()} ${level === 'warning' ? '#' : '*'} ${message}`),
  });
  const port = engine.config.int('port');
  const host = engine.config.get('bind') as string;
  const server = await listen(engine, { port, host });
  engine.log('notice', `redlite-server ready to accept connections on ${host}:${port}`);
  const stop = () => {
    engine.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
