import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/db/accounts';
import { QuotewiseDB } from '@/lib/db/db';
import { eventsOfAccount, recordEvents } from '@/lib/db/events';
import { saveDefinition } from '@/lib/db/definition';
import { DEFAULT_DEFINITION, MAX_DEFINITION_VERSION } from '@/lib/scoring/definition';
import { saveSettings } from '@/lib/db/settings';
import { refreshSummaries } from '@/lib/scoring/store';
import { LATEST_VERSION } from '@/lib/db/schema';
import {
  BACKUP_FORMAT,
  backupToJson,
  checkBackup,
  countRows,
  deleteAllData,
  exportBackup,
  restoreBackup,
  TABLE_BACKUP,
} from '@/lib/backup/backup';
import type { NewEvent } from '@/lib/model';
import { DAY, freshDb, NOW } from './helpers';

let db: QuotewiseDB;
beforeEach(async () => {
  db = await freshDb();
});

const json = async (database: QuotewiseDB) => backupToJson(await exportBackup(database, NOW));

async function seed(database: QuotewiseDB) {
  const acme = await createAccount(database, { name: 'Acme', domains: ['acme.com'] }, NOW);
  await database.contacts.put({ email: 'jane@gmail.com', accountId: acme.id, createdAt: NOW });
  await recordEvents(
    database,
    [
      { type: 'quote', accountId: acme.id, at: NOW - 9 * DAY, amount: { minor: 100, currency: 'USD' }, quoteRef: 'Q-1' },
      { type: 'warning_dismissed', accountId: acme.id, at: NOW, warning: 'Slow payer', reason: 'Paid after the audit' },
    ],
    NOW,
  );
  await saveSettings(database, { defaultCurrency: 'EUR', ownDomains: ['northwind-supply.com'] });
  return acme;
}

