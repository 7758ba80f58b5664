import type { Account } from '../model';
import type { QuotewiseDB } from './db';

/**
 * Type-ahead over accounts: name prefix (case-insensitive), then alias prefix,
 * then domain prefix, each through its own index, so it stays fast with
 * thousands of accounts. An empty query lists accounts by name.
 */
export async function searchAccounts(db: QuotewiseDB, query: string, limit: number): Promise<Account[]> {
  const q = query.trim().toLowerCase();
  if (!q) return db.accounts.orderBy('name').limit(limit).toArray();
  const found = new Map<string, Account>();
  const sources = [
    () => db.accounts.where('name').startsWithIgnoreCase(q),
    () => db.accounts.where('aliases').startsWith(q),
    () => db.accounts.where('domains').startsWith(q),
  ];
  for (const source of sources) {
    if (found.size >= limit) break;
    for (const account of await source().limit(limit).toArray()) {
      if (found.size >= limit) break;
      found.set(account.id, account);
    }
  }
  return [...found.values()];
}
