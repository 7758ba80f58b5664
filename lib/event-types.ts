import type { EventType } from './model';

/** The events a rep logs or imports; a dismissed warning is recorded only from the warning itself. */
export const LOGGED_EVENT_TYPES = [
  'quote',
  'price_match',
  'quote_outcome',
  'order',
  'invoice',
  'payment',
  'service',
  'engineering_change',
  'referral',
  'upsell',
  'note',
] as const satisfies readonly EventType[];
export type LoggedEventType = (typeof LOGGED_EVENT_TYPES)[number];

/** What each event type is called everywhere a rep reads it. */
export const EVENT_LABELS: Record<EventType, string> = {
  quote: 'Quote',
  price_match: 'Price-match request',
  quote_outcome: 'Quote outcome',
  order: 'Order',
  invoice: 'Invoice',
  payment: 'Payment',
  service: 'Service request',
  engineering_change: 'Engineering change',
  referral: 'Referral',
  upsell: 'Up-sell / cross-sell',
  note: 'Note',
  warning_dismissed: 'Warning dismissed',
};
