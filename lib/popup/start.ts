import { browser } from 'wxt/browser';
import { sendRaw } from '../messaging/send';

/**
 * What the popup needs before anything else: its address read, and the first
 * render's data asked for (early-request.ts starts it). Free of Zod and Preact on
 * purpose; `readPopupData` (current-account.ts) validates the answer.
 *
 * `?account=<id>` comes from the badge's quick actions, `?email=` / `?q=` from the
 * context menu. `?tab=<id>` names the tab when the popup page is open in a tab of
 * its own (the end-to-end tests, the context-menu window): there the "active tab"
 * is the popup itself.
 */
export interface PopupParams {
  accountId: string | null;
  email: string | null;
  text: string | null;
  tabId: number | null;
  form: 'quote' | 'price_match' | 'order' | 'payment' | null;
  /** The form filled in from an email suggestion (the badge's chip): fields as typed, and the event's id. */
  prefill: Partial<Record<(typeof PREFILL_KEYS)[number], string>> | null;
}

/** The parameters an email suggestion fills the form with (lib/messaging/ui.ts PREFILL_PARAMS, repeated here: this module ships no Zod). */
export const PREFILL_KEYS = ['eventId', 'amount', 'currency', 'competitor', 'competitorPrice', 'reference', 'invoiceRef', 'note'] as const;

export function readPopupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  const form = params.get('form');
  return {
    accountId: params.get('account') || null,
    email: params.get('email')?.slice(0, 320) || null,
    text: params.get('q')?.trim().slice(0, 200) || null,
    tabId: Number.isInteger(tab) && tab > 0 ? tab : null,
    form: form === 'quote' || form === 'price_match' || form === 'order' || form === 'payment' ? form : null,
    prefill: readPrefill(params),
  };
}

function readPrefill(params: URLSearchParams): PopupParams['prefill'] {
  const prefill: NonNullable<PopupParams['prefill']> = {};
  for (const key of PREFILL_KEYS) {
    const value = params.get(key)?.trim().slice(0, key === 'note' ? 500 : 200);
    if (value) prefill[key] = value;
  }
  return Object.keys(prefill).length ? prefill : null;
}

/** Starts `popup.open`; the answer is unread. Without an account, email or text, the customer comes from the current tab. */
export async function requestPopupData({ accountId, email, text, tabId }: PopupParams): Promise<unknown> {
  const tab = tabId ?? (accountId || email || text ? null : await activeTabId());
  return sendRaw('popup.open', { accountId, email, text, tabId: tab });
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
