import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, ROOT, serveFixture, waitForAccessible, type ExtensionSession } from './harness';

const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const EXAMPLE = path.join(ROOT, 'docs/example-events.csv');

describe('import & backup page in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/thread.html');
    page = await session.openExtensionPage('data.html');
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  });
  afterAll(async () => {
    await session?.close();
  });

  const pick = (file: string | { name: string; mimeType: string; buffer: Buffer }) =>
    page.getByLabel('Choose a CSV file, or drop it here').setInputFiles(file);

  it('imports the example file through the UI, in the worker, and the Gmail badge knows the account', async () => {
    await pick(EXAMPLE);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dry run: 13 rows ready (13 events), 0 bad rows.');
    const preview = page.getByRole('table', { name: 'The first rows, as they will be stored' });
    await expect.poll(() => preview.getByRole('row').count()).toBe(11);
    expect(await preview.getByRole('row').nth(1).textContent()).toContain('Acme Industrial · acme-industrial.com · jane.doe@acme-industrial.com');
    await page.getByRole('button', { name: 'Import 13 events' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Imported 13 new events for 2 accounts; 2 accounts created.');

    const gmail = await session.context.newPage();
    await gmail.goto(GMAIL_THREAD);
    const badge = await waitForAccessible(gmail, (n) => n.role === 'button' && n.name.includes('Acme Industrial'));
    expect(badge.name).toContain('Quotewise: Acme Industrial');
    await gmail.close();
  });

  it('importing the same file again adds nothing', async () => {
    await pick(EXAMPLE);
    await page.getByRole('button', { name: 'Import 13 events' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(
      'Imported 0 new events for 0 accounts; 13 events were already there from an earlier import.',
    );
  });

  it('lists every bad row with its line and reason before anything is saved', async () => {
    const csv = 'Account,Date,Type,Amount,Colour\nGlobex,2026-01-05,order,120,red\nGlobex,2026-02-30,order,5,red\n,2026-01-01,order,5,red\nGlobex,2026-01-07,lunch,5,red\nGlobex,2026-01-08,order,-9,red\n';
    await pick({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dry run: 1 row ready (1 event), 4 bad rows.');
    expect(await page.getByText('Ignored columns (no field reads them): Colour.').count()).toBe(1);
    const bad = page.getByRole('table', { name: /4 bad rows/ });
    expect(await bad.getByRole('row').allTextContents()).toEqual([
      'LineReason',
      '3bad date "2026-02-30": no such day',
      '4missing account: give account, domain or contact_email',
      '5unknown type "lunch": use one of quote, price_match, quote_outcome, order, invoice, payment, service, engineering_change, referral, upsell, note',
      '6negative amount "-9"',
    ]);
    await page.getByRole('button', { name: 'Choose another file' }).click();
  });

  it('changing the mapping while a large file is being checked checks it again, from the same file', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Account ${i % 300},0${(i % 9) + 1}/02/2026,order,${i + 1}`);
    await pick({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(['account,date,type,amount', ...rows].join('\n')) });
    await page.getByLabel('Dates written with slashes are').selectOption('dmy');
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toContain('Dry run: 30,000 rows ready (30,000 events), 0 bad rows.');
    // Day first: 01/02/2026 is the 1st of February.
    expect(await page.getByRole('table', { name: 'The first rows, as they will be stored' }).getByRole('row').nth(1).textContent()).toContain('Feb 1, 2026');
    await page.getByRole('button', { name: 'Choose another file' }).click();
  });

  it('maps a HubSpot deals export automatically', async () => {
    const csv = 'Record ID,Deal Name,Deal Stage,Close Date,Amount,Create Date,Associated Company,Company Domain Name\n1,Pumps,Closed Won,2026-02-10,5000,2026-01-05,Hooli,hooli.com\n';
    await pick({ name: 'hubspot-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByLabel('File format').inputValue()).toBe('hubspot');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dry run: 1 row ready (3 events), 0 bad rows.');
    await page.getByRole('button', { name: 'Choose another file' }).click();
  });

  it('takes a file dropped on the page', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['account,date,type,notes\nGlobex,2026-01-05,note,Dropped in\n'], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.getByText('Choose a CSV file, or drop it here').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Dry run: 1 row ready (1 event), 0 bad rows.');
    expect(await page.getByRole('heading', { name: '“dropped.csv”' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Choose another file' }).click();
  });

  it('deletes all data only after saying what goes, and can undo it', async () => {
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all Quotewise data?' });
    expect(await dialog.textContent()).toContain('2 accounts');
    expect(await dialog.textContent()).toMatch(/13 events/);
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('All data deleted.');
    const gmail = await session.context.newPage();
    await gmail.goto(GMAIL_THREAD);
    await waitForAccessible(gmail, (n) => n.role === 'button' && (n.name.includes('jane.doe@acme-industrial.com is not an account yet') || n.name.includes('Jane Doe is not an account yet')));
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Deletion undone');
    await gmail.reload();
    await waitForAccessible(gmail, (n) => n.role === 'button' && n.name.includes('Acme Industrial'));
    await gmail.close();
  });

  it('ran with no error and no content-security-policy violation', () => {
    expect(problems).toEqual([]);
  });
});
