import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp, POPUP_READY_MARK } from '@/components/popup/PopupApp';
import { createHandlers } from '@/lib/background/handlers';
import { createAccount } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { countEvents, eventsOfAccount, recordEvent } from '@/lib/db/events';
import { createRouter } from '@/lib/messaging/router';
import { readPopupParams } from '@/lib/popup/start';
import { DAY, freshDb, NOW } from './helpers';

const EXTENSION = 'chrome-extension://quotewise-test/';
let db: QuotewiseDB;
let accountId: string;

beforeEach(async () => {
  db = await freshDb();
  const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), EXTENSION);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message, { url: `${EXTENSION}popup.html` }));
  accountId = (await createAccount(db, { name: 'Acme Industrial', domains: ['acme-industrial.com'] }, NOW)).id;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function open(search: string, locale = 'en-US', undoMs?: number) {
  render(<PopupApp params={readPopupParams(search)} locale={locale} now={() => NOW} undoMs={undoMs} />);
}
const amountField = () => screen.findByRole('textbox', { name: 'Amount' });
const pressEnter = (element: Element) => fireEvent.submit(element.closest('form')!);

describe('popup quick-log', () => {
  it('opens on the account, with the amount field focused, and logs a quote from "amount, Enter"', async () => {
    open(`?account=${accountId}`, 'de-DE');
    const amount = await amountField();
    expect(screen.getByRole('heading', { name: 'Acme Industrial' })).toBeTruthy();
    expect(screen.getByText('Not enough data')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(performance.getEntriesByName(POPUP_READY_MARK).length).toBeGreaterThan(0);

    fireEvent.input(amount, { target: { value: '1.250,50' } });
    pressEnter(amount);
    await screen.findByText(/Quote ACM-1 of 1\.250,50.*logged for Acme Industrial/);
    const [quote] = await eventsOfAccount(db, accountId);
    expect(quote).toMatchObject({ type: 'quote', accountId, amount: { minor: 125_050, currency: 'USD' }, at: NOW, quoteRef: 'ACM-1' });
    // Ready for the next one: cleared and focused.
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect((amount as HTMLInputElement).value).toBe('');
  });

  it('shows the badge summary at the top, warnings by name, and follows what is logged', async () => {
    // Quotes with no outcome for over 60 days: they count in the quote-to-order rate as no decision.
    for (let i = 0; i < 5; i++) {
      await recordEvent(db, { type: 'quote', accountId, at: NOW - (100 - i) * DAY, amount: { minor: 100_000, currency: 'USD' }, competitor: 'Globex' }, NOW);
    }
    await recordEvent(db, { type: 'order', accountId, at: NOW - 30 * DAY, amount: { minor: 100_000, currency: 'USD' } }, NOW);
    await recordEvent(db, { type: 'price_match', accountId, at: NOW - 20 * DAY, competitor: 'Globex' }, NOW);
    open(`?account=${accountId}`);
    await amountField();
    expect(document.querySelector('.band')!.textContent).toMatch(/^(Healthy|Watch|At risk) · score \d+ of 100$/);
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();

    // A second price-match request makes it a price relationship (000 Sales; 002 #1).
    fireEvent.change(screen.getByRole('combobox', { name: 'What happened' }), { target: { value: 'price_match' } });
    const competitor = await screen.findByRole('textbox', { name: 'Competitor' });
    fireEvent.input(competitor, { target: { value: 'Globex' } });
    pressEnter(competitor);
    const warnings = await screen.findByRole('list', { name: 'Warnings' });
    expect(warnings.textContent).toBe('Price relationship');
  });

  it('saving again after a lost answer replaces the first attempt instead of logging it twice', async () => {
    open(`?account=${accountId}`);
    const amount = await amountField();
    // The background stores the event, then stops before it can answer.
    const listener = fakeBrowser.runtime.onMessage;
    const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), EXTENSION);
    let dropNextAnswer = true;
    listener.removeAllListeners();
    listener.addListener(async (message: unknown) => {
      const reply = await route(message, { url: `${EXTENSION}popup.html` });
      if (dropNextAnswer && (message as { type?: string }).type === 'events.record') {
        dropNextAnswer = false;
        throw new Error('The message port closed before a response was received.');
      }
      return reply;
    });
    fireEvent.input(amount, { target: { value: '900' } });
    pressEnter(amount);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not saved/);
    expect(await countEvents(db)).toBe(1);
    // The rep saves again: the same attempt, so the stored event is replaced, not doubled.
    pressEnter(amount);
    await screen.findByRole('button', { name: /^Undo/ });
    expect(await countEvents(db)).toBe(1);
  });

  it('reads 1,250.50 the same way in an English locale', async () => {
    open(`?account=${accountId}`, 'en-US');
    const amount = await amountField();
    fireEvent.input(amount, { target: { value: '1,250.50' } });
    pressEnter(amount);
    await screen.findByText(/logged for Acme Industrial/);
    expect((await eventsOfAccount(db, accountId))[0]).toMatchObject({ amount: { minor: 125_050 } });
  });

  it('marks an invalid field inline, focuses it, and saves nothing', async () => {
    open(`?account=${accountId}`);
    const amount = await amountField();
    fireEvent.input(amount, { target: { value: '12abc' } });
    pressEnter(amount);
    const message = await screen.findByText(/is not a number/);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(amount.getAttribute('aria-describedby')).toBe(message.id);
    expect(document.activeElement).toBe(amount);
    expect(await countEvents(db)).toBe(0);
    // The typed text stays, so nothing is lost while fixing it; the message goes once it is edited.
    expect((amount as HTMLInputElement).value).toBe('12abc');
    fireEvent.input(amount, { target: { value: '12' } });
    expect(amount.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/is not a number/)).toBeNull();
  });

  it('keeps what was typed and says so when the background refuses the event', async () => {
    open(`?account=${accountId}`);
    const amount = await amountField();
    await db.accounts.delete(accountId);
    fireEvent.input(amount, { target: { value: '100' } });
    pressEnter(amount);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not saved: .*does not exist/);
    expect((amount as HTMLInputElement).value).toBe('100');
    expect(await countEvents(db)).toBe(0);
  });

  it('undoes the last event with the Undo button, and with Ctrl+Z', async () => {
    open(`?account=${accountId}`);
    const amount = await amountField();
    fireEvent.input(amount, { target: { value: '900' } });
    pressEnter(amount);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByText(/Undone: Quote ACM-1 of \$900\.00 logged for Acme Industrial was removed/);
    expect(await countEvents(db)).toBe(0);

    fireEvent.input(amount, { target: { value: '800' } });
    pressEnter(amount);
    await screen.findByRole('button', { name: 'Undo' });
    expect(await countEvents(db)).toBe(1);
    fireEvent.keyDown(amount, { key: 'z', ctrlKey: true });
    await screen.findByText(/Undone: Quote ACM-1 of \$800\.00/);
    expect(await countEvents(db)).toBe(0);
  });

  it('offers the undo for a few seconds only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    open(`?account=${accountId}`, 'en-US', 5000);
    const amount = await amountField();
    fireEvent.input(amount, { target: { value: '900' } });
    pressEnter(amount);
    await screen.findByRole('button', { name: 'Undo' });
    vi.advanceTimersByTime(4999);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeNull();
    vi.advanceTimersByTime(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(await countEvents(db)).toBe(1);
  });

  it('opens the price-match form from the badge’s quick action, linked to the open quote', async () => {
    await recordEvent(db, { type: 'quote', accountId, at: NOW - DAY, amount: { minor: 90_000, currency: 'USD' }, quoteRef: 'Q-9' }, NOW);
    open(`?account=${accountId}&form=price_match`);
    const competitor = await screen.findByRole('textbox', { name: 'Competitor' });
    await waitFor(() => expect(document.activeElement).toBe(competitor));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'For quote' }) as HTMLSelectElement).value).toBe('Q-9'));
    pressEnter(competitor);
    expect(await screen.findByText('Name the competitor.')).toBeTruthy();
    fireEvent.input(competitor, { target: { value: 'Globex' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Competitor’s price (optional)' }), { target: { value: '850' } });
    pressEnter(competitor);
    await screen.findByText(/Price-match request logged/);
    expect(((await eventsOfAccount(db, accountId)).filter((e) => e.type === 'price_match'))[0]).toMatchObject({ competitor: 'Globex', quoteRef: 'Q-9', competitorPrice: { minor: 85_000 } });
  });

  it('records a quote outcome linked to the open quote, and then no longer offers that quote', async () => {
    await recordEvent(db, { type: 'quote', accountId, at: NOW - DAY, amount: { minor: 90_000, currency: 'USD' }, quoteRef: 'Q-9' }, NOW);
    open(`?account=${accountId}`);
    await amountField();
    fireEvent.change(screen.getByRole('combobox', { name: 'What happened' }), { target: { value: 'quote_outcome' } });
    const outcome = await screen.findByRole('combobox', { name: 'Outcome' });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'For quote' }) as HTMLSelectElement).value).toBe('Q-9'));
    fireEvent.change(outcome, { target: { value: 'won' } });
    pressEnter(outcome);
    await screen.findByText(/Quote outcome logged for Acme Industrial/);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'For quote' }) as HTMLSelectElement).value).toBe(''));
    expect(screen.getByRole('option', { name: 'No open quote' })).toBeTruthy();
    expect((await eventsOfAccount(db, accountId)).find((e) => e.type === 'quote_outcome')).toMatchObject({ outcome: 'won', quoteRef: 'Q-9' });
  });

  it('switches to another event type from the type menu and logs it', async () => {
    open(`?account=${accountId}`);
    await amountField();
    fireEvent.change(screen.getByRole('combobox', { name: 'What happened' }), { target: { value: 'service' } });
    const minutes = await screen.findByRole('textbox', { name: 'Minutes spent' });
    await waitFor(() => expect(document.activeElement).toBe(minutes));
    fireEvent.input(minutes, { target: { value: '45' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of request' }), { target: { value: 'dispute' } });
    pressEnter(minutes);
    await screen.findByText(/Service request logged/);
    expect((await eventsOfAccount(db, accountId))[0]).toMatchObject({ type: 'service', minutes: 45, kind: 'dispute' });
  });

  it('asks for the outcome of quotes open longer than the setting', async () => {
    await recordEvent(db, { type: 'quote', accountId, at: NOW - 20 * DAY, amount: { minor: 50_000, currency: 'USD' }, quoteRef: 'Q-OLD' }, NOW);
    await recordEvent(db, { type: 'quote', accountId, at: NOW - 2 * DAY, amount: { minor: 50_000, currency: 'USD' }, quoteRef: 'Q-NEW' }, NOW);
    open(`?account=${accountId}`);
    expect(await screen.findByRole('heading', { name: 'Quotes open more than 14 days (1)' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: /Acme Industrial, Q-OLD, \$500\.00, 20 days/ }), { target: { value: 'lost_to_incumbent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record outcome of Q-OLD' }));
    await screen.findByText(/Lost: the incumbent matched our price: Q-OLD for Acme Industrial/);
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Quotes open more than/ })).toBeNull());
    expect(((await eventsOfAccount(db, accountId)).filter((e) => e.type === 'quote_outcome'))[0]).toMatchObject({ outcome: 'lost_to_incumbent', quoteRef: 'Q-OLD' });
  });
});

