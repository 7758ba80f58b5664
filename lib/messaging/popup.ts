import * as z from 'zod/mini';
import { HealthSummary } from '../health';
import { Currency, Id } from '../model';
import { defineMessage } from './define';
import { AccountRef } from './lookup';
import { OpenQuote } from './quicklog';

export const Resolution = z.object({
  account: z.nullable(AccountRef),
  summary: z.nullable(HealthSummary),
  /** A customer seen but not yet an account: offered as "create account". */
  unknown: z.nullable(z.object({ domain: z.string(), email: z.optional(z.string()) })),
  /** What to prefill the account picker with when nothing resolved. */
  query: z.string(),
});
export type Resolution = z.infer<typeof Resolution>;

export const PopupData = z.object({
  resolution: Resolution,
  defaultCurrency: Currency,
  openQuotes: z.array(OpenQuote),
  staleAfterDays: z.int(),
});
export type PopupData = z.infer<typeof PopupData>;

export const popupMessages = {
  /**
   * Everything the popup's first render needs, in one round trip. Which account, in
   * order: `accountId` (the badge's quick actions), `email` / `text` (the context
   * menu), then the customer on tab `tabId`, asked from that tab's content script.
   */
  'popup.open': defineMessage({
    request: z.object({
      accountId: z.nullable(Id),
      email: z.nullable(z.string().check(z.maxLength(320))),
      text: z.nullable(z.string().check(z.maxLength(200))),
      tabId: z.nullable(z.int().check(z.minimum(0))),
    }),
    response: PopupData,
  }),
};
