/**
 * The badge's budget (issue #4), measured in Chromium with the built extension
 * loaded, on the Gmail fixture. Two pages in the same browser run the same
 * workload: one at mail.google.com (the content script runs) and one at a host
 * the extension does not match (it does not), so the ratio compares like with like.
 *
 * Main-thread time is the CPU time of each page's main thread in tasks (CDP
 * Performance metrics in thread ticks): wall time also counts the moments the OS
 * gave the core to the other page's renderer or the browser, which on a two-core
 * machine moved the ratio by ±2% from run to run. Both pages sit in popup windows of
 * one size, opened in the same way, and take turns going first. With both pages off
 * the extension's hosts (nothing to measure) this setup reads 1.005–1.012 in CPU time
 * and 1.023–1.029 in wall time, which is printed beside the figure.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { CARD_PAINTED_MARK } from '../lib/card/channel';
import { BADGE_UI_SCRIPT } from '../lib/content/ui-contract';
import { type AxNode, EXTENSION_DIR, type ExtensionSession, ROOT, accessibleNodes, launchExtension, loadDemoBook, waitForAccessible } from '../test/e2e/harness';
import { GLOBEX, boxesOf, serveGlobexThread } from '../test/e2e/badge-harness';
import { countLookups, serveChurningThread, serveFlippingThread } from '../test/e2e/restless-page';
import { type Figure, percentile } from './stats';

const WITH = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const WITHOUT = 'https://mail.quotewise-bench.test/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const LAUNCHER = 'https://launcher.quotewise-bench.test/';
const CONVERSATIONS = 700;
const WARM_UP = 100;
/**
 * Memory is compared over the issue's 200 conversations in sequence, the last 200.
 * Until about 500 the heap with the extension still takes one-time growth (optimised
 * code for paths that run once per email): over 300–500 about 48 kB, over 500–700
 * about 22 kB, over 700–900 about −2 kB. A leaked badge would add over 1 kB per email.
 * The window before is measured too, and printed beside the figure.
 */
const MEMORY_FROM = CONVERSATIONS - 200;
const EARLIER_FROM = MEMORY_FROM - 200;
/** Gmail's conversation view is thousands of nodes; each simulated conversation renders this many paragraphs. */
const BODY_PARAGRAPHS = 400;
/** The card's issue: card open p95 ≤ 50 ms, and the UI script's size beside the content script's. */
const CARD_ISSUE = '#14';
const CARD_OPENS = 40;

async function gzippedKb(file: string): Promise<number> {
  return gzipSync(await readFile(path.join(EXTENSION_DIR, file)), { level: 9 }).length / 1000;
}

/** Two frames: whatever the last step changed is on screen. */
export const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Open conversation `i` the way Gmail does: new message DOM in the list, a new hash. Returns after the page painted it. */
async function openConversation(page: Page, i: number): Promise<void> {
  await page.evaluate(
    ({ i, paragraphs }) => {
      const list = document.querySelector('div[role="list"]')!;
      const message = document.createElement('div');
      message.setAttribute('data-message-id', `#msg-f:${1_000_000 + i}`);
      const h3 = document.createElement('h3');
      const person = document.createElement('span');
      person.setAttribute('email', `buyer${i}@acme-industrial.com`);
      person.setAttribute('name', `Buyer ${i}`);
      person.textContent = `Buyer ${i}`;
      h3.append(person);
      const body = document.createElement('div');
      for (let p = 0; p < paragraphs; p++) {
        const paragraph = document.createElement('p');
        paragraph.textContent = `Line ${p} of conversation ${i}: could you quote 500 units for Q4?`;
        body.append(paragraph);
      }
      message.append(h3, body);
      list.replaceChildren(message);
      (window as unknown as { __qwAppearedAt: number }).__qwAppearedAt = performance.now();
      history.pushState({}, '', `#inbox/conversation${i}`);
    },
    { i, paragraphs: BODY_PARAGRAPHS },
  );
  // Two frames: the page paints the conversation, and the badge gets its chance to appear.
  await frames(page);
}

