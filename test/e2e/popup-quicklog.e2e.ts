import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibleNodes, launchExtension, serveFixture, waitForAccessible, type ExtensionSession } from './harness';

/**
 * The popup opened as a tab: `popup.html?tab=<id>` names the tab it logs for,
 * because in a tab of its own the popup's "active tab" would be itself. The
 * toolbar popup (no parameter) asks the active tab instead; the rest is the same code.
 */
const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

describe('popup: quick-log for the customer on the current tab', () => {
  let session: ExtensionSession;
  let accountId: string;
  let gmail: Page;
  let gmailTabId: number;

  const send = async <T,>(type: string, data: unknown): Promise<T> => {
    const reply = (await session.send({ quotewise: 1, type, data })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };

  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/thread.html');
    accountId = (await send<{ id: string }>('accounts.create', { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] })).id;
    // Three orders: one event short of being scored, so the quote the test logs changes the badge.
    for (let i = 1; i <= 3; i++) {
      await send('events.record', { event: { type: 'order', accountId, at: Date.now() - i * 30 * 86_400_000, amount: { minor: 500_000, currency: 'USD' } } });
    }
    gmail = await session.context.newPage();
    await gmail.goto(GMAIL_THREAD);
    await waitForAccessible(gmail, (n) => n.role === 'button' && n.name.startsWith('Quotewise: Acme Industrial'));
    const helper = await session.openExtensionPage('popup.html');
    gmailTabId = await helper.evaluate(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]!.id!);
    await helper.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens on the Gmail sender’s account and logs a quote with the keyboard only', async () => {
    const popup = await session.openExtensionPage(`popup.html?tab=${gmailTabId}`);
    await popup.getByRole('heading', { name: 'Acme Industrial' }).waitFor();
    const amount = popup.getByRole('textbox', { name: 'Amount' });
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);

    await popup.keyboard.type('1,250.50');
    await popup.keyboard.press('Enter');
    await popup.getByText('Quote ACM-1 of $1,250.50 logged for Acme Industrial.').waitFor();
    const quotes = async () => (await send<{ events: { type: string }[] }>('events.ofAccount', { accountId })).events.filter((e) => e.type === 'quote');
    expect(await quotes()).toMatchObject([{ type: 'quote', amount: { minor: 125_050, currency: 'USD' }, quoteRef: 'ACM-1' }]);
    // The Gmail tab's badge follows without a reload (the background broadcasts health.changed).
    await waitForAccessible(gmail, (n) => n.role === 'button' && /^Quotewise: Acme Industrial, (Healthy|Watch|At risk), \d+ of 100\./.test(n.name));

    // Undo from the keyboard: Ctrl+Z in the (now empty) amount field.
    await popup.keyboard.press('Control+z');
    await popup.getByText(/^Undone: Quote ACM-1 of \$1,250\.50/).waitFor();
    expect(await quotes()).toEqual([]);
    await waitForAccessible(gmail, (n) => n.role === 'button' && n.name === 'Quotewise: Acme Industrial, Not enough data.');

    // Invalid input: an inline message on the field, nothing saved.
    await popup.keyboard.type('12abc');
    await popup.keyboard.press('Enter');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    expect(await popup.getByText(/is not a number/).isVisible()).toBe(true);
    expect(await quotes()).toEqual([]);
    await popup.close();
  });

  it('passes a screen-reader check: every control has a role and an accessible name', async () => {
    const popup = await session.openExtensionPage(`popup.html?tab=${gmailTabId}`);
    await popup.getByRole('heading', { name: 'Acme Industrial' }).waitFor();
    const nodes = await accessibleNodes(popup);
    const has = (role: string, name: string | RegExp) =>
      nodes.some((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
    expect(has('main', 'Quotewise')).toBe(true);
    expect(has('heading', 'Acme Industrial')).toBe(true);
    expect(has('form', 'Log for Acme Industrial')).toBe(true);
    expect(has('combobox', 'What happened')).toBe(true);
    expect(has('textbox', 'Amount')).toBe(true);
    expect(has('textbox', 'Currency')).toBe(true);
    expect(has('textbox', 'Discount % (optional)')).toBe(true);
    expect(has('button', 'Log quote')).toBe(true);
    expect(has('button', 'Change account')).toBe(true);
    // No unnamed interactive control anywhere.
    const interactive = new Set(['button', 'textbox', 'combobox', 'checkbox', 'listbox', 'option', 'link', 'radio']);
    expect(nodes.filter((n) => interactive.has(n.role) && !n.name.trim())).toEqual([]);

    // The account picker, from the keyboard: a combobox with a listbox of options.
    await popup.getByRole('button', { name: 'Change account' }).press('Enter');
    const picker = popup.getByRole('combobox', { name: 'Account name, alias or domain' });
    await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('acme');
    await popup.getByRole('option', { name: /Acme Industrial/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Acme Industrial' }).waitFor();
    await popup.close();
  });

  it('opens the form prefilled from a link (the badge’s quick actions and the context menu use these)', async () => {
    const byEmail = await session.openExtensionPage('popup.html?email=purchasing%40acme-industrial.com&form=quote');
    await byEmail.getByRole('heading', { name: 'Acme Industrial' }).waitFor();
    await byEmail.close();
    const priceMatch = await session.openExtensionPage(`popup.html?account=${accountId}&form=price_match`);
    const competitor = priceMatch.getByRole('textbox', { name: 'Competitor', exact: true });
    await expect.poll(() => competitor.evaluate((el) => el === document.activeElement)).toBe(true);
    await priceMatch.keyboard.type('Globex');
    await priceMatch.keyboard.press('Enter');
    await priceMatch.getByText('Price-match request logged for Acme Industrial.').waitFor();
    await priceMatch.close();
  });

  it('made no network request: only the pages the test opened were loaded', () => {
    expect(session.requests.filter((request) => !request.navigation)).toEqual([]);
  });

  it('declares the Alt+Shift+Q shortcut and registers the context menu', async () => {
    const page = await session.openExtensionPage('popup.html');
    const commands = await page.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+Q' }));
    await page.close();
    // update() rejects for an item that was never created: both exist after install.
    for (const id of ['quotewise-log-quote', 'quotewise-log-quote-link']) {
      await expect(session.serviceWorker.evaluate((menuId) => chrome.contextMenus.update(menuId, {}), id)).resolves.toBeUndefined();
    }
  });
});
