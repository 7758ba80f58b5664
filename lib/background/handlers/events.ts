import { eventsOfAccount, recordEvent } from '../../db/events';
import { MessagingError } from '../../messaging/errors';
import { refreshSummaries } from '../../scoring/store';
import { broadcastChanged } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

export function eventHandlers({ db, now }: BackgroundDeps): HandlersFor<'events.record' | 'events.has' | 'events.ofAccount'> {
  return {
    'events.record': async ({ event }) => {
      const database = db();
      if (!(await database.accounts.get(event.accountId))) {
        throw new MessagingError('invalid_request', 'That account does not exist (was it deleted?).');
      }
      const recorded = await recordEvent(database, event, now());
      await refreshSummaries(database, [recorded.accountId], now());
      void broadcastChanged([recorded.accountId]);
      return recorded;
    },

    'events.has': async ({ accountId, id }) => ({ exists: (await eventsOfAccount(db(), accountId)).some((event) => event.id === id) }),

    'events.ofAccount': async ({ accountId }) => ({ events: await eventsOfAccount(db(), accountId) }),
  };
}
