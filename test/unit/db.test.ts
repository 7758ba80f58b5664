import { beforeEach, describe, expect, it } from 'vitest';
import { contactsAtHosts, createAccount, findAccountByIdentity, findAccountByName, linkContact } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { CHUNK_SIZE, countEvents, deleteEvents, eventsOfAccount, forEachAccountEvents, openQuotes, putEvents, quoteRefPrefix, recordEvent, recordEvents } from '@/lib/db/events';
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

  it('finds the contacts at a host, however they were written, and keeps the host out of what it reads', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const tooling = await createAccount(db, { name: 'Acme Tooling' }, NOW);
    await linkContact(db, { email: 'jane@acme.com', accountId: tooling.id }, NOW);
    await linkContact(db, { email: 'jane@acme.com', accountId: acme.id, name: 'Jane' }, NOW);
    await db.contacts.bulkAdd([{ email: 'raj@acme.com', accountId: tooling.id, createdAt: NOW }, { email: 'raj@globex.io', accountId: acme.id, createdAt: NOW }]);
    await db.contacts.update('raj@globex.io', { name: 'Raj' });
    expect(await contactsAtHosts(db, ['acme.com', 'globex.io', 'initech.io'])).toEqual(
      new Map([['acme.com', ['jane@acme.com', 'raj@acme.com']], ['globex.io', ['raj@globex.io']], ['initech.io', []]]),
    );
    expect(await db.contacts.get('jane@acme.com')).toEqual({ email: 'jane@acme.com', accountId: acme.id, name: 'Jane', createdAt: NOW });
    expect(await db.contacts.get('nobody@acme.com')).toBeUndefined();
  });

  it('stores the registrable domain a lookup will resolve to', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['EU.Acme.co.uk', 'acme.co.uk', 'shop.acme.com'] }, NOW);
    expect(acme.domains).toEqual(['acme.co.uk', 'acme.com']);
    expect((await findAccountByIdentity(db, identifyEmail('jane@eu.acme.co.uk')!))?.account.id).toBe(acme.id);
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
    expect(q2.type === 'quote' && q2.quoteRef).toBe('ACM-1');
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
    expect(await countEvents(db)).toBe(0);
  });
});

