import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveFixture, stopServiceWorkers, waitForAccessible, type ExtensionSession } from './harness';

const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';

describe('foundation: the built extension in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/thread.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads, and the popup reaches the background', async () => {
    const popup = await session.openExtensionPage('popup.html');
    // With no account yet, the popup's picker says what to do: an answer from the background's database.
    await popup.getByText('No accounts yet. Type a customer’s domain (like acme.com) to create one.').waitFor();
    await popup.close();
  });

  it('answers a malformed message with an error and keeps serving', async () => {
    expect(await session.send({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await session.send({ quotewise: 1, type: 'accounts.lookup', data: { emails: 7 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await session.send({ quotewise: 1, type: 'ping', data: {} })).toMatchObject({ ok: true, data: { pong: true } });
  });

  it('a content script on Gmail asks the background and gets the account from IndexedDB', async () => {
    const created = await session.send({
      quotewise: 1,
      type: 'accounts.create',
      data: { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] },
    });
    expect(created).toMatchObject({ ok: true, data: { name: 'Acme Industrial' } });

    const gmail = await session.context.newPage();
    await gmail.goto(GMAIL_THREAD);
    // Sender and the customer recipient both resolve; the rep's own address is not a customer.
    const badge = await waitForAccessible(gmail, (n) => n.role === 'button' && n.name === 'Quotewise: Acme Industrial, Not enough data.');
    expect(badge.name).toBe('Quotewise: Acme Industrial, Not enough data.');
    // The database lives in the extension's origin, never the page's.
    expect(await gmail.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await gmail.close();
  });

  it('keeps answering after the service worker is stopped between two messages', async () => {
    const page = await session.openExtensionPage('popup.html');
    expect(await page.evaluate(() => chrome.runtime.sendMessage({ quotewise: 1, type: 'ping', data: {} }))).toMatchObject({ ok: true });
    await stopServiceWorkers(page);
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({ quotewise: 1, type: 'accounts.lookup', data: { emails: ['someone@acme-industrial.com'] } }),
    );
    expect(reply).toMatchObject({ ok: true, data: { results: [{ account: { name: 'Acme Industrial' } }] } });
    await page.close();
  });
});
