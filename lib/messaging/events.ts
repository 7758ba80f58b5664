import * as z from 'zod/mini';
import { AccountEvent, Id, NewEventInput } from '../model';
import { defineMessage } from './define';

export const eventMessages = {
  'events.record': defineMessage({
    audience: 'content',
    request: z.object({ event: NewEventInput }),
    response: AccountEvent,
  }),
  'events.ofAccount': defineMessage({
    audience: 'extension',
    request: z.object({ accountId: Id }),
    response: z.object({ events: z.array(AccountEvent) }),
  }),
};
