/**
 * Cleans up after an end-to-end run whose test process died without running its own cleanup
 * (vitest killed by a signal, a crashed worker). Started detached by the stack, it watches the
 * test process and remembers its descendants (Strapi, site builds, Chromium); once the test
 * process is gone it terminates those still running and deletes the run's temporary folders.
 * Linux only (reads /proc), like the CI and the servers it runs on.
 *
 *   node --import tsx orphan-reaper.ts <watched pid> <work folder>
 *
 * Folders created later (Strapi's own temporary folder) are added as lines of <work folder>/.reap.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const POLL_MS = 500;
const GRACE_MS = 10_000;

const watched = Number(process.argv[2]);
const workDir = process.argv[3] ?? '';
if (!Number.isInteger(watched) || watched <= 1 || !workDir) {
  console.error(`orphan-reaper: expected <pid> <work folder>, got "${process.argv.slice(2).join(' ')}"`);
  process.exit(2);
}

interface ProcessInfo {
  parent: number;
  state: string;
  /** Start time in clock ticks since boot: with the pid, it names one process even if pids are reused. */
  started: string;
}

function info(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 3, ppid 4, starttime 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', parent: Number(fields[1]), started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

function isRunning(pid: number, started?: string): boolean {
  const now = info(pid);
  return now !== null && now.state !== 'Z' && (started === undefined || now.started === started);
}

/** Adds the current descendants of root to `known` (pid → start time). */
function collectDescendants(root: number, known: Map<number, string>): void {
  const all = new Map<number, ProcessInfo>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    const found = Number.isInteger(pid) ? info(pid) : null;
    if (found) all.set(pid, found);
  }
  let frontier = new Set([root]);
  while (frontier.size) {
    const next = new Set<number>();
    for (const [pid, proc] of all) {
      if (frontier.has(proc.parent) && pid !== process.pid) {
        known.set(pid, proc.started);
        next.add(pid);
      }
    }
    frontier = next;
  }
}

function signalSurvivors(known: Map<number, string>, signal: NodeJS.Signals): number {
  let alive = 0;
  for (const [pid, started] of known) {
    if (!isRunning(pid, started)) continue;
    alive += 1;
    try {
      process.kill(pid, signal);
    } catch {
      // exited meanwhile
    }
  }
  return alive;
}

function finish(): void {
  let later: string[] = [];
  try {
    later = readFileSync(`${workDir}/.reap`, 'utf8').split('\n').filter(Boolean);
  } catch {
    // nothing was added
  }
  for (const folder of [...later, workDir]) rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

const known = new Map<number, string>();
const watchedStart = info(watched)?.started;
process.on('SIGTERM', () => process.exit(0)); // the stack stopped cleanly and dismisses us

const timer = setInterval(() => {
  if (isRunning(watched, watchedStart)) {
    // Remembered, not replaced: a dying parent's children are re-parented before it is reaped.
    collectDescendants(watched, known);
    for (const [pid, started] of known) if (!isRunning(pid, started)) known.delete(pid);
    return;
  }
  clearInterval(timer);
  if (signalSurvivors(known, 'SIGTERM') === 0) return finish();
  setTimeout(() => {
    signalSurvivors(known, 'SIGKILL');
    finish();
  }, GRACE_MS);
}, POLL_MS);
