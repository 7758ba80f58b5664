import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, accessibleNodes, waitForAccessible } from './harness';
import { focusAccessible, launchWithFixtures, openPage } from './badge-harness';

/**
 * Issue 15: what a hostile page learns about the badges beside its addresses. The Gmail thread
 * shows two customers, one an account with a score (Jane) and one not (Purchasing). The page runs
 * the probes a script on the site could: window.find() over every score, glyph and the account's
 * name; innerText; the size of every element and of whatever covers the page while a card is
 * open; and the key and message events it gets while the rep types into a card. None of them
 * may tell the two people apart, with the cards closed or open.
 */
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const KNOWN = 'jane.doe@acme-industrial.com';
const UNKNOWN = 'purchasing@acme-industrial.com';
const ACCOUNT = 'Acme Industrial';
const TERMS = [
  ...Array.from({ length: 101 }, (_, score) => String(score)),
  '+', '–', '!', '⚠', ACCOUNT, 'Acme', 'Quotewise', 'Healthy', 'Watch', 'At risk', 'Not enough data', 'of 100', 'not an account', 'Create account', 'Log a quote',
];

/** Installed before the page's own scripts: what the page hears while the rep works. */
const LISTEN = () => {
  const heard: string[] = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'message']) {
    addEventListener(type, (event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}`), true);
  }
  (window as unknown as { heard: string[] }).heard = heard;
};

/** For each term, how often window.find() finds it beyond the page's own text (innerText, which no shadow root or frame adds to). */
async function findBeyondPageText(page: Page, terms: readonly string[] = TERMS): Promise<Record<string, number>> {
  return page.evaluate((terms) => {
    const text = document.body.innerText;
    const own = (term: string) => text.split(term).length - 1;
    const extra: Record<string, number> = {};
    for (const term of terms) {
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.collapse(document.body, 0);
      let found = 0;
      // Case-sensitive, forwards, no wrap: each call goes on from the last match.
      while ((window as unknown as { find(...args: unknown[]): boolean }).find(term, true, false, false, false, false, false) && found < 1000) found++;
      if (found !== own(term)) extra[term] = found - own(term);
    }
    getSelection()!.removeAllRanges();
    return extra;
  }, terms);
}

/** Every element's size as the page measures it, and what covers the viewport (hit tests every 8 px), keyed so two views compare. */
async function pageGeometry(page: Page) {
  return page.evaluate(() => {
    const rects = [...document.querySelectorAll('quotewise-badge')].map((host) => host.getBoundingClientRect());
    const hosts = rects.map(({ width, height }) => `${width}x${height}`);
    const onPill = (x: number, y: number) => rects.some((r) => x >= r.left - 8 && x <= r.right + 8 && y >= r.top - 8 && y <= r.bottom + 8);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, covered = 0;
    for (let y = 0; y < innerHeight; y += 8) {
      for (let x = 0; x < innerWidth; x += 8) {
        // Beyond the pills themselves: what an open card covers.
        if (onPill(x, y) || !document.elementFromPoint(x, y)?.localName.startsWith('quotewise-')) continue;
        covered++;
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
    }
    return { hosts, covered, width: maxX - minX, height: maxY - minY };
  });
}

describe('a hostile page cannot tell a customer from a stranger, or read a score', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithFixtures([['https://mail.google.com/**', 'gmail/thread.html']]);
    const send = (type: string, data: unknown) => session.send({ quotewise: 1, type, data }) as Promise<{ ok: boolean; data: { id: string } }>;
    // The rep's own domain is answered once, so only the two customers have a badge.
    expect((await send('settings.claimOwn', { email: 'rep@northwind-supply.com' })).ok).toBe(true);
    const account = await send('accounts.create', { id: crypto.randomUUID(), name: ACCOUNT, contactEmail: KNOWN });
    for (let i = 1; i <= 6; i++) {
      const at = Date.now() - i * 20 * 86_400_000;
      expect((await send('events.record', { event: { type: i % 2 ? 'quote' : 'order', accountId: account.data.id, at, amount: { minor: 400_000 + i, currency: 'USD' }, ...(i % 2 ? { quoteRef: `Q-${i}` } : {}) } })).ok).toBe(true);
    }
    await session.context.addInitScript(LISTEN);
    ({ page } = await openPage(session, THREAD));
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForAccessible(page, (n) => n.role === 'button' && new RegExp(`^Quotewise: ${ACCOUNT}, (Healthy|Watch|At risk), \\d+ of 100\\.`).test(n.name));
    await waitForAccessible(page, (n) => n.role === 'button' && n.name === `Quotewise: ${UNKNOWN} is not an account yet. Create account.`);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  const badgeOf = async (email: string) => (await accessibleNodes(page)).find((n) => n.role === 'button' && n.name.startsWith('Quotewise: ') && (email === KNOWN ? n.name.includes(ACCOUNT) : n.name.includes(email)))!.name;

  it('with the cards closed: window.find and innerText find nothing of Quotewise, and both badges measure the same', async () => {
    // The probe can fail: text in a closed shadow root, as the badges' scores were, is found beyond the page's text.
    await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.id = 'probe';
      probe.attachShadow({ mode: 'closed' }).append('Zq 77');
    });
    expect(await findBeyondPageText(page, ['Zq 77'])).toEqual({ 'Zq 77': 1 });
    await page.evaluate(() => document.querySelector('#probe')!.remove());
    expect(await findBeyondPageText(page)).toEqual({});
    const text = await page.evaluate(() => document.body.innerText);
    for (const word of ['Quotewise', ACCOUNT, 'of 100', 'not an account']) expect(text).not.toContain(word);
    const geometry = await pageGeometry(page);
    expect(geometry.hosts).toHaveLength(2);
    expect(new Set(geometry.hosts).size).toBe(1);
  });

  for (const [who, email] of [['the customer', KNOWN], ['the stranger', UNKNOWN]] as const) {
    it(`with ${who}'s card open and the rep typing into it: nothing found, nothing heard`, async () => {
      const badge = await badgeOf(email);
      await focusAccessible(page, (n) => n.role === 'button' && n.name === badge);
      await page.keyboard.press('Enter');
      await waitForAccessible(page, (n) => n.role === 'dialog');
      await page.evaluate(() => ((window as unknown as { heard: string[] }).heard.length = 0));
      // The rep types: the stranger's card has the account name field; in the customer's card, keys go round its controls.
      if (email === UNKNOWN) await focusAccessible(page, (n) => n.role === 'textbox' && n.name === 'Account name');
      await page.keyboard.type('secret 42');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
      expect(await findBeyondPageText(page)).toEqual({});
      const text = await page.evaluate(() => document.body.innerText);
      for (const word of ['Quotewise', ACCOUNT, 'secret']) expect(text).not.toContain(word);
      geometries.set(who, await pageGeometry(page));
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await accessibleNodes(page)).some((n) => n.role === 'dialog')).toBe(false);
    });
  }

  const geometries = new Map<string, Awaited<ReturnType<typeof pageGeometry>>>();

  it('an open card covers the same part of the page for either of them', () => {
    const [customer, stranger] = [geometries.get('the customer'), geometries.get('the stranger')];
    expect(customer && stranger).toBeTruthy();
    // The card covers a good part of the page (so the hit test sees it), the same for both.
    expect(customer!.covered).toBeGreaterThan(1000);
    expect(stranger!.hosts).toEqual(customer!.hosts);
    // Within the hit test's 8 px grid (the two cards sit at different fractions of it); the cards' contents differ by far more (324 and 560 px before).
    expect(Math.abs(stranger!.width - customer!.width), JSON.stringify({ customer, stranger })).toBeLessThanOrEqual(8);
    expect(Math.abs(stranger!.height - customer!.height), JSON.stringify({ customer, stranger })).toBeLessThanOrEqual(8);
  });
});
