import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_STILL_MS } from '@/lib/content/busy-list';
import type { HealthSummary } from '@/lib/health';
import { type ExtensionSession, accessibleNodes, loadDemoBook, waitForAccessible } from './harness';
import { boxesOf, closeCardWithEscape, launchWithFixtures, openCardFromKeyboard, openPage } from './badge-harness';

const GMAIL_INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const OUTLOOK_INBOX = 'https://outlook.office.com/mail/inbox';

/** A message list mark's accessible name: "Globex Components: At risk, Price relationship" (issue #18). */
const MARK = /^[^:]+: (Healthy|Watch|At risk|Not enough data)(, [^,]+)*$/;
const isMark = (node: { role: string; name: string }) => node.role === 'button' && MARK.test(node.name);

interface Row {
  senders: string[];
  top: number;
  bottom: number;
}

/** Each list row's senders in order and its vertical extent, read from the page's own DOM. */
function readRows(page: Page, site: 'gmail' | 'outlook'): Promise<Row[]> {
  return page.evaluate((which) => {
    const rows = which === 'gmail' ? [...document.querySelectorAll('tr.zA')] : [...document.querySelectorAll('[role="option"][data-convid]')];
    return rows.map((row) => {
      const box = row.getBoundingClientRect();
      const senders =
        which === 'gmail'
          ? [...row.querySelectorAll('.yW span[email]')].map((s) => s.getAttribute('email')!)
          : [...row.querySelectorAll('span[title*="@"]')].map((s) => s.getAttribute('title')!).filter((t) => /^[^\s@]+@[^\s@]+$/.test(t));
      return { senders, top: box.top, bottom: box.bottom };
    });
  }, site);
}

