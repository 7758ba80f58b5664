import { eventsOfAccount, recordEvent } from '../../db/events';
import { MessagingError } from '../../messaging/define';
import type { BackgroundDeps, HandlersFor } from './deps';

export function eventHandlers({ db, now }: BackgroundDeps): HandlersFor<'events.record' | 'events.ofAccount'> {
  return {
    'events.record': async ({ event }) => {
      const database = db();
      if (!(await database.accounts.get(event.accountId))) {
        throw new MessagingError('invalid_request', 'That account does not exist (was it deleted?).');
      }
      return recordEvent(database, event, now());
    },

    'events.ofAccount': async ({ accountId }) => ({ events: await eventsOfAccount(db(), accountId) }),
  };
}
