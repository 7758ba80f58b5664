import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createAccount } from '@/lib/db/accounts';
import { countEvents, eventsOfAccount, openQuotes, recordEvent } from '@/lib/db/events';
import { createRouter } from '@/lib/messaging/router';
import { DAY, freshDb, NOW } from './helpers';

const EXTENSION = 'chrome-extension://quotewise-test/';
const fromExtension = { url: `${EXTENSION}popup.html` };
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
