import type { AccountEvent } from './model';

export type QuoteEvent = AccountEvent & { type: 'quote' };

/** An account's quotes that are still open: a quote is open while no outcome names its quoteRef. */
export function openQuotesIn(events: readonly AccountEvent[]): QuoteEvent[] {
  const decided = new Set<string>();
  for (const e of events) if (e.type === 'quote_outcome' && e.quoteRef) decided.add(e.quoteRef);
  return events.filter((e): e is QuoteEvent => e.type === 'quote' && !decided.has(e.quoteRef));
}
