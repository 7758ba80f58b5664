import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect } from 'vitest';

/**
 * Timers a test starts must be stopped by that test: one left running fires after the
 * test environment is torn down (an unhandled error that stops the whole run, some of
 * the time). Every timer still pending when a test ends fails that test, named by
 * where it was started.
 */
const pending = new Map<unknown, string>();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetInterval = globalThis.setInterval;
const realClearInterval = globalThis.clearInterval;
const startedAt = () =>
  new Error().stack?.split('\n').find((line) => !line.includes('/node_modules/') && /\/(lib|components|entrypoints)\//.test(line))?.trim();

function track<T extends typeof setTimeout | typeof setInterval>(real: T, once: boolean): T {
  return ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const where = startedAt();
    const handle: unknown = (real as (...a: unknown[]) => unknown)(
      (...callArgs: unknown[]) => {
        if (once) pending.delete(handle);
        callback(...callArgs);
      },
      delay,
      ...args,
    );
    // Only the code under test is held to this: the test's own waits and the libraries' are not.
    if (where) pending.set(handle, where);
    return handle;
  }) as unknown as T;
}
globalThis.setTimeout = track(realSetTimeout, true);
globalThis.setInterval = track(realSetInterval, false);
globalThis.clearTimeout = ((handle?: unknown) => {
  pending.delete(handle);
  realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
}) as typeof clearTimeout;
globalThis.clearInterval = ((handle?: unknown) => {
  pending.delete(handle);
  realClearInterval(handle as Parameters<typeof clearInterval>[0]);
}) as typeof clearInterval;

beforeEach(() => {
  fakeBrowser.reset();
  pending.clear();
});

afterEach(() => {
  const left = [...pending.values()];
  pending.clear();
  expect(left, 'timers the test left running').toEqual([]);
});