/** In the page's own world: when each badge host appears (the page sees the host, never what is inside). */
async function watchBadges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __qwBadgeDelays: number[]; __qwAppearedAt: number; __qwLongTasks: number };
    w.__qwBadgeDelays = [];
    w.__qwLongTasks = 0;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeName === 'QUOTEWISE-BADGE') w.__qwBadgeDelays.push(performance.now() - w.__qwAppearedAt);
    }).observe(document.body, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      w.__qwLongTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
    }).observe({ type: 'longtask' });
  });
}

export async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

interface Tab {
  page: Page;
  /** Performance metrics in CPU time (thread ticks); heap. */
  cdp: CDPSession;
  /** The same metrics in wall time, printed beside the figure. */
  wall: CDPSession;
}

async function tab(page: Page): Promise<Tab> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const wall = await page.context().newCDPSession(page);
  await wall.send('Performance.enable', { timeDomain: 'timeTicks' });
  await cdp.send('HeapProfiler.enable');
  await watchBadges(page);
  return { page, cdp, wall };
}

/** Both pages open the same conversations, interleaved one by one and taking turns to go first, so load falls on both alike. */
async function conversations(tabs: Tab[], from: number, to: number): Promise<{ cpu: number[]; wall: number[] }> {
  const read = () => Promise.all(tabs.flatMap((t) => [taskSeconds(t.cdp), taskSeconds(t.wall)]));
  const before = await read();
  for (let i = from; i < to; i++) for (const t of i % 2 ? [...tabs].reverse() : tabs) await openConversation(t.page, i);
  const spent = (await read()).map((value, i) => value - before[i]!);
  return { cpu: spent.filter((_, i) => i % 2 === 0), wall: spent.filter((_, i) => i % 2 === 1) };
}

/**
 * Card open, click to card painted. The pill is in a closed shadow root: its place on screen
 * comes from the accessibility tree and layout (CDP), and a real mouse (CDP Input) moves there,
 * rests for two frames (the hint shows, as for a rep) and clicks. The card is an extension page in
 * a frame (issue 15): the span is from the click's time stamp in the page to the card page's own
 * mark once its card is painted (CARD_PAINTED_MARK: a task queued from its first animation frame),
 * both on the epoch clock (`performance.timeOrigin`). Each click also checks, with a hit test in a
 * requestAnimationFrame callback the click queues, that the frame is in place in the next frame
 * (300 px right of the pill's left edge, just below it). After the open, the dialog is in the
 * accessibility tree and its box holds the spot; Escape closes it, and a click elsewhere leaves
 * nothing hovered or focused for the next open.
 */
