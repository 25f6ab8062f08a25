import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value the check finds', async () => {
    let calls = 0;
    const found = await waitFor(() => (++calls === 3 ? 'ready' : undefined), { timeoutMs: 5_000, intervalMs: 1, timeoutError: () => new Error('late') });
    expect(found).toBe('ready');
    expect(calls).toBe(3);
  });

  it('fails with the error built at the deadline', async () => {
    let calls = 0;
    const error = await waitFor(() => void calls++, { timeoutMs: 20, intervalMs: 1, timeoutError: () => new Error(`after ${calls} checks`) }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`after ${calls} checks`);
    expect(calls).toBeGreaterThan(1);
  });

  it('stops at once when the check throws', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('the process exited');
    };
    await expect(waitFor(failing, { timeoutMs: 5_000, timeoutError: () => new Error('late') })).rejects.toThrow('the process exited');
    expect(calls).toBe(1);
  });
});
