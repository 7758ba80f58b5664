import Dexie from 'dexie';
import type { QuotewiseDB } from './db';

/**
 * A read in plain IndexedDB on the database Dexie has open, for the badge's hot path (an address
 * to its account and cached summary, on every sender a page shows). Dexie's transaction costs
 * about as much again as the reads themselves there (its promise zone, its per-request
 * bookkeeping): the lookup measured 2.9× a single raw get through Dexie, 1.7× in raw IndexedDB.
 *
 * Returns null when the raw path must not be taken, and the caller reads through Dexie instead:
 * - the database is not open yet (Dexie opens it, and upgrades it, on first use);
 * - a Dexie transaction is under way in this zone: a separate IndexedDB transaction on its tables
 *   would wait for it, or see around its uncommitted writes.
 * Only for stores without Dexie reading hooks that change what is read, and never inside a
 * liveQuery (its reads would not be observed): the callers say why theirs qualify.
 */
export function rawRead<T>(db: QuotewiseDB, stores: readonly string[], read: (tx: IDBTransaction) => Promise<T>): Promise<T> | null {
  if (!db.isOpen() || Dexie.currentTransaction) return null;
  const idb = db.backendDB();
  if (!idb) return null;
  return read(idb.transaction(stores as string[], 'readonly'));
}

/** One IndexedDB request as a promise. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
