import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sighting } from '@/lib/adapters/types';
import { gmail } from '@/lib/adapters/gmail';
import type { ContentApi } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { LOOKUP_BURST, LOOKUP_REFILL_MS, batches, createLookups } from '@/lib/content/lookups';
import { MAX_BADGED_ALL, createOnScreen } from '@/lib/content/on-screen';
import type { LookupQueries } from '@/lib/content/state';
import { badgeUi } from '@/lib/content/ui';
import { LOOKUP_LIMITS, type LookupResult } from '@/lib/messaging/lookup';

const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/x');
const none: LookupQueries = { emails: [], webAddresses: [], names: [] };
const emails = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `person${from + i}@acme.com`);
const unknown = (query: string): LookupResult => ({ query, identity: null, account: null, matchedBy: null, summary: null });

/** A background answering every query as unknown, recording each batch; `hold` keeps the answers back until released. */
function fakeBackground({ hold = false } = {}) {
  const releases: (() => void)[] = [];
  const lookup = vi.fn((queries: LookupQueries) => {
    const results = [...queries.emails, ...queries.webAddresses, ...queries.names].map(unknown);
    if (!hold) return Promise.resolve({ results });
    return new Promise<{ results: LookupResult[] }>((resolve) => releases.push(() => resolve({ results })));
  });
  return { lookup, release: () => releases.splice(0).forEach((release) => release()) };
}

