import { parseAmount, separatorsOf } from '../amount';
import type { LoggedEventType } from '../event-types';
import { currencyDigits, isoDay } from '../format';
import { Email, type AccountEvent } from '../model';
import { buildEvent, emptyFields, FIELDS_OF, parseDate, type FieldErrors, type QuickLogFields } from '../quicklog/build-event';

/**
 * Editing an event in the timeline: every field of its type, checked by the same builder as the
 * popup's quick log (lib/quicklog/build-event.ts) and then by the model (editEvent), so an edit
 * accepts and refuses exactly what logging would. The fields the quick log does not show (when
 * it happened, the contact, a quote's list price, an order number, when an invoice was paid) are
 * read with the same parsers.
 */
export interface EditFields extends QuickLogFields {
  /** yyyy-mm-dd: the day it happened. */
  date: string;
  contactEmail: string;
  listPrice: string;
  orderRef: string;
  /** yyyy-mm-dd, or empty when not paid. */
  paidDate: string;
}
export type EditFieldName = keyof EditFields;
export type EditErrors = Partial<Record<EditFieldName, string>>;

/** The fields an event of this type shows in the editor, in order. */
export function editFieldsOf(type: LoggedEventType): readonly EditFieldName[] {
  const extra: EditFieldName[] = type === 'quote' ? ['listPrice'] : type === 'order' ? ['orderRef'] : type === 'invoice' ? ['orderRef', 'paidDate'] : [];
  const own = FIELDS_OF[type].filter((f) => f !== 'note');
  return ['date', ...own, ...extra, 'contactEmail', 'note'];
}

/** A stored amount as the rep would type it: plain digits, the locale's decimal mark, the currency's decimals. */
function typed(minor: number | undefined, currency: string, locale: string): string {
  if (minor === undefined) return '';
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits).replace('.', separatorsOf(locale).decimal);
}

/** What the editor starts with: the event's every field as text. */
export function fieldsOfEvent(event: AccountEvent, locale: string): EditFields {
  const e = event as Partial<Record<string, unknown>> & AccountEvent;
  const money = (e.amount ?? e.competitorPrice ?? e.listPrice) as { currency: string } | undefined;
  const currency = money?.currency ?? 'USD';
  const fields: EditFields = {
    ...emptyFields(currency, ''),
    date: isoDay(e.at),
    contactEmail: e.contactEmail ?? '',
    note: e.note ?? '',
    listPrice: '',
    orderRef: '',
    paidDate: '',
  };
  const minorOf = (m: unknown) => (m as { minor: number } | undefined)?.minor;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (e.type) {
    case 'quote':
      return {
        ...fields,
        amount: typed(e.amount.minor, currency, locale),
        discount: e.discountPct === undefined ? '' : String(e.discountPct).replace('.', separatorsOf(locale).decimal),
        reference: e.quoteRef,
        competitor: e.competitor ?? '',
        competitorPrice: typed(minorOf(e.competitorPrice), currency, locale),
        listPrice: typed(minorOf(e.listPrice), currency, locale),
      };
    case 'price_match':
      return { ...fields, competitor: e.competitor, competitorPrice: typed(minorOf(e.competitorPrice), currency, locale), quoteRef: e.quoteRef ?? '' };
    case 'quote_outcome':
      return { ...fields, outcome: e.outcome, quoteRef: e.quoteRef ?? '' };
    case 'order':
      return { ...fields, amount: typed(e.amount.minor, currency, locale), orderRef: e.orderRef ?? '' };
    case 'invoice':
      return {
        ...fields,
        amount: typed(minorOf(e.amount), currency, locale),
        dueDate: isoDay(e.dueAt),
        invoiceRef: e.invoiceRef ?? '',
        orderRef: e.orderRef ?? '',
        paidDate: e.paidAt === undefined ? '' : isoDay(e.paidAt),
      };
    case 'payment':
      return { ...fields, amount: typed(minorOf(e.amount), currency, locale), invoiceRef: e.invoiceRef ?? '' };
    case 'service':
      return { ...fields, minutes: String(e.minutes), serviceKind: e.kind };
    case 'engineering_change':
      return { ...fields, nre: e.nre };
    case 'referral':
      return { ...fields, referralKind: e.kind };
    case 'upsell':
      return { ...fields, upsellKind: e.kind, amount: typed(minorOf(e.amount), currency, locale) };
    default:
      return { ...fields, reference: str(e.quoteRef) };
  }
}

export type RebuildResult = { ok: true; event: AccountEvent } | { ok: false; errors: EditErrors };

/**
 * The edited event, or an error per field. The event keeps its id, account, source and when it
 * was recorded; the time of day it happened is kept when only the day changes.
 */
export function rebuildEvent(before: AccountEvent, fields: EditFields, locale: string): RebuildResult {
  const errors: EditErrors = {};
  const day = /^\d{4}-\d{2}-\d{2}$/.test(fields.date.trim()) ? Date.parse(`${fields.date.trim()}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(day)) errors.date = 'Enter the date it happened.';
  const at = day + (before.at - Date.parse(`${isoDay(before.at)}T00:00:00Z`));
  if (before.type === 'warning_dismissed') {
    // Its warning, reason and end are changed from the warning itself; here, when and the note.
    if (errors.date) return { ok: false, errors };
    const { note: _note, ...rest } = before;
    const note = fields.note.trim();
    return { ok: true, event: { ...rest, at, ...(note ? { note } : {}) } };
  }
  const type: LoggedEventType = before.type;

  const built = buildEvent(type, fields, { accountId: before.accountId, now: at, locale });
  if (!built.ok) Object.assign(errors, built.errors as FieldErrors);

  const extra: Record<string, unknown> = {};
  const email = fields.contactEmail.trim();
  if (email) {
    const parsed = Email.safeParse(email);
    if (parsed.success) extra.contactEmail = parsed.data;
    else errors.contactEmail = 'Enter an email address, like jane@example.com, or leave it empty.';
  }
  const fieldsShown = editFieldsOf(type);
  if (fieldsShown.includes('listPrice') && fields.listPrice.trim()) {
    const parsed = parseAmount(fields.listPrice, locale, fields.currency.trim().toUpperCase());
    if (parsed.ok) extra.listPrice = { minor: parsed.value, currency: fields.currency.trim().toUpperCase() };
    else errors.listPrice = parsed.error;
  }
  if (fieldsShown.includes('orderRef') && fields.orderRef.trim()) extra.orderRef = fields.orderRef.trim();
  if (fieldsShown.includes('paidDate') && fields.paidDate.trim()) {
    const paidAt = parseDate(fields.paidDate);
    if (paidAt === null) errors.paidDate = 'Enter the day it was paid, or leave it empty.';
    else extra.paidAt = paidAt;
  }
  if (!built.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const event = {
    ...built.event,
    ...extra,
    id: before.id,
    accountId: before.accountId,
    createdAt: before.createdAt,
    source: before.source,
    // A quote keeps its reference when the field is cleared: price-match requests and outcomes link to it.
    ...(type === 'quote' && !(built.event as { quoteRef?: string }).quoteRef ? { quoteRef: (before as { quoteRef: string }).quoteRef } : {}),
  };
  return { ok: true, event: event as AccountEvent };
}
