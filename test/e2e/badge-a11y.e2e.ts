import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthSummary } from '@/lib/health';
import type { BadgeState } from '@/lib/content/state';
import type { GalleryScene } from './pages/card-gallery';
import { type ExtensionSession, ROOT, launchExtension, loadDemoBook } from './harness';

/**
 * The pill and the card, rendered by the real components in a test page, light and dark,
 * checked by axe-core (WCAG 2.2 A/AA and best practices) and for the pill's non-text
 * contrast, which axe does not check: its edge against the page at least 3:1.
 * Summaries come from the demo book, scored by the extension itself.
 */
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function galleryScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/e2e/pages/card-gallery.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const SHELL = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quotewise badge gallery</title></head>
<body style="margin:0;font:14px/20px Arial,sans-serif"><main><h1 style="font-size:20px;margin:16px">A message</h1>
<p style="margin:16px">From <span id="sender-name" style="font-weight:700">Pablo Ortega</span><span id="sender"></span> to me</p>
<div id="card" style="margin:16px;width:340px;height:460px"></div></main></body></html>`;

describe('the pill and the card pass axe-core, light and dark', () => {
  let session: ExtensionSession;
  let page: Page;
  let summaries: HealthSummary[];

  beforeAll(async () => {
    session = await launchExtension();
    const { page: data } = await loadDemoBook(session);
    const { data: found } = (await session.send({ quotewise: 1, type: 'accounts.search', data: { query: '', limit: 50 } })) as {
      data: { accounts: { id: string }[] };
    };
    const reply = (await session.send({ quotewise: 1, type: 'health.ofAccounts', data: { accountIds: found.accounts.map((a) => a.id) } })) as {
      data: { summaries: HealthSummary[] };
    };
    summaries = reply.data.summaries;
    await data.close();
    page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.setContent(SHELL);
    await page.addScriptTag({ content: await galleryScript() });
    await page.addScriptTag({ content: axeSource });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  const withWarning = () => summaries.find((s) => s.warnings.some((w) => w.name === 'Price relationship'))!;
  const states = (): [string, BadgeState][] => {
    const healthy = summaries.find((s) => s.band === 'Healthy' && s.warnings.length === 0)!;
    const watch = summaries.find((s) => s.band === 'Watch')!;
    const risky = withWarning();
    expect(healthy && watch && risky).toBeTruthy();
    return [
      ['healthy account', { kind: 'account', accountId: healthy.accountId, accountName: healthy.accountName, summary: healthy }],
      ['watch account', { kind: 'account', accountId: watch.accountId, accountName: watch.accountName, summary: watch }],
      ['price relationship', { kind: 'account', accountId: risky.accountId, accountName: risky.accountName, summary: risky }],
      ['account with no score yet', { kind: 'account', accountId: 'new', accountName: 'Initech', summary: null }],
      ['not an account yet', { kind: 'unknown', label: 'm.dyson@newco-robotics.com', email: 'm.dyson@newco-robotics.com', company: 'newco-robotics.com', create: { name: 'Newco Robotics', domains: ['newco-robotics.com'], contactEmail: 'm.dyson@newco-robotics.com' } }],
      ['the rep’s own address', { kind: 'self', email: 'rep@northwind-supply.com', company: 'northwind-supply.com' }],
      ['the rep’s own free-mail address', { kind: 'self', email: 'rep.northwind@gmail.com' }],
    ];
  };

  async function show(scene: GalleryScene): Promise<void> {
    await page.evaluate((s) => (window as unknown as { showScene(scene: unknown): void }).showScene(s), scene as unknown);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  async function violations(): Promise<string[]> {
    const found = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations;
    })) as AxeViolation[];
    return found.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => `${JSON.stringify(n.target)} (${n.failureSummary ?? ''})`).join('; ')}`);
  }

  /** The pill's edge against the page: its fill where it has one, else its border. WCAG 1.4.11 asks 3:1. */
  async function pillEdgeContrast(): Promise<number> {
    return page.evaluate(() => {
      const { Color, getContrast } = (window as unknown as { axe: { commons: { color: { Color: new () => { parseString(s: string): unknown }; getContrast(a: unknown, b: unknown): number } } } }).axe.commons.color;
      const parse = (css: string) => {
        const color = new Color();
        color.parseString(css);
        return color as { alpha?: number };
      };
      const pill = document.querySelector('#sender')!.shadowRoot!.querySelector('button')!;
      const style = getComputedStyle(pill);
      const page = parse(getComputedStyle(document.body).backgroundColor);
      const fill = parse(style.backgroundColor);
      const edges = [getContrast(page, fill)];
      if (style.borderTopWidth !== '0px') edges.push(getContrast(page, parse(style.borderTopColor)));
      return Math.max(...edges);
    });
  }

  for (const dark of [false, true]) {
    const theme = dark ? 'dark' : 'light';
    it(`${theme}: every pill, shown and hinted, has no violation and an edge of at least 3:1`, async () => {
      for (const [name, state] of states()) {
        await show({ state, dark, open: false });
        expect(await pillEdgeContrast(), `${name} pill edge`).toBeGreaterThanOrEqual(3);
        expect(await violations(), `${name} pill`).toEqual([]);
        // The hint shows on focus, inside the same root.
        await page.evaluate(() => document.querySelector('#sender')!.shadowRoot!.querySelector('button')!.focus());
        // Its words are generated content (the page's window.find() does not search it).
        await expect.poll(() => page.evaluate(() => document.querySelector('#sender')!.shadowRoot!.querySelector('.tip')?.getAttribute('data-text') ?? '')).not.toBe('');
        expect(await violations(), `${name} hint`).toEqual([]);
      }
    });

    it(`${theme}: every card, its disclosure and its snooze form open, has no violation`, async () => {
      for (const [name, state] of states()) {
        await show({ state, dark, open: true });
        expect(await page.evaluate(() => document.querySelector('#card')!.shadowRoot!.querySelectorAll('[role=dialog]').length), `${name} card shown`).toBe(1);
        expect(await violations(), `${name} card`).toEqual([]);
      }
      const risky = withWarning();
      await show({ state: { kind: 'account', accountId: risky.accountId, accountName: risky.accountName, summary: risky }, dark, open: true });
      await page.evaluate(() => {
        const root = document.querySelector('#card')!.shadowRoot!;
        root.querySelector('details')!.open = true;
        [...root.querySelectorAll('button')].find((b) => b.textContent === 'Snooze or dismiss…')!.click();
      });
      await expect.poll(() => page.evaluate(() => Boolean(document.querySelector('#card')!.shadowRoot!.querySelector('form.dismiss')))).toBe(true);
      expect(await violations(), 'card with everything open').toEqual([]);
    });
  }
});
