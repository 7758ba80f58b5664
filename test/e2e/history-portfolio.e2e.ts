import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibleNodes, launchExtension, serveFixture, strayWhitespace, waitForAccessible, type ExtensionSession } from './harness';

const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const DAY = 86_400_000;
const usd = (major: number) => ({ minor: major * 100, currency: 'USD' });

/** Record through the background, exactly as the popup does (it scores and broadcasts). */
async function send(session: ExtensionSession, type: string, data: unknown) {
  const reply = (await session.send({ quotewise: 1, type, data })) as { ok: boolean; data: any; error?: unknown };
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** Three customers: one in each band, each with the history that earns it. */
async function seed(session: ExtensionSession) {
  const now = Date.now();
  const ago = (days: number) => now - days * DAY;
  const account = async (name: string, domain: string) => (await send(session, 'accounts.create', { id: crypto.randomUUID(), name, domains: [domain] })).id as string;
  const record = (event: Record<string, unknown>) => send(session, 'events.record', { event });

  const acme = await account('Acme Industrial', 'acme-industrial.com');
  for (let i = 0; i < 8; i++) {
    await record({ type: 'quote', accountId: acme, at: ago(10 + i * 20), amount: usd(1000 - i * 20), discountPct: 5 + i * 2, quoteRef: `AQ${i}` });
    await record({ type: 'price_match', accountId: acme, at: ago(9 + i * 20), competitor: 'Incumbent Co', quoteRef: `AQ${i}` });
  }
  await record({ type: 'order', accountId: acme, at: ago(50), amount: usd(300) });
  await record({ type: 'invoice', accountId: acme, at: ago(90), amount: usd(300), dueAt: ago(60), paidAt: ago(35) });

  const steady = await account('Steady Parts', 'steady-parts.com');
  for (let m = 0; m < 12; m++) await record({ type: 'order', accountId: steady, at: ago(5 + m * 30), amount: usd(5000) });
  for (let i = 0; i < 6; i++) {
    await record({ type: 'quote', accountId: steady, at: ago(10 + i * 40), amount: usd(1000), quoteRef: `SQ${i}` });
    await record({ type: 'quote_outcome', accountId: steady, at: ago(9 + i * 40), outcome: 'won', quoteRef: `SQ${i}` });
  }
  await record({ type: 'referral', accountId: steady, at: ago(20), kind: 'testimonial' });
  await record({ type: 'upsell', accountId: steady, at: ago(30), kind: 'cross_sell' });

  const middling = await account('Middling Ltd', 'middling.com');
  for (let m = 0; m < 4; m++) await record({ type: 'order', accountId: middling, at: ago(5 + m * 30), amount: usd(5000) });
  return { acme, steady, middling };
}

const activeRole = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? '');

