import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxNode, type ExtensionSession, ROOT, accessibleNodes, launchExtension, serveFixture, waitForAccessible } from './harness';
import { boxesOf, createAccount } from './badge-harness';

/**
 * Issue 17: a customer's price-match request open in Gmail and in Outlook on the web. The card's
 * chip reads it on the rep's machine; one click opens the quick-log form filled in, Enter saves it.
 * Then: the event is in the account's timeline (its id names the message), the badge follows,
 * the chip is gone, and nothing went to the network.
 */
const SITES = [
  {
    site: 'Gmail',
    pattern: 'https://mail.google.com/**',
    fixture: 'gmail/price-match.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy',
    /** Where the same message comes from a sender who is not an account yet. */
    unknownUrl: 'https://mail.google.com/mail/u/1/',
    messageId: '#msg-f:1782110022334455667',
  },
  {
    site: 'Outlook on the web',
    pattern: 'https://outlook.office.com/mail/**',
    fixture: 'outlook/price-match.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAA',
    unknownUrl: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAB',
    messageId: 'outlook:AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAA:0',
  },
] as const;

const CHIP = 'Price-match request: Initrode at $6,150.00';
const UNSCORED = 'Quotewise: Acme Industrial, Not enough data.';
const isBadgeOf = (name: string) => (node: AxNode) => node.role === 'button' && node.name === name;
const isLog = (node: AxNode) => node.role === 'button' && node.name === 'Log';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

