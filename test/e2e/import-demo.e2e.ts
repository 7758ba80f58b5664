import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibleNodes, launchExtension, serveFixture, type ExtensionSession } from './harness';

const MAILBOX = 'https://mail.google.com/mail/u/0/#label/customers';
const FIRST_RUN = 'Quotewise: Is northwind-supply.com your company?';

describe('demo data, backup and restore through the page in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/demo-mailbox.html');
    page = await session.openExtensionPage('data.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  /**
   * The badges' names once every sender and recipient on the mailbox has one. No own domain is set
   * here, so the rep's own address (Gmail's account button says which it is) asks the first-run question.
   */
  const badgesOnMailbox = async () => {
    const mail = await session.context.newPage();
    await mail.goto(MAILBOX);
    await expect
      .poll(async () => (await accessibleNodes(mail)).filter((n) => n.role === 'button' && n.name.startsWith('Quotewise:')).length)
      .toBe(14);
    const names = (await accessibleNodes(mail)).filter((n) => n.role === 'button' && n.name.startsWith('Quotewise:')).map((n) => n.name);
    await mail.close();
    return names;
  };

  it('"Load demo data" imports the demo book, and the demo mailbox shows a badge for each demo account', async () => {
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByRole('status').filter({ hasText: 'Demo data loaded' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').textContent()).toMatch(/Demo data loaded: [\d,]+ events for 49 accounts\./);
    const names = await badgesOnMailbox();
    // The mailbox's senders from the demo book (lib/demo/generate.ts SHOWCASE).
    for (const account of ['Acme Industrial', 'Globex Components', 'Umbrella Fabrication', 'Vandelay Prototypes', 'Wayne Logistics', 'Stark Tooling']) {
      expect(names.filter((name) => name.includes(account))).toHaveLength(1);
    }
    expect(names.filter((name) => name.includes('is not an account yet')).map((name) => name.replace(/^Quotewise: /, ''))).toEqual([
      'm.dyson@newco-robotics.com is not an account yet. Create account.',
    ]);
    expect(names.filter((name) => name === FIRST_RUN)).toHaveLength(7);
  });

  it('a downloaded backup restores into the emptied database, and the badges come back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
    const backup = await download.path();
    expect(download.suggestedFilename()).toMatch(/^quotewise-backup-\d{4}-\d{2}-\d{2}\.json$/);

    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('status').filter({ hasText: 'All data deleted.' }).waitFor();
    // Only the unknown senders' badges and the first-run question on the rep's own address stay.
    expect((await badgesOnMailbox()).filter((name) => !name.includes('is not an account yet') && name !== FIRST_RUN)).toEqual([]);

    await page.getByLabel('Backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"quotewise-backup","formatVersion":9,"schemaVersion":1}') });
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('newer Quotewise');

    await page.getByLabel('Backup file').setInputFiles(backup);
    await page.getByRole('radio', { name: /Restore into an empty database/ }).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    // Restored is said as soon as it commits; the badges follow the health scores.
    await page.getByRole('status').filter({ hasText: 'Health scores updated.' }).waitFor();
    expect((await badgesOnMailbox()).some((name) => name.includes('Globex Components'))).toBe(true);
  });
});