describe('history page: portfolio review and account history in Chromium', () => {
  let session: ExtensionSession;
  let ids: Awaited<ReturnType<typeof seed>>;
  let gmail: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/thread.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('with no accounts, says what to do: the popup, or the import page', async () => {
    const page = await session.openExtensionPage('history.html');
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import page' }).getAttribute('href')).toBe('data.html');
    await page.close();
  });

  it('finds the worst account first, by keyboard, and snoozes its warning with a reason', async () => {
    ids = await seed(session);
    const page = await session.openExtensionPage('history.html');
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await grid.waitFor();
    const rows = grid.getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => rows.nth(1).textContent()).toContain('Acme Industrial');
    expect(await rows.nth(1).textContent()).toContain('At risk');
    expect(await rows.nth(1).textContent()).toContain('Price relationship');
    expect(await rows.nth(3).textContent()).toContain('Steady Parts');
    // One under another: a virtual list that lost its rows' positions draws them all at the top, over each other.
    const boxes = await Promise.all([0, 1, 2, 3].map((i) => rows.nth(i).boundingBox()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);

    // Keyboard only: Tab reaches the grid's focused row, arrows move, Enter opens.
    for (let i = 0; i < 40 && (await activeRole(page)) !== 'row'; i++) await page.keyboard.press('Tab');
    expect(await activeRole(page)).toBe('row');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toContain('Acme Industrial');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toContain('Middling Ltd');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Acme Industrial' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/account/${ids.acme}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Acme Industrial');

    // Meanwhile the rep has the customer's email open: its badge names the warning.
    gmail = await session.context.newPage();
    await gmail.goto(GMAIL_THREAD);
    await waitForAccessible(gmail, (n) => n.role === 'button' && /^Quotewise: Acme Industrial, At risk, \d+ of 100\. Warnings: Price relationship\.$/.test(n.name));
    await page.bringToFront();

    // Snooze "Price relationship" for 30 days with a reason, from the keyboard.
    await page.getByRole('button', { name: 'Snooze or dismiss Price relationship' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Snooze or dismiss Price relationship' });
    await form.getByRole('radio', { name: 'Snooze for 30 days' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Agreed a 12-month price with their buyer');
    await form.getByRole('textbox', { name: 'Reason' }).press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'snoozed until' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Snooze or dismiss Price relationship' }).count()).toBe(0);
    // The reason is an event, shown in the timeline.
    const timeline = page.getByRole('list', { name: 'Events, newest first' });
    await expect.poll(() => timeline.getByRole('listitem').first().textContent()).toContain('Price relationship snoozed until');
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('Agreed a 12-month price with their buyer');
    await page.close();
  });

  it('the badge on Gmail reflects the snooze', async () => {
    // What the badge renders comes from accounts.lookup's summary: the snoozed warning is gone from it, with its reason kept.
    const { results } = await send(session, 'accounts.lookup', { emails: ['jane.doe@acme-industrial.com'] });
    expect(results[0].summary.warnings.map((w: { name: string }) => w.name)).not.toContain('Price relationship');
    expect(results[0].summary.dismissed).toMatchObject([{ name: 'Price relationship', reason: 'Agreed a 12-month price with their buyer' }]);

    // The open Gmail tab's badge updates without a reload (the page broadcast the change): no warning left to show.
    const badge = await waitForAccessible(gmail, (n) => n.role === 'button' && /^Quotewise: Acme Industrial, At risk, \d+ of 100\.$/.test(n.name));
    expect(badge.name).not.toContain('Warnings');
    await gmail.close();
  });

  it('is usable through the accessibility tree: grid, sortable headers, rows; account charts and forms named', async () => {
    const page = await session.openExtensionPage('history.html');
    await page.getByRole('grid', { name: 'Accounts' }).waitFor();
    await expect.poll(async () => (await accessibleNodes(page)).filter((n) => n.role === 'row').length).toBe(4);
    const nodes = await accessibleNodes(page);
    expect(nodes).toContainEqual({ role: 'grid', name: 'Accounts' });
    for (const name of ['Account', 'Band', 'Score', 'Warnings', 'Revenue', 'Quote → order', 'Days late', 'Last activity']) {
      expect(nodes).toContainEqual({ role: 'columnheader', name });
      expect(nodes).toContainEqual({ role: 'button', name });
    }
    expect(await page.getByRole('columnheader', { name: 'Band' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Score' }).press('Enter');
    expect(await page.getByRole('columnheader', { name: 'Score' }).getAttribute('aria-sort')).toBe('ascending');
    expect(nodes).toContainEqual({ role: 'searchbox', name: 'Search' });
    expect(nodes).toContainEqual({ role: 'combobox', name: 'Warning' });
    // Our labels carry no stray whitespace into the names a screen reader reads, in any Chromium.
    expect(strayWhitespace(nodes)).toEqual([]);
    expect(nodes.some((n) => n.role === 'button' && /^At risk \(\d\)$/.test(n.name))).toBe(true);

    await page.goto(session.extensionUrl(`history.html#/account/${ids.steady}`));
    await page.getByRole('heading', { level: 1, name: 'Steady Parts' }).waitFor();
    const account = await accessibleNodes(page);
    expect(account.find((n) => n.role === 'group' && n.name.startsWith('Quoted price and discount: 6 quotes in USD'))).toBeTruthy();
    expect(account.find((n) => n.role === 'group' && n.name.startsWith('Quotes and orders per month: 6 quotes and 12 orders'))).toBeTruthy();
    expect(account).toContainEqual({ role: 'combobox', name: 'Deliverables: your answer' });
    expect(strayWhitespace(account)).toEqual([]);
    // Answer a scorecard question in place: the scorecard and the stored judgement follow.
    await page.getByRole('combobox', { name: 'Deliverables: your answer' }).selectOption('yes');
    await expect.poll(() => page.getByRole('heading', { name: /^Scorecard: / }).textContent()).toMatch(/^Scorecard: \d of 7 yes/);
    await expect.poll(async () => (await send(session, 'health.ofAccounts', { accountIds: [ids.steady] })).summaries[0].scorecard.answers.find((a: { question: string }) => a.question === 'deliverables').answer).toBe('yes');
    await page.close();
  });

  it('merges two accounts and undoes it; deletes an event and undoes it; Undo goes once the account changes elsewhere', async () => {
    const page = await session.openExtensionPage(`history.html#/account/${ids.middling}`);
    await page.getByRole('heading', { level: 1, name: 'Middling Ltd' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
    await expect.poll(() => timeline.count()).toBe(4);

    await page.getByRole('searchbox', { name: 'Find the other account' }).fill('steady');
    await page.getByRole('radio', { name: /Steady Parts/ }).check();
    await page.getByRole('button', { name: 'Merge Steady Parts into Middling Ltd' }).click();
    const status = page.locator('.notice[role=status]');
    await expect.poll(() => status.textContent()).toContain('Merged Steady Parts into Middling Ltd.');
    await expect.poll(() => timeline.count()).toBe(4 + 26);
    expect(await page.getByText('middling.com, steady-parts.com').count()).toBe(1);
    const lookup = async () => (await send(session, 'accounts.lookup', { emails: ['buyer@steady-parts.com'] })).results[0].account?.name;
    expect(await lookup()).toBe('Middling Ltd');

    await status.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => status.textContent()).toContain('Undone.');
    await expect.poll(() => timeline.count()).toBe(4);
    expect(await lookup()).toBe('Steady Parts');

    await timeline.first().getByRole('button', { name: /^Delete order of / }).click();
    await expect.poll(() => timeline.count()).toBe(3);
    await status.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => timeline.count()).toBe(4);

    // Undo goes once anything else writes to the account: here, an order logged from another page.
    await timeline.first().getByRole('button', { name: /^Delete order of / }).click();
    await expect.poll(() => timeline.count()).toBe(3);
    await status.getByRole('button', { name: 'Undo' }).waitFor();
    const order = { type: 'order', accountId: ids.middling, at: Date.now(), amount: { minor: 50_000, currency: 'USD' } };
    expect(await session.send({ quotewise: 1, type: 'events.record', data: { event: order } })).toMatchObject({ ok: true });
    await expect.poll(() => status.textContent()).toContain('can no longer be undone');
    expect(await status.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await expect.poll(() => timeline.count()).toBe(4);
    await page.close();
  });
});
