import { describe, expect, it } from 'vitest';
import { analyseCsv, decodeCsv, readHeaders } from '@/lib/import/parse';
import { detectMapping, mappingFor, unmappedColumns } from '@/lib/import/presets';
import type { RowContext } from '@/lib/import/map-row';
import { QUOTEWISE_COLUMNS } from '@/lib/import/format';
import { COLUMN_MEANINGS, templateCsv } from '@/lib/import/template';
import { parseAmount, parseDate } from '@/lib/import/values';

const context: RowContext = { defaultCurrency: 'USD', identity: { ownDomains: ['northwind-supply.com'] }, paymentTermsDays: 30 };
const HEADER = 'account,domain,contact_email,date,type,amount,currency,quote_ref,outcome,discount_pct,competitor,competitor_price,due_date,paid_date,minutes,nre,notes';

function analyse(text: string) {
  return analyseCsv(text, detectMapping(readHeaders(text)).mapping, context);
}

describe('the Quotewise events CSV', () => {
  it('maps every type to the stored event, amounts in minor units, dates at midnight UTC', () => {
    const csv = [
      HEADER,
      'Acme Industrial,acme-industrial.com,jane.doe@acme-industrial.com,2026-03-02,quote,"1,250.50",USD,Q-7,,12.5,Globex,1100,,,,,first quote',
      'Acme Industrial,,,2026-03-04,price_match,,,Q-7,,,Globex,1050,,,,,',
      'Acme Industrial,,,2026-03-09,quote_outcome,,,Q-7,lost_to_incumbent,,,,,,,,',
      'Acme Industrial,,,2026-03-10,order,900,EUR,,,,,,,,,,',
      'Acme Industrial,,,2026-03-11,invoice,900,,,,,,,2026-04-10,2026-05-01,,,',
      'Acme Industrial,,,2026-03-12T14:30:00+02:00,payment,900,,,,,,,,,,,',
      'Acme Industrial,,,2026-03-13,service,,,,,,,,,,45,,',
      'Acme Industrial,,,2026-03-14,engineering_change,,,,,,,,,,,yes,',
      'Acme Industrial,,,2026-03-15,referral,,,,,,,,,,,,',
      'Acme Industrial,,,2026-03-16,upsell,300,,,,,,,,,,,',
      'Acme Industrial,,,2026-03-17,note,,,,,,,,,,,,Prefers email',
    ].join('\n');
    const { rows, bad, unknownColumns } = analyse(csv);
    expect(bad).toEqual([]);
    expect(unknownColumns).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[0]!.account).toEqual({ name: 'Acme Industrial', domain: 'acme-industrial.com', email: 'jane.doe@acme-industrial.com' });
    const events = rows.map((r) => r.events[0]!);
    expect(events[0]).toMatchObject({
      type: 'quote',
      at: Date.UTC(2026, 2, 2),
      amount: { minor: 125050, currency: 'USD' },
      discountPct: 12.5,
      competitor: 'Globex',
      competitorPrice: { minor: 110000, currency: 'USD' },
      quoteRef: 'Q-7',
      note: 'first quote',
      contactEmail: 'jane.doe@acme-industrial.com',
      source: 'import',
    });
    expect(events[1]).toMatchObject({ type: 'price_match', competitor: 'Globex', quoteRef: 'Q-7' });
    expect(events[2]).toMatchObject({ type: 'quote_outcome', outcome: 'lost_to_incumbent', quoteRef: 'Q-7' });
    expect(events[3]).toMatchObject({ type: 'order', amount: { minor: 90000, currency: 'EUR' } });
    // An invoice with due and paid dates records the payment on the invoice itself (paidAt).
    expect(events[4]).toMatchObject({ type: 'invoice', dueAt: Date.UTC(2026, 3, 10), paidAt: Date.UTC(2026, 4, 1) });
    expect(events[5]).toMatchObject({ type: 'payment', at: Date.UTC(2026, 2, 12, 12, 30) });
    expect(events[6]).toMatchObject({ type: 'service', minutes: 45, kind: 'support' });
    expect(events[7]).toMatchObject({ type: 'engineering_change', nre: true });
    expect(events[8]).toMatchObject({ type: 'referral', kind: 'other' });
    expect(events[9]).toMatchObject({ type: 'upsell', kind: 'upsell', amount: { minor: 30000 } });
    expect(events[10]).toMatchObject({ type: 'note', note: 'Prefers email' });
  });

  it('reads headers in any order and any case, and reports unknown columns', () => {
    const csv = 'TYPE,Notes,Date,Account,Colour\nnote,hello,2026-01-05,Globex,blue\n';
    const { rows, bad, unknownColumns } = analyse(csv);
    expect(bad).toEqual([]);
    expect(unknownColumns).toEqual(['Colour']);
    expect(rows[0]).toMatchObject({ account: { name: 'Globex' }, events: [{ type: 'note', note: 'hello', at: Date.UTC(2026, 0, 5) }] });
  });

  it('an invoice without a due date is due after the payment terms', () => {
    const { rows } = analyse('account,date,type\nGlobex,2026-01-01,invoice\n');
    expect(rows[0]!.events[0]).toMatchObject({ dueAt: Date.UTC(2026, 0, 31) });
    expect(rows[0]!.events[0]).not.toHaveProperty('paidAt');
  });

  it.each([
    ['missing account', ',,,2026-01-01,note,,,,,,,,,,,,hi', /^missing account/],
    ['bad date', 'Globex,,,2026-02-30,note,,,,,,,,,,,,hi', /^bad date "2026-02-30": no such day/],
    ['bad date (format)', 'Globex,,,yesterday,note,,,,,,,,,,,,hi', /^bad date "yesterday"/],
    ['no date', 'Globex,,,,note,,,,,,,,,,,,hi', /^no date/],
    ['unknown type', 'Globex,,,2026-01-01,lunch,,,,,,,,,,,,', /^unknown type "lunch"/],
    ['missing type', 'Globex,,,2026-01-01,,,,,,,,,,,,,', /^missing type/],
    ['negative amount', 'Globex,,,2026-01-01,order,-5,,,,,,,,,,,', /^negative amount "-5"/],
    ['bad amount', 'Globex,,,2026-01-01,order,=1+2,,,,,,,,,,,', /^bad amount "=1\+2": not a number/],
    ['missing amount', 'Globex,,,2026-01-01,quote,,,,,,,,,,,,', /^missing amount: a quote row needs one/],
    ['bad currency', 'Globex,,,2026-01-01,order,5,XYZ,,,,,,,,,,', /^bad currency "XYZ"/],
    ['unknown outcome', 'Globex,,,2026-01-01,quote_outcome,,,Q1,maybe,,,,,,,,', /^unknown outcome "maybe"/],
    ['missing outcome', 'Globex,,,2026-01-01,quote_outcome,,,Q1,,,,,,,,,', /^missing outcome/],
    ['missing competitor', 'Globex,,,2026-01-01,price_match,,,,,,,,,,,,', /^missing competitor/],
    ['bad discount', 'Globex,,,2026-01-01,quote,5,,,,120,,,,,,,', /^bad discount_pct "120": above 100/],
    ['bad due date', 'Globex,,,2026-01-01,invoice,5,,,,,,,31/31/2026,,,,', /^bad due_date/],
    ['bad paid date', 'Globex,,,2026-01-01,invoice,5,,,,,,,,soon,,,', /^bad paid_date "soon"/],
    ['missing minutes', 'Globex,,,2026-01-01,service,,,,,,,,,,,,', /^missing minutes/],
    ['negative minutes', 'Globex,,,2026-01-01,service,,,,,,,,,,-3,,', /^negative minutes/],
    ['bad nre', 'Globex,,,2026-01-01,engineering_change,,,,,,,,,,,maybe,', /^bad nre "maybe"/],
    ['missing notes', 'Globex,,,2026-01-01,note,,,,,,,,,,,,', /^missing notes/],
    ['bad domain', 'Globex,not a domain,,2026-01-01,order,5,,,,,,,,,,,', /^bad domain "not a domain"/],
    ['bad contact email', 'Globex,,jane@,2026-01-01,order,5,,,,,,,,,,,', /^bad contact_email "jane@": not an email/],
    ['own address', 'Globex,,me@northwind-supply.com,2026-01-01,order,5,,,,,,,,,,,', /^bad contact_email .*your own addresses/],
  ])('refuses a row with %s, giving its line and reason', (_, row, reason) => {
    const { rows, bad } = analyse(`${HEADER}\nGlobex,,,2026-01-01,order,5,,,,,,,,,,,\n${row}\n`);
    expect(rows).toHaveLength(1);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.line).toBe(3);
    expect(bad[0]!.reason).toMatch(reason);
  });

  it('counts lines in the file, across quoted newlines and blank lines', () => {
    const csv = `${HEADER}\r\nGlobex,,,2026-01-01,note,,,,,,,,,,,,"two\r\nlines"\r\n\r\nGlobex,,,2026-13-01,note,,,,,,,,,,,,x\r\n`;
    const { rows, bad } = analyse(csv);
    expect(rows[0]!.events[0]).toMatchObject({ note: 'two\r\nlines' });
    expect(bad).toEqual([{ line: 5, reason: expect.stringMatching(/^bad date/) }]);
  });

  it('reads ; separated files, UTF-8 and UTF-16 files with a byte-order mark', () => {
    const text = 'account;date;type;amount\nZürich Präzision AG;2026-01-01;order;1250,50\n';
    const utf8 = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    for (const decoded of [utf8, decodeCsv(utf16)]) {
      expect(readHeaders(decoded)).toEqual(['account', 'date', 'type', 'amount']);
      const { rows, bad } = analyse(decoded);
      expect(bad).toEqual([]);
      expect(rows[0]).toMatchObject({ account: { name: 'Zürich Präzision AG' }, events: [{ amount: { minor: 125050 } }] });
    }
  });

  it('handles an empty file, a header only, and one row', () => {
    expect(analyse('')).toEqual({ headers: [], unknownColumns: [], rows: [], bad: [] });
    expect(analyse(`${HEADER}\n`)).toMatchObject({ headers: HEADER.split(','), rows: [], bad: [] });
    expect(analyse(`${HEADER}\nGlobex,,,2026-01-01,order,5,,,,,,,,,,,`).rows).toHaveLength(1);
  });

  it('stores formula-looking text as text, and reads back the export guard', () => {
    const { rows } = analyse("account,date,type,notes,competitor\n=HYPERLINK(\"x\"),2026-01-01,price_match,@SUM(A1),'+Rival\n");
    expect(rows[0]).toMatchObject({ account: { name: '=HYPERLINK("x")' }, events: [{ note: '@SUM(A1)', competitor: '+Rival' }] });
  });

  it('reports an unclosed quote instead of failing', () => {
    const { bad } = analyse('account,date,type,notes\nGlobex,2026-01-01,note,"never closed\nGlobex,2026-01-02,note,x\n');
    expect(bad).toEqual([{ line: 2, reason: expect.stringMatching(/^unclosed quote/) }]);
  });

  it('gives each row an id from its content, so the same file twice gives the same ids, and equal rows stay apart', () => {
    const csv = `${HEADER}\nGlobex,,,2026-01-01,service,,,,,,,,,,30,,\nGlobex,,,2026-01-01,service,,,,,,,,,,30,,\nGlobex,,,2026-01-01,quote,10,,,,,,,,,,,\n`;
    const first = analyse(csv).rows.flatMap((r) => r.events);
    const again = analyse(csv).rows.flatMap((r) => r.events);
    expect(first.map((e) => e.id)).toEqual(again.map((e) => e.id));
    expect(new Set(first.map((e) => e.id)).size).toBe(3);
    expect(first[2]).toMatchObject({ quoteRef: expect.stringMatching(/^Q-[0-9A-Z]{10}$/) });
  });
});

