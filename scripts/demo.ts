/**
 * `npm run demo`: opens Chromium with the built extension loaded and a Gmail-like
 * page on which badges appear. With no display it runs headless and saves
 * screenshots to demo-screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, ROOT, serveFixture } from '../test/e2e/harness';

const headless = !process.env.DISPLAY;
const session = await launchExtension({ headless });
await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/thread.html');
await session.send({ quotewise: 1, type: 'accounts.create', data: { name: 'Acme Industrial', domains: ['acme-industrial.com'] } });
const mail = await session.context.newPage();
await mail.goto('https://mail.google.com/mail/u/0/#inbox/demo');
const popup = await session.openExtensionPage('popup.html');

if (headless) {
  const dir = path.join(ROOT, 'demo-screenshots');
  await mkdir(dir, { recursive: true });
  await mail.waitForTimeout(500);
  await mail.screenshot({ path: path.join(dir, 'mailbox.png') });
  await popup.screenshot({ path: path.join(dir, 'popup.png') });
  console.log(`No display: ran headless and saved screenshots to ${dir}`);
  await session.close();
} else {
  console.log('Chromium is open with Quotewise loaded. Close the window to finish.');
  await new Promise((resolve) => session.context.on('close', resolve));
}
