/**
 * `npm run demo`: opens Chromium with the built extension, loads the demo book
 * through the real import path (the "Load demo data" button of the Import &
 * backup page), then opens a demo mailbox served at mail.google.com, where the
 * badges show, and the portfolio page when this build has it. With no display
 * it runs headless and saves screenshots to demo-screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, ROOT, serveFixture, waitForAccessible } from '../test/e2e/harness';

const headless = !process.env.DISPLAY;
const session = await launchExtension({ headless });
await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/demo-mailbox.html');

// The demo rep works at Northwind Supply: their own address is never a customer.
const saved = (await session.send({ quotewise: 1, type: 'settings.save', data: { settings: { ownDomains: ['northwind-supply.com'] } } })) as { ok: boolean };
if (!saved.ok) throw new Error('Could not save the demo settings.');

const data = await session.openExtensionPage('data.html');
await data.getByRole('button', { name: 'Load demo data' }).click();
await data.getByRole('status').filter({ hasText: 'Demo data loaded' }).waitFor({ timeout: 60_000 });
console.log(await data.getByRole('status').filter({ hasText: 'Demo data loaded' }).textContent());

const mail = await session.context.newPage();
await mail.goto('https://mail.google.com/mail/u/0/#label/customers');
await waitForAccessible(mail, (node) => node.role === 'button' && node.name.includes('Acme Industrial'), 20_000);
console.log('Demo mailbox open with badges: https://mail.google.com/mail/u/0/#label/customers');

const portfolio = await session.openExtensionPage('history.html');
await portfolio.getByRole('grid').waitFor({ timeout: 30_000 });
console.log('Portfolio open, worst first: history.html');

if (headless) {
  const dir = path.join(ROOT, 'demo-screenshots');
  await mkdir(dir, { recursive: true });
  await data.screenshot({ path: path.join(dir, 'import-and-backup.png'), fullPage: true });
  await mail.screenshot({ path: path.join(dir, 'mailbox.png'), fullPage: true });
  await portfolio.screenshot({ path: path.join(dir, 'portfolio.png'), fullPage: true });
  console.log(`No display: ran headless and saved screenshots to ${dir}`);
  await session.close();
} else {
  await mail.bringToFront();
  console.log('Chromium is open with Quotewise and the demo data. Close the window to finish.');
  await new Promise((resolve) => session.context.on('close', resolve));
}
