import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, linkContact } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { countEvents, eventsOfAccount, forEachAccountEvents, openQuotes } from '@/lib/db/events';
import type { AccountEvent } from '@/lib/model';
import { backupToJson, exportBackup } from '@/lib/backup/backup';
import { eventsToCsv } from '@/lib/import/export';
import { QUOTEWISE_COLUMNS } from '@/lib/import/format';
import type { RowContext } from '@/lib/import/map-row';
import { analyseCsv, readHeaders, type ReadyRow } from '@/lib/import/parse';
import { detectMapping } from '@/lib/import/presets';
import { importRows } from '@/lib/import/write';
import { freshDb, NOW } from './helpers';

const context: RowContext = { defaultCurrency: 'USD', identity: {}, paymentTermsDays: 30 };
let db: QuotewiseDB;
beforeEach(async () => {
  db = await freshDb();
});

function ready(csv: string): ReadyRow[] {
  const analysis = analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, context);
  expect(analysis.bad).toEqual([]);
  return analysis.rows;
}

const BOOK = [
  'account,domain,contact_email,date,type,amount,quote_ref,outcome,notes',
  'Acme Industrial,acme-industrial.com,,2026-01-05,quote,100,Q-1,,',
  'Acme Industrial,,,2026-01-20,quote_outcome,,Q-1,won,',
  'Acme Industrial,,,2026-01-21,order,100,,,',
  ',,bob.builder@gmail.com,2026-02-01,quote,50,Q-2,,',
  'Globex,globex.com,,2026-02-02,note,,,,Met at the fair',
  'Globex,,,2026-02-03,order,75,,,',
].join('\n');

async function allEvents(database: QuotewiseDB): Promise<AccountEvent[]> {
  const events: AccountEvent[] = [];
  await forEachAccountEvents(database, (_, list) => void events.push(...list));
  return events;
}

async function snapshot() {
  return backupToJson(await exportBackup(db, NOW));
}

describe('importing ready rows', () => {
  it('resolves accounts by domain, contact and name, creating the missing ones, in one go', async () => {
    const existing = await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW);
    const result = await importRows(db, ready(BOOK), { now: NOW });
    expect(result).toMatchObject({ added: 6, alreadyThere: 0, createdAccounts: 2 });
    const accounts = await db.accounts.orderBy('name').toArray();
    expect(accounts.map((a) => [a.name, a.domains])).toEqual([
      ['Acme Industrial', ['acme-industrial.com']],
      // Created with its domain, then found again by name.
      ['Globex', ['globex.com']],
      ['bob.builder@gmail.com', []],
    ]);
    expect(result.accountIds).toHaveLength(3);
    expect(result.accountIds).toContain(existing.id);
    expect(await db.contacts.get('bob.builder@gmail.com')).toMatchObject({ accountId: accounts[2]!.id });
    expect(await eventsOfAccount(db, existing.id)).toHaveLength(3);
    // The won quote is closed, the free-mail contact's quote is open.
    expect((await openQuotes(db)).map((q) => q.type === 'quote' && q.quoteRef)).toEqual(['Q-2']);
    expect((await allEvents(db)).every((e) => e.source === 'import' && e.createdAt === NOW)).toBe(true);
  });

  it('a contact mapping the rep made wins over the domain', async () => {
    const subsidiary = await createAccount(db, { name: 'Acme Rockets' }, NOW);
    await linkContact(db, { email: 'wile@acme.com', accountId: subsidiary.id }, NOW);
    await importRows(db, ready('account,domain,contact_email,date,type,amount\nAcme,acme.com,wile@acme.com,2026-01-01,order,5\n'), { now: NOW });
    expect(await eventsOfAccount(db, subsidiary.id)).toHaveLength(1);
  });

  it('importing the same file again adds nothing', async () => {
    await importRows(db, ready(BOOK), { now: NOW });
    const before = await snapshot();
    const again = await importRows(db, ready(BOOK), { now: NOW + 1000 });
    expect(again).toMatchObject({ added: 0, alreadyThere: 6, createdAccounts: 0, accountIds: [] });
    expect(await snapshot()).toBe(before);
  });

  it('a cancelled import saves nothing', async () => {
    const before = await snapshot();
    const controller = new AbortController();
    controller.abort();
    await expect(importRows(db, ready(BOOK), { now: NOW, signal: controller.signal })).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });

  it('property: a failure at any row rolls the whole import back, accounts included', async () => {
    await createAccount(db, { name: 'Existing', domains: ['existing.com'] }, NOW);
    const rows = ready(BOOK);
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: rows.length - 1 }), async (broken) => {
        const tampered = rows.map((row, index) =>
          index === broken ? { ...row, events: row.events.map((event) => ({ ...event, at: -1 })) } : row,
        );
        await expect(importRows(db, tampered, { now: NOW })).rejects.toThrow();
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 12 },
    );
  });
});

