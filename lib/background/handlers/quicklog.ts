import { deleteEvents, openQuotes } from '../../db/events';
import { searchAccounts } from '../../db/search';
import { loadSettings } from '../../db/settings';
import type { OpenQuote } from '../../messaging/quicklog';
import { refreshSummaries } from '../../scoring/store';
import { broadcastChanged } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

export function quicklogHandlers({ db, now }: BackgroundDeps): HandlersFor<'accounts.get' | 'accounts.search' | 'quotes.open' | 'events.delete'> {
  return {
    'accounts.get': async ({ id }) => ({ account: (await db().accounts.get(id)) ?? null }),

    'accounts.search': async ({ query, limit }) => ({ accounts: await searchAccounts(db(), query, limit) }),

    'quotes.open': async ({ limit }) => {
      const database = db();
      const [settings, open] = await Promise.all([loadSettings(database), openQuotes(database)]);
      const oldest = open.sort((a, b) => a.at - b.at).slice(0, limit);
      const accounts = await database.accounts.bulkGet([...new Set(oldest.map((q) => q.accountId))]);
      const names = new Map(accounts.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
      const quotes = oldest.flatMap((q): OpenQuote[] =>
        q.type === 'quote' ? [{ id: q.id, accountId: q.accountId, accountName: names.get(q.accountId) ?? 'Deleted account', quoteRef: q.quoteRef, at: q.at, amount: q.amount }] : [],
      );
      return { quotes, staleAfterDays: settings.openQuoteDays };
    },

    'events.delete': async ({ id, accountId }) => {
      const database = db();
      const [deleted = null] = await deleteEvents(database, accountId, [id]);
      if (deleted) {
        await refreshSummaries(database, [accountId], now());
        void broadcastChanged([accountId]);
      }
      return { deleted };
    },
  };
}
