import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxFrame, type ExtensionSession, accessibleNodes, launchExtension, loadDemoBook, waitForAccessible, withAxFrames } from './harness';
import { type Box, GLOBEX, boxesOf, expectBadges, focusAccessible, focusedName, launchWithFixtures, openPage, serveGlobexThread } from './badge-harness';

/**
 * The card behind a badge, as a rep meets it at 1280×720 and on a small laptop (1024×600),
 * with the badge near the top, the middle and the bottom of the window. The card lives in an
 * extension frame in a closed shadow root, so its geometry is read the way assistive technology
 * reads it: from the browser's accessibility tree and layout (CDP), never from the page.
 */
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
/** The Globex message asks for a quote: the card's top carries the email suggestion's chip (issue 17). */
const CARD_BUTTONS = ['Close', 'Log', 'Dismiss this suggestion', 'Log a quote', 'Log a price-match request', 'Snooze or dismiss…', 'Open history'];

/**
 * Whether a click at the centre of `box` lands on that node (or inside it): nothing covers it.
 * A node in the card's frame is hit-tested in the frame, and the frame in the page.
 */
async function clickable(page: Page, box: Box & { backendNodeId: number; extension: boolean }): Promise<boolean> {
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return withAxFrames(page, async (frames) => {
    const hits = async (frame: AxFrame, target: (hit: number, cdp: AxFrame['cdp']) => Promise<boolean>) => {
      // DOM.getNodeForLocation takes document coordinates: the viewport's plus the scroll. The card's frame does not scroll.
      const scroll = frame.extension ? { x: 0, y: 0 } : await page.evaluate(() => ({ x: scrollX, y: scrollY }));
      await frame.cdp.send('DOM.enable');
      await frame.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const at = { x: Math.round(scroll.x + centre.x - frame.offset.x), y: Math.round(scroll.y + centre.y - frame.offset.y) };
      const hit = (await frame.cdp.send('DOM.getNodeForLocation', { ...at, includeUserAgentShadowDOM: false })) as { backendNodeId: number };
      return target(hit.backendNodeId, frame.cdp);
    };
    const contains = (backendNodeId: number) => async (hit: number, cdp: AxFrame['cdp']) => {
      const resolve = async (id: number) => ((await cdp.send('DOM.resolveNode', { backendNodeId: id })) as { object: { objectId: string } }).object.objectId;
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: await resolve(backendNodeId),
        functionDeclaration: 'function (hit) { return this === hit || this.contains(hit); }',
        arguments: [{ objectId: await resolve(hit) }],
        returnByValue: true,
      })) as { result: { value: boolean } };
      return result.value;
    };
    const [page_, card] = [frames.find((f) => !f.extension)!, frames.find((f) => f.extension)];
    if (!box.extension) return hits(page_, contains(box.backendNodeId));
    if (!card || !(await hits(card, contains(box.backendNodeId)))) return false;
    // And in the page, the card's frame is what is there.
    return hits(page_, async (hit, cdp) => ((await cdp.send('DOM.describeNode', { backendNodeId: hit })) as { node: { nodeName: string } }).node.nodeName === 'IFRAME');
  });
}

const inside = (box: Box, width: number, height: number) => box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;

/** The card touches its badge: 4 px below or above it (within 2 px), overlapping it sideways. */
function attached(card: Box, pill: Box): boolean {
  const gap = card.y >= pill.y ? card.y - (pill.y + pill.height) : pill.y - (card.y + card.height);
  return Math.abs(gap - 4) <= 2 && card.x <= pill.x + pill.width && card.x + card.width >= pill.x;
}

