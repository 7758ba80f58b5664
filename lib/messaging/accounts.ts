import * as z from 'zod/mini';
import { Account, Domain, text } from '../model';
import { defineMessage } from './define';
import { HealthSummary } from '../health';
import { LOOKUP_LIMITS, lookupResponse } from './lookup';

export type { LookupResult } from './lookup';

export const accountMessages = {
  /** Who is behind these emails / web addresses / record names? Batched: one round trip per page. */
  'accounts.lookup': defineMessage({
    request: z.object({
      emails: z._default(z.array(z.string().check(z.maxLength(320))).check(z.maxLength(LOOKUP_LIMITS.emails)), []),
      webAddresses: z._default(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(LOOKUP_LIMITS.webAddresses)), []),
      names: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(LOOKUP_LIMITS.names)), []),
    }),
    response: lookupResponse(HealthSummary),
  }),
  'accounts.create': defineMessage({
    /**
     * Without a name, the account is named after its first domain (acme-industrial.com -> "Acme Industrial").
     * The sender picks the id (crypto.randomUUID()), so a retry after the service worker stopped returns
     * the account the first try made. A domain that belongs to another account fails with `conflict`.
     */
    request: z.object({
      id: z.uuid(),
      name: z.optional(text(1, 200)),
      domains: z._default(z.array(Domain).check(z.maxLength(20)), []),
      aliases: z._default(z.array(text(1, 200)).check(z.maxLength(20)), []),
      contactEmail: z.optional(z.string().check(z.maxLength(320))),
    }),
    response: Account,
  }),
};
