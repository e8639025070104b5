/**
 * INFO: the sections Redis 7.0 prints, with its field names and order, filled
 * from the engine's own figures. What only the host can know (the process,
 * bytes on the wire, memory, CPU) comes from `engine.host`; what redlite does
 * not have (replicas, forks, AOF, jemalloc) is reported as Redis reports an
 * idle standalone server without it: zeros, "ok", -1.
 */
import type { Engine } from './engine.js';

/** Facts and counters only the host has. The RESP server fills them; the browser leaves defaults. */
export interface HostInfo {
  processId: number;
  /** "Linux 6.1.0 x86_64", as uname prints it. */
  os: string;
  archBits: number;
  executable: string;
  /** The event mechanism under the host's I/O (epoll, kqueue …). */
  multiplexingApi: string;
  tcpPort: number;
  /** Bytes read from and written to clients, and the read / write calls. */
  netInputBytes: number;
  netOutputBytes: number;
  readsProcessed: number;
  writesProcessed: number;
  /** Connections refused at maxclients. */
  rejectedConnections: number;
  totalSystemMemory: number;
  /** Bytes in use and resident, when the runtime can tell. */
  memory?(): { used: number; rss: number };
  /** CPU seconds used by the process, when the runtime can tell. */
  cpu?(): { user: number; sys: number };
}

export function newHostInfo(): HostInfo {
  return {
    processId: 0,
    os: '',
    archBits: 64,
    executable: '',
    multiplexingApi: '',
    tcpPort: 0,
    netInputBytes: 0,
    netOutputBytes: 0,
    readsProcessed: 0,
    writesProcessed: 0,
    rejectedConnections: 0,
    totalSystemMemory: 0,
  };
}

/** The Redis version redlite answers as (INFO redis_version, HELLO version). */
export const REDIS_VERSION = '7.0.15';
/** redlite's own version, reported beside it. */
export const REDLITE_VERSION = '0.1.0';

const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'module_list', 'errorstats', 'cluster', 'keyspace'];

/** Per-engine state INFO keeps between calls: ids, peaks, the ops/sec samples. */
interface InfoState {
  runId: string;
  replId: string;
  peakMemory: number;
  samples: { at: number; commands: number }[];
}
const STATES = new WeakMap<Engine, InfoState>();
const OPS_SAMPLES = 16;

function stateOf(engine: Engine): InfoState {
  let s = STATES.get(engine);
  if (!s) STATES.set(engine, (s = { runId: randomHex(engine, 40), replId: randomHex(engine, 40), peakMemory: 0, samples: [] }));
  return s;
}

function randomHex(engine: Engine, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(engine.random() * 16).toString(16);
  return out;
}

/** The replication id Redis would report (stable for the engine's life). */
export function replicationId(engine: Engine): string {
  return stateOf(engine).replId;
}

/**
 * INFO's text for its arguments: none or "default" for the default sections,
 * "all" for every section, "everything" for all plus module sections, or
 * section names (case-insensitive). Unknown names add nothing.
 */
export function infoText(engine: Engine, args: string[]): string {
  const wanted = new Set<string>();
  let all = false;
  for (const arg of args.length ? args : ['default']) {
    const name = arg.toLowerCase();
    if (name === 'default') DEFAULT_SECTIONS.forEach((s) => wanted.add(s));
    else if (name === 'all' || name === 'everything') all = true;
    else wanted.add(name);
  }
  const has = (...names: string[]) => all || names.some((n) => wanted.has(n));
  const sections: string[] = [];
  for (const [names, title, fields] of SECTIONS) {
    if (has(...names)) sections.push(`# ${title}\r\n${fields(engine)}`);
  }
  return sections.join('\r\n');
}

type Fields = [name: string, value: string | number][];
const lines = (fields: Fields): string => fields.map(([k, v]) => `${k}:${v}\r\n`).join('');
const f2 = (n: number): string => n.toFixed(2);

const SECTIONS: [names: string[], title: string, fields: (e: Engine) => string][] = [
  [['server'], 'Server', serverSection],
  [['clients'], 'Clients', clientsSection],
  [['memory'], 'Memory', memorySection],
  [['persistence'], 'Persistence', persistenceSection],
  [['stats'], 'Stats', statsSection],
  [['replication'], 'Replication', replicationSection],
  [['cpu'], 'CPU', cpuSection],
  [['module_list', 'modules'], 'Modules', () => ''],
  [['commandstats'], 'Commandstats', commandStatsSection],
  [['errorstats'], 'Errorstats', errorStatsSection],
  // Per-command latency percentiles are not tracked: the section stays empty, as with latency-tracking off.
  [['latencystats'], 'Latencystats', () => ''],
  [['cluster'], 'Cluster', () => 'cluster_enabled:0\r\n'],
  [['keyspace'], 'Keyspace', keyspaceSection],
];

