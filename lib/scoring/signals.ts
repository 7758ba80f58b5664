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
  /**
   * Pieces of business in the window: orders, and where no order was logged, the invoices and
   * payments that stand for one (docs/scoring.md, "Business"). Never counts one sale twice.
   */
  orders: number;
  /** Order events in the window, as logged or imported. */
  ordersLogged: number;
  /** Of `orders`, how many were counted from invoices or payments. */
  ordersFromInvoices: number;
  /** Revenue of `orders` in the definition's currency, minor units. */
  revenueMinor: number;
  /** Of `orders` in the definition's currency, those below the smallest order worth serving. */
  smallOrders: number;
  ordersInCurrency: number;
  /** Months (30-day steps of the window) with business. */
  orderMonths: number;
  /** Quotes in the window with an outcome, or open longer than `openQuoteDays` ("no decision"). */
  decidedQuotes: number;
  /** Of `decidedQuotes`, those counted as "no decision" because they stayed open too long. */
  timedOutQuotes: number;
  /** Quotes in the window still open, younger than `openQuoteDays`: not in the rate yet. */
  openQuotes: number;
  /** orders / decided quotes, capped at 1; null with no decided quote. */
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

  /** Evidence at any age, for the questions that are unknown without it (docs/scoring.md, "Evidence"). */
  evidence: {
    /** Any order, invoice or payment was ever recorded. */
    business: boolean;
    /** The latest order, invoice or payment before the window, if any. */
    businessBeforeWindowAt: number | null;
    /** Any service request (support, exception, order change, dispute) was ever recorded. */
    service: boolean;
  };

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
    ordersLogged: 0,
    ordersFromInvoices: 0,
    revenueMinor: 0,
    smallOrders: 0,
    ordersInCurrency: 0,
    orderMonths: 0,
    decidedQuotes: 0,
    timedOutQuotes: 0,
    openQuotes: 0,
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
    evidence: { business: false, businessBeforeWindowAt: null, service: false },
    dismissals: new Map(),
  };
  const competitors = new Map<string, number>();
  const paymentsByInvoice = new Map<string, number>();
  const invoices: (AccountEvent & { type: 'invoice' })[] = [];
  // Business documents in the window, and the references that link them (at any age).
  const orderDocs: BusinessDoc[] = [];
  const invoiceDocs: (BusinessDoc & { orderRef: string | undefined })[] = [];
  const paymentDocs: (BusinessDoc & { invoiceRef: string | undefined })[] = [];
  const orderRefs = new Set<string>();
  const invoiceRefs = new Set<string>();
  const quotes = new QuoteDecisions();
  const nameCompetitor = (name: string | undefined) => {
    if (!name) return;
    const key = name.trim();
    competitors.set(key, (competitors.get(key) ?? 0) + 1);
  };
  const doc = (at: number, amount: Money | undefined): BusinessDoc => ({
    at,
    month: Math.floor((at - windowStart) / (30 * DAY_MS)),
    minor: amount && amount.currency === thresholds.currency ? amount.minor : null,
  });

  // Events come in a dozen shapes, so every property read is a slow (megamorphic) one: read each once.
  for (const e of sorted) {
    const at = e.at;
    const type = e.type;
    if (type === 'warning_dismissed') {
      s.dismissals.set(e.warning, { reason: e.reason, at: e.at, ...(e.until === undefined ? {} : { until: e.until }) });
      continue;
    }
    if (s.lastEventAt === null || at > s.lastEventAt) s.lastEventAt = at;
    if (at > now) continue;
    if (type === 'order' || type === 'invoice' || type === 'payment') {
      s.evidence.business = true;
      if (at < windowStart) s.evidence.businessBeforeWindowAt = at;
      if (type === 'order' && e.orderRef) orderRefs.add(e.orderRef);
      if (type === 'invoice' && e.invoiceRef) invoiceRefs.add(e.invoiceRef);
      if (type === 'payment' && e.invoiceRef) paymentsByInvoice.set(e.invoiceRef, e.at);
    } else if (type === 'service') {
      s.evidence.service = true;
    }
    if (at < windowStart || type === 'note') continue;
    s.scoredEvents++;
    s.firstEventAt ??= at;
    switch (e.type) {
      case 'quote':
        s.quotes++;
        s.firstQuoteAt ??= at;
        s.lastQuote = { at, amount: e.amount, quoteRef: e.quoteRef };
        if (e.discountPct !== undefined) s.discounts.push(e.discountPct);
        quotes.quoted(at, e.quoteRef);
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
        quotes.decided(e.quoteRef);
        break;
      case 'order':
        s.ordersLogged++;
        orderDocs.push(doc(at, e.amount));
        break;
      case 'invoice':
        invoices.push(e);
        break;
      case 'payment':
        paymentDocs.push({ ...doc(at, e.amount), invoiceRef: e.invoiceRef });
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
    }
  }

  for (const invoice of invoices) {
    const paidAt = invoice.paidAt ?? (invoice.invoiceRef ? paymentsByInvoice.get(invoice.invoiceRef) : undefined);
    const settledAt = paidAt ?? now;
    const notYetDue = paidAt === undefined && settledAt <= invoice.dueAt;
    const late = notYetDue ? 0 : Math.max(0, Math.round((settledAt - invoice.dueAt) / DAY_MS));
    // Within terms, an invoice stands for a sale; paid late, it counts against the account only (never for it).
    if (late <= thresholds.lateAfterDays) invoiceDocs.push({ ...doc(invoice.at, invoice.amount), orderRef: invoice.orderRef });
    if (notYetDue) continue; // says nothing about payment yet
    s.invoices++;
    s.daysLate.push(late);
    if (late > thresholds.lateAfterDays) s.lateInvoices++;
    if (late > s.maxDaysLate) s.maxDaysLate = late;
  }

  // An invoice naming a known order is that order; a payment naming a known invoice is that invoice.
  const standaloneInvoices = invoiceDocs.filter((d) => !(d.orderRef && orderRefs.has(d.orderRef)));
  const standalonePayments = paymentDocs.filter((d) => !(d.invoiceRef && invoiceRefs.has(d.invoiceRef)));
  countBusiness(s, [orderDocs, standaloneInvoices, standalonePayments], thresholds);

  const timeout = thresholds.openQuoteDays * DAY_MS;
  for (const at of quotes.stillOpen()) {
    if (now - at >= timeout) s.timedOutQuotes++;
    else s.openQuotes++;
  }
  s.decidedQuotes = s.quotes - s.openQuotes;
  s.quoteToOrderRate = s.decidedQuotes > 0 ? Math.min(1, s.orders / s.decidedQuotes) : null;
  for (const [name, count] of competitors) {
    if (!s.topCompetitor || count > s.topCompetitor.count) s.topCompetitor = { name, count };
  }
  return s;
}