describe('CRM exports', () => {
  it('a HubSpot deals export: won deals become quote, outcome and order', () => {
    const csv = [
      'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Pipeline,Associated Company',
      '1001,Globex retrofit,Closed Won,2026-02-10 15:00,Sam,"12,000",2026-01-05 09:12,Sales Pipeline,Globex',
      '1002,Initech pumps,Closed Lost,2026-02-11,Sam,4000,2026-01-06,Sales Pipeline,Initech',
      '1003,Umbrella valves,Contract Sent,2026-05-01,Sam,,2026-01-07,Sales Pipeline,Umbrella',
    ].join('\n');
    const headers = readHeaders(csv);
    const detected = detectMapping(headers);
    expect(detected.preset).toBe('hubspot');
    expect(unmappedColumns(headers, detected.mapping)).toEqual(['Record ID', 'Deal owner', 'Pipeline']);
    const { rows, bad } = analyseCsv(csv, detected.mapping, context);
    expect(bad).toEqual([]);
    expect(rows[0]!.events.map((e) => e.type)).toEqual(['quote', 'quote_outcome', 'order']);
    expect(rows[0]!.events[0]).toMatchObject({ at: Date.UTC(2026, 0, 5, 9, 12), amount: { minor: 1200000 }, quoteRef: 'Globex retrofit' });
    expect(rows[0]!.events[1]).toMatchObject({ outcome: 'won', at: Date.UTC(2026, 1, 10, 15) });
    expect(rows[1]!.events.map((e) => e.type)).toEqual(['quote', 'quote_outcome']);
    expect(rows[2]!.events).toMatchObject([{ type: 'quote', amount: { minor: 0 } }]);
  });

  it('a Salesforce opportunity report, US dates', () => {
    const csv = 'Opportunity Name,Account Name,Amount,Close Date,Stage,Created Date,Opportunity Currency\nValves Q3,Umbrella Corp,"EUR 8,500.00",7/15/2026,Closed Won,6/1/2026,EUR\n';
    const detected = detectMapping(readHeaders(csv));
    expect(detected.preset).toBe('salesforce');
    const { rows } = analyseCsv(csv, detected.mapping, context);
    expect(rows[0]!.events).toMatchObject([
      { type: 'quote', at: Date.UTC(2026, 5, 1), amount: { minor: 850000, currency: 'EUR' } },
      { type: 'quote_outcome', outcome: 'won', at: Date.UTC(2026, 6, 15) },
      { type: 'order', amount: { minor: 850000, currency: 'EUR' } },
    ]);
  });

  it('a pipeline file with deal_stage, close_value, engage_date and close_date; a deal not yet engaged is reported', () => {
    const csv = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054\nZ063OYW0,Darcel Schlecht,GTXPro,Isdom,Lost,2016-10-25,2017-03-11,0\nHAXMC4IX,James Ascencio,MG Advanced,,Prospecting,,,\nEC4QE1BX,Zane Levy,GTX Plus Basic,Codehow,Engaging,2017-02-01,,\n';
    const headers = readHeaders(csv);
    expect(detectMapping(headers).preset).toBe('pipeline');
    const { rows, bad } = analyseCsv(csv, mappingFor('pipeline', headers), context);
    expect(rows.map((r) => r.events.map((e) => e.type))).toEqual([['quote', 'quote_outcome', 'order'], ['quote', 'quote_outcome'], ['quote']]);
    expect(rows[0]!.events[0]).toMatchObject({ quoteRef: '1C1I7A6R', note: 'GTX Plus Basic', amount: { minor: 105400 } });
    expect(bad).toEqual([{ line: 4, reason: expect.stringMatching(/^missing account/) }]);
  });

  it('dates written with slashes follow the chosen order', () => {
    expect(parseDate('03/04/2026', 'dmy')).toEqual({ ok: true, value: Date.UTC(2026, 3, 3) });
    expect(parseDate('03/04/2026', 'mdy')).toEqual({ ok: true, value: Date.UTC(2026, 2, 4) });
    expect(parseDate('3/4/2026 1:05 PM', 'mdy')).toEqual({ ok: true, value: Date.UTC(2026, 2, 4, 13, 5) });
    expect(parseDate('13/04/2026', 'mdy')).toMatchObject({ ok: false });
  });

  it('amounts follow the currency: no minor units for yen, three for dinar', () => {
    expect(parseAmount('1200', 'JPY')).toEqual({ ok: true, value: 1200 });
    expect(parseAmount('1.5', 'KWD')).toEqual({ ok: true, value: 1500 });
    expect(parseAmount('$ 1,234.56', 'USD')).toEqual({ ok: true, value: 123456 });
  });
});