describe('health in the message lists', () => {
  let session: ExtensionSession;
  /** The demo book's accounts by domain, with their health. */
  const byDomain = new Map<string, HealthSummary>();

  const expectedMark = (row: Row): string | undefined => {
    const summary = row.senders.map((email) => byDomain.get(email.split('@')[1]!)).find(Boolean);
    return summary && `${summary.accountName}: ${[summary.band, ...summary.warnings.map((w) => w.name)].join(', ')}`;
  };

  /** Every row shows the mark of the first of its senders who is an account, and no other row has one. */
  async function expectMarksOnRows(page: Page, site: 'gmail' | 'outlook'): Promise<number> {
    const rows = await readRows(page, site);
    const marks = await boxesOf(page, isMark);
    const found = rows.map((row) => marks.filter((mark) => mark.y + mark.height / 2 > row.top && mark.y + mark.height / 2 < row.bottom).map((mark) => mark.name));
    expect(found).toEqual(rows.map((row) => (expectedMark(row) ? [expectedMark(row)] : [])));
    return marks.length;
  }

  /** Wait until the page shows `count` marks (the batch answered and the badge UI loaded). */
  async function waitForMarks(page: Page, count: (n: number) => boolean): Promise<void> {
    await expect.poll(async () => (await boxesOf(page, isMark)).length, { timeout: 15_000 }).toSatisfy(count);
  }

  beforeAll(async () => {
    session = await launchWithFixtures([
      ['https://mail.google.com/**', 'gmail/inbox.html'],
      ['https://outlook.office.com/**', 'outlook/inbox.html'],
    ]);
    const { page } = await loadDemoBook(session);
    await page.close();
    const { data: found } = (await session.send({ quotewise: 1, type: 'accounts.search', data: { query: '', limit: 50 } })) as {
      data: { accounts: { id: string; domains: string[] }[] };
    };
    const { data } = (await session.send({ quotewise: 1, type: 'health.ofAccounts', data: { accountIds: found.accounts.map((a) => a.id) } })) as {
      data: { summaries: HealthSummary[] };
    };
    for (const account of found.accounts) {
      const summary = data.summaries.find((s) => s.accountId === account.id);
      for (const domain of account.domains) if (summary) byDomain.set(domain, summary);
    }
    expect(byDomain.get('globex-components.com')?.warnings.map((w) => w.name)).toContain('Price relationship');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('Gmail: marks every row whose sender is an account, with its health as the name, all in one frame; nothing on the others', async () => {
    // Count the frames the page paints while the marks come, from before the page's first script: every host must arrive in the same one.
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const w = window as unknown as { frames: number; hostFrames: number[] };
      w.frames = 0;
      w.hostFrames = [];
      const tick = () => {
        w.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      addEventListener('DOMContentLoaded', () =>
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'QUOTEWISE-BADGE') w.hostFrames.push(w.frames);
        }).observe(document.body, { childList: true, subtree: true }),
      );
    });
    await page.goto(GMAIL_INBOX);
    const rows = await readRows(page, 'gmail');
    const known = rows.filter((row) => expectedMark(row)).length;
    expect(rows).toHaveLength(100);
    expect(known).toBeGreaterThan(30);
    expect(known).toBeLessThan(100);
    await waitForMarks(page, (n) => n === known);
    expect(await expectMarksOnRows(page, 'gmail')).toBe(known);
    const hostFrames = await page.evaluate(() => (window as unknown as { hostFrames: number[] }).hostFrames);
    // A host for every row (a mark, or an empty slot of its size), all in one frame.
    expect(hostFrames).toHaveLength(100);
    expect(new Set(hostFrames).size).toBe(1);
    // What the page sees is the same on every row: one host, the same style and size, whether its sender is a customer or not.
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('tr.zA')].map((row) => {
        const hosts = [...row.querySelectorAll('quotewise-badge')];
        const box = hosts[0]?.getBoundingClientRect();
        return { hosts: hosts.length, style: hosts[0]?.getAttribute('style'), size: box && `${box.width}x${box.height}`, text: (hosts[0] as HTMLElement | undefined)?.innerText };
      }),
    );
    expect(seen.every((row) => row.hosts === 1)).toBe(true);
    expect(new Set(seen.map((row) => `${row.style}|${row.size}|${row.text}`)).size).toBe(1);
    // The example, as the rep's screen reader reads it.
    expect((await boxesOf(page, isMark)).map((m) => m.name)).toContain(expectedMark({ senders: ['p.ortega@globex-components.com'], top: 0, bottom: 0 }));
    expect(expectedMark({ senders: ['p.ortega@globex-components.com'], top: 0, bottom: 0 })).toMatch(/^Globex Components: At risk, .*Price relationship/);
    // Group rows: "me, Jane, Pablo" carries one mark, for the first customer among them.
    const groups = rows.filter((row) => row.senders.length > 1 && expectedMark(row));
    expect(groups.length).toBeGreaterThan(0);
    // No "+" for people who are not accounts, and no pill: the list has marks only.
    expect((await boxesOf(page, (n) => n.role === 'button' && n.name.startsWith('Quotewise:'))).length).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Gmail: marks follow their rows through new mail and a page change, and none stays on a row whose sender changed', async () => {
    const { page } = await openPage(session, GMAIL_INBOX);
    const known = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === known);
    // New mail: Gmail inserts a row at the top, from a known customer.
    await page.evaluate(() => {
      const first = document.querySelector('tr.zA')!;
      const row = first.cloneNode(true) as Element;
      row.id = ':new';
      const yW = row.querySelector('.yW')!;
      const sender = document.createElement('span');
      sender.setAttribute('email', 'lucille@bluth-bakery.com');
      sender.setAttribute('name', 'Lucille Bluth');
      sender.textContent = 'Lucille Bluth';
      const wrapper = document.createElement('span');
      wrapper.className = 'bA4';
      wrapper.append(sender);
      yW.replaceChildren(wrapper);
      first.before(row);
    });
    await waitForMarks(page, (n) => n === known + 1);
    await expectMarksOnRows(page, 'gmail');
    // A page change: Gmail re-renders the rows it keeps with the next page's conversations; here the senders rotate by one row.
    await page.evaluate(() => {
      const cells = [...document.querySelectorAll('tr.zA .yW')];
      const contents = cells.map((cell) => [...cell.childNodes].filter((node) => node.nodeName !== 'QUOTEWISE-BADGE').map((node) => node.cloneNode(true)));
      cells.forEach((cell, i) => cell.replaceChildren(...contents[(i + 1) % cells.length]!));
    });
    const rotated = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === rotated);
    await expectMarksOnRows(page, 'gmail');
    // A row whose sender changes in place, from a customer to a stranger, loses its mark.
    const before = (await boxesOf(page, isMark)).length;
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('tr.zA')].find((r) => r.querySelector('.yW span[email="p.ortega@globex-components.com"]') && r.querySelectorAll('.yW span[email]').length === 1)!;
      const sender = row.querySelector('.yW span[email]')!;
      sender.setAttribute('email', 'hello@tailspin-toys.com');
      sender.setAttribute('name', 'Tailspin Toys');
      sender.textContent = 'Tailspin Toys';
    });
    await waitForMarks(page, (n) => n === before - 1);
    await expectMarksOnRows(page, 'gmail');
    await page.close();
  });

  it('Gmail: a list rebuilt every frame has a mark on every row on screen in each rebuild\'s first frame, and on every row once it stands still', async () => {
    const { page, errors } = await openPage(session, GMAIL_INBOX);
    const known = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === known);
    // The list appearing was its last change: it stands still from here.
    await page.waitForTimeout(LIST_STILL_MS);
    // Gmail loading in parts, or a burst of mail: the list built afresh at every frame, its conversations rotated by one.
    const frames = await page.evaluate(async () => {
      const served = [...document.querySelectorAll('tr.zA')].map((row) => {
        const copy = row.cloneNode(true) as Element;
        for (const host of copy.querySelectorAll('quotewise-badge')) host.remove();
        return copy;
      });
      const body = document.querySelector('tr.zA')!.parentElement!;
      const seen: { onScreen: number; marked: number; hosts: number }[] = [];
      for (let i = 1; i <= 30; i++) {
        body.replaceChildren(...served.map((_, r) => served[(r + i) % served.length]!.cloneNode(true)));
        // The frame that first shows the rows: what it shows is in the DOM now.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const rows = [...document.querySelectorAll('tr.zA')];
        const onScreen = rows.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        });
        seen.push({ onScreen: onScreen.length, marked: onScreen.filter((row) => row.querySelectorAll('quotewise-badge').length === 1).length, hosts: document.querySelectorAll('tr.zA quotewise-badge').length });
      }
      return seen;
    });
    expect(frames).toHaveLength(30);
    for (const frame of frames) {
      expect(frame.onScreen).toBeGreaterThan(5);
      expect(frame.marked).toBe(frame.onScreen);
    }
    // While it is busy the rows far below the screen wait: only the first rebuild, a change after the list stood still, marks them all.
    expect(frames[0]!.hosts).toBe(100);
    expect(Math.max(...frames.slice(1).map((frame) => frame.hosts))).toBeLessThan(50);
    // Still again: every row has its mark, with the right name, and no row has another's.
    const rotated = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === rotated);
    await expectMarksOnRows(page, 'gmail');
    expect(await page.evaluate(() => document.querySelectorAll('tr.zA quotewise-badge').length)).toBe(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a mark opens the card on a click or from the keyboard, and the row under it does not open its conversation', async () => {
    const { page } = await openPage(session, GMAIL_INBOX);
    const known = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === known);
    // Gmail opens a conversation on a click, a mouse down or Enter on its row.
    await page.evaluate(() => {
      const w = window as unknown as { rowOpened: number };
      w.rowOpened = 0;
      for (const type of ['click', 'mousedown', 'keydown']) for (const row of document.querySelectorAll('tr.zA')) row.addEventListener(type, () => w.rowOpened++);
    });
    const globex = expectedMark({ senders: ['p.ortega@globex-components.com'], top: 0, bottom: 0 })!;
    const dialog = (node: { role: string; name: string }) => node.role === 'dialog' && node.name === 'Globex Components';
    const [mark] = await boxesOf(page, (n) => n.role === 'button' && n.name === globex);
    await page.mouse.click(mark!.x + mark!.width / 2, mark!.y + mark!.height / 2);
    await waitForAccessible(page, dialog);
    await closeCardWithEscape(page, globex);
    await openCardFromKeyboard(page, globex, 'Globex Components');
    await closeCardWithEscape(page, globex);
    expect((await accessibleNodes(page)).some(dialog)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { rowOpened: number }).rowOpened)).toBe(0);
    await page.close();
  });

  it('Outlook: marks every conversation whose sender is an account, never from an address in the subject', async () => {
    const { page, errors } = await openPage(session, OUTLOOK_INBOX);
    const rows = await readRows(page, 'outlook');
    const known = rows.filter((row) => expectedMark(row)).length;
    expect(rows).toHaveLength(40);
    expect(known).toBeGreaterThan(10);
    await waitForMarks(page, (n) => n === known);
    expect(await expectMarksOnRows(page, 'outlook')).toBe(known);
    // New mail at the top of the list.
    await page.evaluate(() => {
      const first = document.querySelector('[role="option"][data-convid]')!;
      const item = first.cloneNode(true) as Element;
      item.setAttribute('data-convid', 'AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAnew');
      const sender = item.querySelector('span[title*="@"]')!;
      sender.setAttribute('title', 'l.fox@wayne-logistics.com');
      sender.textContent = 'Lucius Fox';
      first.parentElement!.before(item);
    });
    await waitForMarks(page, (n) => n === known + 1);
    await expectMarksOnRows(page, 'outlook');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turning "Show health in message lists" off removes every mark at once, without a reload; on brings them back', async () => {
    const { page } = await openPage(session, GMAIL_INBOX);
    const known = (await readRows(page, 'gmail')).filter((row) => expectedMark(row)).length;
    await waitForMarks(page, (n) => n === known);
    const options = await session.openExtensionPage('options.html');
    const toggle = options.getByRole('checkbox', { name: 'Show health in message lists' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await waitForMarks(page, (n) => n === 0);
    expect(await page.evaluate(() => document.querySelectorAll('quotewise-badge').length)).toBe(0);
    // A page opened while it is off shows none either.
    const { page: later } = await openPage(session, GMAIL_INBOX);
    await later.waitForTimeout(1000);
    expect(await later.evaluate(() => document.querySelectorAll('quotewise-badge').length)).toBe(0);
    await toggle.check();
    await waitForMarks(page, (n) => n === known);
    await waitForMarks(later, (n) => n === known);
    await options.close();
    await later.close();
    await page.close();
  });
});
