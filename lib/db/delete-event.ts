import type { AccountEvent } from '../model';
import type { QuotewiseDB } from './db';

/**
 * Delete one event (the popup's undo). Keeps the open-quote index true: deleting
 * an outcome reopens its quote unless another outcome still closes it.
 * Returns the deleted event, or null when there was none.
 */
export async function deleteEvent(db: QuotewiseDB, id: string): Promise<AccountEvent | null> {
  return db.transaction('rw', db.events, async () => {
    const event = await db.events.get(id);
    if (!event) return null;
    await db.events.delete(id);
    if (event.type === 'quote_outcome' && event.quoteRef) {
      const sameRef = await db.events.where('quoteRef').equals(event.quoteRef).filter((e) => e.accountId === event.accountId).toArray();
      if (!sameRef.some((e) => e.type === 'quote_outcome')) {
        await db.events
          .where('quoteRef')
          .equals(event.quoteRef)
          .filter((e) => e.type === 'quote' && e.accountId === event.accountId)
          .modify((quote) => {
            (quote as { openSince?: number }).openSince = quote.at;
          });
      }
    }
    return event;
  });
}
