import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';
import { ADDON_ID, ADDON_ORIGIN, type FirefoxSession, launchFirefox, shadowButtonNames, clickShadowButton, contextOf } from './firefox-harness';

/**
 * The Firefox build (.output/firefox-mv3) in Debian's firefox-esr, over WebDriver BiDi, with no
 * network: the add-on installs, badges Gmail, quick-logs from the popup page, imports the example
 * CSV, and nothing it does leaves the browser. One browser for the whole file.
 */
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const EXAMPLE = path.join(ROOT, 'docs/example-events.csv');

const JANE_UNKNOWN = 'Quotewise: jane.doe@acme-industrial.com is not an account yet. Create account.';
const PURCHASING_UNKNOWN = 'Quotewise: purchasing@acme-industrial.com is not an account yet. Create account.';
// The fixture's signed-in account is the rep: before the first-run answer its badge asks.
const REP = 'Quotewise: Is northwind-supply.com your company?';
const ACME = 'Quotewise: Acme Industrial, Not enough data.';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };
interface Summary {
  accountName: string;
  band: string;
  score: number | null;
  warnings: { name: string }[];
}

/** What the badge of an account with this summary is called (see badgeLabel in lib/content/state.ts). */
const accountBadge = (s: Summary) =>
  `Quotewise: ${s.accountName}, ${s.band}${s.score === null ? '' : `, ${s.score} of 100`}.${s.warnings.length ? ` Warnings: ${s.warnings.map((w) => w.name).join(', ')}.` : ''}`;

