import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { newAccount, createAccount, linkContact, updateJudgement } from '@/lib/db/accounts';
import { eventsOfAccount, recordEvents } from '@/lib/db/events';
import { dismissWarning, editEvent, mergeAccounts, removeEvents, splitContact, undo } from '@/lib/history/actions';
import { loadBandHistory, monthOf, MONTHS_KEPT, recordBandSnapshot, withSnapshot } from '@/lib/history/band-history';
import { applyChange } from '@/lib/history/change';
import { daysLateByInvoice, priceSeries, quotesAndOrdersByMonth } from '@/lib/history/charts';
import { formats } from '@/lib/format';
import { historyCsv, portfolioCsv } from '@/lib/history/csv';
import { amountOf } from '@/lib/history/describe';
import { loadPortfolio } from '@/lib/history/load';
import { planMerge, planSplit } from '@/lib/history/merge';
import { countBands, filterRows, NO_FILTER, sortRows, WORST_FIRST, type PortfolioRow } from '@/lib/history/portfolio';
import { parseRoute, accountHref } from '@/lib/history/route';
import type { Account, AccountEvent } from '@/lib/model';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { scoreAccount } from '@/lib/scoring/score';
import { DAY, freshDb, NOW } from './helpers';
import { History, usd } from './history';

const row = (over: Partial<PortfolioRow> & { accountId: string }): PortfolioRow => ({
  name: over.accountId,
  domains: [],
  band: 'Watch',
  score: 50,
  warnings: [],
  revenueMinor: 0,
  currency: 'USD',
  quoteToOrderRate: null,
  maxDaysLate: 0,
  lastActivityAt: null,
  ...over,
});