function serverSection(e: Engine): string {
  const uptime = Math.floor((e.time - e.startedAt) / 1000);
  const hz = e.config.int('hz');
  return lines([
    ['redis_version', REDIS_VERSION],
    ['redlite_version', REDLITE_VERSION],
    ['redis_git_sha1', '00000000'],
    ['redis_git_dirty', 0],
    ['redis_build_id', '0'],
    ['redis_mode', 'standalone'],
    ['os', e.host.os],
    ['arch_bits', e.host.archBits],
    ['monotonic_clock', 'performance.now'],
    ['multiplexing_api', e.host.multiplexingApi],
    ['atomicvar_api', 'none'],
    ['gcc_version', '0.0.0'],
    ['process_id', e.host.processId],
    ['process_supervised', 'no'],
    ['run_id', stateOf(e).runId],
    ['tcp_port', e.host.tcpPort || e.config.int('port')],
    ['server_time_usec', e.time * 1000],
    ['uptime_in_seconds', uptime],
    ['uptime_in_days', Math.floor(uptime / 86400)],
    ['hz', hz],
    ['configured_hz', hz],
    ['lru_clock', Math.floor(e.time / 1000) & 0xffffff],
    ['executable', e.host.executable],
    ['config_file', ''],
    ['io_threads_active', 0],
  ]);
}

function clientsSection(e: Engine): string {
  const blocked = e.blocking.clients();
  let withTimeout = 0;
  for (const c of blocked) if ((c.blocked as { timer: unknown }).timer !== null) withTimeout++;
  return lines([
    ['connected_clients', e.clients.size],
    ['cluster_connections', 0],
    ['maxclients', e.config.int('maxclients')],
    ['client_recent_max_input_buffer', 0],
    ['client_recent_max_output_buffer', 0],
    ['blocked_clients', blocked.size],
    ['tracking_clients', 0],
    ['clients_in_timeout_table', withTimeout],
  ]);
}

/** Redis's bytesToHuman: 100B, 1.50K, 2.00M … */
export function bytesToHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  let d = n / 1024;
  for (const unit of units) {
    if (d < 1024 || unit === 'P') return `${f2(d)}${unit}`;
    d /= 1024;
  }
  return `${n}B`;
}

function memorySection(e: Engine): string {
  const { used, rss } = e.host.memory?.() ?? { used: 0, rss: 0 };
  const state = stateOf(e);
  state.peakMemory = Math.max(state.peakMemory, used);
  const peak = state.peakMemory;
  const maxmemory = e.config.int('maxmemory');
  const frag = used > 0 ? rss / used : 0;
  return lines([
    ['used_memory', used],
    ['used_memory_human', bytesToHuman(used)],
    ['used_memory_rss', rss],
    ['used_memory_rss_human', bytesToHuman(rss)],
    ['used_memory_peak', peak],
    ['used_memory_peak_human', bytesToHuman(peak)],
    ['used_memory_peak_perc', `${f2(peak > 0 ? (used / peak) * 100 : 0)}%`],
    ['used_memory_overhead', 0],
    ['used_memory_startup', 0],
    ['used_memory_dataset', used],
    ['used_memory_dataset_perc', `${f2(used > 0 ? 100 : 0)}%`],
    ['allocator_allocated', used],
    ['allocator_active', used],
    ['allocator_resident', rss],
    ['total_system_memory', e.host.totalSystemMemory],
    ['total_system_memory_human', bytesToHuman(e.host.totalSystemMemory)],
    ['used_memory_lua', 0],
    ['used_memory_vm_eval', 0],
    ['used_memory_lua_human', '0B'],
    ['used_memory_scripts_eval', 0],
    ['number_of_cached_scripts', 0],
    ['number_of_functions', 0],
    ['number_of_libraries', 0],
    ['used_memory_vm_functions', 0],
    ['used_memory_vm_total', 0],
    ['used_memory_vm_total_human', '0B'],
    ['used_memory_functions', 0],
    ['used_memory_scripts', 0],
    ['used_memory_scripts_human', '0B'],
    ['maxmemory', maxmemory],
    ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', e.config.get('maxmemory-policy') as string],
    ['allocator_frag_ratio', f2(used > 0 ? 1 : 0)],
    ['allocator_frag_bytes', 0],
    ['allocator_rss_ratio', f2(frag)],
    ['allocator_rss_bytes', rss - used],
    ['rss_overhead_ratio', f2(used > 0 ? 1 : 0)],
    ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', f2(frag)],
    ['mem_fragmentation_bytes', rss - used],
    ['mem_not_counted_for_evict', 0],
    ['mem_replication_backlog', 0],
    ['mem_total_replication_buffers', 0],
    ['mem_clients_slaves', 0],
    ['mem_clients_normal', 0],
    ['mem_cluster_links', 0],
    ['mem_aof_buffer', 0],
    ['mem_allocator', 'v8'],
    ['active_defrag_running', 0],
    ['lazyfree_pending_objects', 0],
    ['lazyfreed_objects', 0],
  ]);
}