async function cardOpens(): Promise<{ durations: number[] }> {
  const session = await launchExtension();
  try {
    await serveGlobexThread(session);
    await (await loadDemoBook(session)).page.close();

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(WITH);
    await waitForAccessible(page, GLOBEX, 20_000);
    const [pill] = await boxesOf(page, GLOBEX);
    if (!pill) throw new Error('No Globex badge on the page');
    const spot = { x: pill.x + 300, y: pill.y + pill.height + 20 };
    await page.evaluate((spot) => {
      const w = window as unknown as { __qwOpens: { at: number; before: boolean; inFrame: boolean }[] };
      w.__qwOpens = [];
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      let before = true;
      addEventListener('pointerdown', () => (before = document.elementFromPoint(spot.x, spot.y)?.localName.startsWith('quotewise-') ?? false), { capture: true });
      addEventListener(
        'click',
        (event) => {
          if ((event.target as Element).localName !== 'quotewise-badge') return;
          const open = { at: performance.timeOrigin + event.timeStamp, before, inFrame: false };
          w.__qwOpens.push(open);
          // The card's frame is in the page's card host (quotewise-card), in the top layer.
          requestAnimationFrame(() => (open.inFrame = document.elementFromPoint(spot.x, spot.y)?.localName === 'quotewise-card'));
        },
        { capture: true },
      );
    }, spot);
    const dialog = (node: AxNode) => node.role === 'dialog' && node.name === 'Globex Components';
    const painted: number[] = [];
    for (let i = 0; i < CARD_OPENS; i++) {
      await page.mouse.move(pill.x + pill.width / 2, pill.y + pill.height / 2);
      await frames(page);
      const cardFrame = () => page.frames().find((f) => f.url().includes('/card.html#'));
      // The page's card frame loads with its first badge and stays: each open adds a paint mark.
      const marksBefore = (await cardFrame()?.evaluate((mark) => performance.getEntriesByName(mark).length, CARD_PAINTED_MARK)) ?? 0;
      await page.mouse.down();
      await page.mouse.up();
      await waitForAccessible(page, dialog);
      const frame = cardFrame();
      if (!frame) throw new Error(`No card frame after open ${i + 1}`);
      painted.push(await frame.evaluate(async ({ mark, before }) => {
        while (performance.getEntriesByName(mark).length <= before) await new Promise((resolve) => setTimeout(resolve, 5));
        return performance.timeOrigin + performance.getEntriesByName(mark).at(-1)!.startTime;
      }, { mark: CARD_PAINTED_MARK, before: marksBefore }));
      const [card] = await boxesOf(page, dialog);
      if (!card) throw new Error(`No card after open ${i + 1}`);
      if (spot.x < card.x || spot.x > card.x + card.width || spot.y < card.y || spot.y > card.y + card.height) {
        throw new Error(`The card ${JSON.stringify(card)} does not cover the spot ${JSON.stringify(spot)} the bench checks`);
      }
      await page.keyboard.press('Escape');
      // Escape closes on its release.
      const closeBy = Date.now() + 2000;
      while ((await accessibleNodes(page)).some((n) => n.role === 'dialog')) {
        if (Date.now() > closeBy) throw new Error(`Escape did not close the card (open ${i + 1})`);
        await page.waitForTimeout(20);
      }
      await page.mouse.click(1200, 700);
      await frames(page);
    }
    const opens = await page.evaluate(() => (window as unknown as { __qwOpens: { at: number; before: boolean; inFrame: boolean }[] }).__qwOpens);
    if (opens.length !== CARD_OPENS) throw new Error(`${opens.length} of ${CARD_OPENS} clicks reached the badge`);
    const durations = opens.map((open, i) => {
      if (open.before || !open.inFrame) throw new Error(`Open ${i + 1}: the card's frame was not in place in the frame after the click (${JSON.stringify(open)})`);
      return Math.round(painted[i]! - open.at);
    });
    return { durations };
  } finally {
    await session.close();
  }
}