/** Put the Globex sender's badge at `y` in the window: the page gets room above and below, then scrolls. */
async function placeBadgeAt(page: Page, y: number): Promise<void> {
  await page.evaluate((target) => {
    document.body.style.padding = '2000px 0';
    const host = document.querySelector('[email="p.ortega@globex-components.com"] + quotewise-badge')!;
    const top = host.getBoundingClientRect().top + scrollY;
    scrollTo(0, top - target);
  }, y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function openCard(page: Page): Promise<void> {
  await focusAccessible(page, GLOBEX);
  await page.keyboard.press('Enter');
  await waitForAccessible(page, (n) => n.role === 'dialog' && n.name === 'Globex Components');
  // The chip comes once the background said the message was not logged yet: the card's final size.
  await waitForAccessible(page, (n) => n.role === 'button' && n.name === 'Log');
  // Floating UI places the card in the frame it opens in; one more frame for the layout to settle.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const dialogOpen = async (page: Page) => (await accessibleNodes(page)).some((n) => n.role === 'dialog');

describe('the badge card on screen', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await serveGlobexThread(session);
    await (await loadDemoBook(session)).page.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const [width, height] of [[1280, 720], [1024, 600]] as const) {
    for (const [where, y] of [['top', 40], ['middle', Math.round(height / 2)], ['bottom', height - 40]] as const) {
      it(`at ${width}×${height}, badge near the ${where}: heading, warning and every button on screen and clickable; attached after a scroll`, async () => {
        const { page } = await openPage(session, THREAD);
        await page.setViewportSize({ width, height });
        await waitForAccessible(page, GLOBEX, 20_000);
        await placeBadgeAt(page, y);
        await openCard(page);

        const [card] = await boxesOf(page, (n) => n.role === 'dialog');
        const [heading] = await boxesOf(page, (n) => n.role === 'heading' && n.name === 'Globex Components');
        const [warning] = await boxesOf(page, (n) => n.role === 'region' && n.name === 'Price relationship');
        const buttons = await boxesOf(page, (n) => n.role === 'button' && CARD_BUTTONS.includes(n.name));
        expect(card && heading && warning).toBeTruthy();
        expect(buttons.map((b) => b.name).sort()).toEqual([...CARD_BUTTONS].sort());
        for (const box of [card!, heading!, warning!, ...buttons]) expect(inside(box, width, height), `${box.name || 'card'} ${JSON.stringify(box)}`).toBe(true);
        for (const button of buttons) expect(await clickable(page, button), `${button.name} is covered`).toBe(true);
        const [pill] = await boxesOf(page, GLOBEX);
        expect(attached(card!, pill!), JSON.stringify({ card, pill })).toBe(true);

        await page.evaluate(() => scrollBy(0, 250));
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.waitForTimeout(50);
        if (await dialogOpen(page)) {
          const [after] = await boxesOf(page, (n) => n.role === 'dialog');
          const [pillAfter] = await boxesOf(page, GLOBEX);
          expect(attached(after!, pillAfter!), JSON.stringify({ after, pillAfter })).toBe(true);
        } else {
          // Closed because its badge scrolled out of sight: it does not float over other messages.
          const [pillAfter] = await boxesOf(page, GLOBEX);
          expect(inside(pillAfter!, width, height)).toBe(false);
        }
        await page.close();
      });
    }
  }

  it('keyboard only: Enter opens on the heading, Tab and Shift+Tab stay inside, Escape returns to the badge', async () => {
    const { page } = await openPage(session, THREAD);
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForAccessible(page, GLOBEX, 20_000);
    const badge = (await accessibleNodes(page)).find(GLOBEX)!.name;
    await openCard(page);
    expect(await focusedName(page)).toBe('Globex Components');
    const inCard = [...CARD_BUTTONS, 'More: every reason, the scorecard, the last quote'];
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < inCard.length * 2; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusedName(page));
    }
    expect(seen.filter((name) => !inCard.includes(name ?? '')), `left the card: ${seen.join(' → ')}`).toEqual([]);
    // Round and round: the first control comes back after the last, and Shift+Tab from the first goes to the last.
    expect(seen[0]).toBe('Close');
    expect(seen[inCard.length]).toBe('Close');
    const last = seen[inCard.length - 1];
    expect(seen.at(-1)).toBe(last);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe(last);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    expect(await focusedName(page)).toBe(badge);
    await page.close();
  });

  it('a click outside closes the card and gives focus back to the badge', async () => {
    const { page } = await openPage(session, THREAD);
    await waitForAccessible(page, GLOBEX, 20_000);
    const badge = (await accessibleNodes(page)).find(GLOBEX)!.name;
    await openCard(page);
    await page.mouse.click(1200, 700);
    await expect.poll(() => dialogOpen(page)).toBe(false);
    expect(await focusedName(page)).toBe(badge);
    await page.close();
  });
});

describe('first run: the rep’s own address', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithFixtures([['https://mail.google.com/**', 'gmail/thread.html']]);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('asks once in the own address’s card, never offers to create the rep’s company, and one click hides it', async () => {
    const { page } = await openPage(session, THREAD);
    const question = 'Quotewise: Is northwind-supply.com your company?';
    const unknown = (email: string) => `Quotewise: ${email} is not an account yet. Create account.`;
    await expectBadges(page, [unknown('jane.doe@acme-industrial.com'), question, unknown('purchasing@acme-industrial.com')]);
    await focusAccessible(page, (n) => n.role === 'button' && n.name === question);
    await page.keyboard.press('Enter');
    await waitForAccessible(page, (n) => n.role === 'dialog' && n.name === 'Is northwind-supply.com your company?');
    const names = (await accessibleNodes(page)).map((n) => n.name);
    expect(names).not.toContain('Create account');
    expect(names).toContain('No, it is a customer');
    await focusAccessible(page, (n) => n.role === 'button' && n.name === 'Yes, northwind-supply.com is my company');
    await page.keyboard.press('Enter');
    await expectBadges(page, [unknown('jane.doe@acme-industrial.com'), unknown('purchasing@acme-industrial.com')]);
    const settings = (await session.send({ quotewise: 1, type: 'settings.get', data: {} })) as { data: { ownDomains: string[] } };
    expect(settings.data.ownDomains).toEqual(['northwind-supply.com']);
    // A fresh look at the page (the next message, a reload) shows no badge for the rep either.
    await page.reload();
    await expectBadges(page, [unknown('jane.doe@acme-industrial.com'), unknown('purchasing@acme-industrial.com')]);
    await page.close();
  });
});
