import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmail } from '@/lib/adapters/gmail';
import type { ContentApi } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { coalesce, watchSelector } from '@/lib/content/observe';
import { luminance } from '@/lib/content/theme';
import { badgeUi } from '@/lib/content/ui';
import type { LookupResult } from '@/lib/messaging/lookup';

const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/x');

function message(email: string): HTMLElement {
  const div = document.createElement('div');
  div.setAttribute('data-message-id', `#msg-${email}`);
  const h3 = document.createElement('h3');
  const person = document.createElement('span');
  person.setAttribute('email', email);
  person.textContent = email;
  h3.append(person);
  div.append(h3);
  return div;
}

/** A background that knows acme.com, and counts what it is asked. */
function fakeApi() {
  const known = new Map([['acme.com', { id: 'a1', name: 'Acme', domains: ['acme.com'] }]]);
  const lookup = vi.fn(async ({ emails }: { emails: string[] }) =>
    emails.map((email): LookupResult => {
      const domain = email.split('@')[1]!;
      return { query: email, identity: { kind: 'company', domain, email }, account: known.get(domain) ?? null, matchedBy: known.has(domain) ? 'domain' : null, summary: null };
    }),
  );
  const api = { lookup, createAccount: vi.fn(), open: vi.fn() } as unknown as ContentApi;
  return { api, lookup, known };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('badge controller', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('badges each customer once, asks once per address, and removes a badge when its customer goes', async () => {
    const { api, lookup } = fakeApi();
    document.body.append(message('jo@acme.com'), message('jo@acme.com'), message('ann@globex.com'));
    const badges = createBadgeController({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    badges.scan();
    await settle();
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]![0]).toMatchObject({ emails: ['jo@acme.com', 'ann@globex.com'] });
    expect(badges.size).toBe(3);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(3);

    document.body.firstElementChild!.remove();
    badges.scan();
    expect(badges.size).toBe(2);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(2);
    expect(lookup).toHaveBeenCalledTimes(1);

    badges.stop();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
  });

  it('re-asks for changed accounts and unknown customers only', async () => {
    const { api, lookup, known } = fakeApi();
    document.body.append(message('jo@acme.com'), message('ann@globex.com'));
    const badges = createBadgeController({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    await settle();
    await settle();
    known.set('globex.com', { id: 'g1', name: 'Globex', domains: ['globex.com'] });
    badges.refresh(['g1']);
    await settle();
    expect(lookup).toHaveBeenLastCalledWith({ emails: ['ann@globex.com'], webAddresses: [], names: [] });
    expect(badges.size).toBe(2);
  });

  it('shows nothing, and throws nothing, when the background is gone or the adapter fails', async () => {
    const { api, lookup } = fakeApi();
    lookup.mockRejectedValue(new Error('Extension context invalidated.'));
    document.body.append(message('jo@acme.com'));
    const broken = { ...gmail, find: () => { throw new Error('page changed'); } };
    for (const adapter of [gmail, broken]) {
      const badges = createBadgeController({ adapter, api, location: () => GMAIL, loadUi: async () => badgeUi });
      expect(() => badges.scan()).not.toThrow();
      await settle();
      expect(badges.size).toBe(0);
    }
  });
});

describe('observing the page', () => {
  it('reacts to matching nodes added or removed, ignores the rest and its own badges', async () => {
    const controller = new AbortController();
    const onChange = vi.fn();
    watchSelector(document.body, 'span[email]', onChange, controller.signal);
    document.body.append(document.createElement('p'));
    document.body.append(document.createElement('quotewise-badge'));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    const added = message('jo@acme.com');
    document.body.append(added);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    added.remove();
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
    controller.abort();
    document.body.append(message('ann@globex.com'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('coalesces a burst of calls into one run', () => {
    const task = vi.fn();
    const queued: (() => void)[] = [];
    const run = coalesce(task, (callback) => queued.push(callback));
    run();
    run();
    run();
    expect(queued).toHaveLength(1);
    queued[0]!();
    expect(task).toHaveBeenCalledTimes(1);
    run();
    expect(queued).toHaveLength(2);
  });

  it('tells dark backgrounds from light ones', () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([32, 33, 36])).toBeLessThan(0.4);
    expect(luminance([0, 0, 0])).toBe(0);
  });
});