describe('popup account picker', () => {
  it('finds an account by type-ahead and picks it with the keyboard', async () => {
    await createAccount(db, { name: 'Globex', domains: ['globex.io'], aliases: ['Acme Old'] }, NOW);
    open('');
    const input = await screen.findByRole('combobox', { name: 'Account name, alias or domain' });
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.input(input, { target: { value: 'acme' } });
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Acme Industrial · acme-industrial.com', 'Globex · globex.io']));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('picker-option-1');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Globex' })).toBeTruthy();
  });

  it('creates an account from a typed domain', async () => {
    open('');
    const input = await screen.findByRole('combobox', { name: 'Account name, alias or domain' });
    fireEvent.input(input, { target: { value: 'https://www.initech.co.uk/about' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Create account for initech.co.uk' }));
    expect(await screen.findByRole('heading', { name: 'Initech' })).toBeTruthy();
    expect(await db.accounts.where('domains').equals('initech.co.uk').count()).toBe(1);
  });

  it('resolves the context menu’s email, and offers to create an unknown company’s account', async () => {
    open('?email=jane.doe%40acme-industrial.com');
    expect(await screen.findByRole('heading', { name: 'Acme Industrial' })).toBeTruthy();
    cleanup();
    open('?email=wile%40globex.io');
    expect(await screen.findByText('wile@globex.io is not an account yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create account for globex.io' }));
    expect(await screen.findByRole('heading', { name: 'Globex' })).toBeTruthy();
    expect(await db.contacts.get('wile@globex.io')).toMatchObject({ email: 'wile@globex.io' });
  });

  it('says what to do when there are no accounts yet', async () => {
    await db.accounts.clear();
    open('');
    expect((await screen.findByText(/No accounts yet/)).textContent).toBe('No accounts yet. Type a customer’s domain (like acme.com) to create one.');
  });
});

