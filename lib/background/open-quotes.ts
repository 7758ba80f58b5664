import type { QuotewiseDB } from '../db/db';
import { openQuotes } from '../db/events';
import type { OpenQuote } from '../messaging/quicklog';

/** Every quote still waiting for an outcome, oldest first, with its account's name. */
export async function listOpenQuotes(database: QuotewiseDB, limit: number): Promise<OpenQuote[]> {
  const oldest = (await openQuotes(database)).sort((a, b) => a.at - b.at).slice(0, limit);
  const accounts = await database.accounts.bulkGet([...new Set(oldest.map((q) => q.accountId))]);
  const names = new Map(accounts.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  return oldest.flatMap((q): OpenQuote[] =>
    q.type === 'quote' ? [{ id: q.id, accountId: q.accountId, accountName: names.get(q.accountId) ?? 'Deleted account', quoteRef: q.quoteRef, at: q.at, amount: q.amount }] : [],
  );
}