describe('event chunks', () => {
  it('keeps long histories in time order across chunks, and a re-write of the same events changes nothing', async () => {
    const acme = await createAccount(db, { name: 'Acme' }, NOW);
    const count = CHUNK_SIZE * 2 + 17;
    // Recorded newest first, in three batches: storage order must not matter.
    const inputs = Array.from({ length: count }, (_, i) => ({ type: 'order' as const, accountId: acme.id, at: NOW - i * DAY, amount: usd(i + 1), id: `o${i}` }));
    const recorded = [
      ...(await recordEvents(db, inputs.slice(0, 100), NOW)),
      ...(await recordEvents(db, inputs.slice(100, 300), NOW)),
      ...(await recordEvents(db, inputs.slice(300), NOW)),
    ];
    const history = await eventsOfAccount(db, acme.id);
    expect(history).toHaveLength(count);
    expect(history.map((e) => e.at)).toEqual([...recorded.map((e) => e.at)].sort((a, b) => a - b));
    expect(await db.eventChunks.count()).toBe(3);
    expect(await eventsOfAccount(db, acme.id, NOW - 10 * DAY, NOW - 5 * DAY)).toHaveLength(6);

    await putEvents(db, recorded.slice(0, 50));
    expect(await countEvents(db)).toBe(count);
  });

  it('deletes events and gives them back for undo; an undone delete restores them exactly', async () => {
    const acme = await createAccount(db, { name: 'Acme' }, NOW);
    const [quote, order] = await recordEvents(
      db,
      [
        { type: 'quote', accountId: acme.id, at: NOW - 2 * DAY, amount: usd(10), quoteRef: 'Q' },
        { type: 'order', accountId: acme.id, at: NOW - DAY, amount: usd(10) },
      ],
      NOW,
    );
    expect(await deleteEvents(db, acme.id, [quote!.id, 'unknown'])).toEqual([quote]);
    expect(await eventsOfAccount(db, acme.id)).toEqual([order]);
    expect(await openQuotes(db)).toEqual([]);
    await putEvents(db, [quote!]);
    expect(await eventsOfAccount(db, acme.id)).toEqual([quote, order]);
    expect((await openQuotes(db)).map((q) => q.id)).toEqual([quote!.id]);
  });

  it('visits every event account by account', async () => {
    const a = await createAccount(db, { name: 'A' }, NOW);
    const b = await createAccount(db, { name: 'B' }, NOW);
    await recordEvents(db, [a, b, a].map((acc, i) => ({ type: 'note' as const, accountId: acc.id, at: NOW + i, note: `n${i}` })), NOW);
    const seen: [string, number][] = [];
    await forEachAccountEvents(db, (accountId, events) => {
      seen.push([accountId, events.length]);
    });
    expect(seen.sort()).toEqual([[a.id, 2], [b.id, 1]].sort());
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

describe('short quote references', () => {
  const quoteRefOf = (e: { type: string } & { quoteRef?: string }) => (e.type === 'quote' ? e.quoteRef : undefined);
  const quote = (accountId: string, extra: { quoteRef?: string; id?: string } = {}) =>
    ({ type: 'quote', accountId, at: NOW - DAY, amount: usd(100), ...extra }) as const;

  it('takes the prefix from the first domain’s name, else the name', () => {
    expect(quoteRefPrefix({ name: 'Globex Components', domains: ['globex.com'] })).toBe('GLO');
    expect(quoteRefPrefix({ name: 'x', domains: ['a1.co.uk'] })).toBe('A1');
    expect(quoteRefPrefix({ name: 'Öko-Bau GmbH', domains: [] })).toBe('OKO');
    expect(quoteRefPrefix({ name: '株式会社', domains: [] })).toBe('Q');
  });

  it('numbers an account’s quotes 1, 2, 3 …, each account on its own, in one batch too', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const globex = await createAccount(db, { name: 'Globex', domains: ['globex.com'] }, NOW);
    expect(quoteRefOf(await recordEvent(db, quote(acme.id), NOW))).toBe('ACM-1');
    expect(quoteRefOf(await recordEvent(db, quote(globex.id), NOW))).toBe('GLO-1');
    const batch = await recordEvents(db, [quote(acme.id), quote(globex.id), quote(acme.id)], NOW);
    expect(batch.map(quoteRefOf)).toEqual(['ACM-2', 'GLO-2', 'ACM-3']);
  });

  it('continues after the highest number, also after deletes, and after the demo book’s references', async () => {
    const globex = await createAccount(db, { name: 'Globex', domains: ['globex.com'] }, NOW);
    // As lib/demo/generate.ts writes them: GLO-1 … GLO-7.
    await recordEvent(db, quote(globex.id, { quoteRef: 'GLO-7' }), NOW);
    const two = await recordEvent(db, quote(globex.id, { quoteRef: 'GLO-2' }), NOW);
    await recordEvent(db, { type: 'quote_outcome', accountId: globex.id, at: NOW, outcome: 'won', quoteRef: 'glo-9' }, NOW);
    const next = await recordEvent(db, quote(globex.id), NOW);
    expect(quoteRefOf(next)).toBe('GLO-10');
    await deleteEvents(db, globex.id, [two.id]);
    expect(quoteRefOf(await recordEvent(db, quote(globex.id), NOW))).toBe('GLO-11');
    await deleteEvents(db, globex.id, [next.id]);
    const refs = (await eventsOfAccount(db, globex.id)).map((e) => ('quoteRef' in e ? e.quoteRef : null));
    expect(quoteRefOf(await recordEvent(db, quote(globex.id), NOW))).toBe('GLO-12');
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('keeps a reference the rep typed, and the reference of an event saved again under its id', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    expect(quoteRefOf(await recordEvent(db, quote(acme.id, { quoteRef: 'PO 4471' }), NOW))).toBe('PO 4471');
    const first = await recordEvent(db, quote(acme.id, { id: 'attempt-1' }), NOW);
    const again = await recordEvent(db, quote(acme.id, { id: 'attempt-1' }), NOW);
    expect([quoteRefOf(first), quoteRefOf(again)]).toEqual(['ACM-1', 'ACM-1']);
    expect(await eventsOfAccount(db, acme.id)).toHaveLength(2);
  });
});
