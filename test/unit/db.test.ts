import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, findAccountByIdentity, findAccountByName, linkContact } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { eventsOfAccount, openQuotes, recordEvent, recordEvents } from '@/lib/db/events';
import { loadSettings, saveSettings } from '@/lib/db/settings';
import { identifyEmail } from '@/lib/identity';
import { DAY, freshDb, NOW } from './helpers';

let db: QuotewiseDB;
beforeEach(async () => {
  db = await freshDb();
});

const usd = (major: number) => ({ minor: Math.round(major * 100), currency: 'USD' });

describe('accounts', () => {
  it('finds an account by company domain, by contact and by alias', async () => {
    const acme = await createAccount(db, { name: 'Acme Corp', domains: ['acme.co.uk'], aliases: ['ACME Ltd'] }, NOW);
    const viaFreeMail = await createAccount(db, { name: 'Bob Builders' }, NOW);
    await linkContact(db, { email: 'bob.builder@gmail.com', accountId: viaFreeMail.id }, NOW);

    expect((await findAccountByIdentity(db, identifyEmail('jane@eu.acme.co.uk')!))?.account.id).toBe(acme.id);
    expect(await findAccountByIdentity(db, identifyEmail('jane@globex.com')!)).toBeNull();
    expect(await findAccountByIdentity(db, identifyEmail('bob.builder@gmail.com')!)).toMatchObject({
      account: { id: viaFreeMail.id },
      matchedBy: 'contact',
    });
    // A free-mail domain never matches by domain, even if someone else uses gmail.
    expect(await findAccountByIdentity(db, identifyEmail('someone.else@gmail.com')!)).toBeNull();
    expect((await findAccountByName(db, '  acme ltd '))?.id).toBe(acme.id);
    expect((await findAccountByName(db, 'Acme Corp'))?.id).toBe(acme.id);
  });

  it('an explicit contact mapping beats the domain', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const subsidiary = await createAccount(db, { name: 'Acme Rockets' }, NOW);
    await linkContact(db, { email: 'wile@acme.com', accountId: subsidiary.id }, NOW);
    expect((await findAccountByIdentity(db, identifyEmail('wile@acme.com')!))?.account.id).toBe(subsidiary.id);
    expect((await findAccountByIdentity(db, identifyEmail('road@acme.com')!))?.account.id).toBe(acme.id);
  });
});

describe('events', () => {
  it('stores events in minor units and returns an account history in time order', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    await recordEvent(db, { type: 'order', accountId: acme.id, at: NOW - 2 * DAY, amount: usd(1250.5) }, NOW);
    await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 5 * DAY, amount: usd(900) }, NOW);
    const history = await eventsOfAccount(db, acme.id);
    expect(history.map((e) => e.type)).toEqual(['quote', 'order']);
    expect(history[1]).toMatchObject({ amount: { minor: 125050, currency: 'USD' }, createdAt: NOW, source: 'manual' });
    expect(await eventsOfAccount(db, acme.id, NOW - 3 * DAY)).toHaveLength(1);
  });

  it('keeps the open-quote index: a quote opens, its outcome closes it', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const q1 = await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 30 * DAY, amount: usd(100), quoteRef: 'Q-1' }, NOW);
    const q2 = await recordEvent(db, { type: 'quote', accountId: acme.id, at: NOW - 10 * DAY, amount: usd(100) }, NOW);
    expect(q2.type === 'quote' && q2.quoteRef).toMatch(/^Q-\d{8}-/);
    expect((await openQuotes(db)).map((q) => q.id).sort()).toEqual([q1.id, q2.id].sort());
    expect((await openQuotes(db, NOW - 20 * DAY)).map((q) => q.id)).toEqual([q1.id]);

    await recordEvent(db, { type: 'quote_outcome', accountId: acme.id, at: NOW, outcome: 'lost_to_incumbent', quoteRef: 'Q-1' }, NOW);
    expect((await openQuotes(db)).map((q) => q.id)).toEqual([q2.id]);
  });

  it('a quote imported together with its outcome is not open', async () => {
    const acme = await createAccount(db, { name: 'Acme' }, NOW);
    await recordEvents(
      db,
      [
        { type: 'quote', accountId: acme.id, at: NOW - DAY, amount: usd(5), quoteRef: 'R1' },
        { type: 'quote_outcome', accountId: acme.id, at: NOW, outcome: 'won', quoteRef: 'R1' },
      ],
      NOW,
    );
    expect(await openQuotes(db)).toEqual([]);
  });

  it('rejects an invalid event and saves nothing of the batch', async () => {
    const acme = await createAccount(db, { name: 'Acme' }, NOW);
    await expect(
      recordEvents(
        db,
        [
          { type: 'order', accountId: acme.id, at: NOW, amount: usd(10) },
          { type: 'order', accountId: acme.id, at: NOW, amount: { minor: -5, currency: 'USD' } },
        ],
        NOW,
      ),
    ).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
  });
});

describe('settings', () => {
  it('defaults, saves and re-validates', async () => {
    expect(await loadSettings(db)).toMatchObject({ ownDomains: [], defaultCurrency: 'USD' });
    await saveSettings(db, { ownDomains: ['QuoteWise.app'], defaultCurrency: 'eur' });
    expect(await loadSettings(db)).toMatchObject({ ownDomains: ['quotewise.app'], defaultCurrency: 'EUR' });
    await expect(saveSettings(db, { ownDomains: ['not a domain'] })).rejects.toThrow();
    await db.settings.put({ key: 'settings', value: { ownDomains: 42 } });
    expect((await loadSettings(db)).ownDomains).toEqual([]);
  });
});
