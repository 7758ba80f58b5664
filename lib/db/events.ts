import { AccountEvent, type NewEvent } from '../model';
import type { QuotewiseDB } from './db';

/**
 * Record one event. Validates it, assigns id and createdAt, and keeps the
 * open-quote index true: a quote opens with no outcome; an outcome closes its quote.
 * One transaction: nothing is half-saved.
 */
export async function recordEvent(db: QuotewiseDB, input: NewEvent, now: number): Promise<AccountEvent> {
  const [event] = await recordEvents(db, [input], now);
  return event!;
}

export async function recordEvents(db: QuotewiseDB, inputs: readonly NewEvent[], now: number): Promise<AccountEvent[]> {
  const events = inputs.map((input) => prepare(input, now));
  await db.transaction('rw', db.events, async () => {
    const closing = events.filter((e) => e.type === 'quote_outcome' && e.quoteRef) as { accountId: string; quoteRef: string }[];
    const closedHere = new Set(closing.map((e) => refKey(e.accountId, e.quoteRef)));
    const quotes = events.filter((e) => e.type === 'quote');
    // One read of the stored events sharing a reference with this batch (an import brings 100,000 rows at once):
    // their outcomes close this batch's quotes; this batch's outcomes close their open quotes.
    const refs = [...new Set([...quotes.map((q) => q.quoteRef), ...closing.map((e) => e.quoteRef)])];
    const stored = refs.length ? await db.events.where('quoteRef').anyOf(refs).toArray() : [];
    const closedBefore = new Set(stored.flatMap((e) => (e.type === 'quote_outcome' && e.quoteRef ? [refKey(e.accountId, e.quoteRef)] : [])));
    for (const quote of quotes) {
      const key = refKey(quote.accountId, quote.quoteRef);
      if (!closedHere.has(key) && !closedBefore.has(key)) quote.openSince = quote.at;
    }
    const nowClosed = stored.flatMap((e) => {
      if (e.type !== 'quote' || e.openSince === undefined || !closedHere.has(refKey(e.accountId, e.quoteRef))) return [];
      const { openSince: _closed, ...quote } = e;
      return [quote];
    });
    // Closed quotes first, so an event of this batch with the same id wins.
    await db.events.bulkPut([...nowClosed, ...events]);
  });
  return events;
}

function prepare(input: NewEvent, now: number): AccountEvent {
  const withRef = input.type === 'quote' && !('quoteRef' in input && input.quoteRef) ? { ...input, quoteRef: newQuoteRef(now) } : input;
  const { openSince: _ignored, ...event } = AccountEvent.parse({
    ...withRef,
    id: input.id ?? crypto.randomUUID(),
    createdAt: now,
  }) as AccountEvent & { openSince?: number };
  return event as AccountEvent;
}

function newQuoteRef(now: number): string {
  return `Q-${new Date(now).toISOString().slice(0, 10).replaceAll('-', '')}-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
}

function refKey(accountId: string, quoteRef: string): string {
  return `${accountId}\u0000${quoteRef}`;
}

/** An account's events in time order, optionally within [from, to]. */
export function eventsOfAccount(db: QuotewiseDB, accountId: string, from = 0, to = Number.MAX_SAFE_INTEGER) {
  return db.events.where('[accountId+at]').between([accountId, from], [accountId, to], true, true).toArray();
}

/** Quotes with no outcome that were opened before `openedBefore`, oldest first. */
export function openQuotes(db: QuotewiseDB, openedBefore = Number.MAX_SAFE_INTEGER) {
  return db.events.where('openSince').below(openedBefore).toArray();
}
