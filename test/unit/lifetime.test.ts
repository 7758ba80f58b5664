import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startLifetime, watchLocation } from '@/lib/content/lifetime';

let stop = new AbortController();
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

describe('the content script’s own lifetime', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stays alive while the extension is there, and aborts its signal once it is gone (checked at most once a second)', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const life = startLifetime();
    expect(life.alive()).toBe(true);
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(life.alive()).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(life.alive()).toBe(false);
    expect(life.signal.aborted).toBe(true);
    id.mockRestore();
    expect(life.alive()).toBe(false);
  });

  it('a second copy of the script in the same world stops the first', () => {
    const first = startLifetime();
    const second = startLifetime();
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });
});

describe('watching the address', () => {
  it('calls back when the address changes; an event the page forges without a change does nothing', () => {
    const changed = vi.fn();
    watchLocation(changed, stop.signal);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/record/2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changed).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('notices an address pushed without any event within a second, and stops with its signal', () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    watchLocation(changed, stop.signal);
    history.pushState(null, '', '/record/3');
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(1);
    stop.abort();
    history.pushState(null, '', '/record/4');
    vi.advanceTimersByTime(5000);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
