import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { ROOT } from './harness';

/**
 * Pages that try to make the badge script work without end (issue 15, item 2), built
 * from the real Gmail thread fixture so the Gmail adapter reads them as it reads Gmail.
 */
const thread = () => readFile(path.join(ROOT, 'test/fixtures/gmail/thread.html'), 'utf8');

const serve = async (context: BrowserContext, urlPattern: string, body: string) =>
  context.route(urlPattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));

/**
 * The thread, its sender's address changed every animation frame to someone at a new company
 * (so no host rule can answer it: every change is a new lookup). `window.__qwFlips` counts
 * the changes, and `window.__qwStop = true` stops them.
 */
export async function serveFlippingThread(context: BrowserContext, urlPattern: string): Promise<void> {
  const script = `<script>
    window.__qwFlips = 0;
    const flip = () => {
      if (window.__qwStop) return;
      const sender = document.querySelector('div[data-message-id] h3 span[email]');
      const n = ++window.__qwFlips;
      sender?.setAttribute('email', 'buyer' + n + '@flip' + n + '-corp.com');
      requestAnimationFrame(flip);
    };
    requestAnimationFrame(flip);
  </script>`;
  await serve(context, urlPattern, (await thread()).replace('</body>', `${script}</body>`));
}

/**
 * The thread with one more message that the page replaces every animation frame: a new
 * div[data-message-id] whose sender (span[email]) is someone at a new company, added as the
 * last one is removed. `window.__qwFlips` counts the replacements; `window.__qwStop = true` stops them.
 */
export async function serveChurningThread(context: BrowserContext, urlPattern: string): Promise<void> {
  const script = `<script>
    window.__qwFlips = 0;
    const churn = () => {
      if (window.__qwStop) return;
      const n = ++window.__qwFlips;
      document.getElementById('qw-churn')?.remove();
      const message = document.createElement('div');
      message.id = 'qw-churn';
      message.setAttribute('data-message-id', '#msg-f:' + n);
      const h3 = document.createElement('h3');
      const sender = document.createElement('span');
      sender.setAttribute('email', 'buyer' + n + '@churn' + n + '-corp.com');
      sender.setAttribute('name', 'Buyer ' + n);
      sender.textContent = 'Buyer ' + n;
      h3.append(sender);
      message.append(h3);
      document.querySelector('div[role="list"]').append(message);
      requestAnimationFrame(churn);
    };
    requestAnimationFrame(churn);
  </script>`;
  await serve(context, urlPattern, (await thread()).replace('</body>', `${script}</body>`));
}

/** Who a thread sent to a list shows: `count` recipients in the real "to" line, each at a company of their own. */
const recipientAt = (i: number) => `buyer${i}@company${i}-corp.com`;

/** The thread sent to `count` recipients (Gmail lists them all in the header's "to" line), `known` replacing some of them. */
export async function serveCrowdedThread(context: BrowserContext, urlPattern: string, count: number, known: Record<number, string>): Promise<void> {
  const recipients = Array.from({ length: count }, (_, i) => {
    const email = known[i] ?? recipientAt(i);
    // As Gmail's expanded header lists them: the name, then the address.
    return `<span translate="no" class="g2" email="${email}" name="Buyer ${i}" data-hovercard-id="${email}" data-hovercard-owner-id="89">Buyer ${i}</span> <span class="go"><span aria-hidden="true">&lt;</span>${email}<span aria-hidden="true">&gt;</span></span>`;
  }).join(', ');
  const original = await thread();
  const html = original.replace(/<span class="hb">to [\s\S]*?<\/span><\/span><\/div>/, `<span class="hb">to ${recipients}</span></div>`);
  if (html === original) throw new Error('The thread fixture changed: no "to" line to fill');
  await serve(context, urlPattern, html);
}

/**
 * Count the `accounts.lookup` messages the background receives, and the emails in each:
 * a second listener in the service worker that never answers, beside the router's.
 */
export async function countLookups(serviceWorker: Worker): Promise<{ read: () => Promise<number[]>; reset: () => Promise<void> }> {
  await serviceWorker.evaluate(() => {
    const worker = self as unknown as { __qwLookups: number[] };
    worker.__qwLookups = [];
    chrome.runtime.onMessage.addListener((message: { type?: string; data?: { emails?: string[] } }) => {
      if (message?.type === 'accounts.lookup') worker.__qwLookups.push(message.data?.emails?.length ?? 0);
    });
  });
  return {
    read: () => serviceWorker.evaluate(() => (self as unknown as { __qwLookups: number[] }).__qwLookups),
    reset: () => serviceWorker.evaluate(() => void ((self as unknown as { __qwLookups: number[] }).__qwLookups = [])),
  };
}
