/**
 * Keeps one child process running: `npm start` uses it for Strapi, so a CMS crash costs a restart,
 * not the whole stack. An instance counts as up once `ready` resolves (e.g. its health check
 * answers). When it exits without being asked to, it is started again after a delay that doubles
 * with each consecutive crash up to `maxMs`, and falls back to `initialMs` once an instance has
 * stayed up for `resetAfterMs` (a crash loop backs off, an occasional crash restarts quickly).
 * The first instance is different: if it never becomes ready, `start()` rejects and nothing is
 * restarted, because a CMS that cannot boot (port taken, bad config) will not boot on retry.
 */
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SupervisedStatus {
  /** starting: launched, not ready yet; down: no process, waiting to restart; stopped: stop() was called. */
  state: 'starting' | 'up' | 'down' | 'stopped';
  pid: number | null;
  /** When `state` began. */
  since: string;
  /** Since when it has not been serving after having been up (kept through restart attempts); null while up. */
  downSince: string | null;
  /** Instances started after the first one. */
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string; reason: string } | null;
  /** When the next instance starts, while `down`. */
  nextStartAt: string | null;
}

export type SupervisorEvent =
  | { type: 'up'; status: SupervisedStatus }
  | { type: 'down'; status: SupervisedStatus; restartInMs: number };

export interface SupervisorOptions {
  /** Starts one instance. */
  spawn: () => ChildProcess;
  /** Resolves once the instance serves; should stop trying when `signal` aborts (it exited, or the wait timed out). */
  ready: (child: ChildProcess, signal: AbortSignal) => Promise<void>;
  /** An instance not ready by then is killed and counts as a crash. */
  readyTimeoutMs: number;
  /** First restart delay. Default 1 s. */
  initialMs?: number;
  /** Longest restart delay. Default 30 s. */
  maxMs?: number;
  /** Uptime after which the next crash restarts after `initialMs` again. Default 60 s. */
  resetAfterMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 15 s. */
  stopTimeoutMs?: number;
  onEvent?: (event: SupervisorEvent) => void;
}

interface Exit {
  code: number | null;
  signal: string | null;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export class Supervisor {
  private child: ChildProcess | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly stopped = new AbortController();
  private current: SupervisedStatus = {
    state: 'stopped',
    pid: null,
    since: new Date().toISOString(),
    downSince: null,
    restarts: 0,
    lastExit: null,
    nextStartAt: null,
  };

  constructor(private readonly options: SupervisorOptions) {}

  status(): SupervisedStatus {
    return { ...this.current, lastExit: this.current.lastExit && { ...this.current.lastExit } };
  }

  /** Starts the first instance; resolves when it is ready, rejects if it exits or times out first. */
  start(): Promise<void> {
    if (this.loop) throw new Error('Supervisor.start() called twice');
    return new Promise((resolve, reject) => {
      this.loop = this.run(resolve, reject);
    });
  }

  /** No more restarts; SIGTERM to the instance (SIGKILL after stopTimeoutMs); resolves once it exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    const child = this.child;
    if (child && alive(child)) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 15_000);
      await this.loop;
      clearTimeout(timer);
    }
    await this.loop;
  }

  /** No more restarts, and SIGKILL now (a second Ctrl-C). */
  kill(): void {
    this.stopping = true;
    this.stopped.abort();
    this.child?.kill('SIGKILL');
  }

  private set(patch: Partial<SupervisedStatus>): void {
    const state = patch.state ?? this.current.state;
    const since = state === this.current.state ? this.current.since : new Date().toISOString();
    this.current = { ...this.current, ...patch, since };
  }

  private async run(firstReady: () => void, firstFailed: (error: Error) => void): Promise<void> {
    const initialMs = this.options.initialMs ?? 1000;
    const maxMs = this.options.maxMs ?? 30_000;
    const resetAfterMs = this.options.resetAfterMs ?? 60_000;
    let crashes = 0;
    let everUp = false;
    while (!this.stopping) {
      const child = this.options.spawn();
      this.child = child;
      const exited = new Promise<Exit>((resolve) => {
        child.once('exit', (code, signal) => resolve({ code, signal }));
        // A spawn failure (e.g. ENOENT) emits 'error' and may never emit 'exit'.
        child.once('error', () => resolve({ code: null, signal: null }));
      });
      this.set({ state: 'starting', pid: child.pid ?? null, nextStartAt: null });

      const readiness = new AbortController();
      const timer = setTimeout(
        () => readiness.abort(new Error(`not ready within ${this.options.readyTimeoutMs / 1000} s`)),
        this.options.readyTimeoutMs,
      );
      const outcome = await Promise.race([
        this.options.ready(child, readiness.signal).then(
          () => 'ready' as const,
          // A timed-out wait rejects with a generic AbortError; the timeout says more.
          (error: Error) => (readiness.signal.aborted ? (readiness.signal.reason as Error) : error),
        ),
        exited,
      ]);
      clearTimeout(timer);
      readiness.abort();

      let upAt: number | null = null;
      let reason: string;
      if (outcome === 'ready') {
        upAt = Date.now();
        this.set({ state: 'up', downSince: null });
        this.options.onEvent?.({ type: 'up', status: this.status() });
        if (!everUp) firstReady();
        everUp = true;
        reason = 'exited';
      } else if (outcome instanceof Error) {
        // Hung before serving: end it, then treat it as a crash.
        reason = outcome.message;
        child.kill('SIGKILL');
      } else {
        reason = 'exited before it was ready';
      }
      const exit = await exited;
      this.child = null;
      const at = new Date().toISOString();
      const lastExit = { ...exit, at, reason };
      if (this.stopping) {
        this.set({ lastExit });
        break;
      }
      if (!everUp) {
        this.stopping = true;
        this.set({ state: 'stopped', pid: null, lastExit });
        firstFailed(new Error(`${reason} (${describeExit(exit)})`));
        return;
      }

      if (upAt !== null && Date.now() - upAt >= resetAfterMs) crashes = 0;
      const restartInMs = Math.min(initialMs * 2 ** crashes, maxMs);
      crashes += 1;
      this.set({
        state: 'down',
        pid: null,
        downSince: this.current.downSince ?? at,
        lastExit,
        nextStartAt: new Date(Date.now() + restartInMs).toISOString(),
      });
      this.options.onEvent?.({ type: 'down', status: this.status(), restartInMs });
      try {
        await sleep(restartInMs, undefined, { signal: this.stopped.signal });
      } catch {
        break; // stop() during the wait
      }
      this.set({ restarts: this.current.restarts + 1 });
    }
    if (!everUp) firstFailed(new Error('stopped before it was ready'));
    this.set({ state: 'stopped', pid: null, nextStartAt: null });
  }
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