let running = new AbortController();
afterEach(() => {
  running.abort();
  running = new AbortController();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('lookups: batches within the message’s limits', () => {
  it('splits at the schema’s limit of each kind, and sends nothing for nothing', () => {
    const split = batches({ emails: emails(450), webAddresses: Array.from({ length: 120 }, (_, i) => `w${i}.com`), names: ['Acme'] });
    expect(split.map((b) => [b.emails.length, b.webAddresses.length, b.names.length])).toEqual([
      [200, 50, 1],
      [200, 50, 0],
      [50, 20, 0],
    ]);
    expect(split.flatMap((b) => b.emails)).toEqual(emails(450));
    expect(batches(none)).toEqual([]);
    for (const batch of split) for (const kind of ['emails', 'webAddresses', 'names'] as const) expect(batch[kind].length).toBeLessThanOrEqual(LOOKUP_LIMITS[kind]);
  });
});

describe('lookups: the page’s cache and budget', () => {
  beforeEach(() => vi.useFakeTimers());

  /** Lookups over a page whose missing queries are `page.missing`, with answers settled into `settled`. */
  function start(lookup: (queries: LookupQueries) => Promise<{ results: LookupResult[] }>) {
    const page = { shows: [] as string[] };
    const answered = vi.fn();
    const lookups = createLookups({
      lookup,
      missing: () => ({ ...none, emails: page.shows.filter((email) => !lookups.settled(`e:${email}`)) }),
      answered,
      signal: running.signal,
    });
    return { page, lookups, answered };
  }

  it('answers an address shown again from the page’s own cache, and never asks twice while asking', async () => {
    const { lookup } = fakeBackground();
    const { page, lookups, answered } = start(lookup);
    page.shows = ['a@acme.com', 'b@acme.com'];
    lookups.request();
    lookups.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(answered).toHaveBeenCalledWith([
      ['e:a@acme.com', unknown('a@acme.com')],
      ['e:b@acme.com', unknown('b@acme.com')],
    ], undefined);
    // The page flips between the two, over and over: nothing more to ask.
    for (let i = 0; i < 100; i++) {
      page.shows = [i % 2 ? 'a@acme.com' : 'b@acme.com'];
      lookups.request();
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookups.answer('e:a@acme.com')).toEqual(unknown('a@acme.com'));
    lookups.forget((result) => result.query === 'a@acme.com');
    expect(lookups.answer('e:a@acme.com')).toBeUndefined();
  });

  it('a page showing new addresses every frame costs at most the budget: a burst, then one lookup per refill', async () => {
    const { lookup } = fakeBackground();
    const { page, lookups } = start(lookup);
    const seconds = 10;
    for (let frame = 0; frame < seconds * 60; frame++) {
      page.shows = [`flip${frame}@acme.com`];
      lookups.request();
      await vi.advanceTimersByTimeAsync(1000 / 60);
    }
    const budget = LOOKUP_BURST + (seconds * 1000) / LOOKUP_REFILL_MS;
    expect(lookup.mock.calls.length).toBeLessThanOrEqual(budget);
    // Rate-limited, not starved: it asks at the budget's pace, each time for what the page shows then, with no backlog.
    expect(lookup.mock.calls.length).toBeGreaterThanOrEqual(budget - 2);
    expect(lookup.mock.calls.every(([batch]) => batch.emails.length === 1)).toBe(true);
  });

  it('asks at once after the background broadcast a write, even with the budget spent: the rep sees each quote logged', async () => {
    const { lookup } = fakeBackground();
    const { page, lookups } = start(lookup);
    for (let i = 0; i < LOOKUP_BURST + 2; i++) {
      page.shows = [`spent${i}@acme.com`];
      lookups.request();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST);
    // A write changed Acme's health: its answer is stale, and asked again now, not at the next refill.
    page.shows = ['jane@acme.com'];
    lookups.requestChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST + 1);
    expect(lookup.mock.calls.at(-1)![0].emails).toEqual(['jane@acme.com']);
  });

  it('sends a large page in batches from its burst, and the rest as the budget refills, without asking what left meanwhile', async () => {
    const { lookup } = fakeBackground({ hold: true });
    const { page, lookups } = start(lookup);
    page.shows = emails(LOOKUP_LIMITS.emails * (LOOKUP_BURST + 2));
    lookups.request();
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST);
    expect(lookup.mock.calls.every(([batch]) => batch.emails.length === LOOKUP_LIMITS.emails)).toBe(true);
    // Before the next token the page drops its last batch's people.
    page.shows = page.shows.slice(0, LOOKUP_LIMITS.emails * (LOOKUP_BURST + 1));
    await vi.advanceTimersByTimeAsync(LOOKUP_REFILL_MS);
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST + 1);
    await vi.advanceTimersByTimeAsync(LOOKUP_REFILL_MS * 4);
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST + 1);
    expect(new Set(lookup.mock.calls.flatMap(([batch]) => batch.emails))).toEqual(new Set(page.shows));
  });

  it('asks again after a failed lookup, within the budget, and stops with its signal', async () => {
    const lookup = vi.fn(async (): Promise<{ results: LookupResult[] }> => {
      throw new Error('The background is gone');
    });
    const { page, lookups, answered } = start(lookup);
    page.shows = ['a@acme.com'];
    lookups.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toHaveBeenCalledWith([], undefined);
    expect(lookups.settled('e:a@acme.com')).toBe(false);
    for (let i = 0; i < 10; i++) {
      lookups.request();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST);
    running.abort();
    await vi.advanceTimersByTimeAsync(LOOKUP_REFILL_MS * 10);
    lookups.request();
    expect(lookup).toHaveBeenCalledTimes(LOOKUP_BURST);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** An IntersectionObserver the test drives: `show(anchors)` reports them on screen, the rest off. */
function fakeIntersections() {
  const observers: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
  class FakeIntersectionObserver {
    private readonly state: { callback: IntersectionObserverCallback; targets: Set<Element> };
    constructor(callback: IntersectionObserverCallback) {
      this.state = { callback, targets: new Set() };
      observers.push(this.state);
    }
    observe(target: Element) {
      this.state.targets.add(target);
    }
    unobserve(target: Element) {
      this.state.targets.delete(target);
    }
    disconnect() {
      this.state.targets.clear();
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return {
    observed: () => observers.reduce((sum, o) => sum + o.targets.size, 0),
    show(onScreen: Set<Element>) {
      for (const { callback, targets } of observers) {
        const entries = [...targets].map((target) => ({ target, isIntersecting: onScreen.has(target) }) as IntersectionObserverEntry);
        callback(entries, {} as IntersectionObserver);
      }
    },
  };
}

describe('past 500 people on a page, only those on screen', () => {
  const sightingsOf = (count: number): Sighting[] => Array.from({ length: count }, (_, i) => ({ anchor: document.createElement('span'), place: 'after', email: `p${i}@acme.com` }));

  it('keeps every sighting up to the limit, and beyond it only those on screen', () => {
    const io = fakeIntersections();
    const changed = vi.fn();
    const onScreen = createOnScreen(changed, running.signal);
    const few = sightingsOf(MAX_BADGED_ALL);
    expect(onScreen(few)).toBe(few);
    expect(io.observed()).toBe(0);
    const many = sightingsOf(MAX_BADGED_ALL + 2);
    expect(onScreen(many)).toEqual([]);
    expect(io.observed()).toBe(MAX_BADGED_ALL + 2);
    io.show(new Set([many[3]!.anchor, many[400]!.anchor]));
    expect(changed).toHaveBeenCalledTimes(1);
    expect(onScreen(many).map((s) => s.email)).toEqual(['p3@acme.com', 'p400@acme.com']);
    // Anchors the page dropped are let go; back under the limit, the observer goes.
    expect(onScreen(many.slice(1))).toHaveLength(2);
    expect(io.observed()).toBe(MAX_BADGED_ALL + 1);
    expect(onScreen(few)).toBe(few);
    expect(io.observed()).toBe(0);
    onScreen(many);
    running.abort();
    expect(io.observed()).toBe(0);
  });
});

describe('the badge controller on large and restless pages', () => {
  function person(email: string): HTMLElement {
    const message = document.createElement('div');
    message.setAttribute('data-message-id', `#msg-${email}`);
    const span = document.createElement('span');
    span.setAttribute('email', email);
    message.append(span);
    return message;
  }
  const start = (lookup: ContentApi['lookup']) =>
    createBadgeController({ adapter: gmail, api: { lookup } as unknown as ContentApi, location: () => GMAIL, loadUi: async () => badgeUi, signal: running.signal });

  it('badges a page of 450 people from batches the background accepts (one batch over the limit used to remove every badge)', async () => {
    const { lookup } = fakeBackground();
    const answerAll = vi.fn(async (queries: LookupQueries) => {
      if (queries.emails.length > LOOKUP_LIMITS.emails) throw new Error('refused');
      return { results: (await lookup(queries)).results.map((result) => (result.query === 'person7@acme.com' ? { ...result, account: { id: 'a1', name: 'Acme', domains: [] }, matchedBy: 'contact' as const } : result)) };
    });
    document.body.append(...emails(450).map(person));
    const badges = start(answerAll);
    badges.scan();
    await vi.waitFor(() => expect(document.querySelectorAll('quotewise-badge').length).toBeGreaterThan(0));
    expect(answerAll).toHaveBeenCalledTimes(3);
    expect(badges.badged(document.querySelector('[email="person7@acme.com"]')!)).toBe(true);
  });

  it('a page flipping an address back and forth asks for each address once, however many others it shows', async () => {
    const { lookup } = fakeBackground();
    document.body.append(person('a@acme.com'), ...emails(20).map(person));
    const badges = start(lookup);
    const span = document.querySelector('span[email]')!;
    for (let i = 0; i < 50; i++) {
      span.setAttribute('email', i % 2 ? 'a@acme.com' : 'b@globex.com');
      badges.scan();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
