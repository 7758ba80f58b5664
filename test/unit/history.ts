import type { AccountEvent, NewEvent } from '@/lib/model';

type EventBody = NewEvent extends infer E ? (E extends unknown ? Omit<E, 'accountId' | 'at'> : never) : never;
import { DAY, NOW } from './helpers';

/** Builds an account's history for scoring tests: `daysAgo` is relative to NOW. */
export class History {
  readonly events: AccountEvent[] = [];
  private n = 0;
  constructor(readonly accountId = 'acc') {}

  private add(daysAgo: number, event: EventBody): this {
    this.n++;
    const at = NOW - daysAgo * DAY;
    this.events.push({ source: 'manual', createdAt: at, id: `${this.accountId}-${this.n}`, accountId: this.accountId, at, ...event } as AccountEvent);
    return this;
  }
  quote(daysAgo: number, major: number, extra: { discountPct?: number; competitor?: string; ref?: string; open?: boolean } = {}) {
    const { ref, open, ...rest } = extra;
    return this.add(daysAgo, {
      type: 'quote',
      amount: usd(major),
      quoteRef: ref ?? `Q${this.n + 1}`,
      ...rest,
      ...(open ? { openSince: NOW - daysAgo * DAY } : {}),
    } as never);
  }
  priceMatch(daysAgo: number, competitor: string) {
    return this.add(daysAgo, { type: 'price_match', competitor, competitorPrice: usd(90) });
  }
  outcome(daysAgo: number, outcome: 'won' | 'lost' | 'lost_to_incumbent' | 'no_decision', quoteRef?: string) {
    return this.add(daysAgo, { type: 'quote_outcome', outcome, ...(quoteRef ? { quoteRef } : {}) });
  }
  order(daysAgo: number, major: number) {
    return this.add(daysAgo, { type: 'order', amount: usd(major) });
  }
  invoice(daysAgo: number, daysLate: number, termsDays = 30) {
    const at = NOW - daysAgo * DAY;
    return this.add(daysAgo, { type: 'invoice', amount: usd(1000), dueAt: at + termsDays * DAY, paidAt: at + (termsDays + daysLate) * DAY });
  }
  service(daysAgo: number, minutes: number, kind: 'support' | 'exception' | 'order_change' | 'dispute' = 'support') {
    return this.add(daysAgo, { type: 'service', minutes, kind });
  }
  engineeringChange(daysAgo: number, nre = false) {
    return this.add(daysAgo, { type: 'engineering_change', nre });
  }
  referral(daysAgo: number) {
    return this.add(daysAgo, { type: 'referral', kind: 'testimonial' });
  }
  upsell(daysAgo: number) {
    return this.add(daysAgo, { type: 'upsell', kind: 'cross_sell' });
  }
  dismiss(daysAgo: number, warning: AccountEvent extends infer E ? (E extends { type: 'warning_dismissed'; warning: infer W } ? W : never) : never, reason: string, untilDaysFromNow?: number) {
    return this.add(daysAgo, {
      type: 'warning_dismissed',
      warning,
      reason,
      ...(untilDaysFromNow === undefined ? {} : { until: NOW + untilDaysFromNow * DAY }),
    });
  }
  /** A steady, healthy baseline: an order a month for `months` months. */
  steadyOrders(months: number, major = 5000) {
    for (let m = 0; m < months; m++) this.order(5 + m * 30, major);
    return this;
  }
}

export const usd = (major: number) => ({ minor: Math.round(major * 100), currency: 'USD' });
