import { deleteEvents } from '../../db/events';
import { searchAccounts } from '../../db/search';
import { loadSettings } from '../../db/settings';
import { refreshSummaries } from '../../scoring/store';
import { broadcastChanged } from '../notify';
import { listOpenQuotes } from '../open-quotes';
import type { BackgroundDeps, HandlersFor } from './deps';

export function quicklogHandlers({ db, now }: BackgroundDeps): HandlersFor<'accounts.get' | 'accounts.search' | 'quotes.open' | 'events.delete'> {
  return {
    'accounts.get': async ({ id }) => ({ account: (await db().accounts.get(id)) ?? null }),

    'accounts.search': async ({ query, limit }) => ({ accounts: await searchAccounts(db(), query, limit) }),

    'quotes.open': async ({ limit }) => {
      const database = db();
      const [settings, quotes] = await Promise.all([loadSettings(database), listOpenQuotes(database, limit)]);
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