const cell = fc.oneof(
  fc.constantFrom('', 'Acme', 'acme.com', 'jane@acme.com', 'bob@gmail.com', '2026-01-01', '2026-02-30', '1/2/2026', 'quote', 'order', 'invoice',
    'service', 'note', 'price_match', 'quote_outcome', 'won', 'lost', '12.50', '-3', '1,234.5', 'USD', 'XYZ', 'yes', '=1+1', '@x', '"', '\n', ';', ','),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const csvFile = fc
  .tuple(
    fc.shuffledSubarray([...QUOTEWISE_COLUMNS, 'extra'], { minLength: 0 }),
    fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 25 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([header, rows, separator, newline, bom, quoted]) => {
    // Half the files quote cells properly; the others leave stray quotes and separators as they come.
    const quote = (value: string) => (quoted && /[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const text = [header, ...rows].map((cells) => cells.map(quote).join(separator)).join(newline);
    return bom ? `\uFEFF${text}` : text;
  });

describe('property: no file crashes the importer', () => {
  it('every record is either ready or reported with a line, and ready rows always store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFile, fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
        const analysis = analyseCsv(text, detectMapping(readHeaders(text)).mapping, context);
        for (const bad of analysis.bad) {
          expect(bad.line).toBeGreaterThanOrEqual(2);
          expect(bad.reason.length).toBeGreaterThan(0);
        }
        const fresh = await freshDb();
        const result = await importRows(fresh, analysis.rows, { now: NOW });
        expect(await countEvents(fresh)).toBe(result.added);
        fresh.close();
      }),
      { numRuns: 150 },
    );
  });
});

describe('CSV export', () => {
  it('writes the format the importer reads: export, import into an empty database, export again is the same file', async () => {
    await importRows(db, ready(BOOK), { now: NOW });
    await importRows(
      db,
      ready('account,date,type,amount,currency,due_date,paid_date,minutes,kind,nre,notes,competitor\nInitech,2026-03-01,invoice,10.5,EUR,2026-03-31,2026-04-20,,,,,\nInitech,2026-03-02,service,,,,,30,dispute,,"said ""no""\nthen yes",\nInitech,2026-03-03,engineering_change,,,,,,,no,,\nInitech,2026-03-04,price_match,,,,,,,,=cheaper,@Rival\n'),
      { now: NOW },
    );
    const csv = await eventsToCsv(db);
    expect(csv).toContain("'=cheaper");
    expect(csv.split('\n')[0]).toBe(QUOTEWISE_COLUMNS.join(','));
    const other = await freshDb();
    const rows = analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, context);
    expect(rows.bad).toEqual([]);
    await importRows(other, rows.rows, { now: NOW });
    expect(await eventsToCsv(other)).toBe(csv);
    expect((await allEvents(other)).find((e) => e.type === 'price_match')).toMatchObject({ note: '=cheaper', competitor: '@Rival' });
  });

  it('order_ref links an invoice to the order it bills, both ways through the file', async () => {
    await importRows(db, ready('account,date,type,amount,currency,due_date,paid_date,invoice_ref,order_ref\nInitech,2026-03-01,order,500,USD,,,,SO-7\nInitech,2026-03-05,invoice,500,USD,2026-04-04,2026-04-01,INV-9,SO-7\n'), { now: NOW });
    const events = await allEvents(db);
    expect(events.find((e) => e.type === 'order')).toMatchObject({ orderRef: 'SO-7' });
    expect(events.find((e) => e.type === 'invoice')).toMatchObject({ orderRef: 'SO-7', invoiceRef: 'INV-9' });
    const csv = await eventsToCsv(db);
    const other = await freshDb();
    await importRows(other, analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, context).rows, { now: NOW });
    expect(await eventsToCsv(other)).toBe(csv);
    expect((await allEvents(other)).filter((e) => 'orderRef' in e && e.orderRef === 'SO-7')).toHaveLength(2);
  });
});
