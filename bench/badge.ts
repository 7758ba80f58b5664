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
import { EXTENSION_DIR, ROOT, launchExtension } from '../test/e2e/harness';
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
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
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

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
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

export async function runBadgeBench(): Promise<Figure[]> {
  const script = await readFile(path.join(EXTENSION_DIR, 'content-scripts/badge.js'));
  const gzipped = gzipSync(script, { level: 9 }).length;

  const session = await launchExtension();
  try {
    const html = await readFile(path.join(ROOT, 'test/fixtures/gmail/thread.html'), 'utf8');
    for (const origin of ['https://mail.google.com/**', 'https://mail.quotewise-bench.test/**']) {
      await session.context.route(origin, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    }
    const created = (await session.send({ quotewise: 1, type: 'accounts.create', data: { name: 'Acme Industrial', domains: ['acme-industrial.com'] } })) as { ok: boolean };
    if (!created.ok) throw new Error('Could not create the bench account');

    // Both pages in popup windows of one size, opened from a page the extension does not run on.
    await session.context.route(LAUNCHER, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    const launcher = await session.context.newPage();
    await launcher.goto(LAUNCHER);
    const popup = async (url: string) => {
      const [page] = await Promise.all([
        session.context.waitForEvent('page'),
        launcher.evaluate((url) => void window.open(url, '_blank', 'popup,width=1280,height=900'), url),
      ]);
      await page.waitForLoadState();
      return page;
    };
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
      { issue: '#4', name: 'Content script size (gzipped)', value: gzipped / 1000, unit: 'kB', target: 15, kind: 'max' },
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
    ];
  } finally {
    await session.close();
  }
}
