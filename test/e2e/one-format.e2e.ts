import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemoCsv } from '@/lib/demo/generate';
import { focusAccessible } from './badge-harness';
import { type ExtensionSession, type RawAxNode, accessibleNodes, launchExtension, loadDemoBook, rawAxNodes, serveFixture, waitForAccessible, withAxFrames } from './harness';

/**
 * One format for dates and one for money, in every view a rep uses, with the demo book:
 * the badge card on the Gmail demo mailbox, the popup, the portfolio, account pages, the
 * import page's dry-run preview and the options page. Each view's visible text (and its
 * accessible names, which a screen reader reads out) is searched for anything that looks like
 * a date or an amount of money, in any common form; every one found must be the one rendering
 * lib/format.ts documents for the rep's locale. Run in en-US and in de-DE, so a view that
 * hard-codes a locale fails in one of them.
 */

// ---------------------------------------------------------------------------------------------
// What looks like a date or an amount, in any common form.

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec',
  // German (the second locale of the walk), and French for good measure.
  'Januar', 'Februar', 'März', 'Mär', 'Mai', 'Juni', 'Juli', 'Oktober', 'Okt', 'Dezember', 'Dez',
  'janv', 'févr', 'mars', 'avr', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc',
];
const MONTH = `(?:${[...MONTH_NAMES].sort((a, b) => b.length - a.length).join('|')})`;
/** Letters, in the sense of "not a word boundary": \b is ASCII-only and would cut "März". */
const L = 'A-Za-zÀ-ÿ';
const DATE_LIKE = [
  // 11/1/2026, 2026-11-02, 02.11.2026, 1-11-26
  /(?<![\d.,])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)/g,
  // 2026-11 (an ISO month)
  /(?<![\d.,-])\d{4}-(?:0[1-9]|1[0-2])(?![\d-])/g,
  // Any month name with a day or a year next to it: "Nov 2, 2026", "2 Nov 2026", "2. Nov. 2026", "9 Sept", "Sept 2026", "Nov 2".
  new RegExp(`(?:(?<![\\d.])\\d{1,2}\\.?\\s)?(?<![${L}])${MONTH}(?![${L}])\\.?(?:\\s\\d{1,2}(?![\\d.:]))?(?:,?\\s\\d{4})?`, 'g'),
];

const CODES = Intl.supportedValuesOf('currency').join('|');
/** A number as any locale writes an amount: 4800, 4800.00, 4,800.00, 4.800,00, 4 800,00, 4'800.00. */
const NUMBER = String.raw`\d+(?:[.,'’\u00a0\u202f ]\d{3})*(?:[.,]\d+)?`;
const SYMBOL = String.raw`(?:[A-Z]{1,2})?[$€£¥₩₹₽₺₪₫฿](?:[A-Z]{1,2})?`;
const MONEY_LIKE = [
  // $4,800.00, US$860.00, -$5.00, $ 4800
  new RegExp(String.raw`-?${SYMBOL}\s?-?${NUMBER}`, 'g'),
  // 4.800,00 $, 4 800,00 €
  new RegExp(String.raw`-?${NUMBER}\s?${SYMBOL}`, 'g'),
  // USD 4,800, USD4800
  new RegExp(String.raw`(?<![A-Za-z])(?:${CODES})\s?-?${NUMBER}`, 'g'),
  // 4800.00 USD
  new RegExp(String.raw`-?${NUMBER}\s?(?:${CODES})(?![A-Za-z])`, 'g'),
];

/** Every match of any of `patterns` in `text`; overlapping matches are merged into the longest. */
function tokens(text: string, patterns: RegExp[]): string[] {
  const spans: [number, number][] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const hasDigit = /\d/.test(match[0]);
      const bareMonth = !hasDigit && match[0].trim() === text.trim();
      if (!hasDigit && !bareMonth) continue; // a month word in a sentence ("May", a name like "Jan") is not a date
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([start, end]) => text.slice(start, end).trim());
}

