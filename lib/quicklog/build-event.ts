import * as z from 'zod/mini';
import { parseAmount, parsePercent } from '../amount';
import type { LoggedEventType } from '../event-types';
import { Currency, NewEventInput, QUOTE_OUTCOMES, REFERRAL_KINDS, SERVICE_KINDS, type NewEvent } from '../model';

/**
 * The quick-log form as plain data: what the rep typed (strings, as typed, in
 * their locale) in, a validated event or an error per field out. Pure, so every
 * rule is unit-tested without a DOM; the component only renders it.
 */

export const OUTCOME_LABELS: Record<(typeof QUOTE_OUTCOMES)[number], string> = {
  won: 'Won',
  lost: 'Lost',
  lost_to_incumbent: 'Lost: the incumbent matched our price',
  no_decision: 'No decision',
};
export const SERVICE_LABELS: Record<(typeof SERVICE_KINDS)[number], string> = {
  support: 'Support',
  exception: 'Exception',
  order_change: 'Order change',
  dispute: 'Dispute',
};
export const REFERRAL_LABELS: Record<(typeof REFERRAL_KINDS)[number], string> = {
  testimonial: 'Testimonial',
  reference_call: 'Reference call',
  introduction: 'Introduction to another department',
  other: 'Other',
};

export interface QuickLogFields {
  amount: string;
  currency: string;
  discount: string;
  reference: string;
  competitor: string;
  competitorPrice: string;
  quoteRef: string;
  outcome: string;
  dueDate: string;
  invoiceRef: string;
  minutes: string;
  serviceKind: string;
  nre: boolean;
  referralKind: string;
  upsellKind: string;
  note: string;
}
export type FieldName = keyof QuickLogFields;
export type FieldErrors = Partial<Record<FieldName, string>>;

export function emptyFields(currency: string, today: string): QuickLogFields {
  return {
    amount: '',
    currency,
    discount: '',
    reference: '',
    competitor: '',
    competitorPrice: '',
    quoteRef: '',
    outcome: '',
    dueDate: today,
    invoiceRef: '',
    minutes: '',
    serviceKind: 'support',
    nre: false,
    referralKind: 'other',
    upsellKind: 'upsell',
    note: '',
  };
}

/** Which fields each type shows, in order. The first is focused. */
export const FIELDS_OF: Record<LoggedEventType, readonly FieldName[]> = {
  quote: ['amount', 'currency', 'discount', 'reference', 'competitor', 'competitorPrice', 'note'],
  price_match: ['competitor', 'competitorPrice', 'currency', 'quoteRef', 'note'],
  quote_outcome: ['outcome', 'quoteRef', 'note'],
  order: ['amount', 'currency', 'note'],
  invoice: ['amount', 'currency', 'dueDate', 'invoiceRef', 'note'],
  payment: ['amount', 'currency', 'invoiceRef', 'note'],
  service: ['minutes', 'serviceKind', 'note'],
  engineering_change: ['nre', 'note'],
  referral: ['referralKind', 'note'],
  upsell: ['upsellKind', 'amount', 'currency', 'note'],
  note: ['note'],
};

export interface BuildContext {
  accountId: string;
  now: number;
  locale: string;
}

export type BuildResult = { ok: true; event: NewEvent } | { ok: false; errors: FieldErrors };

export function buildEvent(type: LoggedEventType, fields: QuickLogFields, { accountId, now, locale }: BuildContext): BuildResult {
  const errors: FieldErrors = {};
  const currency = Currency.safeParse(fields.currency);
  if (FIELDS_OF[type].includes('currency') && !currency.success) errors.currency = 'Use a 3-letter currency code, like USD or EUR.';
  const currencyCode = currency.success ? currency.data : 'USD';

  const money = (name: FieldName, required: boolean) => {
    const typed = String(fields[name]).trim();
    if (!typed) {
      if (required) errors[name] = 'Enter an amount.';
      return undefined;
    }
    const parsed = parseAmount(typed, locale, currencyCode);
    if (!parsed.ok) {
      errors[name] = parsed.error;
      return undefined;
    }
    return { minor: parsed.value, currency: currencyCode };
  };
  const optionalText = (name: FieldName) => String(fields[name]).trim() || undefined;
  const requiredText = (name: FieldName, message: string) => {
    const value = optionalText(name);
    if (!value) errors[name] = message;
    return value;
  };
  const note = type === 'note' ? requiredText('note', 'Write the note.') : optionalText('note');
  const base = { accountId, at: now, source: 'manual' as const, ...(note ? { note } : {}) };

  let event: Record<string, unknown> = {};
  switch (type) {
    case 'quote': {
      const amount = money('amount', true);
      const competitorPrice = money('competitorPrice', false);
      let discountPct: number | undefined;
      if (fields.discount.trim()) {
        const parsed = parsePercent(fields.discount, locale);
        if (parsed.ok) discountPct = parsed.value;
        else errors.discount = parsed.error;
      }
      event = { type, amount, discountPct, quoteRef: optionalText('reference'), competitor: optionalText('competitor'), competitorPrice };
      break;
    }
    case 'price_match':
      event = {
        type,
        competitor: requiredText('competitor', 'Name the competitor.'),
        competitorPrice: money('competitorPrice', false),
        quoteRef: optionalText('quoteRef'),
      };
      break;
    case 'quote_outcome': {
      const outcome = z.enum(QUOTE_OUTCOMES).safeParse(fields.outcome);
      if (!outcome.success) errors.outcome = 'Choose what happened to the quote.';
      event = { type, outcome: outcome.data, quoteRef: optionalText('quoteRef') };
      break;
    }
    case 'order':
      event = { type, amount: money('amount', true) };
      break;
    case 'invoice': {
      const dueAt = parseDate(fields.dueDate);
      if (dueAt === null) errors.dueDate = 'Enter the due date.';
      event = { type, amount: money('amount', false), dueAt, invoiceRef: optionalText('invoiceRef') };
      break;
    }
    case 'payment':
      event = { type, amount: money('amount', false), invoiceRef: optionalText('invoiceRef') };
      break;
    case 'service': {
      const minutes = /^\s*\d{1,6}\s*$/.test(fields.minutes) ? Number(fields.minutes) : Number.NaN;
      if (!(minutes >= 0 && minutes <= 100_000)) errors.minutes = 'Enter whole minutes, like 45.';
      event = { type, minutes, kind: fields.serviceKind };
      break;
    }
    case 'engineering_change':
      event = { type, nre: fields.nre };
      break;
    case 'referral':
      event = { type, kind: fields.referralKind };
      break;
    case 'upsell':
      event = { type, kind: fields.upsellKind, amount: money('amount', false) };
      break;
    case 'note':
      event = { type };
      break;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = NewEventInput.safeParse(withoutUndefined({ ...base, ...event }));
  if (!parsed.success) {
    // The per-field checks above should catch everything; this keeps a schema rule we missed from saving half an event.
    return { ok: false, errors: { [FIELDS_OF[type][0]!]: z.prettifyError(parsed.error) } };
  }
  return { ok: true, event: parsed.data as NewEvent };
}

/** A date input's `yyyy-mm-dd` as the end of that day in UTC (a due date is a day, not an instant). */
export function parseDate(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(at) ? null : at;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** `yyyy-mm-dd` for a date input, `days` after `now`, in the rep's time zone. */
export function dateInputValue(now: number, days = 0): string {
  const date = new Date(now + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
