/**
 * Peak memory of process trees, read from /proc (Linux): each process's VmHWM (its own peak
 * resident set, kept by the kernel) and, sampled every `intervalMs`, the sum of VmRSS over the
 * whole tree (what the machine had to hold at once).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeak {
  pid: number;
  command: string;
  /** Peak resident memory of this process, MiB (VmHWM). */
  peakMiB: number;
}

export interface TreeMemory {
  /** The largest single process peak, MiB. */
  maxProcessMiB: number;
  /** Largest sampled sum of VmRSS over the tree, MiB. */
  peakTreeMiB: number;
  /** When that sample was taken, milliseconds after sampling started. */
  peakTreeAtMs: number;
  processes: ProcessPeak[];
}

function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // exited between listing and reading
  }
}

function command(pid: number): string {
  try {
    const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 200);
    // A process that is exiting has an empty cmdline; its short name is still there.
    return line || readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/** pid → parent pid of every process now. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of stat, after the parenthesised command (which may hold spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  return map;
}

export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Samples the trees under `roots()` until stop(); roots are re-read each time (processes come and go). */
export function sampleMemory(roots: () => number[], intervalMs = 200): { stop(): TreeMemory } {
  const peaks = new Map<number, ProcessPeak>();
  const started = performance.now();
  let peakTreeMiB = 0;
  let peakTreeAtMs = 0;
  const sample = () => {
    let tree = 0;
    for (const root of roots()) {
      for (const pid of [root, ...descendants(root)]) {
        const hwm = statusKiB(pid, 'VmHWM');
        const rss = statusKiB(pid, 'VmRSS');
        if (hwm === undefined || rss === undefined) continue;
        tree += rss;
        const known = peaks.get(pid);
        if (known) known.peakMiB = Math.max(known.peakMiB, hwm / 1024);
        else peaks.set(pid, { pid, command: command(pid), peakMiB: hwm / 1024 });
      }
    }
    if (tree / 1024 > peakTreeMiB) {
      peakTreeMiB = tree / 1024;
      peakTreeAtMs = Math.round(performance.now() - started);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const processes = [...peaks.values()].map((p) => ({ ...p, peakMiB: Math.round(p.peakMiB) })).sort((a, b) => b.peakMiB - a.peakMiB);
      return { maxProcessMiB: processes[0]?.peakMiB ?? 0, peakTreeMiB: Math.round(peakTreeMiB), peakTreeAtMs, processes };
    },
  };
}

/** The `strapi start` process the harness spawned under this process. */
export function findStrapiPid(): number | undefined {
  return descendants(process.pid).find((pid) => /strapi(\.js)? start/.test(command(pid)));
}
