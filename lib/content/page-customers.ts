/** The content script's answer to `page.customers` (lib/messaging/page-customers.ts), from the same site adapters that place the badges. */
import { browser } from 'wxt/browser';
import { adapterFor } from '../adapters';
import { PageCustomersRequest, type PageCustomers } from '../messaging/page-customers';

/** The customers visible on the page, in page order (the first is the one the rep is looking at), without repeats. */
export function pageCustomers(root: ParentNode, url: URL): PageCustomers {
  const sightings = adapterFor(url)?.find(root, url) ?? [];
  const distinct = (values: (string | undefined)[], max: number) =>
    [...new Set(values.flatMap((v) => (v?.trim() ? [v.trim()] : [])))].slice(0, max);
  return {
    emails: distinct(sightings.map((s) => s.email), 200),
    webAddresses: distinct(sightings.map((s) => s.webAddress), 50),
    names: distinct(sightings.map((s) => s.name), 50),
  };
}

/** Answer the popup's question until `signal` aborts (the content script stopped). */
export function answerPageCustomers(signal: AbortSignal): void {
  const listener = (message: unknown) =>
    PageCustomersRequest.safeParse(message).success ? Promise.resolve(pageCustomers(document, new URL(location.href))) : undefined;
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
