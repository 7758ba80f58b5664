import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { loadDefinition, saveDefinition } from '@/lib/db/definition';
import { recordEvents } from '@/lib/db/events';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { definitionToFile, parseDefinitionFile } from '@/lib/scoring/file';
import { getSummaries, refreshSummaries } from '@/lib/scoring/store';
import { DAY, freshDb, NOW } from './helpers';
import { usd } from './history';

let db: QuotewiseDB;
beforeEach(async () => {
  db = await freshDb();
});

async function accountWithOrders(orders: number) {
  const account = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
  await recordEvents(db, Array.from({ length: orders }, (_, i) => ({ type: 'order' as const, accountId: account.id, at: NOW - (i + 1) * 20 * DAY, amount: usd(5000) })), NOW);
  return account;
}

describe('cached summaries', () => {
  it('serves the cache until it is stale, then recomputes', async () => {
    const account = await accountWithOrders(6);
    const [first] = await refreshSummaries(db, [account.id], NOW);
    expect(first).toMatchObject({ accountName: 'Acme', band: 'Watch', computedAt: NOW });
    // Events written behind the cache's back are not seen while the cache is fresh...
    await recordEvents(db, [{ type: 'service', accountId: account.id, at: NOW - DAY, minutes: 5000, kind: 'dispute' }], NOW);
    expect((await getSummaries(db, [account.id], NOW + 1000))[0]?.computedAt).toBe(NOW);
    // ...and are once it is stale.
    const later = NOW + 7 * 3_600_000;
    expect((await getSummaries(db, [account.id], later))[0]).toMatchObject({ computedAt: later });
  });

  it('recomputes when the definition changes, naming the new version', async () => {
    const account = await accountWithOrders(6);
    await refreshSummaries(db, [account.id], NOW);
    const saved = await saveDefinition(db, { ...DEFAULT_DEFINITION, name: 'Strict' }, NOW);
    expect(saved.version).toBe(2);
    expect((await getSummaries(db, [account.id], NOW + 1))[0]).toMatchObject({ definitionVersion: 2, computedAt: NOW + 1 });
  });

  it('drops the summary of a deleted account and skips unknown ids', async () => {
    const account = await accountWithOrders(2);
    await refreshSummaries(db, [account.id], NOW);
    await db.accounts.delete(account.id);
    expect(await refreshSummaries(db, [account.id, 'nope'], NOW)).toEqual([]);
    expect(await db.summaries.count()).toBe(0);
    expect(await getSummaries(db, ['nope'], NOW)).toEqual([]);
  });
});

describe('definition file', () => {
  it('round-trips, and an import is saved as the next version', async () => {
    const strict = { ...DEFAULT_DEFINITION, name: 'Strict', thresholds: { ...DEFAULT_DEFINITION.thresholds, lateAfterDays: 3 } };
    const parsed = parseDefinitionFile(definitionToFile(strict));
    expect(parsed).toEqual({ ok: true, definition: strict });
    await saveDefinition(db, parsed.ok ? parsed.definition : null, NOW);
    expect(await loadDefinition(db)).toMatchObject({ name: 'Strict', version: 2, thresholds: { lateAfterDays: 3 } });
  });

  it('refuses bad files with a clear message and changes nothing', async () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['{"hello":1}', /not a Quotewise ideal-account definition/],
      ['{"format":"quotewise-definition","formatVersion":9,"definition":{}}', /newer Quotewise/],
      ['{"format":"quotewise-definition","formatVersion":1,"definition":{"thresholds":{"minWinRate":7}}}', /invalid[\s\S]*minWinRate/],
    ];
    for (const [text, message] of cases) {
      const result = parseDefinitionFile(text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(message);
    }
    expect(await loadDefinition(db)).toEqual(DEFAULT_DEFINITION);
  });
});
