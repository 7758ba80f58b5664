import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { type PopupRequest, popupData } from '@/lib/background/popup-data';
import { createAccount, linkContact } from '@/lib/db/accounts';
import { countEvents, eventsOfAccount, openQuotes, recordEvent } from '@/lib/db/events';
import { createRouter } from '@/lib/messaging/router';
import { DAY, freshDb, NOW } from './helpers';

const EXTENSION = 'chrome-extension://quotewise-test/';
const fromExtension = { url: `${EXTENSION}popup.html` };
/** The badge's card: an extension page in a frame of the rep's tab. */
const fromCard = { url: `${EXTENSION}card.html#0123456789abcdef0123`, tab: { id: 3 } };
const fromPage = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };
const usd = (minor: number) => ({ minor, currency: 'USD' });

async function setup() {
  const db = await freshDb();
  const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), EXTENSION);
  const send = async (type: string, data: unknown, sender: { url: string } = fromExtension) => route({ quotewise: 1, type, data }, sender);
  return { db, send };
}

describe('accounts.search: type-ahead over names, aliases and domains', () => {
  it('matches a name prefix ignoring case, an alias prefix and a domain prefix, names first', async () => {
    const { db, send } = await setup();
    const acme = await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    const globex = await createAccount(db, { name: 'Globex', domains: ['globex.io'], aliases: ['Acme Old Name'] }, NOW);
    const initech = await createAccount(db, { name: 'Initech', domains: ['acmeparts.de'] }, NOW);
    await createAccount(db, { name: 'Umbrella', domains: ['umbrella.com'] }, NOW);

    const ids = async (query: string, limit?: number) => {
      const reply = await send('accounts.search', { query, limit });
      if (!reply.ok) throw new Error(reply.error.message);
      return (reply.data as { accounts: { id: string }[] }).accounts.map((a) => a.id);
    };
    expect(await ids('ACME')).toEqual([acme.id, globex.id, initech.id]);
    expect(await ids('acme', 2)).toEqual([acme.id, globex.id]);
    expect(await ids('globex.')).toEqual([globex.id]);
    expect(await ids('zzz')).toEqual([]);
    expect(await ids('', 2)).toHaveLength(2);
  });

  it('is answered only for the extension’s own pages', async () => {
    const { send } = await setup();
    expect(await send('accounts.search', { query: 'a' }, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('quotes.open', () => {
  it('lists quotes with no outcome, oldest first, with account names and the stale age from settings', async () => {
    const { db, send } = await setup();
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const old = await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 30 * DAY, amount: usd(100), quoteRef: 'Q-OLD' }, NOW);
    await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 2 * DAY, amount: usd(200), quoteRef: 'Q-NEW' }, NOW);
    await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 40 * DAY, amount: usd(300), quoteRef: 'Q-DONE' }, NOW);
    await recordEvent(db, { type: 'quote_outcome', accountId: acme.id, at: NOW - DAY, outcome: 'won', quoteRef: 'Q-DONE' }, NOW);
    await send('settings.save', { settings: { openQuoteDays: 21 } });

    const reply = await send('quotes.open', {});
    expect(reply).toMatchObject({ ok: true, data: { staleAfterDays: 21 } });
    const quotes = reply.ok ? (reply.data as { quotes: { id: string; quoteRef: string; accountName: string }[] }).quotes : [];
    expect(quotes.map((q) => q.quoteRef)).toEqual(['Q-OLD', 'Q-NEW']);
    expect(quotes[0]).toMatchObject({ id: old.id, accountName: 'Acme', amount: usd(100) });
  });
});

