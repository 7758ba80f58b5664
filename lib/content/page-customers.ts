import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { adapterFor } from '../adapters';

/**
 * The popup asks the open tab "who is the customer here?" and this answers,
 * from the same site adapters that place the badges. The popup then resolves
 * the answer with `accounts.lookup`, so the page never sees account data it
 * did not already show.
 */
export const PAGE_CUSTOMERS = 'page.customers';

export const PageCustomersRequest = z.object({ quotewise: z.literal(1), type: z.literal(PAGE_CUSTOMERS) });

export const PageCustomers = z.object({
  emails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(200)),
  webAddresses: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50)),
  names: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
});
export type PageCustomers = z.infer<typeof PageCustomers>;

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

/** Answer the popup's question for as long as this content script is valid. */
export function answerPageCustomers(ctx: { onInvalidated(cb: () => void): unknown }): void {
  const listener = (message: unknown) =>
    PageCustomersRequest.safeParse(message).success ? Promise.resolve(pageCustomers(document, new URL(location.href))) : undefined;
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
