import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { LookupResponse } from '../messaging/lookup';
import { sendRequest } from '../messaging/transport';
import type { LookupQueries } from './state';

/**
 * The content script's side of the protocol: it only asks who the customers on the page
 * are. Everything the rep does in a card (create, dismiss, log, open) is sent by the card,
 * an extension page, so nothing a web page can run in the content script's context can write.
 * The answer is validated with only the schema it needs, so the content script does not ship
 * the whole protocol and data model.
 */
export const contentApi = {
  lookup: async (queries: LookupQueries) => (await sendRequest('accounts.lookup', queries, LookupResponse)).results,
};
export type ContentApi = typeof contentApi;

/** What the background broadcasts after a write: these accounts' health may have changed. */
const HealthChanged = z.object({
  quotewise: z.literal(1),
  type: z.literal('health.changed'),
  data: z.object({ accountIds: z.array(z.string()).check(z.maxLength(10_000)) }),
});

export function onHealthChanged(listener: (accountIds: string[]) => void, signal: AbortSignal): void {
  // Returns nothing: this listener never answers, so it must not hold the sender's reply channel open.
  const receive = (message: unknown) => {
    const parsed = HealthChanged.safeParse(message);
    if (parsed.success) listener(parsed.data.data.accountIds);
  };
  browser.runtime.onMessage.addListener(receive);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(receive), { once: true });
}
