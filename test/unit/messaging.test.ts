import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { createAccount, linkContact } from '@/lib/db/accounts';
import { saveSettings } from '@/lib/db/settings';
import { LATEST_VERSION } from '@/lib/db/schema';
import { request } from '@/lib/messaging/client';
import { MessagingError } from '@/lib/messaging/errors';
import type { LookupResult } from '@/lib/messaging/lookup';
import { createRouter } from '@/lib/messaging/router';
import { freshDb, NOW } from './helpers';

const EXTENSION = 'chrome-extension://quotewise-test/';
const fromPage = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };
const fromExtension = { url: `${EXTENSION}popup.html` };

async function setup() {
  const db = await freshDb();
  const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), EXTENSION);
  return { db, route };
}

describe('background router', () => {
  it('answers malformed, unknown and invalid messages with a clear error, and keeps serving', async () => {
    const { route } = await setup();
    for (const junk of [undefined, null, 42, 'hello', [], { type: 'ping' }, { quotewise: 2, type: 'ping', data: {} }]) {
      expect(await route(junk, fromPage)).toEqual({ ok: false, error: { code: 'malformed', message: 'Not a Quotewise message.' } });
    }
    expect(await route({ quotewise: 1, type: 'nope', data: {} }, fromPage)).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    expect(await route({ quotewise: 1, type: '__proto__', data: {} }, fromPage)).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    const invalid = await route({ quotewise: 1, type: 'accounts.lookup', data: { emails: 'x@y.com' } }, fromPage);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(invalid.ok === false && invalid.error.message).toContain('emails');
    expect(await route({ quotewise: 1, type: 'ping', data: {} }, fromExtension)).toEqual({ ok: true, data: { pong: true, dbVersion: LATEST_VERSION } });
  });

  it('refuses extension-only messages from web pages', async () => {
    const { route } = await setup();
    const message = { quotewise: 1, type: 'events.ofAccount', data: { accountId: 'a' } };
    expect(await route(message, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(message, fromExtension)).toEqual({ ok: true, data: { events: [] } });
  });

  it('turns a failing handler into an error reply', async () => {
    const { route } = await setup();
    const reply = await route(
      { quotewise: 1, type: 'events.record', data: { event: { type: 'order', accountId: 'missing', at: NOW, amount: { minor: 1, currency: 'USD' } } } },
      fromExtension,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('does not exist') } });
  });

  it('looks up a batch of emails, web addresses and names in one round trip', async () => {
    const { route } = await setup();
    const created = await route({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: 'Acme', domains: ['acme.com'], contactEmail: 'wile.e@gmail.com' } }, fromExtension);
    expect(created.ok).toBe(true);
    const reply = await route(
      { quotewise: 1, type: 'accounts.lookup', data: { emails: ['jane@eu.acme.com', 'wile.e@gmail.com', 'x@globex.com', 'garbage'], webAddresses: ['https://www.acme.com'], names: ['ACME'] } },
      fromPage,
    );
    expect(reply.ok).toBe(true);
    const results = reply.ok ? (reply.data as { results: { account: { name: string } | null; matchedBy: string | null }[] }).results : [];
    expect(results.map((r) => [r.account?.name ?? null, r.matchedBy])).toEqual([
      ['Acme', 'domain'],
      ['Acme', 'contact'],
      [null, null],
      [null, null],
      ['Acme', 'domain'],
      ['Acme', 'name'],
    ]);
  });
});

