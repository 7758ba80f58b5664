/**
 * `npm run demo`: opens Chromium with the built extension, loads the demo book
 * through the real import path (the "Load demo data" button of the Import &
 * backup page), then opens a demo mailbox served at mail.google.com, answers the
 * first-run question as the rep would (one click: "northwind-supply.com is my
 * company"), and opens the card of the price-relationship customer. The portfolio
 * page opens beside it. With no display it runs headless and saves screenshots,
 * taken at 1280×720, to demo-screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, loadDemoBook, ROOT, serveFixture, waitForAccessible } from '../test/e2e/harness';
import { focusAccessible } from '../test/e2e/badge-harness';

const headless = !process.env.DISPLAY;
const viewport = { width: 1280, height: 720 };
const session = await launchExtension({ headless });
await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/demo-mailbox.html');

const { page: data, status } = await loadDemoBook(session);
await data.setViewportSize(viewport);
console.log(status);

const mail = await session.context.newPage();
await mail.setViewportSize(viewport);
await mail.goto('https://mail.google.com/mail/u/0/#label/customers');
// First run: the rep's own address (Gmail's account button) asks once whether its domain is the rep's company.
const question = 'Quotewise: Is northwind-supply.com your company?';
await waitForAccessible(mail, (node) => node.role === 'button' && node.name === question, 20_000);
await focusAccessible(mail, (node) => node.role === 'button' && node.name === question);
await mail.keyboard.press('Enter');
await focusAccessible(mail, (node) => node.role === 'button' && node.name === 'Yes, northwind-supply.com is my company');
await mail.keyboard.press('Enter');
await waitForAccessible(mail, (node) => node.role === 'button' && node.name.includes('Acme Industrial'), 20_000);
console.log('Demo mailbox open with badges: https://mail.google.com/mail/u/0/#label/customers');

const portfolio = await session.openExtensionPage('history.html');
await portfolio.setViewportSize(viewport);
await portfolio.getByRole('grid').waitFor({ timeout: 30_000 });
console.log('Portfolio open, worst first: history.html');

const dir = path.join(ROOT, 'demo-screenshots');
if (headless) {
  await mkdir(dir, { recursive: true });
  await data.screenshot({ path: path.join(dir, 'import-and-backup.png') });
  await portfolio.screenshot({ path: path.join(dir, 'portfolio.png') });
  await mail.bringToFront();
  await mail.screenshot({ path: path.join(dir, 'mailbox.png') });
}
// The price-relationship customer's card, opened from its badge.
await mail.bringToFront();
const globex = (node: { role: string; name: string }) => node.role === 'button' && node.name.startsWith('Quotewise: Globex Components');
await focusAccessible(mail, globex);
await mail.keyboard.press('Enter');
await waitForAccessible(mail, (node) => node.role === 'dialog' && node.name === 'Globex Components');
await mail.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

if (headless) {
  await mail.screenshot({ path: path.join(dir, 'card-price-relationship.png') });
  console.log(`No display: ran headless and saved screenshots (1280×720) to ${dir}`);
  await session.close();
} else {
  console.log('Chromium is open with Quotewise and the demo data. Close the window to finish.');
  await new Promise((resolve) => session.context.on('close', resolve));
}
