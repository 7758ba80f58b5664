import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { BadgeLookupResponse, type LookupResponse } from '../messaging/lookup';
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
  // The summaries are checked as far as the badge reads them (BadgeSummary); the card checks the whole of each.
  lookup: (queries: LookupQueries) => sendRequest('accounts.lookup', queries, BadgeLookupResponse) as Promise<LookupResponse>,
};
export type ContentApi = typeof contentApi;

/**
 * What the background broadcasts (lib/background/notify.ts): after a write, these accounts'
 * health may have changed; after the rep changed the setting, whether message lists show health.
 */
const Broadcast = z.object({
  quotewise: z.literal(1),
  type: z.enum(['health.changed', 'lists.shown']),
  data: z.object({ accountIds: z.optional(z.array(z.string()).check(z.maxLength(10_000))), shown: z.optional(z.boolean()) }),
});

export interface BroadcastListeners {
  healthChanged(accountIds: string[]): void;
  listsShown(shown: boolean): void;
}

export function onBroadcast(listeners: BroadcastListeners, signal: AbortSignal): void {
  // Returns nothing: this listener never answers, so it must not hold the sender's reply channel open.
  const receive = (message: unknown) => {
    const parsed = Broadcast.safeParse(message);
    if (!parsed.success) return;
    const { type, data } = parsed.data;
    if (type === 'health.changed') listeners.healthChanged(data.accountIds ?? []);
    else if (data.shown !== undefined) listeners.listsShown(data.shown);
  };
  browser.runtime.onMessage.addListener(receive);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(receive), { once: true });
}
