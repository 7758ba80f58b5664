import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { type AxNode, type ExtensionSession, ROOT, accessibleNodes, launchExtension, serveFixture, waitForAccessible } from './harness';

/** Quotewise's nodes in the accessibility tree: the badges (buttons) and their cards (dialogs). */
export const isBadge = (name: string) => (node: AxNode) => node.role === 'button' && node.name === name;
export const anyBadge = (node: AxNode) => node.role === 'button' && node.name.startsWith('Quotewise: ');

export async function badgeNames(page: Page): Promise<string[]> {
  return (await accessibleNodes(page)).filter(anyBadge).map((node) => node.name);
}

/** Wait until the page's badges are exactly `names` (in any order: the accessibility tree's order is not the document's). */
export async function expectBadges(page: Page, names: string[]): Promise<void> {
  await expect.poll(async () => (await badgeNames(page)).sort(), { timeout: 10_000 }).toEqual([...names].sort());
}

export async function createAccount(session: ExtensionSession, data: { name: string; domains?: string[]; contactEmail?: string }) {
  const reply = (await session.send({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), ...data } })) as { ok: boolean; data: { id: string } };
  expect(reply.ok).toBe(true);
  return reply.data;
}

/**
 * Focus a node the page cannot reach (inside a closed shadow root) the way
 * assistive technology does: through the browser's accessibility tree.
 */
export async function focusAccessible(page: Page, predicate: (node: AxNode) => boolean): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number; ignored?: boolean }[];
    };
    const node = nodes.find((n) => !n.ignored && predicate({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
    if (!node?.backendDOMNodeId) throw new Error('No such accessible node to focus');
    await cdp.send('DOM.enable');
    await cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId });
  } finally {
    await cdp.detach();
  }
}

/** The accessible name of whatever has keyboard focus. */
export async function focusedName(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
    };
    const focused = nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return focused.at(-1)?.name?.value;
  } finally {
    await cdp.detach();
  }
}

/** Open the badge's card from the keyboard and return the dialog; Escape closes it and focus returns to the badge. */
export async function openCardFromKeyboard(page: Page, badgeName: string, dialogName: string): Promise<void> {
  await focusAccessible(page, isBadge(badgeName));
  expect(await focusedName(page)).toBe(badgeName);
  await page.keyboard.press('Enter');
  await waitForAccessible(page, (node) => node.role === 'dialog' && node.name === dialogName);
}

export async function closeCardWithEscape(page: Page, badgeName: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await accessibleNodes(page)).some((node) => node.role === 'dialog')).toBe(false);
  expect(await focusedName(page)).toBe(badgeName);
}

/** What the page's own scripts can see of the badges: a host element with no attributes and no open shadow root. */
export async function pageView(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('quotewise-badge')];
    return {
      hosts: hosts.length,
      openRoots: hosts.filter((host) => host.shadowRoot !== null).length,
      attributes: hosts.reduce((sum, host) => sum + host.attributes.length, 0),
      hostText: hosts.map((host) => host.textContent).join(''),
      // The lazily loaded UI hands itself over in the content script's world, never the page's.
      uiGlobal: typeof (window as unknown as Record<string, unknown>).__quotewiseBadgeUi,
      html: document.documentElement.outerHTML,
    };
  });
}

/** A script tag or image handler in a name must never run: this flag stays unset. */
export const HOSTILE = `<img src=x onerror="window.__qwPwned=1"><script>window.__qwPwned=1</script>`;

export async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __qwPwned?: number }).__qwPwned);
}

/** One browser per test file, with the fixture routes installed and console errors collected. */
export async function launchWithFixtures(routes: [string, string][]) {
  const session = await launchExtension();
  for (const [pattern, fixture] of routes) await serveFixture(session.context, pattern, fixture);
  return session;
}

export async function openPage(session: ExtensionSession, url: string) {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** The demo book's price-relationship customer's badge. */
export const GLOBEX = (node: AxNode) => node.role === 'button' && node.name.startsWith('Quotewise: Globex Components, At risk');

/** The Gmail thread fixture with Globex Components (the demo book's price-relationship customer) as its sender, at Gmail's address. */
export async function serveGlobexThread(session: ExtensionSession): Promise<void> {
  const thread = (await readFile(path.join(ROOT, 'test/fixtures/gmail/thread.html'), 'utf8'))
    .replaceAll('jane.doe@acme-industrial.com', 'p.ortega@globex-components.com')
    .replaceAll('Jane Doe', 'Pablo Ortega');
  await session.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: thread }));
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** On-screen boxes (CSS pixels, viewport-relative) of the accessible nodes matching `predicate`, with each one's DOM node. */
export async function boxesOf(page: Page, predicate: (node: AxNode) => boolean): Promise<(Box & { name: string; backendNodeId: number })[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }[];
    };
    const found = nodes.filter((n) => !n.ignored && n.backendDOMNodeId && predicate({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
    const boxes = [];
    for (const node of found) {
      const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId! })) as { quads: number[][] };
      const quad = quads[0]!;
      const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
      const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
      boxes.push({ name: String(node.name?.value ?? ''), backendNodeId: node.backendDOMNodeId!, x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

