/**
 * The badge's budget (issue #4), measured in Chromium with the built extension
 * loaded, on the Gmail fixture. Two tabs in the same browser run the same
 * workload: one at mail.google.com (the content script runs) and one at a host
 * the extension does not match (it does not), so the ratio compares like with like.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, ROOT, launchExtension } from '../test/e2e/harness';
import { type Figure, percentile } from './stats';

const WITH = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const WITHOUT = 'https://mail.quotewise-bench.test/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const CONVERSATIONS = 500;
const WARM_UP = 100;
/**
 * Memory is compared over the issue's 200 conversations in sequence, after 300: until
 * then the heap still takes one-time growth (optimised code, caches) in both tabs alike.
 */
const MEMORY_FROM = CONVERSATIONS - 200;
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
  cdp: CDPSession;
}

async function tab(page: Page): Promise<Tab> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  await watchBadges(page);
  return { page, cdp };
}

/** Both tabs open the same conversations, interleaved one by one, so load on a shared machine falls on both alike. */
async function conversations(tabs: Tab[], from: number, to: number): Promise<number[]> {
  const before = await Promise.all(tabs.map((t) => taskSeconds(t.cdp)));
  for (let i = from; i < to; i++) for (const t of tabs) await openConversation(t.page, i);
  const after = await Promise.all(tabs.map((t) => taskSeconds(t.cdp)));
  return after.map((value, i) => value - before[i]!);
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

    const withPage = await session.context.newPage();
    await withPage.goto(WITH);
    // A window of its own, so both pages stay visible and render frames (a background tab would not).
    const [withoutPage] = await Promise.all([
      session.context.waitForEvent('page'),
      withPage.evaluate((url) => void window.open(url, '_blank', 'popup,width=1280,height=900'), WITHOUT),
    ]);
    await withoutPage.waitForLoadState();
    const tabs = [await tab(withPage), await tab(withoutPage)];
    // Warm up (the UI script's first load, first lookups, JIT), then measure from a garbage-collected baseline.
    await conversations(tabs, 0, WARM_UP);
    await withPage.evaluate(() => {
      (window as unknown as { __qwBadgeDelays: number[] }).__qwBadgeDelays = [];
    });
    // Heap after GC before and after the last 200 conversations: a steady state that keeps growing is a leak.
    const middle = MEMORY_FROM;
    const first = await conversations(tabs, WARM_UP, middle);
    const heapBefore = await Promise.all(tabs.map((t) => heapAfterGc(t.cdp)));
    const second = await conversations(tabs, middle, CONVERSATIONS);
    const heapAfter = await Promise.all(tabs.map((t) => heapAfterGc(t.cdp)));
    const [withTask, withoutTask] = [first[0]! + second[0]!, first[1]! + second[1]!];
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
    const growth = heapAfter.map((after, i) => after - heapBefore[i]!);
    return [
      { issue: '#4', name: 'Content script size (gzipped)', value: gzipped / 1000, unit: 'kB', target: 15, kind: 'max' },
      { issue: '#4', name: `Badge visible after the sender appears (p95, ${measured} conversations, first ${WARM_UP} warm-up)`, value: percentile(delays, 95), unit: 'ms', target: 50, kind: 'max' },
      {
        issue: '#4',
        name: `Main-thread time with / without the extension (same fixture, ${measured} conversations)`,
        value: withTask / withoutTask,
        unit: '×',
        target: 1.05,
        kind: 'max',
      },
      { issue: '#4', name: 'Long tasks (> 50 ms) with the extension beyond those without', value: Math.max(0, withState!.longTasks - withoutState!.longTasks), unit: 'tasks', target: 0, kind: 'max' },
      {
        issue: '#4',
        name: `JS heap growth after GC, conversations ${middle}–${CONVERSATIONS}, with minus without the extension`,
        value: (growth[0]! - growth[1]!) / 1000,
        unit: 'kB',
        target: 50,
        kind: 'max',
        note: `badges on the page at the end: ${withState!.badges}`,
      },
    ];
  } finally {
    await session.close();
  }
}