describe('popup as a launcher', () => {
  it('orders stale quotes: this account’s first, the others (oldest first) behind "n more"', async () => {
    const other = (await createAccount(db, { name: 'Globex', domains: ['globex.com'] }, NOW)).id;
    const third = (await createAccount(db, { name: 'Initech', domains: ['initech.com'] }, NOW)).id;
    const quote = (account: string, days: number, quoteRef: string) =>
      recordEvent(db, { type: 'quote', accountId: account, at: NOW - days * DAY, amount: { minor: 50_000, currency: 'USD' }, quoteRef }, NOW);
    await quote(other, 40, 'GLO-1');
    await quote(accountId, 20, 'ACM-2');
    await quote(third, 30, 'INI-1');
    await quote(accountId, 25, 'ACM-1');
    await quote(accountId, 2, 'ACM-3'); // not stale
    open(`?account=${accountId}`);
    expect(await screen.findByRole('heading', { name: 'Quotes open more than 14 days (4)' })).toBeTruthy();
    const mine = screen.getByRole('list', { name: 'This account' });
    expect([...mine.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      'Acme Industrial, ACM-1, $500.00, 25 days',
      'Acme Industrial, ACM-2, $500.00, 20 days',
    ]);
    const more = screen.getByRole('button', { name: '2 more from other accounts' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('combobox', { name: /Globex/ })).toBeNull();
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const others = screen.getByRole('list', { name: 'Other accounts' });
    expect([...others.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['Globex, GLO-1, $500.00, 40 days', 'Initech, INI-1, $500.00, 30 days']);
  });

  it('links to the portfolio, this account’s history, import & backup, and settings', async () => {
    open(`?account=${accountId}`);
    await amountField();
    const nav = screen.getByRole('navigation', { name: 'Quotewise pages' });
    const links = [...nav.querySelectorAll('a')].map((a) => [a.getAttribute('aria-label') ?? a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Portfolio', 'history.html'],
      ['History of Acme Industrial', `history.html#/account/${accountId}`],
      ['Import & backup', 'data.html'],
    ]);
    // First in the popup: in view without scrolling.
    expect(document.querySelector('main')!.firstElementChild).toBe(nav);
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });

  it('hint text in the amount field cannot be read as an amount', async () => {
    open(`?account=${accountId}`);
    const amount = (await amountField()) as HTMLInputElement;
    expect(amount.placeholder).toBe('e.g. 1,250.50');
  });
});
