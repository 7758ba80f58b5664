import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSession } from './demo-session';
import type { ExtensionSession } from './harness';

/**
 * Issue 19: the history page as a rep uses it every day, in the side panel (400 px wide) and in a
 * tab, with the demo book loaded.
 */
const SCREENSHOTS = process.env.QW_SCREENSHOTS;

const sideways = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));

describe('history page in the side panel and by keyboard, demo book loaded', () => {
  let session: ExtensionSession;
  let globex: string;
  beforeAll(async () => {
    ({ session, globex } = await demoSession());
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  async function open(width: number, hash = ''): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width, height: 720 });
    await page.goto(session.extensionUrl(`history.html${hash}`));
    return page;
  }

  it('at 400 px the portfolio shows the columns that fit, header and cells together, and nothing scrolls sideways', async () => {
    const page = await open(400);
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await grid.getByRole('row').nth(1).waitFor();
    const size = await sideways(page);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    const headers = await grid.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['Account', 'Band, score', 'Warnings']);
    expect(await grid.getAttribute('aria-colcount')).toBe('3');
    const cells = grid.getByRole('row').nth(1).getByRole('gridcell');
    expect(await cells.count()).toBe(3);
    expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('aria-colindex')))).toEqual(['1', '2', '3']);
    // Every cell sits inside the grid's box.
    const overflow = await grid.evaluate((g) => {
      const right = g.getBoundingClientRect().right;
      return [...g.querySelectorAll('[role=gridcell],[role=columnheader]')].filter((c) => c.getBoundingClientRect().right > right + 0.5).length;
    });
    expect(overflow).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/portfolio-400.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => grid.getAttribute('aria-colcount')).toBe('8');
    expect(await grid.getByRole('row').nth(1).getByRole('gridcell').count()).toBe(8);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/portfolio-1280.png` });
    await page.close();
  });

  it('at 400 px an account page does not scroll sideways', async () => {
    const page = await open(400, `#/account/${globex}`);
    await page.getByRole('heading', { level: 1, name: 'Globex Components' }).waitFor();
    await page.getByRole('list', { name: 'Events, newest first' }).waitFor();
    const size = await sideways(page);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/account-400.png`, fullPage: true });
    await page.close();
  });

  it('the first portfolio row has focus within three key presses of opening the page', async () => {
    const page = await open(400);
    await page.getByRole('grid', { name: 'Accounts' }).getByRole('row').nth(1).waitFor();
    const onRow = () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'row' && document.activeElement.getAttribute('aria-rowindex') === '2');
    let presses = 0;
    const keys = ['Tab', 'Enter', 'Tab'];
    while (!(await onRow()) && presses < keys.length) await page.keyboard.press(keys[presses++]!);
    expect(await onRow()).toBe(true);
    expect(presses).toBeLessThanOrEqual(3);
    await page.close();
  });

  for (const width of [400, 1280]) {
    it(`at ${width} px chart labels are at least 11 px tall, and focusing or hovering a point shows its date and value`, async () => {
      const page = await open(width, `#/account/${globex}`);
      const price = page.getByRole('group', { name: /^Quoted price and discount:/ });
      await price.waitFor();
      const heights = await page.locator('.chart svg text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(3);
      // The text box of an 11 px font is at least 11 px tall; measure the rendered font too.
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
      const fontPx = await page.locator('.chart svg text').evaluateAll((els) =>
        els.map((e) => {
          const svg = (e as SVGTextElement).ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return parseFloat(getComputedStyle(e).fontSize) * scale;
        }),
      );
      expect(Math.min(...fontPx)).toBeGreaterThanOrEqual(11);

      // One Tab stop per chart: focus its mark, the tooltip shows; arrows move to the next point.
      const marks = price.getByRole('img');
      const last = marks.last();
      await last.focus();
      const tip = page.locator('.chart-tip');
      await expect.poll(() => tip.textContent()).toBe(await last.getAttribute('aria-label'));
      expect(await last.getAttribute('aria-label')).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, .+: \$[\d,]+\.\d{2}/);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => tip.textContent()).toBe(await marks.nth((await marks.count()) - 2).getAttribute('aria-label'));
      expect(await tip.isVisible()).toBe(true);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/chart-focus-${width}.png`, clip: (await price.boundingBox())! });
      // Hovering a month's bars says its counts.
      await page.locator('.chart-tip').evaluate(() => (document.activeElement as HTMLElement).blur());
      const months = page.getByRole('group', { name: /^Quotes and orders per month:/ });
      const bar = months.getByRole('img').last();
      await bar.hover();
      await expect.poll(() => tip.textContent()).toMatch(/^[A-Z][a-z]{2} \d{4}: \d+ quotes?, \d+ orders?$/);
      await page.close();
    });
  }

  it('edits a price-match request’s competitor and price in the timeline, with the popup’s rules', async () => {
    const page = await open(400, `#/account/${globex}`);
    const timeline = page.getByRole('list', { name: 'Events, newest first' });
    await timeline.waitFor();
    const item = timeline.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Edit price-match request of/ }) }).first();
    await item.getByRole('button', { name: /^Edit price-match request of/ }).click();
    const form = item.getByRole('form', { name: 'Edit price-match request' });
    // A bad price is refused as the popup refuses it, on its field.
    await form.getByRole('textbox', { name: 'Competitor’s price' }).fill('-5');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    if (SCREENSHOTS) await item.screenshot({ path: `${SCREENSHOTS}/edit-price-match-400.png` });
    expect(await form.getByRole('textbox', { name: 'Competitor’s price' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('textbox', { name: 'Competitor', exact: true }).fill('Initrode Edited');
    await form.getByRole('textbox', { name: 'Competitor’s price' }).fill('7,250.50');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved price-match request of/ }).count()).toBe(1);
    const edited = timeline.getByRole('listitem').filter({ hasText: 'Initrode Edited' });
    await expect.poll(() => edited.count()).toBe(1);
    expect(await edited.textContent()).toContain('$7,250.50');
    const size = await sideways(page);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    await page.close();
  });
});