describe('events.delete: undo', () => {
  it('deletes the event, and deleting an outcome reopens its quote', async () => {
    const { db, send } = await setup();
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const quote = await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 3 * DAY, amount: usd(100), quoteRef: 'Q-1' }, NOW);
    const outcome = await recordEvent(db, { type: 'quote_outcome', accountId: acme.id, at: NOW, outcome: 'lost', quoteRef: 'Q-1' }, NOW);
    expect(await openQuotes(db)).toEqual([]);

    expect(await send('events.delete', { id: outcome.id, accountId: acme.id })).toMatchObject({ ok: true, data: { deleted: { id: outcome.id } } });
    expect((await eventsOfAccount(db, acme.id)).map((e) => e.id)).toEqual([quote.id]);
    expect((await openQuotes(db)).map((q) => q.id)).toEqual([quote.id]);

    expect(await send('events.delete', { id: quote.id, accountId: acme.id })).toMatchObject({ ok: true, data: { deleted: { id: quote.id } } });
    expect(await countEvents(db)).toBe(0);
    expect(await send('events.delete', { id: quote.id, accountId: acme.id })).toEqual({ ok: true, data: { deleted: null } });
  });

  it('keeps a quote closed while another outcome still closes it', async () => {
    const { db, send } = await setup();
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 3 * DAY, amount: usd(100), quoteRef: 'Q-1' }, NOW);
    await recordEvent(db, { type: 'quote_outcome', accountId: acme.id, at: NOW - DAY, outcome: 'no_decision', quoteRef: 'Q-1' }, NOW);
    const second = await recordEvent(db, { type: 'quote_outcome', accountId: acme.id, at: NOW, outcome: 'won', quoteRef: 'Q-1' }, NOW);
    await send('events.delete', { id: second.id, accountId: acme.id });
    expect(await openQuotes(db)).toEqual([]);
  });

  it('is refused from web pages: a site cannot delete a rep’s history', async () => {
    const { send } = await setup();
    expect(await send('events.delete', { id: 'x', accountId: 'a' }, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('settings.get / settings.save', () => {
  it('validates with the Settings schema and refuses bad input, keeping what was stored', async () => {
    const { send } = await setup();
    expect(await send('settings.get', {})).toMatchObject({ ok: true, data: { openQuoteDays: 14, ownDomains: [] } });
    expect(await send('settings.save', { settings: { ownDomains: ['Northwind-Supply.com'], openQuoteDays: 7 } })).toMatchObject({
      ok: true,
      data: { ownDomains: ['northwind-supply.com'], openQuoteDays: 7 },
    });
    expect(await send('settings.save', { settings: { ownDomains: ['not a domain'] } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await send('settings.get', {})).toMatchObject({ ok: true, data: { ownDomains: ['northwind-supply.com'], openQuoteDays: 7 } });
    expect(await send('settings.get', {}, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('settings.claimOwn: the first-run answer from the card of the rep’s own address', () => {
  it('makes a company address’s domain the rep’s own, ignores only a free-mail address, and refuses a customer’s domain', async () => {
    const { db, send } = await setup();
    await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    // The card asks; a web page's content script may not.
    expect(await send('settings.claimOwn', { email: 'Rep@Northwind-Supply.com' }, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('settings.claimOwn', { email: 'Rep@Northwind-Supply.com' }, fromCard)).toEqual({ ok: true, data: { ownDomain: 'northwind-supply.com' } });
    expect(await send('settings.claimOwn', { email: 'rep.home@gmail.com' }, fromCard)).toEqual({ ok: true, data: { ownAddress: 'rep.home@gmail.com' } });
    // Asked again (another tab answered first): nothing more to do.
    expect(await send('settings.claimOwn', { email: 'ann@northwind-supply.com' }, fromCard)).toEqual({ ok: true, data: {} });
    const refused = await send('settings.claimOwn', { email: 'jane@acme-industrial.com' }, fromCard);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('Acme Industrial') } });
    expect(await send('settings.get', {})).toMatchObject({ ok: true, data: { ownDomains: ['northwind-supply.com'], ownAddresses: ['rep.home@gmail.com'] } });
    const lookup = await send('accounts.lookup', { emails: ['ann@northwind-supply.com', 'rep.home@gmail.com', 'friend@gmail.com'] }, fromPage);
    expect(lookup).toMatchObject({ ok: true, data: { results: [{ identity: null }, { identity: null }, { identity: { kind: 'contact' } }] } });
  });
});

describe('warnings.dismiss: the card’s snooze or dismiss, with the rep’s reason', () => {
  it('records the dismissal as an event with its reason and end, and refuses an empty reason or a missing account', async () => {
    const { db, send } = await setup();
    const acme = await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    expect(await send('warnings.dismiss', { accountId: acme.id, warning: 'Price relationship', reason: '  New buyer  ', snoozeDays: 30 }, fromCard)).toEqual({ ok: true, data: { dismissed: true } });
    const [event] = await eventsOfAccount(db, acme.id);
    expect(event).toMatchObject({ type: 'warning_dismissed', warning: 'Price relationship', reason: 'New buyer' });
    expect((event as { until?: number; at: number }).until! - (event as { at: number }).at).toBe(30 * DAY);
    expect(await send('warnings.dismiss', { accountId: acme.id, warning: 'Price relationship', reason: '   ' }, fromCard)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await send('warnings.dismiss', { accountId: 'nobody', warning: 'Slow payer', reason: 'x' }, fromCard)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await countEvents(db)).toBe(1);
  });
});

describe('popup.open: everything the popup’s first render needs, in one answer', () => {
  const ask = (request: Partial<PopupRequest>): PopupRequest => ({ accountId: null, email: null, text: null, tabId: null, ...request });
  const onTab = (emails: string[]) => async (tabId: number) => (tabId === 7 ? { emails, webAddresses: [], names: [] } : null);

  it('opens on the first customer of the tab that has an account, with its summary, the currency and the open quotes', async () => {
    const { db } = await setup();
    const acme = await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 20 * DAY, amount: usd(100), quoteRef: 'Q-1' }, NOW);
    const data = await popupData(db, ask({ tabId: 7 }), NOW, onTab(['me@quotewise.app', 'jane@acme-industrial.com']));
    expect(data.resolution).toMatchObject({ account: { id: acme.id, name: 'Acme Industrial' }, summary: { accountId: acme.id }, unknown: null });
    expect(data).toMatchObject({ defaultCurrency: 'USD', staleAfterDays: 14, openQuotes: [{ quoteRef: 'Q-1', accountName: 'Acme Industrial' }] });
  });

  it('follows an explicit contact mapping over the domain', async () => {
    const { db } = await setup();
    await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    const subsidiary = await createAccount(db, { name: 'Acme Tooling' }, NOW);
    await linkContact(db, { email: 'jane@acme-industrial.com', accountId: subsidiary.id }, NOW);
    const { resolution } = await popupData(db, ask({ tabId: 7 }), NOW, onTab(['jane@acme-industrial.com']));
    expect(resolution.account?.id).toBe(subsidiary.id);
  });

  it('offers an unknown company for creation, and has nothing to offer for a tab without a customer', async () => {
    const { db } = await setup();
    const unknown = await popupData(db, ask({ tabId: 7 }), NOW, onTab(['bob@globex.io']));
    expect(unknown.resolution).toEqual({ account: null, summary: null, unknown: { domain: 'globex.io', email: 'bob@globex.io' }, query: 'globex.io' });
    const elsewhere = await popupData(db, ask({ tabId: 8 }), NOW, onTab(['bob@globex.io']));
    expect(elsewhere.resolution).toEqual({ account: null, summary: null, unknown: null, query: '' });
  });

  it('prefers the account, then the email, then the text it is given over the tab', async () => {
    const { db } = await setup();
    const acme = await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    const globex = await createAccount(db, { name: 'Globex', domains: ['globex.io'] }, NOW);
    const tab = onTab(['jane@acme-industrial.com']);
    expect((await popupData(db, ask({ accountId: globex.id, tabId: 7 }), NOW, tab)).resolution.account?.id).toBe(globex.id);
    expect((await popupData(db, ask({ email: 'bob@globex.io', tabId: 7 }), NOW, tab)).resolution.account?.id).toBe(globex.id);
    expect((await popupData(db, ask({ text: 'globex', tabId: 7 }), NOW, tab)).resolution.account?.id).toBe(globex.id);
    expect((await popupData(db, ask({ text: 'Nobody Inc' }), NOW, tab)).resolution).toMatchObject({ account: null, query: 'Nobody Inc' });
    expect((await popupData(db, ask({ tabId: 7 }), NOW, tab)).resolution.account?.id).toBe(acme.id);
  });

  it('is answered only for the extension’s own pages', async () => {
    const { send } = await setup();
    expect(await send('popup.open', ask({}), fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('popup.open', ask({}))).toMatchObject({ ok: true, data: { resolution: { account: null } } });
  });
});

describe('accounts.create', () => {
  it('names an account created from a domain after the company, and refuses one with neither name nor domain', async () => {
    const { send } = await setup();
    expect(await send('accounts.create', { id: crypto.randomUUID(), domains: ['eu.acme-industrial.co.uk'] })).toMatchObject({
      ok: true,
      data: { name: 'Acme Industrial', domains: ['acme-industrial.co.uk'] },
    });
    expect(await send('accounts.create', { id: crypto.randomUUID(), name: 'Globex Europe', domains: ['globex.io'] })).toMatchObject({ ok: true, data: { name: 'Globex Europe' } });
    expect(await send('accounts.create', { id: crypto.randomUUID(), domains: [] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('needs an id from the sender, and a retry with the same id returns the account the first try made (issue 15)', async () => {
    const { db, send } = await setup();
    expect(await send('accounts.create', { name: 'Initech', domains: ['initech.io'] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const request = { id: crypto.randomUUID(), name: 'Initech', domains: ['initech.io'], contactEmail: 'peter@initech.io' };
    const first = await send('accounts.create', request);
    // The service worker stopped before answering: the sender's transport sends the same request again.
    const retry = await send('accounts.create', request);
    expect(first).toMatchObject({ ok: true, data: { id: request.id, name: 'Initech' } });
    expect(retry).toEqual(first);
    expect(await db.accounts.count()).toBe(1);
    expect(await db.contacts.get('peter@initech.io')).toMatchObject({ accountId: request.id });
  });

  it('refuses an id that is already another account', async () => {
    const { db, send } = await setup();
    const initech = await createAccount(db, { name: 'Initech', domains: ['initech.io'] }, NOW);
    expect(await send('accounts.create', { id: initech.id, name: 'Impostor' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await db.accounts.toArray()).toEqual([initech]);
  });

  it('never takes over a domain that belongs to another account: says whose it is and to merge instead', async () => {
    const { db, send } = await setup();
    const globex = await createAccount(db, { name: 'Globex Components', domains: ['globex.com'] }, NOW);
    for (const domains of [['globex.com'], ['initech.io', 'eu.globex.com']]) {
      expect(await send('accounts.create', { id: crypto.randomUUID(), name: 'Impostor', domains }, fromCard)).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: 'globex.com already belongs to Globex Components. Open Globex Components, or merge the two accounts in the history page.',
        },
      });
    }
    expect(await db.accounts.toArray()).toEqual([globex]);
    const lookup = await send('accounts.lookup', { emails: ['jane@globex.com'] }, fromPage);
    expect(lookup).toMatchObject({ ok: true, data: { results: [{ account: { id: globex.id } }] } });
  });

  it('never takes over a contact mapped to another account, and a web page’s content script may not create at all', async () => {
    const { db, send } = await setup();
    const globex = await createAccount(db, { name: 'Globex Components', domains: ['globex.com'] }, NOW);
    await linkContact(db, { email: 'buyer@gmail.com', accountId: globex.id }, NOW);
    const impostor = { id: crypto.randomUUID(), name: 'Impostor', contactEmail: 'buyer@gmail.com' };
    expect(await send('accounts.create', impostor, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('accounts.create', impostor, fromCard)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'buyer@gmail.com is already a contact of Globex Components. Open Globex Components, or merge the two accounts in the history page.' },
    });
    expect(await db.accounts.toArray()).toEqual([globex]);
    expect((await db.contacts.get('buyer@gmail.com'))?.accountId).toBe(globex.id);
  });

  it('two creates at once for one domain make one account', async () => {
    const { db, send } = await setup();
    const replies = await Promise.all(
      ['Umbrella', 'Umbrella Corp', 'Umbrella Inc'].map((name) => send('accounts.create', { id: crypto.randomUUID(), name, domains: ['umbrella.com'] })),
    );
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.filter((reply) => !reply.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) }),
      expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) }),
    ]);
    expect(await db.accounts.count()).toBe(1);
  });
});
