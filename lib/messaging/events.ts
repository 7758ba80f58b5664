import * as z from 'zod/mini';
import { AccountEvent, Id, NewEventInput } from '../model';
import { defineMessage } from './define';

export const eventMessages = {
  'events.record': defineMessage({
    request: z.object({ event: NewEventInput }),
    response: AccountEvent,
  }),
  /** Whether this account has an event with this id: the badge's email suggestion asks whether its message was logged already. */
  'events.has': defineMessage({
    request: z.object({ accountId: Id, id: Id }),
    response: z.object({ exists: z.boolean() }),
  }),
  'events.ofAccount': defineMessage({
    request: z.object({ accountId: Id }),
    response: z.object({ events: z.array(AccountEvent) }),
  }),
};
