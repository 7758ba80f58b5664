import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { type AxFrame, type AxNode, type ExtensionSession, type RawAxNode, ROOT, accessibleNodes, launchExtension, rawAxNodes, serveFixture, waitForAccessible, withAxFrames } from './harness';

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
 * Focus a node the page cannot reach (inside a closed shadow root, or the card's extension
 * frame) the way assistive technology does: through the browser's accessibility tree.
 */
export async function focusAccessible(page: Page, predicate: (node: AxNode) => boolean): Promise<void> {
  await withAxFrames(page, async (frames) => {
    const focus = async (frame: AxFrame, test: (node: AxNode) => boolean): Promise<boolean> => {
      const node = (await rawAxNodes(frame)).find((n) => !n.ignored && test({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
      if (!node?.backendDOMNodeId) return false;
      await frame.cdp.send('DOM.enable');
      await frame.cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId });
      return true;
    };
    const [main, ...extensionFrames] = frames;
    for (const frame of extensionFrames) {
      if (!(await rawAxNodes(frame)).some((n) => !n.ignored && predicate({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }))) continue;
      // Into the frame first, as Tab would take the rep there, then to the node in it.
      await focus(main!, (node) => node.role === 'Iframe');
      if (await focus(frame, predicate)) return;
    }
    if (await focus(main!, predicate)) return;
    throw new Error('No such accessible node to focus');
  });
}

/** The accessible name of whatever has keyboard focus: inside the card's frame when it has it. */
export async function focusedName(page: Page): Promise<string | undefined> {
  return withAxFrames(page, async (frames) => {
    const focused = (nodes: RawAxNode[]) => nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1);
    const [main, ...extensionFrames] = frames;
    const inPage = focused(await rawAxNodes(main!));
    for (const frame of extensionFrames) {
      const inFrame = focused(await rawAxNodes(frame));
      // The page reports the frame itself as focused; what has focus is inside it.
      if (inFrame && inPage?.role?.value === 'Iframe') return inFrame.name?.value;
    }
    return inPage?.name?.value;
  });
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

/**
 * What the page's own scripts can see of the badges: a host element with no open shadow root and
 * no attribute but its own important style, the same on every host whoever the customer is.
 */
export async function pageView(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('quotewise-badge')];
    return {
      hosts: hosts.length,
      openRoots: hosts.filter((host) => host.shadowRoot !== null).length,
      attributes: hosts.reduce((sum, host) => sum + [...host.attributes].filter((attribute) => attribute.name !== 'style').length, 0),
      hostStyles: new Set(hosts.map((host) => host.getAttribute('style'))).size,
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

/** On-screen boxes (CSS pixels, viewport-relative) of the accessible nodes matching `predicate`, the card's frame included, with each one's DOM node. */
export async function boxesOf(page: Page, predicate: (node: AxNode) => boolean): Promise<(Box & { name: string; backendNodeId: number; extension: boolean })[]> {
  return withAxFrames(page, async (frames) => {
    const boxes = [];
    for (const frame of frames) {
      await frame.cdp.send('DOM.enable');
      const found = (await rawAxNodes(frame)).filter((n) => !n.ignored && n.backendDOMNodeId && predicate({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
      for (const node of found) {
        const { quads } = (await frame.cdp.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId! })) as { quads: number[][] };
        const quad = quads[0];
        if (!quad) continue;
        const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!].map((x) => x + frame.offset.x);
        const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!].map((y) => y + frame.offset.y);
        boxes.push({ name: String(node.name?.value ?? ''), backendNodeId: node.backendDOMNodeId!, extension: frame.extension, x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
      }
    }
    return boxes;
  });
}
