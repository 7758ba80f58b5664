import * as z from 'zod/mini';
import { Account, AccountEvent, EpochMs, Id, Money } from '../model';
import { defineMessage } from './define';

/** How many open quotes the popup lists, oldest first. */
export const OPEN_QUOTES_SHOWN = 200;

export const OpenQuote = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  quoteRef: z.string(),
  at: EpochMs,
  amount: Money,
});
export type OpenQuote = z.infer<typeof OpenQuote>;

/** What the popup asks: type-ahead, open quotes, and undo. Extension pages only. */
export const quicklogMessages = {
  /** The account a badge quick action or a link names by id. */
  'accounts.get': defineMessage({
    request: z.object({ id: Id }),
    response: z.object({ account: z.nullable(Account) }),
  }),
  'accounts.search': defineMessage({
    request: z.object({
      query: z.string().check(z.maxLength(200)),
      limit: z._default(z.int().check(z.minimum(1), z.maximum(50)), 8),
    }),
    response: z.object({ accounts: z.array(Account) }),
  }),
  /** Every quote still waiting for an outcome, oldest first, and how old counts as stale. */
  'quotes.open': defineMessage({
    request: z.object({ limit: z._default(z.int().check(z.minimum(1), z.maximum(500)), OPEN_QUOTES_SHOWN) }),
    response: z.object({ quotes: z.array(OpenQuote), staleAfterDays: z.int() }),
  }),
  /** Undo a just-logged event. Events are stored per account, so the account is named too. */
  'events.delete': defineMessage({
    request: z.object({ id: Id, accountId: Id }),
    response: z.object({ deleted: z.nullable(AccountEvent) }),
  }),
};
