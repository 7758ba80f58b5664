import { currencyDigits, type Formats } from '../format';
import type { Prefill } from '../messaging/ui';
import type { Suggestion, SuggestionKind } from './detect';

const KIND_LABELS: Record<SuggestionKind, string> = {
  quote: 'Quote request',
  price_match: 'Price-match request',
  order: 'Order',
  payment: 'Payment promise',
};

/**
 * The event's id for a message and kind: the same message logged again replaces its event
 * (events are put by id) instead of adding a second one, and the id says which message it
 * came from. Gmail's and Outlook's ids are opaque, so nothing of the message's text is in it.
 */
export function eventIdFor(messageId: string, kind: SuggestionKind): string {
  return `email:${kind}:${messageId}`.slice(0, 128);
}

/** An amount as the quick-log form reads it in any locale: digits and, when there are minor units, a point and all of them. */
export function amountField(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * "Price-match request: Initrode at $6,150.00", "Order PO-88213: $24,750.00", "Payment promise
 * by Dec 11, 2026": money and dates as every other view shows them, in the rep's locale (`f`).
 */
export function suggestionLabel(s: Suggestion, f: Formats): string {
  const kind = KIND_LABELS[s.kind];
  const money = (m?: { minor: number; currency: string }) => (m ? f.money(m.minor, m.currency) : '');
  switch (s.kind) {
    case 'price_match': {
      const price = money(s.competitorPrice);
      return `${kind}: ${s.competitor ?? 'a competitor'}${price ? ` at ${price}` : ''}`;
    }
    case 'quote':
      return [kind, [s.quantity ? f.plural(s.quantity, 'unit') : '', money(s.amount)].filter(Boolean).join(', ')].filter(Boolean).join(': ');
    case 'order':
      return `${kind}${s.reference ? ` ${s.reference}` : ''}${s.amount ? `: ${money(s.amount)}` : ''}`;
    case 'payment': {
      const day = s.payBy ? f.day(Date.parse(s.payBy)) : '';
      return `${kind}${s.amount ? `: ${money(s.amount)}` : ''}${day ? ` by ${day}` : ''}`;
    }
  }
}

/** The quick-log form filled in: only the fields the detector read, never the message's text. */
export function prefillFor(s: Suggestion, messageId: string): Prefill {
  const prefill: Prefill = { eventId: eventIdFor(messageId, s.kind) };
  const money = s.kind === 'price_match' ? s.competitorPrice : s.amount;
  if (money) prefill.currency = money.currency;
  if (s.amount && s.kind !== 'price_match') prefill.amount = amountField(s.amount.minor, s.amount.currency);
  if (s.competitor) prefill.competitor = s.competitor;
  if (s.competitorPrice) prefill.competitorPrice = amountField(s.competitorPrice.minor, s.competitorPrice.currency);
  const notes: string[] = [];
  if (s.quantity) notes.push(`${s.quantity} units`);
  if (s.reference) {
    if (s.kind === 'quote') prefill.reference = s.reference;
    else if (s.kind === 'payment') prefill.invoiceRef = s.reference;
    else notes.push(s.kind === 'order' ? `PO ${s.reference}` : `Their reference: ${s.reference}`);
  }
  if (s.payBy) notes.push(`Promised for ${s.payBy}`);
  notes.push('From the customer’s email');
  prefill.note = notes.join('. ');
  return prefill;
}
