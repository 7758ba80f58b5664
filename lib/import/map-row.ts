import { identifyEmail, identifyWebAddress, normaliseEmail, type IdentityOptions } from '../identity';
import { NewEventInput, QUOTE_OUTCOMES, REFERRAL_KINDS, SERVICE_KINDS } from '../model';
import { LOGGED_EVENT_TYPES, type LoggedEventType } from '../event-types';
import { type QuotewiseColumn, unguardCell } from './format';
import type { DealField, Mapping } from './presets';
import {
  parseAmount,
  parseChoice,
  parseCurrency,
  parseDate,
  parsePercent,
  parseWholeNumber,
  parseYesNo,
  type Parsed,
  type SlashDateOrder,
} from './values';

export interface RowContext {
  /** For rows with no currency (the rep's settings). */
  defaultCurrency: string;
  /** The rep's own domains and free-mail lists, so contact emails resolve as everywhere else. */
  identity: IdentityOptions;
  /** Due date of an invoice row that gives none: its date plus these days. */
  paymentTermsDays: number;
}

/** Who a row is about, normalised; lib/import/write.ts resolves it to an account (or creates one). */
export interface AccountKey {
  name?: string;
  /** Registrable domain (from `domain`, or a company contact_email). */
  domain?: string;
  /** The contact's address, lower-case. */
  email?: string;
}

/** An event as it will be stored, without its account (resolved at write time) and id (assigned per file). */
export type EventDraft = { type: LoggedEventType; at: number; source: 'import' } & Record<string, unknown>;

export type RowResult = { ok: true; account: AccountKey; events: EventDraft[] } | { ok: false; reason: string };

class RowError extends Error {}

/** Unwrap a parsed cell or stop mapping this row with its reason. */
function need<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new RowError(parsed.reason);
  return parsed.value;
}

const DAY = 86_400_000;

/** One CSV record (cells in file order) to the events it stands for, or the reason it cannot be imported. */
export function mapRow(cells: readonly string[], mapping: Mapping, context: RowContext): RowResult {
  const cell = (index: number | undefined) => (index === undefined ? '' : unguardCell((cells[index] ?? '').trim()));
  try {
    if (mapping.shape === 'events') {
      const get = (field: QuotewiseColumn) => cell(mapping.columns[field]);
      const account = accountKey(get('account'), get('domain'), get('contact_email'), context.identity);
      const events = eventRow(get, mapping.slashOrder, context, account.email);
      return { ok: true, account, events: events.map(validated) };
    }
    const get = (field: DealField) => cell(mapping.columns[field]);
    const account = accountKey(get('account'), get('domain'), get('contact_email'), context.identity);
    return { ok: true, account, events: dealRow(get, mapping.slashOrder, context, account.email).map(validated) };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}

function accountKey(name: string, domainCell: string, emailCell: string, identity: IdentityOptions): AccountKey {
  const key: AccountKey = {};
  if (name) {
    if (name.length > 200) throw new RowError('account name longer than 200 characters');
    key.name = name;
  }
  if (domainCell) {
    const company = identifyWebAddress(domainCell, identity);
    if (!company) throw new RowError(`bad domain "${domainCell}": not a company domain`);
    key.domain = company.domain;
  }
  if (emailCell) {
    const email = normaliseEmail(emailCell);
    if (!email) throw new RowError(`bad contact_email "${emailCell}": not an email address`);
    const who = identifyEmail(email, identity);
    if (!who) throw new RowError(`bad contact_email "${emailCell}": that is one of your own addresses`);
    key.email = email;
    if (who.kind === 'company') key.domain ??= who.domain;
  }
  if (!key.name && !key.domain && !key.email) throw new RowError('missing account: give account, domain or contact_email');
  return key;
}

function eventRow(
  get: (field: QuotewiseColumn) => string,
  slashOrder: SlashDateOrder,
  context: RowContext,
  contactEmail: string | undefined,
): EventDraft[] {
  const typeCell = get('type');
  if (!typeCell) throw new RowError('missing type');
  const type = parseChoice(typeCell, 'type', LOGGED_EVENT_TYPES);
  if (!type.ok) throw new RowError(type.reason);
  const at = need(parseDate(get('date'), slashOrder));
  const currency = get('currency') ? need(parseCurrency(get('currency'))) : context.defaultCurrency;
  const money = (column: 'amount' | 'competitor_price') =>
    get(column) ? { minor: need(parseAmount(get(column), currency, column)), currency } : undefined;
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined || value === '') throw new RowError(`missing ${what}: a ${type.value} row needs one`);
    return value;
  };
  const optionalText = (column: QuotewiseColumn) => get(column) || undefined;
  const base: EventDraft = { type: type.value, at, source: 'import' };
  if (contactEmail) base.contactEmail = contactEmail;
  if (get('notes')) base.note = get('notes');

  switch (type.value) {
    case 'quote':
      return [
        {
          ...base,
          amount: required(money('amount'), 'amount'),
          discountPct: get('discount_pct') ? need(parsePercent(get('discount_pct'), 'discount_pct')) : undefined,
          competitor: optionalText('competitor'),
          competitorPrice: money('competitor_price'),
          quoteRef: optionalText('quote_ref'),
        },
      ];
    case 'price_match':
      return [
        {
          ...base,
          competitor: required(optionalText('competitor'), 'competitor'),
          competitorPrice: money('competitor_price'),
          quoteRef: optionalText('quote_ref'),
        },
      ];
    case 'quote_outcome':
      return [
        {
          ...base,
          outcome: need(parseChoice(required(optionalText('outcome'), 'outcome'), 'outcome', QUOTE_OUTCOMES)),
          quoteRef: optionalText('quote_ref'),
        },
      ];
    case 'order':
      return [{ ...base, amount: required(money('amount'), 'amount'), orderRef: optionalText('order_ref') }];
    case 'invoice': {
      const dueAt = get('due_date') ? need(prefixed(parseDate(get('due_date'), slashOrder), 'due_date')) : at + context.paymentTermsDays * DAY;
      const paidAt = get('paid_date') ? need(prefixed(parseDate(get('paid_date'), slashOrder), 'paid_date')) : undefined;
      return [{ ...base, amount: money('amount'), invoiceRef: optionalText('invoice_ref'), orderRef: optionalText('order_ref'), dueAt, paidAt }];
    }
    case 'payment':
      return [{ ...base, amount: money('amount'), invoiceRef: optionalText('invoice_ref') }];
    case 'service':
      return [
        {
          ...base,
          minutes: need(parseWholeNumber(required(optionalText('minutes'), 'minutes'), 'minutes', 100_000)),
          kind: get('kind') ? need(parseChoice(get('kind'), 'kind', SERVICE_KINDS)) : 'support',
        },
      ];
    case 'engineering_change':
      return [{ ...base, nre: need(parseYesNo(get('nre'), 'nre')) }];
    case 'referral':
      return [{ ...base, kind: get('kind') ? need(parseChoice(get('kind'), 'kind', REFERRAL_KINDS)) : 'other' }];
    case 'upsell':
      return [
        {
          ...base,
          kind: get('kind') ? need(parseChoice(get('kind'), 'kind', ['upsell', 'cross_sell'] as const)) : 'upsell',
          amount: money('amount'),
        },
      ];
    case 'note':
      required(optionalText('notes'), 'notes');
      return [base];
  }
}

