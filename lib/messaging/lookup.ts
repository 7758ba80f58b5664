import * as z from 'zod/mini';
import { HealthSummary } from '../health';
import { Id } from '../primitives';

/**
 * The answer to `accounts.lookup`, in a module of its own because the content
 * script validates it: it must not pull in lib/model.ts and the whole protocol.
 */
export const AccountRef = z.object({ id: Id, name: z.string(), domains: z.array(z.string()) });
export type AccountRef = z.infer<typeof AccountRef>;

/** The most queries of each kind one `accounts.lookup` takes: the content script splits larger batches here. */
export const LOOKUP_LIMITS = { emails: 200, webAddresses: 50, names: 50 } as const;

/** More contacts than this at one host and the page asks for each address instead. */
export const MAX_EXCEPTIONS = 500;

export const LookupResult = z.object({
  /** The query as sent: an email, a web address or a name. */
  query: z.string(),
  identity: z.nullable(
    z.union([
      z.object({ kind: z.literal('company'), domain: z.string(), email: z.optional(z.string()) }),
      z.object({ kind: z.literal('contact'), domain: z.string(), email: z.string() }),
    ]),
  ),
  account: z.nullable(AccountRef),
  matchedBy: z.nullable(z.enum(['contact', 'domain', 'name'])),
  /** The matched account's health; null when no account matched. */
  summary: z.nullable(HealthSummary),
  /**
   * For an email: every other address at `host` resolves the same way (this account,
   * or none), except the listed ones, which are contacts mapped on their own. The
   * page can then badge a colleague at once, in the same frame the page shows them.
   * Only given when every such contact is among the addresses asked about, so it never
   * names an address the page did not show.
   */
  sameAtHost: z.optional(z.object({ host: z.string(), except: z.array(z.string()).check(z.maxLength(MAX_EXCEPTIONS)) })),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const LookupResponse = z.object({ results: z.array(LookupResult) });
