import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, expect, it, vi } from 'vitest';
import { Supervisor, type SupervisorEvent, type SupervisorOptions } from './supervisor';

/**
 * A tiny Node child: runs `script` (e.g. schedules its exit), then prints "ready" unless told not
 * to; in that order, so signal handlers are in place once the supervisor sees it ready.
 */
const child = (script: string, { ready = true } = {}) => () =>
  spawn(process.execPath, ['-e', `${script};${ready ? 'console.log("ready")' : ''}`], { stdio: ['ignore', 'pipe', 'inherit'] });

/** Prints "ready", then exits with `code` shortly after (so "ready" is read before the exit is seen). */
const crash = (code: number) => child(`setTimeout(() => process.exit(${code}), 50)`);

/** Ready once the child printed "ready". */
const printedReady: SupervisorOptions['ready'] = async (proc, signal) => {
  const [chunk] = (await once(proc.stdout!, 'data', { signal })) as [Buffer];
  if (!chunk.toString().includes('ready')) throw new Error(`unexpected output ${chunk}`);
};

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
});

/** Starts a supervisor and resolves with its first `count` "down" events. */
function downEvents(options: Omit<SupervisorOptions, 'onEvent'>, count: number) {
  const events: SupervisorEvent[] = [];
  return new Promise<Array<Extract<SupervisorEvent, { type: 'down' }>>>((resolve, reject) => {
    supervisor = new Supervisor({
      ...options,
      onEvent: (event) => {
        events.push(event);
        const downs = events.filter((e) => e.type === 'down');
        if (downs.length === count) resolve(downs);
      },
    });
    supervisor.start().catch(reject);
  });
}

it('restarts a crashing child with a doubling delay, capped', async () => {
  const downs = await downEvents(
    { spawn: crash(3), ready: printedReady, readyTimeoutMs: 10_000, initialMs: 20, maxMs: 80, resetAfterMs: 60_000 },
    5,
  );
  expect(downs.map((e) => e.restartInMs)).toEqual([20, 40, 80, 80, 80]);
  expect(downs.map((e) => e.status.restarts)).toEqual([0, 1, 2, 3, 4]);
  const last = downs.at(-1)!.status;
  expect(last).toMatchObject({ state: 'down', pid: null, lastExit: { code: 3, signal: null } });
  expect(last.downSince).toBe(last.lastExit!.at);
  expect(Date.parse(last.nextStartAt!)).toBeGreaterThan(Date.parse(last.lastExit!.at));
});

it('goes back to the first delay after an instance stayed up long enough', async () => {
  let started = 0;
  const downs = await downEvents(
    {
      // Instances 1 and 2 crash at once, instance 3 stays up past resetAfterMs, then crashes.
      spawn: () => (++started === 3 ? child('setTimeout(() => process.exit(4), 600)') : crash(3))(),
      ready: printedReady,
      readyTimeoutMs: 10_000,
      initialMs: 20,
      maxMs: 1000,
      resetAfterMs: 300,
    },
    4,
  );
  expect(downs.map((e) => e.restartInMs)).toEqual([20, 40, 20, 40]);
  expect(downs[2]!.status.lastExit?.code).toBe(4);
});

it('reports up, with the pid, and down since the crash', async () => {
  const events: SupervisorEvent[] = [];
  supervisor = new Supervisor({
    spawn: child('setInterval(() => {}, 1000)'),
    ready: printedReady,
    readyTimeoutMs: 10_000,
    initialMs: 20,
    onEvent: (event) => events.push(event),
  });
  expect(supervisor.status().state).toBe('stopped');
  await supervisor.start();
  const up = supervisor.status();
  expect(up).toMatchObject({ state: 'up', downSince: null, restarts: 0 });
  expect(isRunning(up.pid!)).toBe(true);

  process.kill(up.pid!, 'SIGKILL');
  await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['up', 'down', 'up']), { timeout: 5000 });
  const [down, again] = events.slice(-2);
  expect(down).toMatchObject({ type: 'down', status: { state: 'down', lastExit: { signal: 'SIGKILL' } } });
  expect(down!.status.downSince).not.toBeNull();
  expect(again).toMatchObject({ type: 'up', status: { state: 'up', restarts: 1, downSince: null } });
  expect(again!.status.pid).not.toBe(up.pid);
});

it('kills an instance that does not become ready in time, and restarts it', async () => {
  let started = 0;
  const downs = await downEvents(
    {
      // The first instance is up, then crashes; the second hangs before it is ready.
      spawn: () => (++started === 1 ? crash(3) : child('setInterval(() => {}, 1000)', { ready: false }))(),
      ready: printedReady,
      readyTimeoutMs: 200,
      initialMs: 20,
    },
    2,
  );
  expect(downs[1]!.status.lastExit).toMatchObject({ signal: 'SIGKILL', reason: 'not ready within 0.2 s' });
  // Still down since the crash of the instance that was up: the hung one never served.
  expect(downs[1]!.status.downSince).toBe(downs[0]!.status.lastExit!.at);
  expect(downs[1]!.restartInMs).toBe(40);
});

it('fails start() and does not restart when the first instance exits before it is ready', async () => {
  supervisor = new Supervisor({ spawn: child('process.exit(2)', { ready: false }), ready: printedReady, readyTimeoutMs: 10_000, initialMs: 20 });
  await expect(supervisor.start()).rejects.toThrow(/code 2/);
  expect(supervisor.status()).toMatchObject({ state: 'stopped', restarts: 0, nextStartAt: null, lastExit: { code: 2 } });
});

it('stop() ends the instance with SIGTERM, then SIGKILL if it ignores it, and never restarts it', async () => {
  supervisor = new Supervisor({
    spawn: child('process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'),
    ready: printedReady,
    readyTimeoutMs: 10_000,
    initialMs: 20,
    stopTimeoutMs: 300,
  });
  await supervisor.start();
  const { pid } = supervisor.status();
  await supervisor.stop();
  expect(supervisor.status()).toMatchObject({ state: 'stopped', pid: null, restarts: 0, lastExit: { signal: 'SIGKILL' } });
  expect(isRunning(pid!)).toBe(false);
});

it('stop() during the wait before a restart cancels the restart', async () => {
  const [down] = await downEvents(
    { spawn: crash(3), ready: printedReady, readyTimeoutMs: 10_000, initialMs: 60_000 },
    1,
  );
  expect(down!.status.state).toBe('down');
  // Resolves at once rather than after the 60 s delay (the test would time out).
  await supervisor!.stop();
  expect(supervisor!.status()).toMatchObject({ state: 'stopped', restarts: 0, nextStartAt: null });
});