describe('backup', () => {
  it('has a row schema for every table the database has, so a new table cannot be left out', () => {
    expect(Object.keys(TABLE_BACKUP).sort()).toEqual(new QuotewiseDB('schema-only').tables.map((t) => t.name).sort());
  });

  it('writes every table with its format tag and versions', async () => {
    await seed(db);
    const file = await exportBackup(db, NOW);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: LATEST_VERSION, exportedAt: NOW });
    // Events one by one, whatever lib/db stores them as; derived tables (open quotes) are rebuilt on restore.
    expect(Object.keys(file.tables).sort()).toEqual(['accounts', 'contacts', 'events', 'settings', 'summaries']);
    expect(file.tables.events).toHaveLength(2);
    expect(file.tables.settings).toEqual([{ key: 'settings', value: expect.objectContaining({ defaultCurrency: 'EUR' }) }]);
  });

  it('restores into an empty database exactly, and refuses a live one in that mode', async () => {
    await seed(db);
    const text = await json(db);
    expect(await restoreBackup(db, text, 'empty')).toEqual({ ok: false, error: expect.stringMatching(/already holds data/) });
    await deleteAllData(db);
    expect(Object.values(await countRows(db)).every((n) => n === 0)).toBe(true);
    expect(await restoreBackup(db, text, 'empty')).toMatchObject({ ok: true, added: { accounts: 1, contacts: 1, events: 2, settings: 1 } });
    expect(await json(db)).toBe(text);
  });

  it('merges into live data: keeps what is there, maps a known account by domain, adds the rest', async () => {
    const other = await freshDb();
    await seed(other);
    const text = await json(other);
    const live = await createAccount(db, { name: 'ACME Corporation', domains: ['acme.com'] }, NOW + 1);
    await saveSettings(db, { defaultCurrency: 'GBP' });
    const result = await restoreBackup(db, text, 'merge');
    expect(result).toMatchObject({ ok: true, added: { accounts: 0, contacts: 1, events: 2, settings: 0 }, accountIds: [live.id] });
    expect(await eventsOfAccount(db, live.id)).toHaveLength(2);
    expect(await db.contacts.get('jane@gmail.com')).toMatchObject({ accountId: live.id });
    expect((await db.settings.get('settings'))?.value).toMatchObject({ defaultCurrency: 'GBP' });
    // Merging the same file again adds nothing.
    expect(await restoreBackup(db, text, 'merge')).toMatchObject({ ok: true, added: { accounts: 0, contacts: 0, events: 0, settings: 0 } });
  });

  it('refuses a definition version that would leave every later definition save failing, and restores one within bounds (issue 15)', async () => {
    const other = await freshDb();
    await seed(other);
    await saveDefinition(other, DEFAULT_DEFINITION, NOW);
    const file = JSON.parse(await json(other)) as { tables: { settings: { key: string; value: { version: number } }[] } };
    const definition = file.tables.settings.find((row) => row.key === 'definition')!;
    definition.value.version = Number.MAX_SAFE_INTEGER;
    for (const mode of ['empty', 'merge'] as const) {
      expect(await restoreBackup(db, JSON.stringify(file), mode)).toEqual({
        ok: false,
        error: `This backup is damaged: its ideal-account definition says version ${Number.MAX_SAFE_INTEGER}, and definition versions go from 1 to 1,000,000 (one for each saved change). Nothing was restored.`,
      });
    }
    expect(await countRows(db)).toMatchObject({ accounts: 0, settings: 0 });

    definition.value.version = MAX_DEFINITION_VERSION;
    expect(await restoreBackup(db, JSON.stringify(file), 'empty')).toMatchObject({ ok: true });
    expect(await saveDefinition(db, DEFAULT_DEFINITION, NOW)).toMatchObject({ version: MAX_DEFINITION_VERSION + 1 });
  });

  it('refuses a definition that would not load', async () => {
    const file = JSON.parse(await json(db)) as { tables: { settings: unknown[] } };
    file.tables.settings.push({ key: 'definition', value: { version: 'two' } });
    expect(await restoreBackup(db, JSON.stringify(file), 'merge')).toEqual({ ok: false, error: expect.stringMatching(/definition is not valid \(version: /) });
  });

  it('leaves out events and contacts of no account, in either mode, and says how many (issue 15)', async () => {
    const other = await freshDb();
    const acme = await seed(other);
    const file = JSON.parse(await json(other)) as { tables: { events: { id: string; accountId: string }[]; contacts: { email: string; accountId: string }[] } };
    const [quote] = file.tables.events;
    file.tables.events.push({ ...quote!, id: 'ghost-1', accountId: 'ghost' }, { ...quote!, id: 'ghost-2', accountId: 'ghost' });
    file.tables.contacts.push({ ...file.tables.contacts[0]!, email: 'nobody@gmail.com', accountId: 'ghost' });
    const text = JSON.stringify(file);

    const live = await createAccount(db, { name: 'Initech', domains: ['initech.io'] }, NOW);
    const merged = await restoreBackup(db, text, 'merge');
    expect(merged).toMatchObject({ ok: true, added: { accounts: 1, contacts: 1, events: 2 }, dropped: { events: 2, contacts: 1 } });
    expect(await countRows(db)).toMatchObject({ accounts: 2, contacts: 1, events: 2 });
    expect(await eventsOfAccount(db, 'ghost')).toEqual([]);
    expect(await db.contacts.get('nobody@gmail.com')).toBeUndefined();

    // An event of an account that is in the database but not in the file is kept.
    file.tables.events.push({ ...quote!, id: 'of-live', accountId: live.id });
    expect(await restoreBackup(db, JSON.stringify(file), 'merge')).toMatchObject({ ok: true, added: { events: 1 }, dropped: { events: 2 } });
    expect((await eventsOfAccount(db, live.id)).map((event) => event.id)).toEqual(['of-live']);

    await deleteAllData(db);
    expect(await restoreBackup(db, text, 'empty')).toMatchObject({ ok: true, added: { events: 2, contacts: 1 }, dropped: { events: 2, contacts: 1 }, accountIds: [acme.id] });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another file', '{"format":"quotewise-definition","formatVersion":1}', /no "quotewise-backup" format tag/],
    ['a newer format', JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 2, schemaVersion: 1, exportedAt: 0, tables: {} }), /newer Quotewise/],
    ['a newer database', JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: LATEST_VERSION + 1, exportedAt: 0, tables: {} }), /newer Quotewise/],
    ['an unknown table', JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 1, exportedAt: 0, tables: { secrets: [] } }), /does not know \("secrets"\)/],
    ['a bad row', JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 1, exportedAt: 0, tables: { accounts: [{ id: 'a', name: '' }] } }), /accounts row 1/],
  ])('refuses %s with a clear message and leaves the database untouched', async (_, text, message) => {
    await seed(db);
    const before = await json(db);
    for (const mode of ['empty', 'merge'] as const) {
      expect(await restoreBackup(db, text, mode)).toEqual({ ok: false, error: expect.stringMatching(message) });
    }
    expect(checkBackup(text).ok).toBe(false);
    expect(await json(db)).toBe(before);
  });
});