describe.each(SITES)('email suggestion on $site', ({ site, pattern, fixture, url, unknownUrl, messageId }) => {
  let session: ExtensionSession;
  let accountId: string;
  const send = async <T,>(type: string, data: unknown): Promise<T> => {
    const reply = (await session.send({ quotewise: 1, type, data })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  const events = async () => (await send<{ events: { id: string; type: string }[] }>('events.ofAccount', { accountId })).events;

  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, pattern, fixture);
    accountId = (await createAccount(session, { name: 'Acme Industrial', domains: ['acme-industrial.com'] })).id;
    // Three orders: one event short of being scored, so the logged request changes the badge.
    for (let i = 1; i <= 3; i++) {
      await send('events.record', { event: { type: 'order', accountId, at: Date.now() - i * 30 * 86_400_000, amount: { minor: 500_000, currency: 'USD' } } });
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Open the sender's card (the top-most of the customer's badges: Gmail shows a colleague of theirs among the recipients too). */
  async function openCard(page: Page, badge: string): Promise<void> {
    const [sender] = (await boxesOf(page, isBadgeOf(badge))).sort((a, b) => a.y - b.y);
    await page.mouse.click(sender!.x + sender!.width / 2, sender!.y + sender!.height / 2);
    await waitForAccessible(page, (node) => node.role === 'dialog' && node.name === 'Acme Industrial');
  }

  async function openThread(): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(url);
    await waitForAccessible(page, isBadgeOf(UNSCORED));
    return page;
  }

  it('a dismissed suggestion stays dismissed for that message, while the page is open', async () => {
    const page = await openThread();
    await openCard(page, UNSCORED);
    await waitForAccessible(page, (node) => node.name === CHIP);
    const [dismiss] = await boxesOf(page, (node) => node.role === 'button' && node.name === 'Dismiss this suggestion');
    await page.mouse.click(dismiss!.x + dismiss!.width / 2, dismiss!.y + dismiss!.height / 2);
    await expect.poll(async () => (await accessibleNodes(page)).some(isLog)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await accessibleNodes(page)).some((node) => node.role === 'dialog')).toBe(false);
    await openCard(page, UNSCORED);
    await page.waitForTimeout(500);
    expect((await accessibleNodes(page)).some((node) => node.name === CHIP)).toBe(false);
    expect(await events()).toHaveLength(3);
    await page.close();
  });

  it('click the chip, press Enter: the event is logged from the message, the badge follows, the chip is gone', async () => {
    const page = await openThread();
    await openCard(page, UNSCORED);
    await waitForAccessible(page, (node) => node.name === CHIP);
    await page.screenshot({ path: `/tmp/qw/shots/chip-${site.split(' ')[0]!.toLowerCase()}.png` });

    // A real click on the chip's button.
    const [log] = await boxesOf(page, isLog);
    const popupOpened = session.context.waitForEvent('page');
    await page.mouse.click(log!.x + log!.width / 2, log!.y + log!.height / 2);
    const popup = await popupOpened;
    await popup.getByRole('heading', { name: 'Acme Industrial' }).waitFor();
    const competitor = popup.getByRole('textbox', { name: 'Competitor', exact: true });
    await expect.poll(() => competitor.inputValue()).toBe('Initrode');
    expect(await popup.getByRole('textbox', { name: /^Competitor.s price/ }).inputValue()).toBe('6150.00');
    expect(await popup.getByRole('textbox', { name: 'Currency' }).inputValue()).toBe('USD');
    await expect.poll(() => competitor.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    await popup.getByText('Price-match request logged for Acme Industrial.').waitFor();

    // In the account's timeline, under the id its message gave it.
    const logged = (await events()).filter((event) => event.type === 'price_match');
    expect(logged).toMatchObject([
      { id: `email:price_match:${messageId}`, type: 'price_match', competitor: 'Initrode', competitorPrice: { minor: 615_000, currency: 'USD' } },
    ]);
    // The badge follows without a reload, and the chip is gone for that message.
    await waitForAccessible(page, (node) => node.role === 'button' && /^Quotewise: Acme Industrial, (Healthy|Watch|At risk), \d+ of 100\./.test(node.name));
    const badge = (await accessibleNodes(page)).find((node) => node.role === 'button' && node.name.startsWith('Quotewise: Acme Industrial'))!.name;
    await openCard(page, badge);
    await page.waitForTimeout(500);
    expect((await accessibleNodes(page)).some((node) => node.name === CHIP || isLog(node))).toBe(false);

    // Logging the same message again replaces its event: still one.
    await send('events.record', { event: { id: `email:price_match:${messageId}`, type: 'price_match', accountId, at: Date.now(), competitor: 'Initrode' } });
    expect((await events()).filter((event) => event.type === 'price_match')).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('a sender who is not an account yet: one click creates the account and opens the form filled in', async () => {
    const html = (await readFile(path.join(ROOT, 'test/fixtures', fixture), 'utf8')).replaceAll('acme-industrial', 'hooli-parts').replaceAll('Acme Industrial', 'Hooli Parts');
    await session.context.route(`${unknownUrl}**`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(unknownUrl);
    const unknownBadge = 'Quotewise: jane.doe@hooli-parts.com is not an account yet. Create account.';
    await waitForAccessible(page, isBadgeOf(unknownBadge));
    const [sender] = (await boxesOf(page, isBadgeOf(unknownBadge))).sort((a, b) => a.y - b.y);
    await page.mouse.click(sender!.x + sender!.width / 2, sender!.y + sender!.height / 2);
    await waitForAccessible(page, (node) => node.role === 'dialog');
    await waitForAccessible(page, (node) => node.name === CHIP);
    const [create] = await boxesOf(page, (node) => node.role === 'button' && node.name === 'Create account and log');
    const popupOpened = session.context.waitForEvent('page');
    await page.mouse.click(create!.x + create!.width / 2, create!.y + create!.height / 2);
    const popup = await popupOpened;
    await popup.getByRole('heading', { name: 'Hooli Parts' }).waitFor();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Competitor', exact: true }).inputValue()).toBe('Initrode');
    await popup.keyboard.press('Enter');
    await popup.getByText('Price-match request logged for Hooli Parts.').waitFor();
    const { accounts } = await send<{ accounts: { id: string; name: string }[] }>('accounts.search', { query: 'hooli' });
    expect(accounts.map((a) => a.name)).toEqual(['Hooli Parts']);
    const logged = (await send<{ events: { id: string; type: string }[] }>('events.ofAccount', { accountId: accounts[0]!.id })).events;
    expect(logged).toMatchObject([{ id: `email:price_match:${messageId}`, type: 'price_match', competitor: 'Initrode' }]);
    // The badge is the new account's now.
    await waitForAccessible(page, (node) => node.role === 'button' && node.name.startsWith('Quotewise: Hooli Parts'));
    await popup.close();
    await page.close();
  });

  it('made no network request: only the pages the test opened were loaded', () => {
    expect(session.requests.filter((request) => !request.navigation)).toEqual([]);
  });
});
