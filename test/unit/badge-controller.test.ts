import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmail } from '@/lib/adapters/gmail';
import type { ContentApi } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { LIST_STILL_MS } from '@/lib/content/busy-list';
import { coalesce, pace, watchSelector } from '@/lib/content/observe';
import { isDarkAt, luminance } from '@/lib/content/theme';
import { badgeUi } from '@/lib/content/ui';
import type { BadgeUi } from '@/lib/content/ui-contract';
import type { BadgeProps } from '@/components/Badge';
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

/** A background that knows acme.com (and raj@acme.com as a contact of Acme Tooling), and counts what it is asked. */
function fakeApi() {
  const known = new Map([['acme.com', { id: 'a1', name: 'Acme', domains: ['acme.com'] }]]);
  const contacts = new Map([['raj@acme.com', { id: 't1', name: 'Acme Tooling', domains: [] }]]);
  const lookup = vi.fn(async ({ emails }: { emails: string[] }) => ({
    results: emails.map((email): LookupResult => {
      const domain = email.split('@')[1]!;
      const identity = { kind: 'company' as const, domain, email };
      const contact = contacts.get(email);
      if (contact) return { query: email, identity, account: contact, matchedBy: 'contact', summary: null };
      const except = [...contacts.keys()].filter((address) => address.endsWith(`@${domain}`));
      const account = known.get(domain) ?? null;
      return { query: email, identity, account, matchedBy: account ? 'domain' : null, summary: null, sameAtHost: { host: domain, except } };
    }),
  }));
  const api = { lookup, createAccount: vi.fn(), open: vi.fn() } as unknown as ContentApi;
  return { api, lookup, known };
}

