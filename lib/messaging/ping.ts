import * as z from 'zod/mini';
import { defineMessage } from './define';

export const pingMessages = {
  /** Liveness and schema check: answers with the database version. */
  ping: defineMessage({
    request: z.strictObject({}),
    response: z.object({ pong: z.literal(true), dbVersion: z.int() }),
  }),
};