/** "bad date ..." from a due_date cell reads "bad due_date ...". */
function prefixed<T>(parsed: Parsed<T>, column: string): Parsed<T> {
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason.replace(/^bad date/, `bad ${column}`).replace(/^no date/, `no ${column}`) };
}

const WON = /\bwon\b|^closed ?won$/i;
const LOST = /\blost\b/i;

/**
 * A CRM deal: a quote when it was opened; when closed, its outcome, and for a won
 * deal the order. Open deals with no amount yet are quoted at 0.
 */
function dealRow(get: (field: DealField) => string, slashOrder: SlashDateOrder, context: RowContext, contactEmail: string | undefined): EventDraft[] {
  const stage = get('stage');
  const outcome = WON.test(stage) ? 'won' : LOST.test(stage) ? 'lost' : null;
  const opened = get('opened') ? need(prefixed(parseDate(get('opened'), slashOrder), 'opened')) : undefined;
  const closed = outcome && get('closed') ? need(prefixed(parseDate(get('closed'), slashOrder), 'closed')) : undefined;
  const quotedAt = opened ?? closed;
  if (quotedAt === undefined) throw new RowError(outcome ? 'no date: the deal has neither an open nor a close date' : 'no date: the deal has no open date yet');
  const currency = get('currency') ? need(parseCurrency(get('currency'))) : context.defaultCurrency;
  const amount = { minor: get('amount') ? need(parseAmount(get('amount'), currency)) : 0, currency };
  const quoteRef = get('deal_ref') || undefined;
  const base = { source: 'import' as const, ...(contactEmail ? { contactEmail } : {}) };
  const events: EventDraft[] = [
    {
      ...base,
      type: 'quote',
      at: quotedAt,
      amount,
      quoteRef,
      competitor: get('competitor') || undefined,
      note: get('notes') || undefined,
    },
  ];
  if (outcome) {
    const closedAt = Math.max(closed ?? quotedAt, quotedAt);
    events.push({ ...base, type: 'quote_outcome', at: closedAt, outcome, quoteRef });
    if (outcome === 'won' && amount.minor > 0) events.push({ ...base, type: 'order', at: closedAt, amount });
  }
  return events;
}

/** Last line of defence: the stored model's own schema, with its message as the reason. */
function validated(draft: EventDraft): EventDraft {
  const withoutUndefined = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined)) as EventDraft;
  const parsed = NewEventInput.safeParse({ ...withoutUndefined, accountId: 'pending' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RowError(`bad ${issue.path.join('.') || 'row'}: ${issue.message}`);
  }
  return withoutUndefined;
}