/** An order, invoice or payment in the window: its 30-day month and its amount in the definition's currency. */
interface BusinessDoc {
  at: number;
  month: number;
  minor: number | null;
}

/**
 * The business in the window, never counting one sale twice: orders first; invoices not linked
 * to a logged order and payments not linked to a recorded invoice stand for orders that were not
 * logged. Unlinked documents are compared month by month: each month counts the most of its
 * orders, its invoices or its payments (an order, its invoice and its payment in one month are one
 * sale). Adding a document never lowers any count (the scoring properties rely on it).
 */
function countBusiness(s: Signals, sources: readonly (readonly BusinessDoc[])[], t: Thresholds): void {
  const byMonth = new Map<number, BusinessDoc[][]>();
  sources.forEach((docs, source) => {
    for (const d of docs) {
      let month = byMonth.get(d.month);
      if (!month) byMonth.set(d.month, (month = sources.map(() => [])));
      month[source]!.push(d);
    }
  });
  for (const month of byMonth.values()) {
    // The first source with the most documents: orders win a tie, then invoices.
    let chosen = 0;
    for (let source = 1; source < month.length; source++) if (month[source]!.length > month[chosen]!.length) chosen = source;
    const docs = month[chosen]!;
    s.orders += docs.length;
    if (chosen > 0) s.ordersFromInvoices += docs.length;
    s.orderMonths++;
    for (const d of docs) {
      if (d.minor === null) continue;
      s.ordersInCurrency++;
      s.revenueMinor += d.minor;
      if (d.minor < t.minOrderMinor) s.smallOrders++;
    }
  }
  const first = s.firstEngineeringChangeAt;
  if (first !== null) {
    const within = (d: BusinessDoc) => d.at >= first && d.at - first <= t.followOnDays * DAY_MS;
    s.followOnOrders = Math.max(...sources.map((docs) => docs.filter(within).length));
  }
}

/**
 * Which quotes are still open: an outcome closes the quote it names, or, naming none, the latest
 * open quote before it. Amortised O(1) per event.
 */
class QuoteDecisions {
  private readonly at: number[] = [];
  private readonly open: boolean[] = [];
  private readonly stack: number[] = [];
  private readonly byRef = new Map<string, number[]>();

  quoted(at: number, ref: string): void {
    const index = this.at.push(at) - 1;
    this.open.push(true);
    this.stack.push(index);
    const same = this.byRef.get(ref);
    if (same) same.push(index);
    else this.byRef.set(ref, [index]);
  }

  decided(ref: string | undefined): void {
    const candidates = ref === undefined ? this.stack : this.byRef.get(ref);
    if (!candidates) return; // an outcome of a quote from before the window
    while (candidates.length > 0) {
      const index = candidates.pop()!;
      if (!this.open[index]) continue;
      this.open[index] = false;
      return;
    }
  }

  /** When each still-open quote was made. */
  stillOpen(): number[] {
    return this.at.filter((_, i) => this.open[i]);
  }
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
