/** Small helpers for benchmarks: medians over repeated runs, and a ratio table. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Ops per second of `fn`, which performs `ops` operations; the median of `rounds` runs. */
export async function opsPerSecond(ops: number, rounds: number, fn: () => unknown): Promise<number> {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await fn();
    rates.push(ops / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

export interface Row {
  name: string;
  /** Our figure and the peer's, in the same unit. */
  ours: number;
  peer: number;
  peerName: string;
  unit: string;
  /** The goal for ours / peer, if the issue sets one. */
  goal?: number;
  /** True when lower is better (latencies). */
  lowerIsBetter?: boolean;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const lines = rows.map((r) => {
    const ratio = r.ours / r.peer;
    const goal = r.goal === undefined ? '' : (r.lowerIsBetter ? ratio <= r.goal : ratio >= r.goal) ? `  goal ${r.lowerIsBetter ? '≤' : '≥'} ${r.goal}× ✓` : `  goal ${r.lowerIsBetter ? '≤' : '≥'} ${r.goal}× ✗`;
    return [r.name, `${fmt(r.ours)} ${r.unit}`, `${r.peerName} ${fmt(r.peer)} ${r.unit}`, `${ratio.toFixed(2)}×${goal}`];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) console.log(`  ${l[0].padEnd(widths[0])}  ${l[1].padStart(widths[1])}  vs ${l[2].padStart(widths[2])}  ${l[3]}`);
}
