import type { Warning } from '../health';
import type { Thresholds } from './definition';
import { day, hours, money, percent, plural, times } from './format';
import type { Signals } from './signals';

/**
 * The six warnings of domain.md. Each rule names its article; evidence says
 * what was seen in numbers, advice says what the articles say to do.
 * Returned most severe first.
 */
export function detectWarnings(s: Signals, t: Thresholds): Warning[] {
  const found = [priceRelationship, slowPayer, oneSided, squeakyWheel, engineeringWithoutVolume, wrongFit]
    .map((rule) => rule(s, t))
    .filter((w): w is Warning => w !== null);
  return found.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
}

export const SEVERITY_ORDER = { low: 0, medium: 1, high: 2 } as const;

/** 000 Sales; 002 #1: many quotes and few orders, price-match requests, losing to the incumbent's match, deepening discounts. */
function priceRelationship(s: Signals, t: Thresholds): Warning | null {
  if (s.quotes < t.priceMinQuotes || (s.quoteToOrderRate ?? 1) >= t.minWinRate) return null;
  const deepening = discountDeepening(s.discounts);
  const repeatedMatches = s.priceMatches >= t.priceMatchRequests;
  if (!repeatedMatches && s.outcomes.lostToIncumbent === 0 && !deepening) return null;

  const parts = [`${plural(s.quotes, 'quote')} since ${day(s.firstQuoteAt!)}, ${plural(s.orders, 'order')} (${percent(Math.min(1, s.orders / s.quotes))})`];
  if (s.priceMatches > 0) {
    const naming = s.topCompetitor && s.topCompetitor.count >= 2 ? `, ${s.topCompetitor.count} naming ${s.topCompetitor.name}` : '';
    parts.push(`${plural(s.priceMatches, 'price-match request')}${naming}`);
  }
  if (s.outcomes.lostToIncumbent > 0) parts.push(`lost ${times(s.outcomes.lostToIncumbent)} when the incumbent matched`);
  if (deepening) parts.push(`discount deepened from ${percent(deepening.from / 100, 2)} to ${percent(deepening.to / 100, 2)}`);
  const severe = s.outcomes.lostToIncumbent >= 2 || s.priceMatches >= 2 * t.priceMatchRequests;
  return {
    name: 'Price relationship',
    severity: severe ? 'high' : 'medium',
    evidence: `${parts.join('; ')}.`,
    advice:
      'Stop re-quoting lower. Explain what it takes to get that price (volume, terms); if the quotes keep going to the incumbent, move on.',
    source: '000 Sales; 002 #1',
  };
}

/** Deeper discounts round after round: the latest run of at least three quoted discounts that never shrank, ending deeper. */
export function discountDeepening(discounts: readonly number[]): { from: number; to: number } | null {
  let start = discounts.length - 1;
  while (start > 0 && discounts[start - 1]! <= discounts[start]!) start--;
  if (discounts.length - start < 3) return null;
  const from = discounts[start]!;
  const to = discounts[discounts.length - 1]!;
  return to > from ? { from, to } : null;
}

/** 000 Accounting & Finance; 004: invoices paid past terms, repeatedly. */
function slowPayer(s: Signals, t: Thresholds): Warning | null {
  if (s.lateInvoices < t.slowPayerLateInvoices) return null;
  const late = s.daysLate.filter((d) => d > t.lateAfterDays);
  const average = Math.round(late.reduce((sum, d) => sum + d, 0) / late.length);
  const trend = slowing(s.daysLate);
  return {
    name: 'Slow payer',
    severity: s.lateInvoices >= 2 * t.slowPayerLateInvoices || s.maxDaysLate >= 60 ? 'high' : 'medium',
    evidence: `${s.lateInvoices} of ${plural(s.invoices, 'invoice')} paid late, on average ${average} days past terms${trend ? `; getting slower (${trend.from} → ${trend.to} days)` : ''}.`,
    advice:
      "Your company isn't a bank. Agree a payment schedule and hold to your terms; if it keeps slipping, with one excuse after another, move on.",
    source: '000 Accounting & Finance; 004',
  };
}