function persistenceSection(e: Engine): string {
  return lines([
    ['loading', 0],
    ['async_loading', 0],
    ['current_cow_peak', 0],
    ['current_cow_size', 0],
    ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'],
    ['current_save_keys_processed', 0],
    ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', e.dirty],
    ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', Math.floor(e.startedAt / 1000)],
    ['rdb_last_bgsave_status', 'ok'],
    ['rdb_last_bgsave_time_sec', -1],
    ['rdb_current_bgsave_time_sec', -1],
    ['rdb_saves', 0],
    ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', 0],
    ['rdb_last_load_keys_loaded', 0],
    ['aof_enabled', 0],
    ['aof_rewrite_in_progress', 0],
    ['aof_rewrite_scheduled', 0],
    ['aof_last_rewrite_time_sec', -1],
    ['aof_current_rewrite_time_sec', -1],
    ['aof_last_bgrewrite_status', 'ok'],
    ['aof_rewrites', 0],
    ['aof_rewrites_consecutive_failures', 0],
    ['aof_last_write_status', 'ok'],
    ['aof_last_cow_size', 0],
    ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
  ]);
}

/**
 * Commands per second over the recent samples. Redis samples every 100 ms in
 * its cron; INFO samples when it is asked, which measures the same rate.
 */
function opsPerSec(e: Engine): number {
  const samples = stateOf(e).samples;
  const now = { at: e.time, commands: e.stats.commandsProcessed };
  const last = samples[samples.length - 1];
  if (!last || now.at - last.at >= 100) {
    samples.push(now);
    if (samples.length > OPS_SAMPLES) samples.shift();
  }
  const first = samples[0];
  const ms = now.at - first.at;
  return ms > 0 ? Math.round(((now.commands - first.commands) * 1000) / ms) : 0;
}

function statsSection(e: Engine): string {
  const s = e.stats;
  const h = e.host;
  return lines([
    ['total_connections_received', s.connectionsReceived],
    ['total_commands_processed', s.commandsProcessed],
    ['instantaneous_ops_per_sec', opsPerSec(e)],
    ['total_net_input_bytes', h.netInputBytes],
    ['total_net_output_bytes', h.netOutputBytes],
    ['total_net_repl_input_bytes', 0],
    ['total_net_repl_output_bytes', 0],
    ['instantaneous_input_kbps', '0.00'],
    ['instantaneous_output_kbps', '0.00'],
    ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'],
    ['rejected_connections', h.rejectedConnections],
    ['sync_full', 0],
    ['sync_partial_ok', 0],
    ['sync_partial_err', 0],
    ['expired_keys', s.expiredKeys],
    ['expired_stale_perc', f2(s.expiredStalePerc * 100)],
    ['expired_time_cap_reached_count', 0],
    ['expire_cycle_cpu_milliseconds', 0],
    ['evicted_keys', 0],
    ['evicted_clients', 0],
    ['total_eviction_exceeded_time', 0],
    ['current_eviction_exceeded_time', 0],
    ['keyspace_hits', s.keyspaceHits],
    ['keyspace_misses', s.keyspaceMisses],
    ['pubsub_channels', e.pubsub.channels.size],
    ['pubsub_patterns', e.pubsub.patterns.size],
    ['pubsubshard_channels', e.pubsub.shardChannels.size],
    ['latest_fork_usec', 0],
    ['total_forks', 0],
    ['migrate_cached_sockets', 0],
    ['slave_expires_tracked_keys', 0],
    ['active_defrag_hits', 0],
    ['active_defrag_misses', 0],
    ['active_defrag_key_hits', 0],
    ['active_defrag_key_misses', 0],
    ['total_active_defrag_time', 0],
    ['current_active_defrag_time', 0],
    ['tracking_total_keys', 0],
    ['tracking_total_items', 0],
    ['tracking_total_prefixes', 0],
    ['unexpected_error_replies', 0],
    ['total_error_replies', s.errorReplies],
    ['dump_payload_sanitizations', 0],
    ['total_reads_processed', h.readsProcessed],
    ['total_writes_processed', h.writesProcessed],
    ['io_threaded_reads_processed', 0],
    ['io_threaded_writes_processed', 0],
    ['reply_buffer_shrinks', 0],
    ['reply_buffer_expands', 0],
  ]);
}