const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0 && s.trim() === s);
const money = fc.record({ minor: fc.nat({ max: 10 ** 9 }), currency: fc.constantFrom('USD', 'EUR', 'JPY') });
const at = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const eventFor = (accountId: string): fc.Arbitrary<NewEvent> =>
  fc.oneof(
    fc.record({ type: fc.constant('quote' as const), accountId: fc.constant(accountId), at, amount: money, quoteRef: text(20), note: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }) }),
    fc.record({ type: fc.constant('order' as const), accountId: fc.constant(accountId), at, amount: money }),
    fc.record({ type: fc.constant('quote_outcome' as const), accountId: fc.constant(accountId), at, outcome: fc.constantFrom('won' as const, 'lost_to_incumbent' as const), quoteRef: text(20) }),
    fc.record({ type: fc.constant('invoice' as const), accountId: fc.constant(accountId), at, dueAt: at, paidAt: fc.option(at, { nil: undefined }) }),
    fc.record({ type: fc.constant('service' as const), accountId: fc.constant(accountId), at, minutes: fc.nat({ max: 1000 }), kind: fc.constantFrom('support' as const, 'dispute' as const) }),
    fc.record({ type: fc.constant('warning_dismissed' as const), accountId: fc.constant(accountId), at, warning: fc.constantFrom('Slow payer' as const, 'Wrong fit' as const), reason: text(40), until: fc.option(at, { nil: undefined }) }),
  );
const book = fc.array(
  fc.record({ name: text(40), domain: fc.option(fc.domain(), { nil: undefined }), events: fc.array(fc.nat(), { maxLength: 8 }) }),
  { maxLength: 6 },
);

describe('property: export, wipe, restore, export again gives the same file', () => {
  it('holds for any book of accounts, events and settings', async () => {
    await fc.assert(
      fc.asyncProperty(book, fc.constantFrom('USD', 'EUR'), fc.integer({ min: 0, max: 2 ** 31 }), async (accounts, currency, seed) => {
        const database = await freshDb();
        for (const [index, spec] of accounts.entries()) {
          const account = await createAccount(database, { name: spec.name, domains: spec.domain ? [spec.domain] : [] }, NOW + index);
          const events = fc.sample(fc.array(eventFor(account.id), { minLength: spec.events.length, maxLength: spec.events.length }), { seed: seed + index, numRuns: 1 })[0]!;
          await recordEvents(database, events, NOW);
        }
        await saveSettings(database, { defaultCurrency: currency });
        await saveDefinition(database, { name: `Team ${seed}`, thresholds: { minEvents: 1 + (seed % 5) } }, NOW);
        await refreshSummaries(database, (await database.accounts.toCollection().primaryKeys()) as string[], NOW);
        const first = await json(database);
        expect(JSON.parse(first).tables.summaries).toHaveLength(accounts.length);
        await deleteAllData(database);
        expect(await restoreBackup(database, first, 'empty')).toMatchObject({ ok: true });
        expect(await json(database)).toBe(first);
        database.close();
      }),
      { numRuns: 40 },
    );
  });
});
