import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DaysLateChart, PriceChart, QuotesOrdersChart } from '@/components/history/Charts';
import { HistoryApp } from '@/components/history/HistoryApp';
import { Timeline } from '@/components/history/Timeline';
import { FormatsContext } from '@/components/formats';
import { formats } from '@/lib/format';
import { createAccount } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { eventsOfAccount, putEvents } from '@/lib/db/events';
import { daysLateByInvoice, priceSeries, quotesAndOrdersByMonth } from '@/lib/history/charts';
import type { AccountEvent } from '@/lib/model';
import { refreshAllSummaries } from '@/lib/scoring/store';
import { freshDb, NOW } from './helpers';
import { History } from './history';

let db: QuotewiseDB;

beforeEach(async () => {
  // Scoring and staleness read the clock: pin Date only, so promises and IndexedDB run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = await freshDb();
  location.hash = '#/';
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Three accounts, one per band, each with the history that earns it. */
async function seedBook() {
  const make = async (name: string, domain: string, build: (h: History) => void) => {
    const account = await createAccount(db, { name, domains: [domain] }, NOW);
    const h = new History(account.id);
    build(h);
    await putEvents(db, h.events);
    return account;
  };
  const healthy = await make('Steady Parts', 'steady.com', (h) => {
    h.steadyOrders(12).referral(20).upsell(30);
    for (let i = 0; i < 6; i++) h.quote(10 + i * 40, 1000).outcome(9 + i * 40, 'won');
  });
  const risky = await make('Squeeze Corp', 'squeeze.com', (h) => {
    for (let i = 0; i < 8; i++) h.quote(10 + i * 20, 1000 - i * 20, { discountPct: 5 + i * 2 }).priceMatch(9 + i * 20, 'Incumbent Co');
    h.order(50, 300).invoice(90, 25).invoice(60, 30);
  });
  const watch = await make('Middling Ltd', 'middling.com', (h) => h.steadyOrders(4).invoice(100, 15));
  await refreshAllSummaries(db, NOW);
  return { healthy, risky, watch };
}

/** Pick an option as a browser does. (@testing-library/preact's fireEvent.change sends an input event once preact/compat is loaded.) */
function choose(select: HTMLElement, value: string) {
  (select as HTMLSelectElement).value = value;
  act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
}

const dataRows = () => within(screen.getByRole('grid', { name: 'Accounts' })).getAllByRole('row').slice(1);
const names = () => dataRows().map((r) => within(r).getAllByRole('gridcell')[0]!.querySelector('a')!.textContent);

describe('portfolio table', () => {
  it('says what to do when there are no accounts yet', async () => {
    render(<HistoryApp db={db} />);
    await screen.findByRole('heading', { name: 'No accounts yet' });
    expect(screen.getByRole('link', { name: 'Import page' }).getAttribute('href')).toBe('data.html');
    expect(screen.getByText(/Quotewise button in the browser toolbar/)).toBeTruthy();
  });

  it('lists every account worst first, with band counts and the goal', async () => {
    await seedBook();
    render(<HistoryApp db={db} />);
    await screen.findByRole('grid', { name: 'Accounts' });
    expect(names()).toEqual(['Squeeze Corp', 'Middling Ltd', 'Steady Parts']);
    expect(within(dataRows()[0]!).getByText('At risk')).toBeTruthy();
    expect(within(dataRows()[0]!).getByText('Price relationship, Slow payer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Healthy (1)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'At risk (1)' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Healthy accounts goal' }).textContent).toContain('1 Healthy account of your goal of 25'));
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    // This month's band counts are recorded for the month-by-month view.
    await waitFor(async () => expect((await db.settings.get('bandHistory'))?.value).toMatchObject([{ month: '2026-06', counts: { Healthy: 1, Watch: 1, 'At risk': 1 } }]));
  });

  it('sorts by a column header button and reports it with aria-sort', async () => {
    await seedBook();
    render(<HistoryApp db={db} />);
    await screen.findByRole('grid');
    const score = screen.getByRole('button', { name: /^Score/ });
    fireEvent.click(score);
    expect(score.closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Squeeze Corp', 'Middling Ltd', 'Steady Parts']);
    fireEvent.click(score);
    expect(score.closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Steady Parts', 'Middling Ltd', 'Squeeze Corp']);
    fireEvent.click(screen.getByRole('button', { name: /^Account/ }));
    expect(names()).toEqual(['Middling Ltd', 'Squeeze Corp', 'Steady Parts']);
    expect(screen.getByRole('button', { name: /^Score/ }).closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe('none');
  });

  it('filters by band, warning and search, and says so when nothing matches', async () => {
    await seedBook();
    render(<HistoryApp db={db} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Healthy (1)' }));
    expect(names()).toEqual(['Steady Parts']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    choose(screen.getByRole('combobox', { name: 'Warning' }), 'Price relationship');
    expect(names()).toEqual(['Squeeze Corp']);
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'middling.c' } });
    expect(names()).toEqual(['Middling Ltd']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'nobody' } });
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByText(/No account matches these filters/)).toBeTruthy();
  });

  it('moves between rows with arrow keys and opens the focused account with Enter', async () => {
    const { watch } = await seedBook();
    render(<HistoryApp db={db} />);
    await screen.findByRole('grid');
    const first = dataRows()[0]!;
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(dataRows()[1]!.getAttribute('tabindex')).toBe('-1');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[1]));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(location.hash).toBe(`#/account/${watch.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Middling Ltd' });
  });
});

describe('one format, in the rep’s locale', () => {
  it('an account page in en-GB shows its dates, money and scoring’s evidence in en-GB, and nothing else', async () => {
    const { risky } = await seedBook();
    location.hash = `#/account/${risky.id}`;
    render(
      <FormatsContext.Provider value={formats('en-GB')}>
        <HistoryApp db={db} />
      </FormatsContext.Provider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Squeeze Corp' });
    await screen.findByRole('list', { name: 'Events, newest first' });
    await screen.findByRole('heading', { name: /^Price relationship/ });
    const text = document.body.textContent!;
    // Scoring's evidence, stored without a locale, formatted here; the timeline, the charts' tables and month labels too.
    expect(text).toMatch(/8 quotes since 2 Jan 2026, 1 order \(\d+%\)/);
    expect(text).toContain('22 May 2026Quote Q1: US$1,000.00, 5% off');
    expect(text).toContain('Invoice of 3 Mar 20262 Apr 2026');
    expect(text).toContain('Sept 2025');
    expect(text).not.toContain('⟦');
    expect(text).not.toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/);
  });
});