function replicationSection(e: Engine): string {
  return lines([
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_failover_state', 'no-failover'],
    ['master_replid', replicationId(e)],
    ['master_replid2', '0'.repeat(40)],
    ['master_repl_offset', 0],
    ['second_repl_offset', -1],
    ['repl_backlog_active', 0],
    ['repl_backlog_size', 1048576],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
  ]);
}

function cpuSection(e: Engine): string {
  const { user, sys } = e.host.cpu?.() ?? { user: 0, sys: 0 };
  const secs = (n: number) => n.toFixed(6);
  return lines([
    ['used_cpu_sys', secs(sys)],
    ['used_cpu_user', secs(user)],
    ['used_cpu_sys_children', secs(0)],
    ['used_cpu_user_children', secs(0)],
    ['used_cpu_sys_main_thread', secs(sys)],
    ['used_cpu_user_main_thread', secs(user)],
  ]);
}

/** Names in INFO lines cannot carry the separators INFO uses (Redis's getSafeInfoString). */
function safeName(name: string): string {
  return name.replace(/[:\r\n]/g, '_');
}

function commandStatsSection(e: Engine): string {
  let out = '';
  for (const [name, s] of e.stats.commands) {
    if (!s.calls && !s.failedCalls && !s.rejectedCalls) continue;
    const perCall = s.calls ? s.usec / s.calls : 0;
    out += `cmdstat_${safeName(name)}:calls=${s.calls},usec=${s.usec},usec_per_call=${f2(perCall)},rejected_calls=${s.rejectedCalls},failed_calls=${s.failedCalls}\r\n`;
  }
  return out;
}

function errorStatsSection(e: Engine): string {
  const codes = [...e.stats.errorCounts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return codes.map((code) => `errorstat_${safeName(code)}:count=${e.stats.errorCounts.get(code)}\r\n`).join('');
}

/** How many keys with a TTL the keyspace section averages over, per database. */
const AVG_TTL_SAMPLE = 1000;

function keyspaceSection(e: Engine): string {
  let out = '';
  for (const db of e.dbs) {
    if (db.size === 0 && db.volatile.size === 0) continue;
    out += `db${db.id}:keys=${db.size},expires=${db.volatile.size},avg_ttl=${averageTtl(e, db)}\r\n`;
  }
  return out;
}

/** Average remaining TTL (ms) of the first keys with one: Redis estimates it by sampling too. */
function averageTtl(e: Engine, db: Engine['dbs'][number]): number {
  let sum = 0;
  let n = 0;
  for (const key of db.volatile) {
    const at = db.getExpire(key);
    if (at > e.time) {
      sum += at - e.time;
      n++;
    }
    if (n >= AVG_TTL_SAMPLE) break;
  }
  return n ? Math.floor(sum / n) : 0;
}

/** Resets what CONFIG RESETSTAT resets (Redis's resetServerStats and command/error tables). */
export function resetStats(e: Engine): void {
  const s = e.stats;
  s.connectionsReceived = 0;
  s.commandsProcessed = 0;
  s.expiredKeys = 0;
  s.expiredStalePerc = 0;
  s.keyspaceHits = 0;
  s.keyspaceMisses = 0;
  s.pubsubMessages = 0;
  s.rejectedCalls = 0;
  s.errorReplies = 0;
  s.errorCounts.clear();
  s.commands.clear();
  e.host.netInputBytes = 0;
  e.host.netOutputBytes = 0;
  e.host.readsProcessed = 0;
  e.host.writesProcessed = 0;
  e.host.rejectedConnections = 0;
  const state = stateOf(e);
  state.samples.length = 0;
  state.peakMemory = 0;
}
