import type { QuotewiseDB } from '../db/db';
import { deleteAllEventsOf, deleteEvents, putEvents } from '../db/events';
import type { Account, AccountEvent, Contact } from '../model';

/**
 * A set of writes to accounts, contacts and events, applied together. Every edit on
 * the history page is planned as one of these with its inverse, so undo is just
 * applying the inverse.
 */
export interface Change {
  putAccounts: Account[];
  deleteAccountIds: string[];
  putContacts: Contact[];
  deleteContactEmails: string[];
  /** Removed before `putEvents` is written. */
  deleteEvents: { accountId: string; ids: string[] }[];
  putEvents: AccountEvent[];
}

export interface Planned {
  apply: Change;
  undo: Change;
  /** Accounts whose summaries must be recomputed after applying either side. */
  accountIds: string[];
}

export function change(parts: Partial<Change>): Change {
  return { putAccounts: [], deleteAccountIds: [], putContacts: [], deleteContactEmails: [], deleteEvents: [], putEvents: [], ...parts };
}

/** Apply a change in one transaction: all of it or none. */
export async function applyChange(db: QuotewiseDB, c: Change): Promise<void> {
  await db.transaction('rw', [db.accounts, db.contacts, db.eventChunks, db.openQuotes], async () => {
    for (const { accountId, ids } of c.deleteEvents) await deleteEvents(db, accountId, ids);
    if (c.deleteAccountIds.length) {
      await deleteAllEventsOf(db, c.deleteAccountIds);
      await db.accounts.bulkDelete(c.deleteAccountIds);
    }
    if (c.deleteContactEmails.length) await db.contacts.bulkDelete(c.deleteContactEmails);
    if (c.putAccounts.length) await db.accounts.bulkPut(c.putAccounts);
    if (c.putContacts.length) await db.contacts.bulkPut(c.putContacts);
    if (c.putEvents.length) await putEvents(db, c.putEvents);
  });
}
