import type { AccountEvent } from '../model';
import { DAY_MS } from '../scoring/signals';
import { monthOf } from './band-history';

/** Charts show the most recent this many quotes or invoices: more would not be readable, and the export has them all. */
export const CHART_LIMIT = 60;

/** The last `CHART_LIMIT` items and how many were left out. */
export function recent<T>(items: readonly T[]): { shown: readonly T[]; omitted: number } {
  return items.length > CHART_LIMIT ? { shown: items.slice(-CHART_LIMIT), omitted: items.length - CHART_LIMIT } : { shown: items, omitted: 0 };
}

/** One quote on the price chart. */
export interface PricePoint {
  at: number;
  quoteRef: string;
  /** Minor units of the series' currency. */
  minor: number;
  discountPct: number | null;
  /** The customer asked us to match a competitor on this quote. */
  priceMatch: boolean;
}

/**
 * Successive quotes in one currency (the latest quote's; others cannot share an
 * axis), with price-match requests marked. A request names its quote by quoteRef;
 * one without a quoteRef is put on the latest quote before it.
 */
export function priceSeries(events: readonly AccountEvent[]): { currency: string | null; points: PricePoint[]; otherCurrency: number } {
  const quotes = events.filter((e): e is Extract<AccountEvent, { type: 'quote' }> => e.type === 'quote').sort((a, b) => a.at - b.at);
  const last = quotes[quotes.length - 1];
  if (!last) return { currency: null, points: [], otherCurrency: 0 };
  const currency = last.amount.currency;
  const matched = new Set<string>();
  const requests = events.filter((e): e is Extract<AccountEvent, { type: 'price_match' }> => e.type === 'price_match').sort((a, b) => a.at - b.at);
  let latest = -1;
  for (const e of requests) {
    while (latest + 1 < quotes.length && quotes[latest + 1]!.at <= e.at) latest++;
    const ref = e.quoteRef ?? quotes[latest]?.quoteRef;
    if (ref) matched.add(ref);
  }
  const same = quotes.filter((q) => q.amount.currency === currency);
  return {
    currency,
    otherCurrency: quotes.length - same.length,
    points: same.map((q) => ({
      at: q.at,
      quoteRef: q.quoteRef,
      minor: q.amount.minor,
      discountPct: q.discountPct ?? null,
      priceMatch: matched.has(q.quoteRef),
    })),
  };
}

export interface MonthBar {
  month: string;
  quotes: number;
  orders: number;
}

/** Quotes and orders in each of the last `months` calendar months (UTC), oldest first, empty months included. */
export function quotesAndOrdersByMonth(events: readonly AccountEvent[], now: number, months = 12): MonthBar[] {
  const end = new Date(now);
  const bars: MonthBar[] = [];
  for (let i = months - 1; i >= 0; i--) {
    bars.push({ month: monthOf(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1)), quotes: 0, orders: 0 });
  }
  const index = new Map(bars.map((bar, i) => [bar.month, i]));
  for (const e of events) {
    if (e.type !== 'quote' && e.type !== 'order') continue;
    const bar = bars[index.get(monthOf(e.at)) ?? -1];
    if (!bar) continue;
    if (e.type === 'quote') bar.quotes++;
    else bar.orders++;
  }
  return bars;
}

export interface LateBar {
  invoiceRef: string | null;
  /** When the invoice was issued: it names an invoice without a reference. */
  at: number;
  dueAt: number;
  daysLate: number;
  unpaid: boolean;
}

/**
 * Days past terms for each invoice that is due, in due-date order. Paid by its
 * paidAt or by a payment naming it; unpaid ones count to now (as scoring does).
 */
export function daysLateByInvoice(events: readonly AccountEvent[], now: number): LateBar[] {
  const paidByRef = new Map<string, number>();
  for (const e of events) if (e.type === 'payment' && e.invoiceRef) paidByRef.set(e.invoiceRef, Math.max(paidByRef.get(e.invoiceRef) ?? 0, e.at));
  const bars: LateBar[] = [];
  for (const e of events) {
    if (e.type !== 'invoice') continue;
    const paidAt = e.paidAt ?? (e.invoiceRef ? paidByRef.get(e.invoiceRef) : undefined);
    if (paidAt === undefined && now <= e.dueAt) continue;
    const settled = paidAt ?? now;
    bars.push({
      invoiceRef: e.invoiceRef ?? null,
      at: e.at,
      dueAt: e.dueAt,
      daysLate: Math.max(0, Math.round((settled - e.dueAt) / DAY_MS)),
      unpaid: paidAt === undefined,
    });
  }
  return bars.sort((a, b) => a.dueAt - b.dueAt);
}