describe('Quotewise in Firefox ESR (WebDriver BiDi, no network)', () => {
  let session: FirefoxSession;
  let gmail: Page;
  let accountId: string;

  const send = async <T,>(type: string, data: unknown): Promise<T> => {
    const reply = (await session.send({ quotewise: 1, type, data })) as Reply<T>;
    if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
    return reply.data;
  };
  const summaryOf = async (id: string) => (await send<{ summaries: Summary[] }>('health.ofAccounts', { accountIds: [id] })).summaries[0]!;
  /** Wait until the page's badges are exactly `names`, in any order. */
  const expectBadges = (page: Page, names: string[]) =>
    expect.poll(async () => (await shadowButtonNames(session, page)).sort(), { timeout: 10_000 }).toEqual([...names].sort());
  /** Fail fast: puppeteer waits 30 s by default. (Errors are collected browser-wide by the harness.) */
  const fast = (page: Page) => {
    page.setDefaultTimeout(10_000);
    return page;
  };
  const aria = (page: Page, role: string, name: string) => page.locator(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`);
  const statuses = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((node) => node.textContent ?? '').join('\n'));

  beforeAll(async () => {
    session = await launchFirefox([{ prefix: 'https://mail.google.com/mail/u/0/', file: 'gmail/thread.html' }]);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('installs in firefox-esr at the fixed moz-extension address', async () => {
    expect(session.addonId).toBe(ADDON_ID);
    expect(await session.browser.version()).toMatch(/^firefox\/\d+/);
    const page = fast(await session.openExtensionPage('popup.html'));
    expect(await page.evaluate(() => chrome.runtime.getURL(''))).toBe(`${ADDON_ORIGIN}/`);
    await page.close();
  });

  it('badges the Gmail sender and recipients; the accessible names are read from the closed shadow roots', async () => {
    gmail = fast(await session.openPage(THREAD));
    await expectBadges(gmail, [JANE_UNKNOWN, REP, PURCHASING_UNKNOWN]);
    // The page's own scripts see three hosts and no shadow root.
    expect(await gmail.evaluate(() => [...document.querySelectorAll('quotewise-badge')].map((host) => host.shadowRoot))).toEqual([null, null, null]);
    expect(await gmail.evaluate(() => document.body.innerText)).not.toContain('not an account yet');

    // An account created elsewhere: the open page's badges follow, no reload.
    accountId = (await send<{ id: string }>('accounts.create', { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] })).id;
    await expectBadges(gmail, [ACME, REP, ACME]);
  });

  it('logs a quote from the popup page for the Gmail tab, and the badge on the open Gmail page changes', async () => {
    // Three orders: one event short of being scored, so the quote changes the badge.
    for (let i = 1; i <= 3; i++) {
      await send('events.record', { event: { type: 'order', accountId, at: Date.now() - i * 30 * 86_400_000, amount: { minor: 500_000, currency: 'USD' } } });
    }
    expect(await summaryOf(accountId)).toMatchObject({ band: 'Not enough data', score: null });
    await expectBadges(gmail, [ACME, REP, ACME]);

    const helper = await session.openExtensionPage('popup.html');
    const gmailTabs = await helper.evaluate(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' })).map((tab) => tab.id));
    await helper.close();
    expect(gmailTabs).toHaveLength(1);

    const popup = fast(await session.openExtensionPage(`popup.html?tab=${gmailTabs[0]}`));
    await aria(popup, 'heading', 'Acme Industrial').wait();
    const amount = await aria(popup, 'textbox', 'Amount').waitHandle();
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('1,250.50');
    await popup.keyboard.press('Enter');
    await expect.poll(() => statuses(popup)).toContain('Quote ACM-1 of $1,250.50 logged for Acme Industrial.');
    const { events } = await send<{ events: { type: string }[] }>('events.ofAccount', { accountId });
    expect(events.filter((e) => e.type === 'quote')).toMatchObject([{ type: 'quote', amount: { minor: 125_050, currency: 'USD' } }]);

    const scored = await summaryOf(accountId);
    expect(scored.score).not.toBeNull();
    const badge = accountBadge(scored);
    expect(badge).toMatch(/^Quotewise: Acme Industrial, (Healthy|Watch|At risk), \d+ of 100\./);
    await expectBadges(gmail, [badge, REP, badge]);
    await popup.close();

    // The badge's "Log a quote" address opens the same form on the account.
    const byAccount = fast(await session.openExtensionPage(`popup.html?account=${accountId}&form=quote`));
    await aria(byAccount, 'heading', 'Acme Industrial').wait();
    const field = await aria(byAccount, 'textbox', 'Amount').waitHandle();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await byAccount.close();
  });

  it('opens the card in an extension frame beside the badge: the account shows there, and the page finds none of it', async () => {
    const [badge] = (await shadowButtonNames(session, gmail)).filter((name) => name.startsWith('Quotewise: Acme Industrial'));
    await clickShadowButton(session, gmail, badge!);
    // The card's frame, as Firefox lists the tab's frames (puppeteer does not follow it to its extension address).
    type Tree = { contexts: { context: string; url: string; children?: Tree['contexts'] }[] };
    const cardFrame = async () => {
      const { contexts } = (await session.bidi.send('browsingContext.getTree', { root: contextOf(gmail) })).result as Tree;
      return contexts.flatMap((context) => context.children ?? []).find((child) => child.url.startsWith(`${ADDON_ORIGIN}/card.html#`))?.context;
    };
    const inCard = async (expression: string) => {
      const context = await cardFrame();
      if (!context) return undefined;
      const { result } = (await session.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: false })).result as { result: { value?: unknown } };
      return result.value;
    };
    await expect.poll(() => inCard(`document.querySelector('[role="dialog"] h2')?.textContent ?? ''`), { timeout: 10_000 }).toBe('Acme Industrial');
    expect(await inCard(`[...document.querySelectorAll('button')].map((b) => b.textContent).join('|')`)).toContain('Log a quote');
    // The page's own view: no text of the card or the pill, by search or innerText.
    expect(await gmail.evaluate(() => [(window as unknown as { find(t: string): boolean }).find('Acme Industrial'), (window as unknown as { find(t: string): boolean }).find('Log a quote')])).toEqual([false, false]);
    expect(await gmail.evaluate(() => document.body.innerText)).not.toContain('Acme Industrial');
    await gmail.keyboard.press('Escape');
    // The page's card frame stays, hidden, for the next card: the card in it is gone.
    await expect.poll(() => inCard(`document.querySelector('[role="dialog"]') === null`)).toBe(true);
  });

  it('imports docs/example-events.csv through the data page, and the result shows', async () => {
    const before = accountBadge(await summaryOf(accountId));
    const data = fast(await session.openExtensionPage('data.html'));
    // The control its label names (Firefox adds "Browse… No file selected." to a file input's accessible name).
    await data.waitForFunction(() => [...document.querySelectorAll('label')].some((label) => label.textContent?.trim() === 'Choose a CSV file, or drop it here'));
    const input = (await data.evaluateHandle(
      () => [...document.querySelectorAll('label')].find((label) => label.textContent?.trim() === 'Choose a CSV file, or drop it here')!.control,
    )) as ElementHandle<HTMLInputElement>;
    expect(await input.evaluate((el) => el.type)).toBe('file');
    await input.uploadFile(EXAMPLE);
    await expect.poll(() => statuses(data)).toContain('Dry run: 13 rows ready (13 events), 0 bad rows.');
    await aria(data, 'button', 'Import 13 events').click();
    // Acme Industrial exists already (created above); Initech Systems is new.
    await expect.poll(() => statuses(data), { timeout: 15_000 }).toContain(
      'Imported 13 new events for 2 accounts; 1 account created. Health scores updated.',
    );
    const { accounts } = await send<{ accounts: { id: string; name: string }[] }>('accounts.search', { query: 'Initech' });
    expect(accounts.map((a) => a.name)).toEqual(['Initech Systems']);

    // The open Gmail page's badge follows the imported history of Acme Industrial.
    const after = accountBadge(await summaryOf(accountId));
    expect(after).not.toBe(before);
    await expectBadges(gmail, [after, REP, after]);
    await data.close();
  });

  it('ran with no error: no console.error, uncaught error or CSP violation in the add-on (pages, background page, content scripts) or on Gmail', () => {
    expect(session.problems).toEqual([]);
  });

  it('sent nothing out: tabs loaded only the fixtures asked for, and the add-on opened no channel', () => {
    // BiDi's interception in tabs and extension pages: only the navigations the test asked for.
    expect(session.tabRequests.filter((request) => !request.served)).toEqual([]);
    expect(session.tabRequests.map((request) => request.url)).toEqual([THREAD]);
    // The whole browser, from its parent process: nothing from the add-on's pages, its background
    // page or its content scripts, nor from any web page. What is left is Firefox's own
    // housekeeping (system principal), cancelled before it left.
    expect(session.channels.filter((channel) => channel.fromAddon)).toEqual([]);
    expect(session.channels.filter((channel) => channel.triggering !== 'system')).toEqual([]);
    expect(session.channels.filter((channel) => !channel.cancelled).map((channel) => channel.url.split('#')[0])).toEqual([THREAD.split('#')[0]]);
  });

  it('would have seen it: requests and an error from the background page are recorded as the add-on’s, and the requests cancelled', async () => {
    const page = fast(await session.openExtensionPage('popup.html'));
    const probe = 'https://recorder-check.invalid/from-background';
    const socket = 'wss://recorder-check.invalid/socket';
    const outcome = await page.evaluate(
      async (url, socketUrl) => {
        type Background = { console: Console; fetch: typeof fetch; WebSocket: typeof WebSocket };
        const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Background> } } }).browser;
        const background = await api.runtime.getBackgroundPage();
        background.console.error('recorder check');
        const fetched = await background.fetch(url).then(
          () => 'answered',
          (error: Error) => error.name,
        );
        const ws = new background.WebSocket(socketUrl);
        const connected = await new Promise<string>((resolve) => {
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('error');
        });
        return { fetched, connected };
      },
      probe,
      socket,
    );
    expect(outcome).toEqual({ fetched: 'TypeError', connected: 'error' });
    const fromBackground = { triggering: ADDON_ORIGIN, loading: ADDON_ORIGIN, fromAddon: true, cancelled: true };
    await expect
      .poll(() => session.channels.filter((channel) => channel.url.startsWith('https://recorder-check.invalid/')))
      .toEqual([
        { url: probe, ...fromBackground },
        // A WebSocket opens as an HTTPS upgrade request.
        { url: 'https://recorder-check.invalid/socket', ...fromBackground },
      ]);
    // BiDi's network module saw neither: the parent-process recorder is what covers the background page.
    expect(session.tabRequests.filter((request) => request.url.includes('recorder-check'))).toEqual([]);
    await expect.poll(() => session.problems.filter((problem) => problem.endsWith(': recorder check'))).toHaveLength(1);
    await page.close();
  });
});
