import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type ExtensionSession } from './harness';
import { HOSTILE, closeCardWithEscape, createAccount, expectBadges, launchWithFixtures, openCardFromKeyboard, openPage, pageView, pwned } from './badge-harness';

export interface SiteSuite {
  site: string;
  /** Route pattern (glob) and the fixture served there. */
  route: [pattern: string, fixture: string];
  url: string;
  /** The badge once "Acme Industrial" (acme-industrial.com) is an account. */
  badge: string;
  /** Another record's address: the single-page app navigates there in place. */
  nextUrl: string;
  /** The badge for that record, whose customer (globex-metals.com) is not an account. */
  nextBadge: string;
  /** An address on the same site serving the fixture with a hostile record name and an unknown customer (evil-corp.com). */
  hostileUrl: string;
  hostileBadge: string;
  /** Badges always on the page besides the customer's (the rep's own address, when the page shows it). */
  others?: string[];
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The same end-to-end checks for every CRM (and the mailto fallback), each against its own fixture at its real address. */
export function describeSite(suite: SiteSuite): void {
  const others = suite.others ?? [];
  describe(`badge on ${suite.site}`, () => {
    let session: ExtensionSession;
    beforeAll(async () => {
      session = await launchWithFixtures([suite.route]);
      const html = await readFile(path.join(ROOT, 'test/fixtures', suite.route[1]), 'utf8');
      const hostile = html.replaceAll('Acme Industrial', escape(`Acme ${HOSTILE}`)).replaceAll('acme-industrial', 'evil-corp');
      await session.context.route(suite.hostileUrl, (route) => route.fulfill({ contentType: 'text/html', body: hostile }));
      await createAccount(session, { name: 'Acme Industrial', domains: ['acme-industrial.com'] });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('finds the right account, and the page cannot read the badge', async () => {
      const { page, errors } = await openPage(session, suite.url);
      await expectBadges(page, [suite.badge, ...others]);
      expect(await pageView(page)).toMatchObject({ hosts: 1 + others.length, openRoots: 0, attributes: 0, hostStyles: 1, hostText: '' });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('opens the card from the keyboard; Escape closes it and focus returns', async () => {
      const { page } = await openPage(session, suite.url);
      await expectBadges(page, [suite.badge, ...others]);
      await openCardFromKeyboard(page, suite.badge, 'Acme Industrial');
      // With the card open, nothing of what it shows is in the page's DOM.
      const { html } = await pageView(page);
      const text = await page.evaluate(() => document.body.innerText);
      for (const secret of ['Quotewise:', 'Not enough data', 'of 100', 'Scorecard', 'Repeat business']) {
        expect(html).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
      await closeCardWithEscape(page, suite.badge);
      await page.close();
    });

    it('follows the app to another record without a reload', async () => {
      const { page } = await openPage(session, suite.url);
      await expectBadges(page, [suite.badge, ...others]);
      await page.evaluate((next) => {
        // What the app does on navigation: the same header and fields now show another record.
        const swap = (text: string) => text.replaceAll('acme-industrial', 'globex-metals').replaceAll('Acme Industrial', 'Globex Metals');
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) node.textContent = swap(node.textContent ?? '');
        for (const element of document.body.querySelectorAll('*')) {
          for (const attribute of [...element.attributes]) element.setAttribute(attribute.name, swap(attribute.value));
          if (element instanceof HTMLInputElement) element.value = swap(element.value);
        }
        history.pushState({}, '', next);
      }, suite.nextUrl);
      await expectBadges(page, [suite.nextBadge, ...others]);
      expect((await pageView(page)).hosts).toBe(1 + others.length);
      await page.close();
    });

    it('shows a hostile record name as text and runs nothing', async () => {
      const { page, errors } = await openPage(session, suite.hostileUrl);
      await expectBadges(page, [suite.hostileBadge, ...others]);
      await openCardFromKeyboard(page, suite.hostileBadge, suite.hostileBadge.replace(/^Quotewise: /, '').replace(/\. Create account\.$/, ''));
      expect(await pwned(page)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('img, script').length)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
