import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSession } from './demo-session';
import type { ExtensionSession } from './harness';

/**
 * Issue 19: the extension's own pages pass axe-core (WCAG 2.2 A/AA and best practices) with the
 * demo book loaded, light and dark, in a tab (1280 px) and the side panel's width (400 px).
 */
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function violations(page: Page): Promise<string[]> {
  // Extension pages' CSP refuses inline scripts (addScriptTag); the DevTools protocol's evaluate is not bound by it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`void 0;\n${axeSource}\n;void 0`);
  const found = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, TAGS)) as AxeViolation[];
  return found.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => `${JSON.stringify(n.target)} (${n.failureSummary ?? ''})`).join('; ')}`);
}

describe('the extension’s pages pass axe-core, light and dark, 1280 and 400 px, with the demo book', () => {
  let session: ExtensionSession;
  let globex: string;
  beforeAll(async () => {
    ({ session, globex } = await demoSession());
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  const PAGES: [string, () => string, (page: Page) => Promise<unknown>][] = [
    ['popup', () => 'popup.html', (p) => p.locator('main, form, [role=main]').first().waitFor()],
    ['portfolio', () => 'history.html', (p) => p.getByRole('grid', { name: 'Accounts' }).getByRole('row').nth(1).waitFor()],
    ['account page', () => `history.html#/account/${globex}`, (p) => p.getByRole('list', { name: 'Events, newest first' }).waitFor()],
    ['import page', () => 'data.html', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
    ['options page', () => 'options.html', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
  ];

  for (const [name, url, ready] of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 400]) {
        it(`${name}, ${colorScheme}, ${width} px`, async () => {
          const page = await session.context.newPage();
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize({ width, height: 720 });
          await page.goto(session.extensionUrl(url()));
          await ready(page);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          if (process.env.QW_SCREENSHOTS) await page.screenshot({ path: `${process.env.QW_SCREENSHOTS}/${name.replace(' ', '-')}-${colorScheme}-${width}.png` });
          expect(await violations(page)).toEqual([]);
          await page.close();
        });
      }
    }
  }
});
