import type { AccountEvent, Money, WarningName } from '../model';
import type { Thresholds } from './definition';

export const DAY_MS = 86_400_000;

/** Everything scoring needs to know about one account's window, gathered in one pass. */
export interface Signals {
  windowStart: number;
  now: number;
  /** Events that count as history (notes and dismissals excluded). */
  scoredEvents: number;
  firstEventAt: number | null;
  /** The latest event but dismissals, at any age. */
  lastEventAt: number | null;

  quotes: number;
  firstQuoteAt: number | null;
  lastQuote: { at: number; amount: Money; quoteRef: string } | null;
  orders: number;
  /** Revenue in the definition's currency, minor units. */
  revenueMinor: number;
  /** Orders in the definition's currency below the smallest order worth serving. */
  smallOrders: number;
  ordersInCurrency: number;
  orderMonths: number;
  /** orders / quotes, capped at 1; null with no quotes. */
  quoteToOrderRate: number | null;

  outcomes: { won: number; lost: number; lostToIncumbent: number; noDecision: number };
  outcomeByQuoteRef: Map<string, AccountEvent & { type: 'quote_outcome' }>;
  priceMatches: number;
  /** The competitor named most often in price-match requests. */
  topCompetitor: { name: string; count: number } | null;
  /** Discounts of successive quotes, in time order. */
  discounts: number[];

  invoices: number;
  lateInvoices: number;
  /** Days past the due date of each invoice, in time order (unpaid ones counted to now). */
  daysLate: number[];
  maxDaysLate: number;

  serviceMinutes: number;
  serviceMinutesRecentHalf: number;
  squeakyRequests: number;

  engineeringChanges: number;
  nreCharged: number;
  firstEngineeringChangeAt: number | null;
  followOnOrders: number;

  referrals: number;
  upsells: number;

  /** Most recent dismissal or snooze per warning (any age: a dismissal has no window). */
  dismissals: Map<WarningName, { reason: string; at: number; until?: number }>;
}

/**
 * One pass over an account's events (in any order; already ordered ones skip the sort).
 * Pure: the clock comes in as `now`.
 */
