import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { contactsAtHosts } from '@/lib/db/accounts';
import { QuotewiseDB } from '@/lib/db/db';
import { buildChunks, eventsOfAccount, openQuotes, openQuotesOf } from '@/lib/db/events';
import { LATEST_VERSION, SCHEMA_HISTORY } from '@/lib/db/schema';
import type { AccountEvent } from '@/lib/model';
import { NOW } from './helpers';

const money = { minor: 10_000, currency: 'USD' };
const base = { accountId: 'acc-1', source: 'manual', createdAt: NOW } as const;
const EVENTS = [
  { ...base, id: 'e1', type: 'quote', at: NOW - 3000, amount: money, quoteRef: 'Q-open' },
  { ...base, id: 'e2', type: 'quote', at: NOW - 2000, amount: money, quoteRef: 'Q-closed' },
  { ...base, id: 'e3', type: 'quote_outcome', at: NOW - 1000, outcome: 'won', quoteRef: 'Q-closed' },
  { ...base, id: 'e4', type: 'order', at: NOW, amount: money },
  { ...base, accountId: 'acc-2', id: 'e5', type: 'note', at: NOW, note: 'Met at the trade fair' },
] as AccountEvent[];
const TABLES = {
  accounts: [
    { id: 'acc-1', name: 'Acme', domains: ['acme.com'], aliases: ['acme'], judgement: { shareOfWallet: 0.5, rightReasons: true, valuesAligned: null }, createdAt: NOW, updatedAt: NOW },
    { id: 'acc-2', name: 'Globex', domains: ['globex.com', 'globex.de'], aliases: ['globex'], judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null }, createdAt: NOW, updatedAt: NOW },
  ],
  contacts: [{ email: 'bob@gmail.com', accountId: 'acc-2', createdAt: NOW }],
  settings: [{ key: 'settings', value: { ownDomains: ['us.com'] } }],
};

/** Write the same events the way the given schema version stored them. */
async function writeEventsAt(db: QuotewiseDB, version: number) {
  if (version < 4) {
    // Version 2 added openSince on quotes without an outcome.
    const rows = EVENTS.map((e) => (version >= 2 && e.id === 'e1' ? { ...e, openSince: e.at } : e));
    await db.table('events').bulkAdd(rows);
    return;
  }
  for (const accountId of ['acc-1', 'acc-2']) {
    const events = EVENTS.filter((e) => e.accountId === accountId);
    await db.table('eventChunks').bulkAdd(buildChunks(accountId, [...events]));
    const open = openQuotesOf(accountId, events);
    if (open) await db.table('openQuotes').add(open);
  }
}

describe('database upgrades', () => {
  it('declares versions in order, each with a reason', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_HISTORY.every((v) => v.why.length > 10)).toBe(true);
  });

  for (const previous of SCHEMA_HISTORY.slice(0, -1)) {
    it(`opens version ${previous.version} data at version ${LATEST_VERSION} with all of it intact`, async () => {
      const name = `upgrade-${previous.version}-${crypto.randomUUID()}`;
      const old = new QuotewiseDB(name, previous.version);
      await old.transaction('rw', old.tables, async () => {
        // Copies: from version 6 on, the contacts table's hook adds its storage-only host to the object it is given.
        for (const [table, rows] of Object.entries(TABLES)) await old.table(table).bulkAdd(structuredClone(rows));
        await writeEventsAt(old, previous.version);
      });
      old.close();

      const upgraded = new QuotewiseDB(name);
      await upgraded.open();
      expect(upgraded.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(TABLES)) {
        expect(await upgraded.table(table).toArray()).toEqual(rows);
      }
      expect(await eventsOfAccount(upgraded, 'acc-1')).toEqual(EVENTS.filter((e) => e.accountId === 'acc-1'));
      expect(await eventsOfAccount(upgraded, 'acc-2')).toEqual(EVENTS.filter((e) => e.accountId === 'acc-2'));
      expect((await openQuotes(upgraded)).map((q) => q.id)).toEqual(['e1']);
      expect(upgraded.tables.map((t) => t.name)).not.toContain('events');
      // Version 6 indexes contacts by host: the contacts written before it are found by theirs.
      expect(await contactsAtHosts(upgraded, ['gmail.com', 'acme.com'])).toEqual(new Map([['gmail.com', ['bob@gmail.com']], ['acme.com', []]]));
      upgraded.close();
      await Dexie.delete(name);
    });
  }

  it('version 7 makes every cached summary stale, so none shows a date or an amount in the old formats', async () => {
    const name = `upgrade-summaries-${crypto.randomUUID()}`;
    const old = new QuotewiseDB(name, 6);
    await old.table('summaries').bulkAdd([
      { accountId: 'acc-1', score: 40, band: 'Watch', staleAt: NOW + 3_600_000, reasons: [{ points: -5, text: 'Slow payer: 3 of 4 invoices paid late since 24 Sept 2025.' }] },
    ]);
    old.close();
    const upgraded = new QuotewiseDB(name);
    await upgraded.open();
    expect(await upgraded.table('summaries').toArray()).toEqual([
      { accountId: 'acc-1', score: 40, band: 'Watch', staleAt: 0, reasons: [{ points: -5, text: 'Slow payer: 3 of 4 invoices paid late since 24 Sept 2025.' }] },
    ]);
    upgraded.close();
    await Dexie.delete(name);
  });
});
