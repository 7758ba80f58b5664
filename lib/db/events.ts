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
    // One query for all quotes' references (an import brings 100,000 rows at once).
    const refsToCheck = [...new Set(quotes.filter((q) => !closedHere.has(refKey(q.accountId, q.quoteRef))).map((q) => q.quoteRef))];
    const closedBefore = new Set(
      (await db.events.where('quoteRef').anyOf(refsToCheck).filter((e) => e.type === 'quote_outcome').toArray()).map((e) =>
        refKey(e.accountId, (e as { quoteRef: string }).quoteRef),
      ),
    );
    for (const quote of quotes) {
      const key = refKey(quote.accountId, quote.quoteRef);
      if (!closedHere.has(key) && !closedBefore.has(key)) quote.openSince = quote.at;
    }
    await db.events.bulkPut(events);
    if (closing.length > 0) {
      await db.events
        .where('quoteRef')
        .anyOf([...new Set(closing.map((e) => e.quoteRef))])
        // Only quotes still open: ones recorded in this same call never opened, and rewriting them would double an import's writes.
        .filter((e) => e.type === 'quote' && e.openSince !== undefined && closedHere.has(refKey(e.accountId, e.quoteRef)))
        .modify((quote) => {
          delete (quote as { openSince?: number }).openSince;
        });
    }
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