describe('timeline', () => {
  const events = () => new History('acc').quote(30, 1000, { ref: 'Q1' }).priceMatch(29, 'Rival').order(20, 800).dismiss(1, 'Slow payer', 'agreed new terms', 30).events;

  it('renders every event newest first, with the dismissal reason, and filters by type', async () => {
    render(<Timeline db={db} events={events()} notify={() => undefined} />);
    const items = within(screen.getByRole('list', { name: 'Events, newest first' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual(['Warning dismissed', 'Order', 'Price-match request', 'Quote']);
    expect(items[0]!.textContent).toContain('Slow payer snoozed until Jul 1, 2026: agreed new terms');
    choose(screen.getByRole('combobox', { name: 'Show' }), 'order');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Showing 1 of 1, newest first.')).toBeTruthy();
  });

  it('shows what to do when there are no events', () => {
    render(<Timeline db={db} events={[]} notify={() => undefined} />);
    expect(screen.getByText(/No events yet/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('deletes an event with undo, and edits one (a bad amount is refused with a message)', async () => {
    const account = await createAccount(db, { name: 'Acme' }, NOW);
    const history = new History(account.id).order(20, 800).order(10, 500);
    await putEvents(db, history.events);
    const notify = vi.fn();
    const { rerender } = render(<Timeline db={db} events={history.events} notify={notify} />);

    fireEvent.click(screen.getByRole('button', { name: 'Delete order of May 22, 2026' }));
    await waitFor(() => expect(notify).toHaveBeenCalledWith(expect.objectContaining({ text: 'Deleted order of May 22, 2026.', undo: expect.anything() })));
    expect((await eventsOfAccount(db, account.id)).map((e) => e.id)).toEqual([history.events[0]!.id]);

    rerender(<Timeline db={db} events={await eventsOfAccount(db, account.id)} notify={notify} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit order of May 12, 2026' }));
    const form = screen.getByRole('form', { name: 'Edit order' });
    const amount = within(form).getByRole('textbox', { name: 'Amount' });
    fireEvent.input(amount, { target: { value: '-3' } });
    fireEvent.submit(form);
    expect(await within(form).findByRole('alert')).toBeTruthy();
    fireEvent.input(amount, { target: { value: '950.5' } });
    fireEvent.submit(form);
    await waitFor(async () => expect((await eventsOfAccount(db, account.id))[0]).toMatchObject({ amount: { minor: 95_050, currency: 'USD' } }));
  });
});

describe('charts', () => {
  const quotes = new History('a').quote(60, 1000, { ref: 'Q1', discountPct: 5 }).priceMatch(59, 'Rival').quote(30, 900, { ref: 'Q2', discountPct: 12 }).order(20, 900).invoice(90, 25).invoice(60, 2).events;

  it('render from data, with a text summary and the data as a table', () => {
    const series = priceSeries(quotes);
    render(
      <>
        <PriceChart points={series.points} currency={series.currency} otherCurrency={0} />
        <QuotesOrdersChart bars={quotesAndOrdersByMonth(quotes, NOW)} />
        <DaysLateChart bars={daysLateByInvoice(quotes, NOW)} lateAfterDays={7} />
      </>,
    );
    const price = screen.getByRole('group', { name: /^Quoted price and discount: 2 quotes in USD, from \$1,000\.00 to \$900\.00; discount from 5% to 12%; 1 with a price-match request\.$/ });
    expect(price.querySelectorAll('circle[data-point]')).toHaveLength(2);
    // Each point, month and invoice is a focusable mark named with its date and value; one Tab stop per chart.
    expect(within(price).getByRole('img', { name: 'Apr 2, 2026, Q1: $1,000.00, 5% discount, price-match request' })).toBeTruthy();
    expect(price.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(price.querySelectorAll('[data-price-match]')).toHaveLength(1);
    expect(screen.getByRole('table', { name: 'Quoted price and discount' }).querySelectorAll('tbody tr')).toHaveLength(2);
    const months = screen.getByRole('group', { name: /2 quotes and 1 order over 12 months, Jul 2025 to Jun 2026/ });
    expect(months.querySelectorAll('[data-bar=quotes]')).toHaveLength(12);
    const late = screen.getByRole('group', { name: 'Days past terms per invoice: 2 invoices, 1 more than 7 days late, worst 25 days.' });
    expect(late.querySelectorAll('[data-bar=invoice]')).toHaveLength(2);
    expect(within(late).getAllByRole('img').map((m) => m.getAttribute('aria-label'))[0]).toMatch(/^Invoice of .+, due .+: 25 days late$/);
  });

  it('say what is missing when there is no data', () => {
    render(
      <>
        <PriceChart points={[]} currency={null} otherCurrency={0} />
        <QuotesOrdersChart bars={quotesAndOrdersByMonth([], NOW)} />
        <DaysLateChart bars={[]} lateAfterDays={7} />
      </>,
    );
    expect(screen.queryAllByRole('group')).toHaveLength(0);
    expect(screen.getByText(/No quotes yet/)).toBeTruthy();
    expect(screen.getByText(/No quotes or orders in the last 12 months/)).toBeTruthy();
    expect(screen.getByText(/No invoice is due yet/)).toBeTruthy();
  });

  it('show the most recent 60 quotes of a long history and say so', () => {
    const h = new History('a');
    for (let i = 0; i < 61; i++) h.quote(200 - i, 1000 + i, { ref: `Q${i}` });
    const series = priceSeries(h.events);
    render(<PriceChart points={series.points} currency="USD" otherCurrency={0} />);
    expect(screen.getByRole('group').getAttribute('aria-label')).toContain('the last 60 of 61 quotes in USD, from $1,001.00 to $1,060.00');
    expect(screen.getByRole('group').querySelectorAll('circle[data-point]')).toHaveLength(60);
  });

  it('draw a single point without dividing by zero', () => {
    const one = new History('a').quote(5, 500, { ref: 'Q1' }).events as AccountEvent[];
    const series = priceSeries(one);
    render(<PriceChart points={series.points} currency="USD" otherCurrency={0} />);
    const circle = screen.getByRole('group').querySelector('circle')!;
    expect(Number(circle.getAttribute('cx'))).toBeGreaterThan(0);
    expect(Number.isFinite(Number(circle.getAttribute('cy')))).toBe(true);
    expect(screen.getByRole('group').getAttribute('aria-label')).toContain('1 quote in USD, from $500.00 to $500.00');
  });
});
