import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { launchExtension, loadDemoBook, ROOT, type ExtensionSession } from './harness';

/** Issue 19: the extension's own pages as a rep uses them every day, with the keyboard only. */

/** Screenshots for a person to look at (not compared): the popup at 400 px wide, the data page at 1280×720. */
const SHOTS = process.env.QUOTEWISE_SHOTS ?? path.join(tmpdir(), 'quotewise-shots');

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

/** Press Tab until the focused element's name matches; fails if it never does. */
async function tabTo(page: Page, name: string | RegExp, most = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
      if (!el || el === document.body) return '';
      return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    });
    seen.push(focused);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}; it went through: ${seen.join(' | ')}`);
}

describe('the popup as a rep’s launcher, with the demo book', () => {
  let session: ExtensionSession;
  let ids: Map<string, string>;
  const send = async <T,>(type: string, data: unknown): Promise<T> => {
    const reply = (await session.send({ quotewise: 1, type, data })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  const quoteRefs = async (accountId: string) =>
    (await send<{ events: { type: string; quoteRef?: string }[] }>('events.ofAccount', { accountId })).events.filter((e) => e.type === 'quote').map((e) => e.quoteRef!);

  beforeAll(async () => {
    session = await launchExtension();
    const { page } = await loadDemoBook(session);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: path.join(SHOTS, 'data-page-1280x720-status.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'data-page-1280x720.png') });
    await page.getByText(/^The columns of a Quotewise events CSV/).click();
    await page.screenshot({ path: path.join(SHOTS, 'data-page-1280x720-columns.png') });
    await page.close();
    const { accounts } = await send<{ accounts: { id: string; name: string }[] }>('accounts.search', { query: '', limit: 50 });
    ids = new Map(accounts.map((a) => [a.name, a.id]));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('logs a quote from "amount, Enter", and the quote gets a short reference one above the account’s last', async () => {
    const globex = ids.get('Globex Components')!;
    const before = await quoteRefs(globex);
    const last = Math.max(...before.map((ref) => Number(/^GLO-(\d+)$/.exec(ref)?.[1] ?? 0)));
    expect(last).toBeGreaterThan(0);

    const popup = await session.openExtensionPage(`popup.html?account=${globex}`);
    await popup.setViewportSize({ width: 400, height: 720 });
    const amount = popup.getByRole('textbox', { name: 'Amount' });
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await amount.getAttribute('placeholder')).toBe('e.g. 1,250.50');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-400.png'), fullPage: true });

    await popup.keyboard.type('1,250.50');
    await popup.keyboard.press('Enter');
    const ref = `GLO-${last + 1}`;
    await popup.getByText(`Quote ${ref} of $1,250.50 logged for Globex Components.`).waitFor();
    expect(await quoteRefs(globex)).toEqual(expect.arrayContaining([...before, ref]));
    expect((await quoteRefs(globex)).filter((r) => r === ref)).toHaveLength(1);
    await popup.screenshot({ path: path.join(SHOTS, 'popup-400-logged.png'), fullPage: true });
    await popup.close();
  });

  it('shows the account’s stale quotes first and the others behind "n more", opened with the keyboard', async () => {
    const popup = await session.openExtensionPage(`popup.html?account=${ids.get('Globex Components')}`);
    await popup.setViewportSize({ width: 400, height: 720 });
    await popup.getByRole('heading', { name: /^Quotes open more than 14 days \(\d+\)$/ }).waitFor();
    const mine = popup.getByRole('list', { name: 'This account' });
    const labels = await mine.locator('label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^Globex Components, GLO-\d+, /);
    const more = popup.getByRole('button', { name: /^\d+ more from other accounts$/ });
    const hidden = Number(/^(\d+)/.exec((await more.textContent()) ?? '')![1]);
    expect(hidden).toBeGreaterThan(0);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await popup.getByRole('list', { name: 'Other accounts' }).count()).toBe(0);
    const height = () => popup.evaluate(() => document.documentElement.scrollHeight);
    const collapsed = await height();

    await tabTo(popup, /^\d+ more from other accounts$/);
    await popup.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const others = await popup.getByRole('list', { name: 'Other accounts' }).locator('label').allTextContents();
    expect(others).toHaveLength(Math.min(hidden, 20));
    for (const label of others) expect(label).not.toMatch(/^Globex Components,/);
    // Collapsed, they took no room: each one shown adds a row.
    expect((await height()) - collapsed).toBeGreaterThan(others.length * 30);
    await popup.close();
  });

  it('opens the portfolio, the account’s history and Import & backup from its links', async () => {
    const globex = ids.get('Globex Components')!;
    const popup = await session.openExtensionPage(`popup.html?account=${globex}`);
    const nav = popup.getByRole('navigation', { name: 'Quotewise pages' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Portfolio', 'History', 'Import & backup']);
    expect(await nav.getByRole('link', { name: 'History of Globex Components' }).count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Settings' }).count()).toBe(1);

    const opened = async (link: string) => {
      await tabTo(popup, link);
      const [page] = await Promise.all([session.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
      await page.waitForLoadState();
      const url = new URL(page.url());
      await page.close();
      return url.pathname + url.hash;
    };
    expect(await opened('Portfolio')).toBe('/history.html');
    expect(await opened('History of Globex Components')).toBe(`/history.html#/account/${globex}`);
    expect(await opened('Import & backup')).toBe('/data.html');
    await popup.close();
  });
});