/** Text runs as they are shown: a cell, a line, a name. Tabs and newlines separate runs. */
const runs = (texts: string[]) => texts.flatMap((text) => text.split(/[\t\n]+/)).map((run) => run.trim()).filter(Boolean);

const dateTokens = (texts: string[]) => runs(texts).flatMap((run) => tokens(run, DATE_LIKE));
const moneyTokens = (texts: string[]) => runs(texts).flatMap((run) => tokens(run, MONEY_LIKE));

/** The one rendering per locale: lib/format.ts's day, its month variant, and money (the demo book is in USD). */
const CANONICAL: Record<string, { day: RegExp; month: RegExp; money: RegExp; typed: string; logged: string }> = {
  'en-US': {
    day: /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/,
    month: /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/,
    money: /^-?\$\d{1,3}(?:,\d{3})*\.\d{2}$/,
    typed: '1250.50',
    logged: '$1,250.50',
  },
  'de-DE': {
    day: /^\d{1,2}\. (?:Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}$/,
    month: /^(?:Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}$/,
    money: /^-?\d{1,3}(?:\.\d{3})*,\d{2}[\u00a0 ]\$$/,
    typed: '1250,50',
    logged: '1.250,50\u00a0$',
  },
};

describe('the checker', () => {
  it('finds every format Quotewise used to show, and the ones it might, and passes the canonical ones', () => {
    const old = [
      'Last quote: $4,800 on 11/1/2026 (Q-1), open.',
      '2 Nov 2026 · Order $4,800',
      'Invoice INV-7, due 9 Sept 2026',
      'Line 3 Acme 2026-11-02 quote 4800.00 USD',
      'Healthy by month: 2026-10: 3 → 2026-11: 4',
      'Saved version 2, saved 11/02/2026, 3:04:05 PM.',
      'Revenue USD 4,800',
      '4.800,00 $ and 02.11.2026',
      'since 12 Mar, 1 order (17%)',
      'Nov 2',
      'Sept',
    ];
    const dates = dateTokens(old);
    const money = moneyTokens(old);
    expect(dates).toEqual(['11/1/2026', '2 Nov 2026', '9 Sept 2026', '2026-11-02', '2026-10', '2026-11', '11/02/2026', '02.11.2026', '12 Mar', 'Nov 2', 'Sept']);
    expect(money).toEqual(['$4,800', '$4,800', '4800.00 USD', 'USD 4,800', '4.800,00 $']);
    const en = CANONICAL['en-US']!;
    expect(dates.filter((d) => en.day.test(d) || en.month.test(d))).toEqual([]);
    expect(money.filter((m) => en.money.test(m))).toEqual([]);

    const canonical = ['Nov 2, 2026 · Order $4,800.00 · -$12.50', '6 quotes since Sep 24, 2025, 1 order (17%)', 'Jan 2026', 'Q-20261102-AB12CD: $1,250.50, 12.5% off'];
    expect(dateTokens(canonical).every((d) => en.day.test(d) || en.month.test(d))).toBe(true);
    expect(moneyTokens(canonical)).toEqual(['$4,800.00', '-$12.50', '$1,250.50']);
    expect(moneyTokens(canonical).every((m) => en.money.test(m))).toBe(true);
    // Things that are neither: a quote reference, a count, a percentage, a score, a version.
    expect([...dateTokens(['ACM-1', 'Showing 100 of 1,234', '17%', '12 of 100', 'Version 2', 'Jan Novak called']), ...moneyTokens(['ACM-1', 'NRE charged on 0.'])]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Reading a view.

/**
 * An extension page's text as shown, one text node at a time (a formatted value is always one
 * node, and cells laid side by side do not run into each other), SVG labels and visually hidden
 * tables included, closed disclosures left out; then every accessible name.
 */
async function pageTexts(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && parent.checkVisibility() && node.textContent!.trim()) texts.push(node.textContent!);
    }
    return texts;
  });
  return [...shown, ...(await axNames(page))];
}

/**
 * A name a screen reader reads that is not just the text inside (that is read as text runs):
 * text runs themselves, and names from aria-label, labels, titles. A row's name from its
 * contents would run its cells together.
 */
function ownName(node: RawAxNode): boolean {
  if (node.role?.value === 'StaticText') return true;
  const used = node.name?.sources?.find((source) => source.value !== undefined && !source.superseded);
  return used !== undefined && used.type !== 'contents';
}

/** Accessible names in the page and its extension frames, or only inside the first node `within` picks (the card, in its frame). */
async function axNames(page: Page, within?: (role: string, name: string) => boolean): Promise<string[]> {
  return withAxFrames(page, async (frames) => {
    const names: string[] = [];
    for (const frame of frames) {
      const nodes = await rawAxNodes(frame);
      const byId = new Map(nodes.map((node) => [node.nodeId, node]));
      let chosen = nodes;
      if (within) {
        const root = nodes.find((node) => !node.ignored && within(String(node.role?.value ?? ''), String(node.name?.value ?? '')));
        if (!root) continue;
        chosen = [];
        const queue = [root];
        while (queue.length) {
          const node = queue.shift()!;
          chosen.push(node);
          for (const id of node.childIds ?? []) {
            const child = byId.get(id);
            if (child) queue.push(child);
          }
        }
      }
      names.push(...chosen.filter((node) => !node.ignored && ownName(node)).map((node) => String(node.name?.value ?? '')).filter(Boolean));
    }
    if (within && names.length === 0) throw new Error('No such accessible node');
    return names;
  });
}

// ---------------------------------------------------------------------------------------------
// The walk.

const MAILBOX = 'https://mail.google.com/mail/u/0/#label/customers';
const MAILBOX_ACCOUNTS = ['Acme Industrial', 'Globex Components', 'Umbrella Fabrication', 'Vandelay Prototypes', 'Wayne Logistics', 'Stark Tooling'];
/** Account pages walked: a price relationship (dates in its evidence) and a wrong fit (money in its evidence). */
const ACCOUNT_PAGES = ['Globex Components', 'Bluth Bakery'];

for (const locale of ['en-US', 'de-DE'] as const) {
  describe(`every view in ${locale}: one date format, one money format`, () => {
    const canonical = CANONICAL[locale]!;
    let session: ExtensionSession;
    const seen = new Map<string, { dates: string[]; money: string[]; raw: string[] }>();
    let ids: Map<string, string>;

    const read = (view: string, texts: string[]) => {
      seen.set(view, { dates: dateTokens(texts), money: moneyTokens(texts), raw: texts });
      return seen.get(view)!;
    };
    const expectCanonical = (view: string, needs: { dates?: boolean; money?: boolean }) => {
      const { dates, money, raw } = seen.get(view)!;
      expect(raw.join('\n'), `${view}: a stored value shown without formatting`).not.toContain('⟦');
      expect(dates.filter((d) => !canonical.day.test(d) && !canonical.month.test(d)), `${view}: dates not in the one format`).toEqual([]);
      expect(money.filter((m) => !canonical.money.test(m)), `${view}: amounts not in the one format`).toEqual([]);
      // Not vacuous: the view did show what it is checked for.
      if (needs.dates) expect(dates.filter((d) => canonical.day.test(d)).length, `${view} shows no date`).toBeGreaterThan(0);
      if (needs.money) expect(money.length, `${view} shows no amount`).toBeGreaterThan(0);
    };

    beforeAll(async () => {
      session = await launchExtension({ locale });
      await serveFixture(session.context, 'https://mail.google.com/**', 'gmail/demo-mailbox.html');
      const { page } = await loadDemoBook(session);
      expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().locale])).toEqual([locale, locale]);
      await page.close();
      const { data } = (await session.send({ quotewise: 1, type: 'accounts.search', data: { query: '', limit: 50 } })) as { data: { accounts: { id: string; name: string }[] } };
      ids = new Map(data.accounts.map((a) => [a.name, a.id]));
    });
    afterAll(async () => {
      await session?.close();
    });

    it('the badge card on the Gmail demo mailbox, every reason and the last quote open', async () => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(MAILBOX);
      const texts: string[] = [];
      for (const account of MAILBOX_ACCOUNTS) {
        const badge = await waitForAccessible(page, (n) => n.role === 'button' && n.name.startsWith(`Quotewise: ${account}`), 20_000);
        await focusAccessible(page, (n) => n.role === 'button' && n.name === badge.name);
        await page.keyboard.press('Enter');
        await waitForAccessible(page, (n) => n.role === 'dialog' && n.name === account);
        await focusAccessible(page, (n) => n.name === 'More: every reason, the scorecard, the last quote');
        await page.keyboard.press('Enter');
        await waitForAccessible(page, (n) => n.name === 'Last quote');
        texts.push(...(await axNames(page, (role, name) => role === 'dialog' && name === account)));
        await page.keyboard.press('Escape');
        await expect.poll(async () => (await accessibleNodes(page)).some((n) => n.role === 'dialog')).toBe(false);
      }
      read('card', texts);
      expectCanonical('card', { dates: true, money: true });
      await page.close();
    });

    it('the popup: health, open quotes and a quote logged', async () => {
      const popup = await session.openExtensionPage(`popup.html?account=${ids.get('Globex Components')}`);
      await popup.getByRole('heading', { name: 'Globex Components' }).waitFor();
      const amount = popup.getByRole('textbox', { name: 'Amount' });
      await amount.fill(canonical.typed);
      await amount.press('Enter');
      await popup.getByText(new RegExp(`^Quote GLO-\\d+ of ${canonical.logged.replace(/[$.]/g, '\\$&')} logged for Globex Components\\.$`)).waitFor();
      read('popup', await pageTexts(popup));
      expectCanonical('popup', { money: true });
      await popup.close();
    });

    it('the portfolio', async () => {
      const page = await session.openExtensionPage('history.html');
      await page.getByRole('grid', { name: 'Accounts' }).waitFor();
      await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
      read('portfolio', await pageTexts(page));
      expectCanonical('portfolio', { dates: true, money: true });
      await page.close();
    });

    it('account pages: reasons, warnings, scorecard, charts (and their tables), timeline', async () => {
      const texts: string[] = [];
      for (const account of ACCOUNT_PAGES) {
        const page = await session.openExtensionPage(`history.html#/account/${ids.get(account)}`);
        await page.getByRole('list', { name: 'Events, newest first' }).waitFor();
        await page.getByRole('heading', { name: 'Warnings' }).waitFor();
        await page.getByText('Why this score').click();
        texts.push(...(await pageTexts(page)));
        await page.close();
      }
      const { money } = read('account', texts);
      expectCanonical('account', { dates: true, money: true });
      expect(seen.get('account')!.dates.some((d) => canonical.month.test(d)), 'month labels').toBe(true);
      expect(money.length).toBeGreaterThan(10);
    });

    it('the import page’s dry-run preview of the demo book', async () => {
      const page = await session.openExtensionPage('data.html');
      const csv = generateDemoCsv({ seed: DEMO_SEED, today: Date.now() });
      await page.getByLabel('Choose a CSV file, or drop it here').setInputFiles({ name: 'demo-book.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('table', { name: 'The first rows, as they will be stored' }).waitFor({ timeout: 30_000 });
      read('import preview', await pageTexts(page));
      expectCanonical('import preview', { dates: true, money: true });
      await page.close();
    });

    it('the options page, after saving a new version of the definition', async () => {
      const page = await session.openExtensionPage('options.html');
      const name = page.getByRole('textbox', { name: 'Definition name' });
      await name.fill('Our ideal account');
      await page.getByRole('button', { name: /^Save as version/ }).click();
      await page.getByText(/^Saved as version 2\./).waitFor();
      read('options', await pageTexts(page));
      expectCanonical('options', { dates: true });
      await page.close();
    });
  });
}