function slowing(daysLate: readonly number[]): { from: number; to: number } | null {
  if (daysLate.length < 3) return null;
  const half = Math.floor(daysLate.length / 2);
  const mean = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const from = mean(daysLate.slice(0, half));
  const to = mean(daysLate.slice(half));
  return to > from ? { from, to } : null;
}

/** 002 #2 "No soup for you": high service time and no growth, no up-sell, no referral. */
function oneSided(s: Signals, t: Thresholds): Warning | null {
  if (s.serviceMinutes < t.oneSidedServiceMinutes || s.upsells > 0 || s.referrals > 0) return null;
  const olderHalf = s.serviceMinutes - s.serviceMinutesRecentHalf;
  const rising = s.serviceMinutesRecentHalf > olderHalf;
  return {
    name: 'One-sided',
    severity: rising ? 'high' : 'medium',
    evidence: `${hours(s.serviceMinutes)} of service since ${day(s.windowStart)}${rising ? `, rising (${hours(s.serviceMinutesRecentHalf)} in the recent half)` : ''}; no up-sell, cross-sell or referral.`,
    advice:
      'Get to know their goals and offer a solution that grows the account both ways; if it stays one-sided, cut back the time it takes from better accounts.',
    source: '002 #2',
  };
}

/** 004: many exceptions, order changes and disputes relative to the business they bring. */
function squeakyWheel(s: Signals, t: Thresholds): Warning | null {
  if (s.squeakyRequests < t.squeakyMinRequests || s.squeakyRequests / Math.max(1, s.orders) < t.squeakyPerOrder) return null;
  const revenue = s.ordersInCurrency > 0 ? ` (${money(s.revenueMinor, t.currency)})` : '';
  return {
    name: 'Squeaky wheel',
    severity: s.squeakyRequests >= 2 * t.squeakyMinRequests ? 'medium' : 'low',
    evidence: `${plural(s.squeakyRequests, 'exception, order change or dispute', 'exceptions, order changes and disputes')} against ${plural(s.orders, 'order')}${revenue}.`,
    advice:
      "Keep helping them back towards an ideal account, but not at your ideal accounts' expense: set limits on exceptions and order changes.",
    source: '004',
  };
}

/** 000 Production & Engineering: change requests on custom work that never turn into repeat volume. */
function engineeringWithoutVolume(s: Signals, t: Thresholds): Warning | null {
  if (s.engineeringChanges < t.engineeringChanges || s.followOnOrders >= t.engineeringFollowOnOrders) return null;
  return {
    name: 'Engineering without volume',
    severity: s.nreCharged === 0 ? 'medium' : 'low',
    evidence: `${plural(s.engineeringChanges, 'engineering change request')} since ${day(s.firstEngineeringChangeAt!)}, ${plural(s.followOnOrders, 'order')} within ${t.followOnDays} days; NRE charged on ${s.nreCharged}.`,
    advice:
      'Charge a non-recurring engineering (NRE) fee, reimbursed when the volume comes through. Don\'t do the heavy lifting on a design that goes to another vendor.',
    source: '000 Production & Engineering',
  };
}

/** 003: small one-off orders at a business built for large ones. Not a bad customer: the wrong one. */
function wrongFit(s: Signals, t: Thresholds): Warning | null {
  if (s.ordersInCurrency < t.repeatOrders || s.smallOrders / s.ordersInCurrency < t.wrongFitShare) return null;
  return {
    name: 'Wrong fit',
    severity: 'low',
    evidence: `${s.smallOrders} of ${plural(s.ordersInCurrency, 'order')} below ${money(t.minOrderMinor, t.currency)} (average ${money(Math.round(s.revenueMinor / s.ordersInCurrency), t.currency)}).`,
    advice:
      'A good customer in the wrong restaurant: they would be better served by a provider built for orders their size. Help them find one.',
    source: '003',
  };
}