describe('the import page teaches the format, and its undo tells the truth', () => {
  let session: ExtensionSession;
  let page: Page;
  let template: string;
  const problems: string[] = [];
  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openExtensionPage('data.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    // Listening from the start: Playwright intercepts the file chooser only once someone listens.
    page.on('filechooser', (chooser) => choosers.shift()?.(chooser));
  });
  afterAll(async () => {
    await session?.close();
  });
  const choosers: ((chooser: FileChooser) => void)[] = [];

  /** Choose a file with the keyboard: Tab to the file field, Enter opens the chooser. */
  const chooseFile = async (file: string) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, 'Choose a CSV file, or drop it here');
    const chooser = new Promise<FileChooser>((resolve) => choosers.push(resolve));
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(file);
  };

  it('explains every column on the page, with no pointer to a README', async () => {
    expect(await page.getByText(/README/).count()).toBe(0);
    await tabTo(page, /^The columns of a Quotewise events CSV/);
    await page.keyboard.press('Enter');
    const terms = await page.locator('details.columns dt').allTextContents();
    expect(terms.slice(0, 5)).toEqual(['account', 'domain', 'contact_email', 'date', 'type']);
    expect(terms).toHaveLength(20);
    expect(await page.locator('details.columns dd').first().textContent()).toMatch(/company name/);
  });

  it('downloads a template that imports cleanly as it is, all with the keyboard', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, 'Download a template');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('quotewise-import-template.csv');
    template = (await download.path())!;
    const text = await readFile(template, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^account,domain,contact_email,date,type,amount,currency,quote_ref,outcome,/);

    await chooseFile(template);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dry run: 3 rows ready (3 events), 0 bad rows.');
    await tabTo(page, 'Import 3 events');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Imported 3 new events for 1 account; 1 account created.');
  });

  it('no longer offers Undo of “Delete all data” once a backup was restored, or a file imported', async () => {
    // Some data to back up, whatever the tests before left.
    await page.getByLabel('Choose a CSV file, or drop it here').setInputFiles(path.join(ROOT, 'docs/example-events.csv'));
    await page.getByRole('button', { name: 'Import 13 events' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Imported \d+ new events?/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
    const backup = (await download.path())!;
    const undo = page.getByRole('button', { name: 'Undo' });

    const deleteAll = async () => {
      await page.getByRole('button', { name: 'Delete all data…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
      await page.getByRole('status').filter({ hasText: 'All data deleted.' }).waitFor();
      await undo.waitFor();
    };

    await deleteAll();
    await page.getByLabel('Backup file').setInputFiles(backup);
    await page.getByRole('radio', { name: /Restore into an empty database/ }).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Restored' }).waitFor();
    await expect.poll(() => undo.count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'All data deleted' }).textContent()).toContain('can no longer be undone');

    await deleteAll();
    await page.getByLabel('Choose a CSV file, or drop it here').setInputFiles(template);
    await page.getByRole('button', { name: 'Import 3 events' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Imported 3 new events');
    await expect.poll(() => undo.count()).toBe(0);
  });

  it('ran with no error and no content-security-policy violation', () => {
    expect(problems).toEqual([]);
  });
});