/** Both pages in popup windows of one size, opened from a page the extension does not run on. */
export async function popupOpener(session: ExtensionSession): Promise<(url: string) => Promise<Page>> {
  await session.context.route(LAUNCHER, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  const launcher = await session.context.newPage();
  await launcher.goto(LAUNCHER);
  return async (url: string) => {
    const [page] = await Promise.all([
      session.context.waitForEvent('page'),
      launcher.evaluate((url) => void window.open(url, '_blank', 'popup,width=1280,height=900'), url),
    ]);
    await page.waitForLoadState();
    return page;
  };
}

/** Issue 15: pages that never stop changing, each measured in two turns of this many rounds of this many seconds. */
const RESTLESS_ROUNDS_PER_TURN = 3;
/** Turns, each with fresh windows, alternating which page is opened first. */
const RESTLESS_TURNS = [true, false, true, false] as const;
const RESTLESS_SECONDS = 5;

/**
 * The renderer's main-thread CPU on a page that never stops changing the people it shows (each
 * new address at a new company, so a new lookup), with the extension and without it: the same
 * page at a matched and at an unmatched host, side by side in two popup windows over the same
 * seconds. Two pages: one changing its sender's address every animation frame, one replacing a
 * whole message (a new sender) every frame. The ratio is of the CPU summed over all the rounds, half of them
 * with each page opened first.
 * The pages take turns being opened first (fresh windows each turn), as the badge figures take
 * turns going first: the popup opened first costs its renderer more whatever it shows. With
 * neither page at a host the extension runs on, one fixed order read 1.07–1.16 in 6 of 7 runs of
 * 5 rounds (0.87 in the 7th) and the other order 0.97, a bias the figure would otherwise carry.
 */
export async function runRestlessBench(): Promise<Figure[]> {
  const session = await launchExtension();
  try {
    const created = (await session.send({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] } })) as { ok: boolean };
    if (!created.ok) throw new Error('Could not create the bench account');
    const popup = await popupOpener(session);
    const lookups = await countLookups(session.serviceWorker);
    const origins = ['https://mail.google.com/**', 'https://mail.quotewise-bench.test/**'];
    const figures: Figure[] = [];
    for (const [what, serve] of [
      ['changing an address every frame', serveFlippingThread],
      ['replacing a message (its sender) every frame', serveChurningThread],
    ] as const) {
      for (const origin of origins) {
        await session.context.unroute(origin);
        await serve(session.context, origin);
      }
      const ratios: number[] = [];
      const cpu = [0, 0];
      const flipped = [0, 0];
      let sent = 0;
      for (const withFirst of RESTLESS_TURNS) {
        const opened = [];
        for (const url of withFirst ? [WITH, WITHOUT] : [WITHOUT, WITH]) opened.push(await popup(url));
        const pages = withFirst ? opened : opened.reverse();
        const cdps = await Promise.all(
          pages.map(async (page) => {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
            return cdp;
          }),
        );
        const flips = () => Promise.all(pages.map((page) => page.evaluate(() => (window as unknown as { __qwFlips: number }).__qwFlips)));
        // The badge UI's first load and the JIT before the first round.
        await pages[0]!.waitForTimeout(2000);
        const lookupsBefore = (await lookups.read()).length;
        const flipsBefore = await flips();
        for (let round = 0; round < RESTLESS_ROUNDS_PER_TURN; round++) {
          const before = await Promise.all(cdps.map(taskSeconds));
          await pages[0]!.waitForTimeout(RESTLESS_SECONDS * 1000);
          const spent = (await Promise.all(cdps.map(taskSeconds))).map((after, i) => after - before[i]!);
          spent.forEach((seconds, i) => (cpu[i]! += seconds));
          ratios.push(spent[0]! / spent[1]!);
        }
        (await flips()).forEach((after, i) => (flipped[i]! += after - flipsBefore[i]!));
        sent += (await lookups.read()).length - lookupsBefore;
        for (const page of pages) await page.close();
      }
      const seconds = RESTLESS_TURNS.length * RESTLESS_ROUNDS_PER_TURN * RESTLESS_SECONDS;
      figures.push({
        issue: '#15',
        // The page opened first costs its renderer more on its own (0.05–0.3 in the rounds, with or without the
        // extension), so each order has as many rounds, and the figure is the CPU summed over all of them: the
        // bias cancels, where a median of the rounds picks a round from one order or the other.
        name: `Main-thread CPU with / without the extension, a page ${what} (CPU summed over ${ratios.length} rounds of ${RESTLESS_SECONDS} s, half with each page opened first)`,
        value: cpu[0]! / cpu[1]!,
        unit: '×',
        target: 1.2,
        kind: 'max',
        note: `rounds ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; CPU ${(cpu[0]! / seconds).toFixed(3)} / ${(cpu[1]! / seconds).toFixed(3)} s per s; ${flipped[0]} / ${flipped[1]} changes; ${sent} lookups in ${seconds} s`,
      });
    }
    return figures;
  } finally {
    await session.close();
  }
}