/** The badge UI, recording what each badge was last drawn with. */
function recordingUi() {
  const drawn = new Map<Element, BadgeProps>();
  const ui: BadgeUi = {
    isDarkAt: badgeUi.isDarkAt,
    dispose: badgeUi.dispose,
    mount(anchor, place, props) {
      const mounted = badgeUi.mount(anchor, place, props);
      drawn.set(anchor, props);
      return { ...mounted, update: (next) => (drawn.set(anchor, next), mounted.update(next)) };
    },
  };
  return { ui, drawn };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page showing jo@acme.com's message, scanned and answered: the controller and the one badge's host. */
async function badgedJo(api: ContentApi, ui: BadgeUi) {
  document.body.append(message('jo@acme.com'));
  const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
  badges.scan();
  await settle();
  await settle();
  return { badges, host: document.querySelector('quotewise-badge')! };
}

/** Every controller a test starts hangs off this test's signal, so no timer outlives the test. */
let running = new AbortController();
const start = (options: Omit<Parameters<typeof createBadgeController>[0], 'signal'>) => createBadgeController({ ...options, signal: running.signal });

afterEach(() => {
  vi.useRealTimers();
  running.abort();
  running = new AbortController();
  document.body.replaceChildren();
});

describe('badge controller', () => {

  it('badges each customer once, asks once per address, and removes a badge when its customer goes', async () => {
    const { api, lookup } = fakeApi();
    document.body.append(message('jo@acme.com'), message('jo@acme.com'), message('ann@globex.com'));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    badges.scan();
    await settle();
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]![0]).toMatchObject({ emails: ['jo@acme.com', 'ann@globex.com'] });
    expect(badges.size).toBe(3);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(3);
    expect(badges.badged(document.querySelector('[email="ann@globex.com"]')!)).toBe(true);
    expect(badges.badged(document.body)).toBe(false);

    document.body.firstElementChild!.remove();
    badges.scan();
    expect(badges.size).toBe(2);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(2);
    expect(lookup).toHaveBeenCalledTimes(1);

    running.abort();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
  });

  it('re-asks for changed accounts and unknown customers only', async () => {
    const { api, lookup, known } = fakeApi();
    document.body.append(message('jo@acme.com'), message('ann@globex.com'));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    await settle();
    await settle();
    known.set('globex.com', { id: 'g1', name: 'Globex', domains: ['globex.com'] });
    badges.refresh(['g1']);
    await settle();
    expect(lookup).toHaveBeenLastCalledWith({ emails: ['ann@globex.com'], webAddresses: [], names: [] });
    expect(badges.size).toBe(2);
  });

  it('badges a colleague at a company it already asked about at once, without asking; asks for a mapped contact', async () => {
    const { api, lookup } = fakeApi();
    const { ui, drawn } = recordingUi();
    document.body.append(message('jo@acme.com'));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
    badges.scan();
    await settle();
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);

    document.body.append(message('ann@acme.com'));
    badges.scan();
    // In the same scan, before any answer could come back: the badge goes in with the message.
    expect(badges.size).toBe(2);
    const ann = document.querySelector('[email="ann@acme.com"]')!;
    expect(drawn.get(ann)?.state).toEqual({ kind: 'account', accountId: 'a1', accountName: 'Acme', summary: null });
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);

    document.body.append(message('raj@acme.com'));
    badges.scan();
    expect(badges.size).toBe(2);
    await settle();
    await settle();
    expect(lookup).toHaveBeenLastCalledWith({ emails: ['raj@acme.com'], webAddresses: [], names: [] });
    const raj = document.querySelector('[email="raj@acme.com"]')!;
    expect(drawn.get(raj)?.state).toMatchObject({ kind: 'account', accountId: 't1' });
  });

  it('forgets what it knew of whole companies when anything changes', async () => {
    const { api, lookup } = fakeApi();
    document.body.append(message('jo@acme.com'));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    await settle();
    await settle();
    badges.refresh([]);
    await settle();
    document.body.append(message('ann@acme.com'));
    badges.scan();
    expect(badges.size).toBe(1);
    await settle();
    expect(lookup).toHaveBeenLastCalledWith({ emails: ['ann@acme.com'], webAddresses: [], names: [] });
  });

  it('moves the badge of a customer who left to the one who came, instead of building another', async () => {
    const { api } = fakeApi();
    const { ui, drawn } = recordingUi();
    const mount = vi.spyOn(ui, 'mount');
    const { badges, host } = await badgedJo(api, ui);
    expect(mount).toHaveBeenCalledTimes(1);

    // The next email: Gmail swaps the message for another.
    document.body.replaceChildren(message('ann@acme.com'), message('bo@acme.com'));
    badges.scan();
    const [ann, bo] = ['ann', 'bo'].map((name) => document.querySelector(`[email="${name}@acme.com"]`)!);
    expect(mount).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(2);
    expect(ann!.nextElementSibling).toBe(host);
    expect(bo!.nextElementSibling?.localName).toBe('quotewise-badge');
    expect(badges.size).toBe(2);

    // Fewer customers than badges: the rest go.
    document.body.replaceChildren(message('cy@acme.com'));
    badges.scan();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(1);
    expect(mount).toHaveBeenCalledTimes(2);
    expect(drawn.size).toBeGreaterThan(0);
  });

  it('keeps a few badges off the page whole: a page that swaps its people while they are asked about does not build a badge for each', async () => {
    const { api } = fakeApi();
    const { ui } = recordingUi();
    const removed: Element[] = [];
    const mountOf = ui.mount;
    const mount = vi.fn((...args: Parameters<BadgeUi['mount']>) => {
      const mounted = mountOf(...args);
      return { ...mounted, remove: () => (removed.push(mounted.host), mounted.remove()) };
    });
    ui.mount = mount;
    const { badges, host } = await badgedJo(api, ui);
    expect(mount).toHaveBeenCalledTimes(1);
    // The page replaces the message with a stranger's at a company not asked about yet: the badge leaves the page while it asks.
    document.body.replaceChildren(message('ann@globex.com'));
    badges.scan();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
    await settle();
    await settle();
    // Answered: the badge taken off comes back, at the new person, instead of a new one being built.
    const ann = document.querySelector('[email="ann@globex.com"]')!;
    expect(ann.nextElementSibling).toBe(host);
    expect(mount).toHaveBeenCalledTimes(1);
    // Taken off again, and kept: not removed. Those kept go with everything else when the script stops.
    document.body.replaceChildren(message('cy@initech.com'));
    badges.scan();
    expect(host.isConnected).toBe(false);
    expect(removed).toEqual([]);
    running.abort();
    expect(removed).toEqual([host]);
  });

  it('starts a badge in the page’s last theme, and follows the page’s own once it has painted, within a second after the first', async () => {
    vi.useFakeTimers();
    try {
      const { api } = fakeApi();
      const { ui, drawn } = recordingUi();
      const dark = document.createElement('div');
      dark.style.backgroundColor = 'rgb(32, 33, 36)';
      dark.append(message('jo@acme.com'));
      document.body.append(dark);
      const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
      badges.scan();
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(0);
      const jo = document.querySelector('[email="jo@acme.com"]')!;
      expect(drawn.get(jo)?.dark).toBe(false);
      await vi.advanceTimersByTimeAsync(150);
      expect(drawn.get(jo)?.dark).toBe(true);

      // The next badge on the page starts dark: no flash of the wrong theme.
      dark.append(message('ann@acme.com'));
      badges.scan();
      const ann = document.querySelector('[email="ann@acme.com"]')!;
      expect(drawn.get(ann)?.dark).toBe(true);

      // The rep switches the site to a light theme: badges placed after that follow within a second.
      await vi.advanceTimersByTimeAsync(1000);
      dark.style.backgroundColor = 'rgb(255, 255, 255)';
      dark.append(message('bo@acme.com'));
      badges.scan();
      const bo = document.querySelector('[email="bo@acme.com"]')!;
      expect(drawn.get(bo)?.dark).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(drawn.get(bo)?.dark).toBe(false);

      // Back to dark with no new badge placed: the card opens in the page's theme of the moment.
      dark.style.backgroundColor = 'rgb(32, 33, 36)';
      expect(drawn.get(bo)?.dark).toBe(false);
      drawn.get(bo)!.onToggle();
      expect(drawn.get(bo)).toMatchObject({ open: true, dark: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops its theme timer when its signal is aborted', async () => {
    vi.useFakeTimers();
    try {
      const { api } = fakeApi();
      document.body.append(message('jo@acme.com'));
      const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
      badges.scan();
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(badges.size).toBe(1);
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      running.abort();
      expect(vi.getTimerCount()).toBe(0);
      expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows nothing, and throws nothing, when the background is gone or the adapter fails', async () => {
    const { api, lookup } = fakeApi();
    lookup.mockRejectedValue(new Error('Extension context invalidated.'));
    document.body.append(message('jo@acme.com'));
    const broken = { ...gmail, find: () => { throw new Error('page changed'); } };
    for (const adapter of [gmail, broken]) {
      const badges = start({ adapter, api, location: () => GMAIL, loadUi: async () => badgeUi });
      expect(() => badges.scan()).not.toThrow();
      await settle();
      expect(badges.size).toBe(0);
    }
  });
});

describe('badge controller: message lists', () => {
  /** A Gmail list row whose senders are `emails` ("me, Jane, Pablo" for several). */
  function row(...emails: string[]): HTMLElement {
    const tr = document.createElement('tr');
    tr.className = 'zA';
    const cell = document.createElement('div');
    cell.className = 'yW';
    for (const email of emails) {
      const sender = document.createElement('span');
      sender.setAttribute('email', email);
      sender.setAttribute('name', email);
      sender.textContent = email;
      cell.append(sender);
    }
    tr.append(cell);
    return tr;
  }
  function list(...rows: HTMLElement[]): HTMLElement {
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    body.append(...rows);
    table.append(body);
    main.append(table);
    return main;
  }
  const drawnAt = (drawn: Map<Element, BadgeProps>, email: string) => drawn.get(document.querySelector(`tr.zA [email="${email}"]`)!);

  it('gives each row one compact mark, for the first of its senders who is an account; other rows an empty slot of the same size', async () => {
    const { api, lookup } = fakeApi();
    const { ui, drawn } = recordingUi();
    document.body.append(list(row('jo@acme.com'), row('ann@globex.com'), row('ann@globex.com', 'raj@acme.com', 'jo@acme.com')));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
    badges.scan();
    await settle();
    await settle();
    // One batch for every row, each address once.
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]![0].emails).toEqual(['jo@acme.com', 'ann@globex.com', 'raj@acme.com']);
    expect(badges.size).toBe(3);
    expect(drawnAt(drawn, 'jo@acme.com')).toMatchObject({ list: true, state: { kind: 'account', accountName: 'Acme' } });
    expect(drawnAt(drawn, 'ann@globex.com')).toMatchObject({ list: true, state: { kind: 'blank' } });
    // The group row's mark sits before its first sender (a stranger) and is for the first account among them, raj's.
    const group = document.querySelectorAll('tr.zA')[2]!;
    const host = group.querySelector('.yW')!.firstElementChild!;
    expect(host.localName).toBe('quotewise-badge');
    expect(group.querySelectorAll('quotewise-badge')).toHaveLength(1);
    expect(drawn.get(host.nextElementSibling!)).toMatchObject({ list: true, state: { kind: 'account', accountName: 'Acme Tooling' } });
    // Every host is the mark's size, whether it shows one or not: the page cannot tell the rows apart by their hosts.
    const widths = [...document.querySelectorAll<HTMLElement>('quotewise-badge')].map((h) => h.style.getPropertyValue('width'));
    expect(new Set(widths)).toEqual(new Set(['26px']));
  });

  it('keeps an answer that comes while the page is rested for the look that ends the rest, instead of reading the page again', async () => {
    const { api, lookup } = fakeApi();
    document.body.append(message('jo@acme.com'));
    let resting = true;
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi, resting: () => resting });
    badges.scan();
    await settle();
    await settle();
    // Answered, but the page is being rested: nothing read, nothing drawn, nothing asked.
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(badges.size).toBe(0);
    // The look that ends the rest draws the answer it kept, without asking again.
    resting = false;
    badges.scan();
    await settle();
    expect(badges.size).toBe(1);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('when the list is rebuilt with its rows shifted (new mail), each mark moves with its sender and none is drawn again', async () => {
    const { api } = fakeApi();
    let updates = 0;
    const ui: BadgeUi = {
      ...badgeUi,
      mount(anchor, place, props) {
        const mounted = badgeUi.mount(anchor, place, props);
        return { ...mounted, update: (next) => (updates++, mounted.update(next)) };
      },
    };
    const senders = ['jo@acme.com', 'ann@globex.com', 'raj@acme.com', 'lee@initech.com'];
    document.body.append(list(...senders.map((email) => row(email))));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
    badges.scan();
    await settle();
    await settle();
    const hosts = new Set(document.querySelectorAll('quotewise-badge'));
    expect(hosts.size).toBe(4);
    // The mail comes once the list has stood still (a list rebuilt again at once is busy: the next test).
    const now = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => now() + LIST_STILL_MS);
    document.querySelector('tbody')!.replaceChildren(...['new@initech.com', ...senders].map((email) => row(email)));
    badges.scan();
    await settle();
    await settle();
    expect(updates).toBe(0);
    // The accounts' marks moved with their senders (the same hosts); empty slots are all alike, and the new row got one more.
    for (const email of ['jo@acme.com', 'raj@acme.com']) expect(hosts.has(document.querySelector(`tr.zA [email="${email}"]`)!.previousElementSibling!)).toBe(true);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(5);
  });

  it('keeps the marks of a list rebuilt again at once off the page, whole, and puts them back without building any once the list is still', async () => {
    const { api } = fakeApi();
    let mounts = 0;
    const ui: BadgeUi = { ...badgeUi, mount: (...args) => (mounts++, badgeUi.mount(...args)) };
    // More rows than the few badges kept off the page for any page.
    const senders = ['jo@acme.com', 'ann@globex.com', 'raj@acme.com', 'lee@initech.com', 'bo@acme.com', 'cy@umbrella.com'];
    document.body.append(list(...senders.map((email) => row(email))), message('ann@globex.com'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => ui });
    badges.scan();
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    expect([mounts, document.querySelectorAll('tr.zA quotewise-badge').length]).toEqual([7, 6]);
    // Rebuilt again at once. This page lays nothing out, so no row is on screen: every row waits for the list to be still.
    document.querySelector('tbody')!.replaceChildren(...[...senders].reverse().map((email) => row(email)));
    badges.scan();
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(0);
    expect(badges.size).toBe(1);
    await vi.advanceTimersByTimeAsync(LIST_STILL_MS - 10);
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(0);
    // Still for LIST_STILL_MS: every row marked again, with the marks kept off the page.
    await vi.advanceTimersByTimeAsync(10);
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(6);
    expect(document.querySelector('tr.zA [email="jo@acme.com"]')!.previousElementSibling!.localName).toBe('quotewise-badge');
    expect(mounts).toBe(7);
  });

  it('removes every mark when the rep switches lists off, and keeps the open message’s badges; back on, the marks return without asking again', async () => {
    const { api, lookup } = fakeApi();
    document.body.append(list(row('jo@acme.com'), row('raj@acme.com')), message('ann@globex.com'));
    const badges = start({ adapter: gmail, api, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    await settle();
    await settle();
    expect(badges.size).toBe(3);
    badges.showLists(false);
    expect(badges.size).toBe(1);
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(0);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(1);
    badges.showLists(true);
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(2);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('marks nothing on a page opened with lists switched off: the background says so with its first answer', async () => {
    const { api, lookup } = fakeApi();
    const off = vi.fn(async (queries: { emails: string[] }) => ({ ...(await lookup(queries)), lists: false }));
    document.body.append(list(row('jo@acme.com')), message('ann@globex.com'));
    const badges = start({ adapter: gmail, api: { ...api, lookup: off } as unknown as ContentApi, location: () => GMAIL, loadUi: async () => badgeUi });
    badges.scan();
    await settle();
    await settle();
    expect(document.querySelectorAll('tr.zA quotewise-badge')).toHaveLength(0);
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(1);
    // New rows later are not even asked about.
    document.querySelector('tbody')!.append(row('new@initech.com'));
    badges.scan();
    await settle();
    expect(off.mock.calls.flatMap(([queries]) => queries.emails)).not.toContain('new@initech.com');
  });
});

describe('observing the page', () => {
  it('reacts to matching nodes added or removed, ignores the rest and its own badges', async () => {
    const controller = running;
    const onChange = vi.fn();
    watchSelector(document.body, { selector: 'span[email]' }, onChange, controller.signal);
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

  it('reacts to a watched attribute changing in place, on a matching or badged element only', async () => {
    const controller = running;
    const onChange = vi.fn();
    const added = message('jo@acme.com');
    const other = document.createElement('p');
    document.body.append(added, other);
    const person = added.querySelector('span')!;
    let personBadged = false;
    watchSelector(document.body, { selector: 'span[email]', attributes: ['email'], badged: (element) => personBadged && element === person }, onChange, controller.signal);
    person.setAttribute('email', 'ann@acme.com');
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    person.setAttribute('title', 'not watched');
    other.setAttribute('email', 'not a person');
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    // No longer a person, but it carries a badge: look again, so the badge goes.
    personBadged = true;
    onChange.mockClear();
    person.removeAttribute('email');
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('forgets what is pending once a scan has read the page', async () => {
    const controller = running;
    const onChange = vi.fn();
    const watch = watchSelector(document.body, { selector: 'span[email]' }, onChange, controller.signal);
    document.body.append(message('jo@acme.com'));
    watch.forgetPending();
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    document.body.append(message('ann@acme.com'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('reports attributes changing in place to `inPlace` when given, and added nodes to `onChange` still', async () => {
    const onChange = vi.fn();
    const inPlace = vi.fn();
    const controller = new AbortController();
    document.body.append(message('jo@acme.com'));
    watchSelector(document.body, { selector: 'span[email]', attributes: ['email'], inPlace }, onChange, controller.signal);
    document.querySelector('span[email]')!.setAttribute('email', 'ann@acme.com');
    await settle();
    expect([inPlace.mock.calls.length, onChange.mock.calls.length]).toEqual([1, 0]);
    document.body.append(message('raj@acme.com'));
    await settle();
    expect([inPlace.mock.calls.length, onChange.mock.calls.length]).toEqual([1, 1]);
    controller.abort();
  });

  it('stops listening to a page that changes addresses without pause, then looks once at the whole page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Mutation records arrive in a microtask: the faked timers do not hold them.
    const microtasks = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    const onChange = vi.fn();
    const inPlace = vi.fn();
    const controller = new AbortController();
    document.body.append(message('jo@acme.com'));
    const restless = document.querySelector('span[email]')!;
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    const watch = watchSelector(document.body, { selector: 'span[email]', attributes: ['email'], inPlace, restMs: 250 }, onChange, controller.signal);
    expect(watch.resting()).toBe(false);
    // A second of changes, one per frame.
    for (let frame = 0; frame < 60; frame++) {
      restless.setAttribute('email', `buyer${frame}@acme.com`);
      await microtasks();
      vi.advanceTimersByTime(1000 / 60);
    }
    // The first change is told at once; then a rest, a look at the whole page, and so on: a handful, not 60.
    expect(watch.resting()).toBe(true);
    expect(inPlace).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(4);
    expect(observed.mock.calls.length).toBe(onChange.mock.calls.length + 1);
    // Quiet again (the last rest, grown to 1 s, has ended): the page is listened to as before.
    vi.advanceTimersByTime(2000);
    expect(watch.resting()).toBe(false);
    const looks = onChange.mock.calls.length;
    restless.setAttribute('email', 'ann@acme.com');
    await microtasks();
    expect([inPlace.mock.calls.length, onChange.mock.calls.length]).toEqual([2, looks]);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    observed.mockRestore();
    vi.useRealTimers();
  });

  it('looks at a page adding and removing people every frame a bounded number of times, and at a rep opening messages every time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const microtasks = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    const onChange = vi.fn();
    const controller = new AbortController();
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    watchSelector(document.body, { selector: 'span[email]', attributes: ['email'], restMs: 250 }, onChange, controller.signal);
    /** `frames` frames at 60 a second, a new message replacing the last one every `every` frames. */
    const churn = async (frames: number, every: number) => {
      for (let frame = 0; frame < frames; frame++) {
        if (frame % every === 0) {
          document.querySelector('div[data-message-id]')?.remove();
          document.body.append(message(`buyer${frame}@churn${frame}-corp.com`));
        }
        await microtasks();
        vi.advanceTimersByTime(1000 / 60);
      }
    };
    // A rep paging through messages as fast as the badge bench does (15 a second): each is looked at as it comes.
    await churn(60, 4);
    expect(onChange).toHaveBeenCalledTimes(15);
    vi.advanceTimersByTime(2000);
    // A page replacing its message every frame for ten seconds: a burst, then about one look a second, not 600.
    onChange.mockClear();
    await churn(600, 1);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(7 + 10 + 2);
    // Quiet again: the next message is looked at at once.
    vi.advanceTimersByTime(2000);
    onChange.mockClear();
    document.body.append(message('ann@acme.com'));
    await microtasks();
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    observed.mockRestore();
    vi.useRealTimers();
  });

  it('paces a task: at once, then at most once per window, the last call always run', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const task = vi.fn();
    const paced = pace(task, 100, controller.signal);
    paced();
    expect(task).toHaveBeenCalledTimes(1);
    for (let frame = 0; frame < 60; frame++) {
      paced();
      vi.advanceTimersByTime(1000 / 60);
    }
    // One second of calls every frame: 10 runs, not 60.
    expect(task.mock.calls.length).toBeLessThanOrEqual(11);
    vi.advanceTimersByTime(100);
    const runs = task.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(runs);
    paced();
    controller.abort();
    paced();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(runs + 1);
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
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

  it('reads the theme from the customer’s text when it is clearly light or dark, else from the background', () => {
    const at = (text: string, background: string) => {
      const box = document.createElement('div');
      box.style.backgroundColor = background;
      const span = document.createElement('span');
      span.style.color = text;
      box.append(span);
      document.body.append(box);
      return isDarkAt(span);
    };
    expect(at('rgb(227, 227, 227)', 'transparent')).toBe(true);
    expect(at('rgb(31, 31, 31)', 'rgb(32, 33, 36)')).toBe(false);
    // Mid-tone text (a light link blue) says nothing: the background decides.
    expect(at('rgb(138, 180, 248)', 'rgb(32, 33, 36)')).toBe(true);
    expect(at('rgb(138, 180, 248)', 'rgb(255, 255, 255)')).toBe(false);
  });

  it('tells dark backgrounds from light ones', () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([32, 33, 36])).toBeLessThan(0.4);
    expect(luminance([0, 0, 0])).toBe(0);
  });
});
