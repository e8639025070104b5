/**
 * What a Node process can tell INFO about itself: process id, OS as uname
 * prints it, executable, event mechanism, memory and CPU use.
 */
import os from 'node:os';
import type { HostInfo } from '../engine/info.js';

/** uname -m names for Node's process.arch. */
const MACHINE: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', arm: 'armv7l' };
/** The kernel interface libuv polls with on each platform. */
const POLLER: Record<string, string> = { linux: 'epoll', darwin: 'kqueue', freebsd: 'kqueue', openbsd: 'kqueue', sunos: 'evport', win32: 'iocp' };

export function nodeHostInfo(): Partial<HostInfo> {
  return {
    processId: process.pid,
    os: `${os.type()} ${os.release()} ${MACHINE[process.arch] ?? process.arch}`,
    archBits: process.arch.includes('64') ? 64 : 32,
    executable: process.execPath,
    multiplexingApi: POLLER[process.platform] ?? 'libuv',
    totalSystemMemory: os.totalmem(),
    memory: () => ({ used: process.memoryUsage().heapUsed, rss: process.memoryUsage.rss() }),
    cpu: () => {
      const { user, system } = process.cpuUsage();
      return { user: user / 1e6, sys: system / 1e6 };
    },
  };
}
