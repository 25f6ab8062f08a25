/**
 * The one poll loop: asks `check` every `intervalMs` until it returns something other than
 * undefined, and fails with `timeoutError()` (built then, so it can report the latest state) once
 * `timeoutMs` has passed. An error thrown by `check` ends the wait at once.
 */
export interface WaitForOptions {
  timeoutMs: number;
  intervalMs?: number;
  timeoutError: () => Error;
}

export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, options: WaitForOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (performance.now() >= deadline) throw options.timeoutError();
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