describe('accounts.lookup: what holds for a whole host', () => {
  it('says every other address at a host resolves the same way, naming the contacts that do not', async () => {
    const { db, route } = await setup();
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const tooling = await createAccount(db, { name: 'Acme Tooling' }, NOW);
    await linkContact(db, { email: 'raj@acme.com', accountId: tooling.id }, NOW);
    await saveSettings(db, { ownDomains: ['quotewise.app'] });
    const reply = await route(
      { quotewise: 1, type: 'accounts.lookup', data: { emails: ['jane@acme.com', 'raj@acme.com', 'ann@globex.io', 'me@quotewise.app', 'wile.e@gmail.com', 'garbage'], webAddresses: ['acme.com'] } },
      fromPage,
    );
    const results = reply.ok ? (reply.data as { results: LookupResult[] }).results : [];
    expect(results.map((r) => [r.account?.id ?? null, r.sameAtHost ?? null])).toEqual([
      [acme.id, { host: 'acme.com', except: ['raj@acme.com'] }],
      // A contact's own mapping says nothing about its colleagues.
      [tooling.id, null],
      // An unknown company: its colleagues are unknown too.
      [null, { host: 'globex.io', except: [] }],
      // The rep's own domain: nobody, for every address there.
      [null, { host: 'quotewise.app', except: [] }],
      // Free mail and garbage: each address on its own; web addresses never carry a rule.
      [null, null],
      [null, null],
      [acme.id, null],
    ]);
  });
  it('never names an address the page did not ask about: a host with such a contact gets no rule', async () => {
    const { db, route } = await setup();
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const tooling = await createAccount(db, { name: 'Acme Tooling' }, NOW);
    await linkContact(db, { email: 'raj@acme.com', accountId: tooling.id }, NOW);
    await linkContact(db, { email: 'lee@acme.com', accountId: tooling.id }, NOW);
    await linkContact(db, { email: 'kim@globex.io', accountId: tooling.id }, NOW);
    const lookup = async (emails: string[]) => {
      const reply = await route({ quotewise: 1, type: 'accounts.lookup', data: { emails } }, fromPage);
      return reply.ok ? (reply.data as { results: LookupResult[] }).results : [];
    };
    const onlyJane = await lookup(['jane@acme.com', 'ann@globex.io']);
    expect(onlyJane.map((r) => [r.account?.id ?? null, r.sameAtHost ?? null])).toEqual([
      [acme.id, null],
      [null, null],
    ]);
    expect(JSON.stringify(onlyJane)).not.toMatch(/raj@|lee@|kim@/);
    // One of the two contacts on the page is not enough: lee would still be named, or answered as Acme.
    const withRaj = await lookup(['jane@acme.com', 'RAJ@acme.com']);
    expect(withRaj.map((r) => r.sameAtHost ?? null)).toEqual([null, null]);
    expect(JSON.stringify(withRaj)).not.toContain('lee@');
    // Every contact at the host on the page: the rule names only them.
    const withBoth = await lookup(['jane@acme.com', 'raj@acme.com', 'lee@acme.com']);
    expect(withBoth[0]!.sameAtHost).toEqual({ host: 'acme.com', except: expect.arrayContaining(['raj@acme.com', 'lee@acme.com']) });
    expect(withBoth[0]!.sameAtHost!.except).toHaveLength(2);
  });
});

describe('client over the fake browser', () => {
  beforeEach(async () => {
    const { route } = await setup();
    fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: { url?: string }) => route(message, { url: sender.url ?? fromExtension.url }));
  });

  it('sends a typed request and gets a validated answer', async () => {
    const account = await request('accounts.create', { id: crypto.randomUUID(), name: 'Initech', domains: ['initech.io'] });
    expect(account).toMatchObject({ name: 'Initech', domains: ['initech.io'], aliases: ['initech'] });
    const { results } = await request('accounts.lookup', { emails: ['peter@initech.io'] });
    expect(results[0]?.account?.id).toBe(account.id);
  });

  it('throws a MessagingError carrying the code', async () => {
    await expect(request('accounts.create', { id: crypto.randomUUID(), name: '' })).rejects.toMatchObject({ name: 'MessagingError', code: 'invalid_request' });
    await expect(request('accounts.create', { id: crypto.randomUUID(), name: '' })).rejects.toBeInstanceOf(MessagingError);
  });
});

describe('health messages', () => {
  it('lookup carries the summary; recording an event refreshes it; preview lists what would change, before and after, without saving', async () => {
    const { route } = await setup();
    const create = await route({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: 'Acme', domains: ['acme.com'] } }, fromExtension);
    const accountId = create.ok ? (create.data as { id: string }).id : '';
    const lookup = async () => {
      const reply = await route({ quotewise: 1, type: 'accounts.lookup', data: { emails: ['jane@acme.com'] } }, fromPage);
      return reply.ok ? (reply.data as { results: { summary: { band: string; warnings: { name: string }[] } | null }[] }).results[0]!.summary : null;
    };
    expect(await lookup()).toMatchObject({ band: 'Not enough data' });

    for (let i = 0; i < 5; i++) {
      const at = NOW - (200 - i * 30) * 86_400_000;
      const invoice = { type: 'invoice', accountId, at, dueAt: at + 30 * 86_400_000, paidAt: at + 75 * 86_400_000 };
      const order = { type: 'order', accountId, at, amount: { minor: 500_000, currency: 'USD' } };
      for (const event of [order, invoice]) expect((await route({ quotewise: 1, type: 'events.record', data: { event } }, fromExtension)).ok).toBe(true);
    }
    expect(await lookup()).toMatchObject({ band: 'At risk', warnings: [{ name: 'Slow payer' }] });

    const definition = await route({ quotewise: 1, type: 'definition.get', data: {} }, fromExtension);
    const lenient = { ...(definition.ok ? (definition.data as object) : {}), thresholds: { lateAfterDays: 60 } };
    const preview = await route({ quotewise: 1, type: 'definition.preview', data: { definition: lenient } }, fromExtension);
    expect(preview).toEqual({ ok: true, data: { total: 1, moved: 1, changes: [{ accountId, name: 'Acme', from: { band: 'At risk', score: 33 }, to: { band: 'Watch', score: 66 } }] } });
    expect(await lookup()).toMatchObject({ band: 'At risk' });
    expect(await route({ quotewise: 1, type: 'definition.save', data: { definition: lenient } }, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
