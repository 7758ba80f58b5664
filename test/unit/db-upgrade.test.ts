import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { QuotewiseDB } from '@/lib/db/db';
import { openQuotes } from '@/lib/db/events';
import { LATEST_VERSION, SCHEMA_HISTORY } from '@/lib/db/schema';
import { NOW } from './helpers';

/** Data as the given schema version stored it (version 2 on: open quotes carry openSince). */
function dataAt(version: number) {
  const money = { minor: 10_000, currency: 'USD' };
  const base = { accountId: 'acc-1', source: 'manual', createdAt: NOW };
  return {
    accounts: [
      { id: 'acc-1', name: 'Acme', domains: ['acme.com'], aliases: ['acme'], judgement: { shareOfWallet: 0.5, rightReasons: true, valuesAligned: null }, createdAt: NOW, updatedAt: NOW },
      { id: 'acc-2', name: 'Globex', domains: ['globex.com', 'globex.de'], aliases: ['globex'], judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null }, createdAt: NOW, updatedAt: NOW },
    ],
    contacts: [{ email: 'bob@gmail.com', accountId: 'acc-2', createdAt: NOW }],
    events: [
      { ...base, id: 'e1', type: 'quote', at: NOW - 3000, amount: money, quoteRef: 'Q-open', ...(version >= 2 ? { openSince: NOW - 3000 } : {}) },
      { ...base, id: 'e2', type: 'quote', at: NOW - 2000, amount: money, quoteRef: 'Q-closed' },
      { ...base, id: 'e3', type: 'quote_outcome', at: NOW - 1000, outcome: 'won', quoteRef: 'Q-closed' },
      { ...base, id: 'e4', type: 'order', at: NOW, amount: money },
    ],
    settings: [{ key: 'settings', value: { ownDomains: ['us.com'] } }],
  };
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
      const data = dataAt(previous.version);
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
      });
      old.close();

      const upgraded = new QuotewiseDB(name);
      await upgraded.open();
      expect(upgraded.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(data)) {
        const stored = await upgraded.table(table).toArray();
        expect(stored).toHaveLength(rows.length);
        for (const row of rows) expect(stored).toContainEqual(expect.objectContaining(row));
      }
      // Open quotes are right whether version 2's backfill or the write path set them.
      expect((await openQuotes(upgraded)).map((q) => q.id)).toEqual(['e1']);
      upgraded.close();
      await Dexie.delete(name);
    });
  }
});