export async function runBadgeBench(): Promise<Figure[]> {
  const gzipped = await gzippedKb('content-scripts/badge.js');
  const uiGzipped = await gzippedKb(BADGE_UI_SCRIPT);
  // In a browser of its own, closed before the page budget below is measured.
  const card = await cardOpens();

  const session = await launchExtension();
  try {
    const html = await readFile(path.join(ROOT, 'test/fixtures/gmail/thread.html'), 'utf8');
    for (const origin of ['https://mail.google.com/**', 'https://mail.quotewise-bench.test/**']) {
      await session.context.route(origin, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    }
    const created = (await session.send({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] } })) as { ok: boolean };
    if (!created.ok) throw new Error('Could not create the bench account');

    const popup = await popupOpener(session);
    const withoutPage = await popup(WITHOUT);
    const withPage = await popup(WITH);
    const tabs = [await tab(withPage), await tab(withoutPage)];
    // Warm up (the UI script's first load, first lookups, JIT), then measure from a garbage-collected baseline.
    await conversations(tabs, 0, WARM_UP);
    await withPage.evaluate(() => {
      (window as unknown as { __qwBadgeDelays: number[] }).__qwBadgeDelays = [];
    });
    // Heap after GC before and after the last 200 conversations: a steady state that keeps growing is a leak.
    const windows = [WARM_UP, EARLIER_FROM, MEMORY_FROM, CONVERSATIONS];
    const heaps: number[][] = [];
    const tasks = [0, 0];
    const wallTasks = [0, 0];
    for (let w = 0; w + 1 < windows.length; w++) {
      if (w > 0) heaps.push(await Promise.all(tabs.map((t) => heapAfterGc(t.cdp))));
      const spent = await conversations(tabs, windows[w]!, windows[w + 1]!);
      spent.cpu.forEach((seconds, i) => (tasks[i]! += seconds));
      spent.wall.forEach((seconds, i) => (wallTasks[i]! += seconds));
    }
    heaps.push(await Promise.all(tabs.map((t) => heapAfterGc(t.cdp))));
    const [withTask, withoutTask] = tasks as [number, number];
    /** Heap growth over one window, with minus without the extension, in kB. */
    const growthKb = ([before, after]: number[][]) => (after![0]! - before![0]! - (after![1]! - before![1]!)) / 1000;
    const [withState, withoutState] = await Promise.all(
      tabs.map((t) =>
        t.page.evaluate(() => {
          const w = window as unknown as { __qwBadgeDelays: number[]; __qwLongTasks: number };
          return { delays: w.__qwBadgeDelays, longTasks: w.__qwLongTasks, badges: document.querySelectorAll('quotewise-badge').length };
        }),
      ),
    );
    const delays = withState!.delays;
    const measured = CONVERSATIONS - WARM_UP;
    if (delays.length < measured * 0.95) throw new Error(`Only ${delays.length} of ${measured} badges appeared`);
    return [
      { issue: '#4', name: 'Content script size (gzipped)', value: gzipped, unit: 'kB', target: 15, kind: 'max' },
      {
        issue: CARD_ISSUE,
        name: 'Badge UI script size, injected on a page’s first customer (gzipped)',
        value: uiGzipped,
        unit: 'kB',
        target: 30,
        kind: 'max',
        note: 'no target in the issue: twice the content script’s, as it loads once per page, only on a page with a customer, from the extension’s own files',
      },
      { issue: '#4', name: `Badge visible after the sender appears (p95, ${measured} conversations, first ${WARM_UP} warm-up)`, value: percentile(delays, 95), unit: 'ms', target: 50, kind: 'max' },
      {
        issue: '#4',
        name: `Main-thread CPU time with / without the extension (same fixture, ${measured} conversations)`,
        value: withTask / withoutTask,
        unit: '×',
        target: 1.05,
        kind: 'max',
        note: `wall time in tasks: ${(wallTasks[0]! / wallTasks[1]!).toFixed(3)}×`,
      },
      { issue: '#4', name: 'Long tasks (> 50 ms) with the extension beyond those without', value: Math.max(0, withState!.longTasks - withoutState!.longTasks), unit: 'tasks', target: 0, kind: 'max' },
      {
        issue: '#4',
        name: `JS heap growth after GC, conversations ${MEMORY_FROM}–${CONVERSATIONS}, with minus without the extension`,
        value: growthKb(heaps.slice(1, 3)),
        unit: 'kB',
        target: 50,
        kind: 'max',
        note: `${EARLIER_FROM}–${MEMORY_FROM}: ${growthKb(heaps.slice(0, 2)).toFixed(1)} kB; badges on the page at the end: ${withState!.badges}`,
      },
      {
        issue: CARD_ISSUE,
        name: `Card open, click → card painted in its frame (p95, ${CARD_OPENS} opens)`,
        value: percentile(card.durations, 95),
        unit: 'ms',
        target: 50,
        kind: 'max',
        note: `click time stamp to the card page's paint mark (epoch clock), the frame in place in the next frame every time; first open on the page: ${card.durations[0]} ms; median ${percentile(card.durations, 50)} ms`,
      },
    ];
  } finally {
    await session.close();
  }
}
