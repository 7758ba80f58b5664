import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibleNodes, launchExtension, ROOT, waitForAccessible, type ExtensionSession } from './harness';
import { focusAccessible } from './badge-harness';

const DAY = 86_400_000;
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';

/** Markup and script that must only ever be shown as text. Each sets window.__xss if it runs. */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `"><svg onload="window.__xss=1">`,
  `javascript:window.__xss=1`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `=HYPERLINK("https://evil.example","x")`,
];

const xssRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
const injectedElements = (page: Page) => page.evaluate(() => document.querySelectorAll('body img, body script, body iframe, body svg[onload]').length);

async function send<T>(session: ExtensionSession, type: string, data: unknown): Promise<T> {
  const reply = (await session.send({ quotewise: 1, type, data })) as { ok: boolean; data: T; error?: unknown };
  expect(reply, JSON.stringify(reply.error)).toMatchObject({ ok: true });
  return reply.data;
}

describe('security: the page cannot read us, and nothing from data ever runs', () => {
  let session: ExtensionSession;
  let threadHtml: string;
  beforeAll(async () => {
    session = await launchExtension();
    threadHtml = await readFile(path.join(ROOT, 'test/fixtures/gmail/thread.html'), 'utf8');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a hostile page (patched prototypes, a flood of mutations, forged postMessage) neither breaks the badge nor gets data', async () => {
    await send(session, 'accounts.create', { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] });
    const hostileScript = `<script>
      window.__captured = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); window.__captured.push(root); return root; };
      for (const name of ['querySelector', 'querySelectorAll', 'appendChild', 'insertBefore', 'after', 'setAttribute']) {
        const original = Element.prototype[name] || Node.prototype[name];
        Element.prototype[name] = function (...args) { window.__captured.push(name); return original.apply(this, args); };
      }
      window.__answers = [];
      window.addEventListener('message', (event) => { if (event.source !== window || !event.data?.forged) window.__answers.push(event.data); });
      const forged = [
        { quotewise: 1, type: 'accounts.lookup', data: { emails: ['jane.doe@acme-industrial.com'] } },
        { quotewise: 1, type: 'events.ofAccount', data: { accountId: 'x' } },
        { type: 'health.changed', data: { accountIds: ['x'] } },
      ];
      const flood = setInterval(() => {
        for (const message of forged) window.postMessage({ ...message, forged: true }, '*');
        const box = document.createElement('div');
        for (let i = 0; i < 200; i++) box.append(document.createElement('span'));
        document.body.append(box);
        box.remove();
      }, 2);
      setTimeout(() => clearInterval(flood), 4000);
    </script>`;
    await session.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: threadHtml.replace('</body>', `${hostileScript}</body>`) }),
    );
    const page = await session.context.newPage();
    await page.goto(GMAIL);
    await waitForAccessible(page, (n) => n.role === 'button' && n.name.startsWith('Quotewise: Acme Industrial'));
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => ({
      captured: (window as unknown as { __captured: unknown[] }).__captured.length,
      answers: JSON.stringify((window as unknown as { __answers: unknown[] }).__answers),
      text: document.body.innerText,
      roots: [...document.querySelectorAll('quotewise-badge')].map((host) => host.shadowRoot),
    }));
    // Content scripts run in their own world: the page's patched prototypes never see our nodes.
    expect(seen.captured).toBe(0);
    // The page hears nothing from the content script (no start-up signal since issue 15), never anything from the database.
    expect(seen.answers).not.toMatch(/Acme Industrial|"ok"|summary|acme-industrial/);
    expect(seen.roots.every((root) => root === null)).toBe(true);
    expect(seen.text).not.toContain('Not enough data');
    await page.close();
    await session.context.unroute('https://mail.google.com/**');
  });

  it('XSS payloads in account names, competitors, notes and imported files are shown as text and run nowhere', async () => {
    const now = Date.now();
    const accounts: { id: string; name: string }[] = [];
    for (const [i, payload] of PAYLOADS.entries()) {
      const account = await send<{ id: string; name: string }>(session, 'accounts.create', {
        id: crypto.randomUUID(),
        name: `Evil ${i} ${payload}`,
        domains: [`evil${i}-corp.com`],
        aliases: [payload.slice(0, 100)],
      });
      accounts.push(account);
      // Enough history for a Price relationship warning whose evidence names the competitor: quotes older
      // than openQuoteDays (60), so they count in the quote-to-order rate without an outcome.
      for (let q = 0; q < 4; q++) {
        await send(session, 'events.record', { event: { type: 'quote', accountId: account.id, at: now - (80 - q) * DAY, amount: { minor: 100_000, currency: 'USD' }, note: payload } });
        await send(session, 'events.record', { event: { type: 'price_match', accountId: account.id, at: now - (79 - q) * DAY, competitor: payload.slice(0, 200) } });
      }
      await send(session, 'events.record', { event: { type: 'note', accountId: account.id, at: now - DAY, note: payload } });
    }

    // The badge and its card on a mail page, for each account.
    for (const [i, account] of accounts.entries()) {
      await session.context.route('https://mail.google.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: threadHtml.replaceAll('acme-industrial.com', `evil${i}-corp.com`) }),
      );
      const mail = await session.context.newPage();
      await mail.goto(GMAIL);
      const badge = await waitForAccessible(mail, (n) => n.role === 'button' && n.name.startsWith(`Quotewise: ${account.name}`));
      expect(badge.name).toContain('Price relationship');
      await focusAccessible(mail, (n) => n.name === badge.name);
      await mail.keyboard.press('Enter');
      await waitForAccessible(mail, (n) => n.role === 'dialog');
      const texts = (await accessibleNodes(mail)).map((n) => n.name).join('\n');
      expect(texts).toContain(account.name);
      expect(await xssRan(mail)).toBeUndefined();
      expect(await injectedElements(mail)).toBe(0);
      await mail.close();
      await session.context.unroute('https://mail.google.com/**');
    }

    // The extension's own pages, showing the same data.
    for (const pagePath of [`popup.html?account=${accounts[0]!.id}`, `popup.html?account=${accounts[1]!.id}`, 'options.html', 'history.html', ...accounts.map((a) => `history.html#/account/${a.id}`)]) {
      const page = await session.openExtensionPage(pagePath);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      expect(await xssRan(page)).toBeUndefined();
      expect(await injectedElements(page)).toBe(0);
      await page.close();
    }
    const popup = await session.openExtensionPage(`popup.html?account=${accounts[0]!.id}`);
    await expect.poll(async () => (await accessibleNodes(popup)).some((n) => n.name.includes(accounts[0]!.name))).toBe(true);
    await popup.close();

    // An imported file carrying the payloads in every text column: previewed, imported, never run.
    const rows = PAYLOADS.map((payload, i) =>
      [`Imported ${payload}`, `imported${i}-corp.com`, '', '2026-03-02', 'price_match', '', 'USD', '', '', '', payload, '', '', '', '', '', payload]
        .map((cell) => `"${cell.replaceAll('"', '""')}"`)
        .join(','),
    );
    const header = 'account,domain,contact_email,date,type,amount,currency,quote_ref,outcome,discount_pct,competitor,competitor_price,due_date,paid_date,minutes,nre,notes';
    const data = await session.openExtensionPage('data.html');
    await data.getByLabel('Choose a CSV file, or drop it here').setInputFiles({ name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await expect.poll(() => data.getByRole('status').first().textContent()).toContain(`Dry run: ${PAYLOADS.length} rows ready`);
    await data.getByRole('button', { name: `Import ${PAYLOADS.length} events` }).click();
    await expect.poll(() => data.getByRole('status').first().textContent()).toContain('Imported');
    expect(await xssRan(data)).toBeUndefined();
    expect(await injectedElements(data)).toBe(0);
    const { results } = await send<{ results: { account: { name: string } | null }[] }>(session, 'accounts.lookup', { emails: PAYLOADS.map((_, i) => `x@imported${i}-corp.com`) });
    // Formula-looking names are kept as text, exactly.
    expect(results.map((r) => r.account?.name)).toEqual(PAYLOADS.map((payload) => `Imported ${payload}`));
    await data.close();
  });

  it('no request leaves the browser: every page and content script exercised, no web request but the test’s own page loads', async () => {
    await session.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: threadHtml }));
    for (const pagePath of ['popup.html', 'options.html', 'data.html', 'history.html', `history.html#/account/${(await send<{ results: { account: { id: string } | null }[] }>(session, 'accounts.lookup', { emails: ['x@acme-industrial.com'] })).results[0]!.account!.id}`]) {
      const page = await session.openExtensionPage(pagePath);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    const mail = await session.context.newPage();
    await mail.goto(GMAIL);
    await waitForAccessible(mail, (n) => n.role === 'button' && n.name.startsWith('Quotewise: Acme Industrial'));
    await mail.close();
    const notOurs = session.requests.filter((r) => !r.navigation);
    expect(notOurs).toEqual([]);
    expect(session.requests.filter((r) => r.fromServiceWorker)).toEqual([]);
    // The only web loads are the fixture pages the test opened itself.
    expect(new Set(session.requests.map((r) => new URL(r.url).host))).toEqual(new Set(['mail.google.com']));
  });
});