export function computeSignals(events: readonly AccountEvent[], thresholds: Thresholds, now: number): Signals {
  const sorted = isInOrder(events) ? events : [...events].sort(byTimeThenId);
  const windowStart = monthsBefore(now, thresholds.windowMonths);
  const halfway = windowStart + (now - windowStart) / 2;
  const s: Signals = {
    windowStart,
    now,
    scoredEvents: 0,
    firstEventAt: null,
    lastEventAt: null,
    quotes: 0,
    firstQuoteAt: null,
    lastQuote: null,
    orders: 0,
    revenueMinor: 0,
    smallOrders: 0,
    ordersInCurrency: 0,
    orderMonths: 0,
    quoteToOrderRate: null,
    outcomes: { won: 0, lost: 0, lostToIncumbent: 0, noDecision: 0 },
    outcomeByQuoteRef: new Map(),
    priceMatches: 0,
    topCompetitor: null,
    discounts: [],
    invoices: 0,
    lateInvoices: 0,
    daysLate: [],
    maxDaysLate: 0,
    serviceMinutes: 0,
    serviceMinutesRecentHalf: 0,
    squeakyRequests: 0,
    engineeringChanges: 0,
    nreCharged: 0,
    firstEngineeringChangeAt: null,
    followOnOrders: 0,
    referrals: 0,
    upsells: 0,
    dismissals: new Map(),
  };
  const competitors = new Map<string, number>();
  const orderMonths = new Set<number>();
  const paymentsByInvoice = new Map<string, number>();
  const invoices: (AccountEvent & { type: 'invoice' })[] = [];
  const nameCompetitor = (name: string | undefined) => {
    if (!name) return;
    const key = name.trim();
    competitors.set(key, (competitors.get(key) ?? 0) + 1);
  };

  // Events come in a dozen shapes, so every property read is a slow (megamorphic) one: read each once.
  for (const e of sorted) {
    const at = e.at;
    if (e.type === 'warning_dismissed') {
      s.dismissals.set(e.warning, { reason: e.reason, at: e.at, ...(e.until === undefined ? {} : { until: e.until }) });
      continue;
    }
    if (s.lastEventAt === null || at > s.lastEventAt) s.lastEventAt = at;
    if (e.type === 'payment' && e.invoiceRef) paymentsByInvoice.set(e.invoiceRef, e.at);
    if (at < windowStart || at > now || e.type === 'note') continue;
    s.scoredEvents++;
    s.firstEventAt ??= at;
    switch (e.type) {
      case 'quote':
        s.quotes++;
        s.firstQuoteAt ??= at;
        s.lastQuote = { at, amount: e.amount, quoteRef: e.quoteRef };
        if (e.discountPct !== undefined) s.discounts.push(e.discountPct);
        break;
      case 'price_match':
        s.priceMatches++;
        nameCompetitor(e.competitor);
        break;
      case 'quote_outcome':
        if (e.outcome === 'won') s.outcomes.won++;
        else if (e.outcome === 'lost') s.outcomes.lost++;
        else if (e.outcome === 'lost_to_incumbent') s.outcomes.lostToIncumbent++;
        else s.outcomes.noDecision++;
        if (e.quoteRef) s.outcomeByQuoteRef.set(e.quoteRef, e);
        break;
      case 'order':
        s.orders++;
        orderMonths.add(Math.floor((at - windowStart) / (30 * DAY_MS)));
        if (e.amount.currency === thresholds.currency) {
          const minor = e.amount.minor;
          s.ordersInCurrency++;
          s.revenueMinor += minor;
          if (minor < thresholds.minOrderMinor) s.smallOrders++;
        }
        if (s.firstEngineeringChangeAt !== null && at - s.firstEngineeringChangeAt <= thresholds.followOnDays * DAY_MS) {
          s.followOnOrders++;
        }
        break;
      case 'invoice':
        invoices.push(e);
        break;
      case 'service':
        s.serviceMinutes += e.minutes;
        if (at >= halfway) s.serviceMinutesRecentHalf += e.minutes;
        if (e.kind !== 'support') s.squeakyRequests++;
        break;
      case 'engineering_change':
        s.engineeringChanges++;
        if (e.nre) s.nreCharged++;
        s.firstEngineeringChangeAt ??= at;
        break;
      case 'referral':
        s.referrals++;
        break;
      case 'upsell':
        s.upsells++;
        break;
      case 'payment':
        break;
    }
  }

  for (const invoice of invoices) {
    const paidAt = invoice.paidAt ?? (invoice.invoiceRef ? paymentsByInvoice.get(invoice.invoiceRef) : undefined);
    const settledAt = paidAt ?? now;
    if (paidAt === undefined && settledAt <= invoice.dueAt) continue; // not yet due: says nothing
    const late = Math.max(0, Math.round((settledAt - invoice.dueAt) / DAY_MS));
    s.invoices++;
    s.daysLate.push(late);
    if (late > thresholds.lateAfterDays) s.lateInvoices++;
    if (late > s.maxDaysLate) s.maxDaysLate = late;
  }

  s.orderMonths = orderMonths.size;
  s.quoteToOrderRate = s.quotes > 0 ? Math.min(1, s.orders / s.quotes) : null;
  for (const [name, count] of competitors) {
    if (!s.topCompetitor || count > s.topCompetitor.count) s.topCompetitor = { name, count };
  }
  return s;
}

/** Time order, ties broken by id, so the same events always score the same whatever order they come in. */
function byTimeThenId(a: AccountEvent, b: AccountEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isInOrder(events: readonly AccountEvent[]): boolean {
  let previous = events[0];
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.at < previous!.at || (e.at === previous!.at && e.id < previous!.id)) return false;
    previous = e;
  }
  return true;
}

/** The same day-of-month, `months` earlier (UTC), clamped to the month's end. */
export function monthsBefore(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}
