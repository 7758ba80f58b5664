import * as z from 'zod/mini';
import { Account, Domain, text } from '../model';
import { HealthSummary } from '../health';
import { defineMessage } from './define';

const AccountRef = z.pick(Account, { id: true, name: true, domains: true });

export const LookupResult = z.object({
  /** The query as sent: an email, a web address or a name. */
  query: z.string(),
  identity: z.nullable(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('company'), domain: z.string(), email: z.optional(z.string()) }),
      z.object({ kind: z.literal('contact'), domain: z.string(), email: z.string() }),
    ]),
  ),
  account: z.nullable(AccountRef),
  matchedBy: z.nullable(z.enum(['contact', 'domain', 'name'])),
  summary: z.nullable(HealthSummary),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const accountMessages = {
  /** Who is behind these emails / web addresses / record names? Batched: one round trip per page. */
  'accounts.lookup': defineMessage({
    audience: 'content',
    request: z.object({
      emails: z._default(z.array(z.string().check(z.maxLength(320))).check(z.maxLength(200)), []),
      webAddresses: z._default(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50)), []),
      names: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), []),
    }),
    response: z.object({ results: z.array(LookupResult) }),
  }),
  'accounts.create': defineMessage({
    audience: 'content',
    request: z.object({
      name: text(1, 200),
      domains: z._default(z.array(Domain).check(z.maxLength(20)), []),
      aliases: z._default(z.array(text(1, 200)).check(z.maxLength(20)), []),
      contactEmail: z.optional(z.string().check(z.maxLength(320))),
    }),
    response: Account,
  }),
};