describe('default currency', () => {
  it('is what rows without a currency use (the rep\'s settings)', () => {
    const csv = 'account,date,type,amount\nGlobex,2026-01-01,order,5\n';
    const { rows } = analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, { ...context, defaultCurrency: 'GBP' });
    expect(rows[0]!.events[0]).toMatchObject({ amount: { minor: 500, currency: 'GBP' } });
  });
});

describe('the import template', () => {
  it('has every column as its header and three example rows that import as they are', () => {
    const text = templateCsv();
    const { headers, rows, bad } = analyse(text);
    expect(headers).toEqual([...QUOTEWISE_COLUMNS]);
    expect(detectMapping(headers).preset).toBe('quotewise');
    expect(bad).toEqual([]);
    expect(rows.flatMap((row) => row.events.map((e) => e.type))).toEqual(['quote', 'price_match', 'quote_outcome']);
    expect(rows[0]).toMatchObject({ account: { name: 'Acme Industrial' }, events: [{ amount: { minor: 2_060_000, currency: 'USD' }, quoteRef: 'ACM-1', discountPct: 5 }] });
  });

  it('explains every column', () => {
    expect(Object.keys(COLUMN_MEANINGS)).toEqual([...QUOTEWISE_COLUMNS]);
    for (const meaning of Object.values(COLUMN_MEANINGS)) expect(meaning.length).toBeGreaterThan(20);
  });
});
