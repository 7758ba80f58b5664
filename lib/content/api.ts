import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { Id, type WarningName } from '../primitives';
import { LookupResponse } from '../messaging/lookup';
import { sendRequest } from '../messaging/transport';
import { OpenedReply, type Prefill, type UI_FORMS } from '../messaging/ui';
import type { LookupQueries, NewAccountInput } from './state';

/**
 * The content script's side of the protocol: only the messages it sends, each
 * answer validated with only the schema it needs, so the content script does not
 * ship the whole protocol and data model.
 */
const CreatedAccount = z.object({ id: Id, name: z.string() });
const ClaimedOwn = z.object({ ownDomain: z.optional(z.string()), ownAddress: z.optional(z.string()) });
const DismissedReply = z.object({ dismissed: z.literal(true) });
const Exists = z.object({ exists: z.boolean() });

export const contentApi = {
  lookup: async (queries: LookupQueries) => (await sendRequest('accounts.lookup', queries, LookupResponse)).results,
  createAccount: (input: NewAccountInput) => sendRequest('accounts.create', { id: crypto.randomUUID(), ...input }, CreatedAccount),
  dismissWarning: (input: { accountId: string; warning: WarningName; reason: string; snoozeDays?: 30 | 90 }) => sendRequest('warnings.dismiss', input, DismissedReply),
  claimOwn: (email: string) => sendRequest('settings.claimOwn', { email }, ClaimedOwn),
  /** Open the popup (on a form, filled in from an email suggestion) or the history page. */
  open: (page: 'popup' | 'history', accountId: string, form?: (typeof UI_FORMS)[number], prefill?: Prefill) =>
    sendRequest('ui.open', { page, accountId, form, prefill }, OpenedReply),
  /** Whether this account has this event: the email suggestion's message was logged already. */
  hasEvent: (accountId: string, id: string) => sendRequest('events.has', { accountId, id }, Exists),
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