const account = (id: string, over: Partial<Account> = {}): Account => ({
  id,
  name: `Company ${id}`,
  domains: [`${id}.com`],
  aliases: [`company ${id}`],
  judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null },
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

describe('portfolio rows', () => {
  const rows = [
    row({ accountId: 'h', name: 'Healthy Co', band: 'Healthy', score: 90, revenueMinor: 900, domains: ['healthy.com'] }),
    row({ accountId: 'r1', name: 'Risky One', band: 'At risk', score: 40, warnings: ['Slow payer'], revenueMinor: 100 }),
    row({ accountId: 'r2', name: 'Risky Two', band: 'At risk', score: 20, warnings: ['Price relationship', 'Slow payer'], revenueMinor: 500 }),
    row({ accountId: 'n', name: 'New Co', band: 'Not enough data', score: null }),
    row({ accountId: 'w', name: 'Watch Co', band: 'Watch', score: 60, quoteToOrderRate: 0.5, lastActivityAt: NOW }),
  ];

  it('sorts worst first by default: At risk by score, then Watch, Not enough data, Healthy', () => {
    expect(sortRows(rows, WORST_FIRST).map((r) => r.accountId)).toEqual(['r2', 'r1', 'w', 'n', 'h']);
  });

  it('sorts by a column either way, missing values last in both directions', () => {
    expect(sortRows(rows, { key: 'score', direction: 'descending' }).map((r) => r.accountId)).toEqual(['h', 'w', 'r1', 'r2', 'n']);
    expect(sortRows(rows, { key: 'score', direction: 'ascending' }).map((r) => r.accountId)).toEqual(['r2', 'r1', 'w', 'h', 'n']);
    expect(sortRows(rows, { key: 'revenue', direction: 'descending' })[0]!.accountId).toBe('h');
    expect(sortRows(rows, { key: 'name', direction: 'ascending' }).map((r) => r.name)[0]).toBe('Healthy Co');
  });

  it('filters by band, warning and search on name or domain', () => {
    expect(filterRows(rows, { ...NO_FILTER, bands: ['At risk'] }).map((r) => r.accountId)).toEqual(['r1', 'r2']);
    expect(filterRows(rows, { ...NO_FILTER, warning: 'Price relationship' }).map((r) => r.accountId)).toEqual(['r2']);
    expect(filterRows(rows, { ...NO_FILTER, search: 'HEALTHY.C' }).map((r) => r.accountId)).toEqual(['h']);
    expect(filterRows(rows, { ...NO_FILTER, search: 'risky', bands: ['Healthy'] })).toEqual([]);
  });

  it('counts accounts per band', () => {
    expect(countBands(rows)).toEqual({ Healthy: 1, Watch: 1, 'At risk': 2, 'Not enough data': 1 });
  });
});

describe('health summary figures', () => {
  it('carries revenue, quote-to-order rate, worst lateness and last activity', () => {
    // Quotes past the open-quote timeout (60 days) count in the rate, as no decision.
    const h = new History('a').quote(100, 1000).quote(90, 1000).order(20, 800).invoice(60, 12).dismiss(1, 'Slow payer', 'agreed new terms');
    const s = scoreAccount({ account: account('a'), events: h.events, definition: DEFAULT_DEFINITION, now: NOW });
    expect(s.figures).toEqual({ revenueMinor: 80_000, currency: 'USD', quoteToOrderRate: 0.5, maxDaysLate: 12, lastActivityAt: NOW - 20 * DAY });
  });

  it('the portfolio loader marks accounts without a fresh summary as stale', async () => {
    const db = await freshDb();
    const a = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const first = await loadPortfolio(db, NOW);
    expect(first.stale).toEqual([a.id]);
    expect(first.rows[0]).toMatchObject({ name: 'Acme', band: 'Not enough data', domains: ['acme.com'] });
  });
});

describe('band history', () => {
  const counts = { Healthy: 3, Watch: 2, 'At risk': 1, 'Not enough data': 0 };

  it('keeps one snapshot per month, the latest seen, oldest first, at most two years', () => {
    let history = withSnapshot([], counts, Date.UTC(2026, 0, 5));
    history = withSnapshot(history, { ...counts, Healthy: 4 }, Date.UTC(2026, 1, 3));
    history = withSnapshot(history, { ...counts, Healthy: 5 }, Date.UTC(2026, 1, 20));
    expect(history.map((s) => [s.month, s.counts.Healthy])).toEqual([['2026-01', 3], ['2026-02', 5]]);
    for (let m = 2; m < 40; m++) history = withSnapshot(history, counts, Date.UTC(2026, m, 1));
    expect(history).toHaveLength(MONTHS_KEPT);
    expect(history[history.length - 1]!.month).toBe(monthOf(Date.UTC(2026, 39, 1)));
  });

  it('is stored in settings, validated on read, and not rewritten when unchanged', async () => {
    const db = await freshDb();
    await recordBandSnapshot(db, counts, NOW);
    const stored = await db.settings.get('bandHistory');
    await recordBandSnapshot(db, counts, NOW + DAY);
    expect(await db.settings.get('bandHistory')).toEqual(stored);
    expect((await loadBandHistory(db))[0]).toMatchObject({ month: '2026-06', counts });
    await db.settings.put({ key: 'bandHistory', value: [{ month: 'June', counts }] });
    expect(await loadBandHistory(db)).toEqual([]);
  });
});

describe('merge and split planning', () => {
  const keep = account('keep', { judgement: { shareOfWallet: 0.3, rightReasons: null, valuesAligned: true } });
  const drop = account('drop', { name: 'Acme Europe', judgement: { shareOfWallet: 0.9, rightReasons: true, valuesAligned: false } });
  const keepEvents = new History('keep').order(10, 100).events;
  const dropEvents = new History('drop').order(5, 200).quote(3, 50).events;
  // Same id in both accounts (one import into both): must not overwrite keep's event.
  const clash = { ...dropEvents[0]!, id: keepEvents[0]!.id } as AccountEvent;

  it('moves events, contacts, domains and aliases into the kept account; its own judgement wins', () => {
    const plan = planMerge({ keep, drop, keepEvents, dropEvents: [clash, dropEvents[1]!], dropContacts: [{ email: 'x@drop.com', accountId: 'drop', createdAt: NOW }], now: NOW + 1 });
    const merged = plan.apply.putAccounts[0]!;
    expect(merged.domains).toEqual(['keep.com', 'drop.com']);
    expect(merged.aliases).toEqual(['company keep', 'company drop', 'acme europe']);
    expect(merged.judgement).toEqual({ shareOfWallet: 0.3, rightReasons: true, valuesAligned: true });
    expect(merged.updatedAt).toBe(NOW + 1);
    expect(plan.apply.deleteAccountIds).toEqual(['drop']);
    expect(plan.apply.putContacts).toEqual([{ email: 'x@drop.com', accountId: 'keep', createdAt: NOW }]);
    expect(plan.apply.putEvents.map((e) => [e.accountId, e.id])).toEqual([['keep', `drop:${keepEvents[0]!.id}`], ['keep', dropEvents[1]!.id]]);
    expect(plan.undo.deleteEvents).toEqual([{ accountId: 'keep', ids: plan.apply.putEvents.map((e) => e.id) }]);
    expect(plan.undo.putAccounts).toEqual([keep, drop]);
    expect(() => planMerge({ keep, drop: keep, keepEvents, dropEvents: [], dropContacts: [], now: NOW })).toThrow(/two different/);
  });

  it('splits off the events naming the contact, and its mapping', () => {
    const events = [
      { ...dropEvents[0]!, contactEmail: 'jo@gmail.com' },
      { ...dropEvents[1]!, contactEmail: 'amy@drop.com' },
    ] as AccountEvent[];
    const into = newAccount({ name: 'Jo Consulting' }, NOW);
    const plan = planSplit({ account: drop, email: 'jo@gmail.com', contact: undefined, into, events, now: NOW });
    expect(plan.apply.putEvents).toEqual([{ ...events[0], accountId: into.id }]);
    expect(plan.apply.deleteEvents).toEqual([{ accountId: 'drop', ids: [events[0]!.id] }]);
    expect(plan.apply.putContacts).toEqual([{ email: 'jo@gmail.com', accountId: into.id, createdAt: NOW }]);
    expect(plan.undo).toMatchObject({ deleteAccountIds: [into.id], deleteContactEmails: ['jo@gmail.com'], putEvents: [events[0]] });
  });
});

describe('history page writes, and undo restores exactly', () => {
  async function snapshot(db: Awaited<ReturnType<typeof freshDb>>) {
    const accounts = (await db.accounts.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const contacts = await db.contacts.toArray();
    const events = await Promise.all(accounts.map((a) => eventsOfAccount(db, a.id)));
    return { accounts, contacts, events };
  }

  it('merge then undo', async () => {
    const db = await freshDb();
    const a = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const b = await createAccount(db, { name: 'Acme EU', domains: ['acme.eu'] }, NOW);
    await linkContact(db, { email: 'hans@acme.eu', accountId: b.id }, NOW);
    await recordEvents(db, [{ type: 'order', accountId: a.id, at: NOW - DAY, amount: usd(10) }, { type: 'order', accountId: b.id, at: NOW - 2 * DAY, amount: usd(20), contactEmail: 'hans@acme.eu' }], NOW);
    const before = await snapshot(db);

    const u = await mergeAccounts(db, a.id, b.id);
    expect(await db.accounts.get(b.id)).toBeUndefined();
    expect((await db.accounts.get(a.id))!.domains).toEqual(['acme.com', 'acme.eu']);
    expect((await eventsOfAccount(db, a.id)).map((e) => amountOf(e))).toEqual([usd(20), usd(10)]);
    expect(await eventsOfAccount(db, b.id)).toEqual([]);
    expect((await db.contacts.get('hans@acme.eu'))!.accountId).toBe(a.id);
    expect(await db.summaries.get(b.id)).toBeUndefined();
    expect(await db.summaries.get(a.id)).toBeDefined();

    await undo(db, u);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.summaries.get(b.id)).toBeDefined();
  });

  it('split then undo', async () => {
    const db = await freshDb();
    const a = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    await linkContact(db, { email: 'jo@gmail.com', accountId: a.id, name: 'Jo' }, NOW);
    await recordEvents(db, [{ type: 'note', accountId: a.id, at: NOW - DAY, note: 'from Jo', contactEmail: 'jo@gmail.com' }, { type: 'note', accountId: a.id, at: NOW - DAY, note: 'other' }], NOW);
    const before = await snapshot(db);

    const u = await splitContact(db, a.id, 'jo@gmail.com', 'Jo Consulting');
    const created = (await db.accounts.get(u.newAccountId))!;
    expect(created.name).toBe('Jo Consulting');
    expect((await eventsOfAccount(db, created.id)).map((e) => e.note)).toEqual(['from Jo']);
    expect((await eventsOfAccount(db, a.id)).map((e) => e.note)).toEqual(['other']);
    expect(await db.contacts.get('jo@gmail.com')).toMatchObject({ accountId: created.id, name: 'Jo' });

    await undo(db, u);
    expect(await snapshot(db)).toEqual(before);
  });

  it('delete, edit, dismiss and judgement each undo; a bad edit is refused and changes nothing', async () => {
    const db = await freshDb();
    const a = await createAccount(db, { name: 'Acme' }, NOW);
    const [order] = await recordEvents(db, [{ type: 'order', accountId: a.id, at: NOW - DAY, amount: usd(10) }], NOW);
    const before = await snapshot(db);

    await undo(db, await removeEvents(db, a.id, [order!.id]));
    expect(await snapshot(db)).toEqual(before);

    const edited = await editEvent(db, order!, { ...order!, amount: usd(99) });
    expect(edited.ok).toBe(true);
    expect((await eventsOfAccount(db, a.id))[0]).toMatchObject({ amount: usd(99) });
    if (edited.ok) await undo(db, edited.undo);
    expect(await snapshot(db)).toEqual(before);

    const bad = await editEvent(db, order!, { ...order!, amount: { minor: -5, currency: 'USD' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('amount.minor') });
    expect(await editEvent(db, order!, { ...order!, accountId: 'other' })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);

    const dismissed = await dismissWarning(db, { accountId: a.id, warning: 'Slow payer', reason: 'new terms agreed', until: Date.now() + 30 * DAY });
    expect((await eventsOfAccount(db, a.id)).find((e) => e.type === 'warning_dismissed')).toMatchObject({ reason: 'new terms agreed' });
    await undo(db, dismissed);
    expect(await snapshot(db)).toEqual(before);

    const judged = await (await import('@/lib/history/actions')).editJudgement(db, a.id, { rightReasons: true });
    expect((await db.accounts.get(a.id))!.judgement.rightReasons).toBe(true);
    expect((await db.summaries.get(a.id))!.scorecard.answers.find((x) => x.question === 'deliverables')).toMatchObject({ answer: 'yes', from: 'rep' });
    await undo(db, judged);
    expect(await snapshot(db)).toEqual(before);
  });

  it('updateJudgement validates and refuses unknown accounts', async () => {
    const db = await freshDb();
    const a = await createAccount(db, { name: 'Acme' }, NOW);
    await expect(updateJudgement(db, a.id, { shareOfWallet: 2 }, NOW)).rejects.toThrow();
    await expect(updateJudgement(db, 'nope', { shareOfWallet: 0.5 }, NOW)).rejects.toThrow(/no longer exists/);
    await applyChange(db, { putAccounts: [], deleteAccountIds: [], putContacts: [], deleteContactEmails: [], deleteEvents: [], putEvents: [] });
    expect((await db.accounts.get(a.id))!.judgement.shareOfWallet).toBeNull();
  });
});

describe('CSV export', () => {
  it('exports the portfolio rows as shown, neutralising formula-looking cells', () => {
    const csv = portfolioCsv([row({ accountId: 'x', name: '=HYPERLINK("http://evil")', domains: ['a.com', 'b.com'], band: 'At risk', score: 12, warnings: ['Slow payer', 'One-sided'], revenueMinor: 123_456, quoteToOrderRate: 0.333, maxDaysLate: 9, lastActivityAt: NOW })]);
    const [header, line] = Papa.parse<string[]>(csv.trim()).data;
    expect(header).toEqual(['Account', 'Domains', 'Band', 'Score', 'Warnings', 'Revenue', 'Currency', 'Quote-to-order rate', 'Days late (max)', 'Last activity']);
    expect(line).toEqual([`'=HYPERLINK("http://evil")`, 'a.com b.com', 'At risk', '12', 'Slow payer; One-sided', '1234.56', 'USD', '0.33', '9', '2026-06-01']);
  });

  it('exports an account history with one line per event', () => {
    const events = new History('a').quote(3, 1200, { discountPct: 10, ref: 'Q-1' }).dismiss(1, 'Slow payer', 'agreed').events;
    events.push({ ...events[0]!, id: 'n', type: 'order', note: '@SUM(A1:A9)', contactEmail: 'jo@acme.com' } as AccountEvent);
    const rows = Papa.parse<string[]>(historyCsv('-Acme', events, formats('en-US')).trim()).data;
    expect(rows).toHaveLength(4);
    // Data columns in machine form (ISO day, plain decimals); the human column as the timeline reads, in the rep's locale.
    expect(rows[1]).toEqual(["'-Acme", '2026-05-29', 'Quote', 'Q-1: $1,200.00, 10% off', '1200.00', 'USD', '', '', 'manual', 'a-1']);
    expect(rows[2]![3]).toBe('Slow payer dismissed: agreed');
    expect(rows[3]!.slice(6, 8)).toEqual(['jo@acme.com', "'@SUM(A1:A9)"]);
  });

  it('writes amounts in their currency’s own decimals, and the human column in the rep’s locale', () => {
    const yen = { minor: 480_000, currency: 'JPY' };
    const invoice = { id: 'i', accountId: 'a', type: 'invoice', at: NOW, dueAt: Date.UTC(2026, 6, 1, 23, 59, 59), amount: yen, invoiceRef: 'INV-1', source: 'manual', createdAt: NOW } as AccountEvent;
    const [, en] = Papa.parse<string[]>(historyCsv('Acme', [invoice], formats('en-US')).trim()).data;
    expect(en).toEqual(['Acme', '2026-06-01', 'Invoice', 'INV-1, ¥480,000, due Jul 1, 2026, unpaid', '480000', 'JPY', '', '', 'manual', 'i']);
    const [, gb] = Papa.parse<string[]>(historyCsv('Acme', [invoice], formats('en-GB')).trim()).data;
    expect(gb![3]).toBe('INV-1, JP¥480,000, due 1 Jul 2026, unpaid');
    const [, line] = Papa.parse<string[]>(portfolioCsv([row({ accountId: 'y', revenueMinor: 480_000, currency: 'JPY' })]).trim()).data;
    expect(line![5]).toBe('480000');
  });
});

describe('chart data', () => {
  it('price series: successive quotes in the latest currency, price-match requests marked by ref or by time', () => {
    const h = new History('a').quote(30, 1000, { ref: 'Q1', discountPct: 5 }).priceMatch(29, 'Rival').quote(20, 900, { ref: 'Q2' }).quote(10, 800, { ref: 'Q3', discountPct: 20 });
    h.events.push({ ...h.events[0]!, id: 'eur', type: 'quote', quoteRef: 'QE', amount: { minor: 1, currency: 'EUR' }, at: NOW - 40 * DAY } as AccountEvent);
    const series = priceSeries(h.events);
    expect(series.currency).toBe('USD');
    expect(series.otherCurrency).toBe(1);
    expect(series.points.map((p) => [p.quoteRef, p.minor, p.discountPct, p.priceMatch])).toEqual([['Q1', 100_000, 5, true], ['Q2', 90_000, null, false], ['Q3', 80_000, 20, false]]);
    expect(priceSeries([])).toEqual({ currency: null, points: [], otherCurrency: 0 });
  });

  it('quotes and orders per month, empty months included', () => {
    const bars = quotesAndOrdersByMonth(new History('a').quote(5, 1).quote(6, 1).order(40, 1).events, NOW, 3);
    expect(bars).toEqual([{ month: '2026-04', quotes: 0, orders: 1 }, { month: '2026-05', quotes: 2, orders: 0 }, { month: '2026-06', quotes: 0, orders: 0 }]);
  });

  it('days past terms per due invoice; unpaid ones count to now, not-yet-due ones are left out', () => {
    const h = new History('a').invoice(100, 3).invoice(60, 20);
    h.events.push({ id: 'open', accountId: 'a', type: 'invoice', at: NOW - 50 * DAY, dueAt: NOW - 10 * DAY, invoiceRef: 'INV-9', source: 'manual', createdAt: NOW });
    h.events.push({ id: 'future', accountId: 'a', type: 'invoice', at: NOW - DAY, dueAt: NOW + 29 * DAY, source: 'manual', createdAt: NOW });
    expect(daysLateByInvoice(h.events, NOW).map((b) => [b.daysLate, b.unpaid])).toEqual([[3, false], [20, false], [10, true]]);
  });
});

describe('routes', () => {
  it('parses #/ and #/account/<id> and round-trips odd ids', () => {
    expect(parseRoute('')).toEqual({ kind: 'portfolio' });
    expect(parseRoute('#/')).toEqual({ kind: 'portfolio' });
    expect(parseRoute(accountHref('a/1 b'))).toEqual({ kind: 'account', accountId: 'a/1 b' });
    expect(parseRoute('#/account/%E0%A4%A')).toEqual({ kind: 'portfolio' });
  });
});

describe('portfolio from the worker', () => {
  it('passes rows on, and a confirmation of the kept rows keeps the same rows as current', async () => {
    const { workerPortfolio } = await import('@/lib/history/portfolio-source');
    const workers: { onmessage: ((e: { data: unknown }) => void) | null; terminated: boolean }[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        onmessage: ((e: { data: unknown }) => void) | null = null;
        onerror = null;
        terminated = false;
        constructor() {
          workers.push(this);
        }
        terminate() {
          this.terminated = true;
        }
      },
    );
    const received: unknown[] = [];
    const errors: Error[] = [];
    const stop = workerPortfolio().subscribe((d) => received.push(d), (e) => errors.push(e));
    const worker = workers[0]!;
    const rows = [row({ accountId: 'a' })];
    worker.onmessage!({ data: { ok: true, data: { rows, stale: [], fromCache: true } } });
    worker.onmessage!({ data: { ok: true, confirmed: true } });
    worker.onmessage!({ data: { ok: false, error: 'disk full' } });
    expect(received).toEqual([{ rows, stale: [], fromCache: true }, { rows, stale: [] }]);
    expect((received[1] as { rows: unknown }).rows).toBe(rows);
    expect(errors.map((e) => e.message)).toEqual(['disk full']);
    stop();
    expect(worker.terminated).toBe(true);
    vi.unstubAllGlobals();
  });
});
