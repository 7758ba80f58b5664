import * as z from 'zod/mini';
import { Band, type HealthSummary } from '../health';
import { Id } from '../primitives';

/**
 * The answer to `accounts.lookup`, in a module of its own because the content
 * script validates it: it must not pull in lib/model.ts and the whole protocol,
 * nor the whole health summary's schema (see BadgeSummary).
 */
export const AccountRef = z.object({ id: Id, name: z.string(), domains: z.array(z.string()) });
export type AccountRef = z.infer<typeof AccountRef>;

/** The most queries of each kind one `accounts.lookup` takes: the content script splits larger batches here. */
export const LOOKUP_LIMITS = { emails: 200, webAddresses: 50, names: 50 } as const;

/** More contacts than this at one host and the page asks for each address instead. */
export const MAX_EXCEPTIONS = 500;

/**
 * What the badge reads of a health summary, checked in the content script; the rest passes through
 * unread. The background checks the whole summary it answers with (lib/messaging/accounts.ts), and
 * the card, an extension page, parses the whole summary again before it shows any of it (lib/card/show.ts).
 * Checking all of it here too cost the content script 0.43 kB of its 15 kB.
 */
const BadgeSummary = z.looseObject({
  accountId: Id,
  accountName: z.string(),
  score: z.nullable(z.number()),
  band: Band,
  warnings: z.array(z.looseObject({ name: z.string() })),
  monthAgo: z.optional(z.looseObject({ band: Band })),
  threeMonthsAgo: z.optional(z.looseObject({ band: Band })),
});

const lookupResult = <Summary extends z.ZodMiniType>(summary: Summary) => z.object({
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
  summary: z.nullable(summary),
  /**
   * For an email: every other address at `host` resolves the same way (this account,
   * or none), except the listed ones, which are contacts mapped on their own. The
   * page can then badge a colleague at once, in the same frame the page shows them.
   * Only given when every such contact is among the addresses asked about, so it never
   * names an address the page did not show.
   */
  sameAtHost: z.optional(z.object({ host: z.string(), except: z.array(z.string()).check(z.maxLength(MAX_EXCEPTIONS)) })),
});

export type LookupResult = Omit<z.infer<ReturnType<typeof lookupResult<typeof BadgeSummary>>>, 'summary'> & { summary: HealthSummary | null };
export interface LookupResponse {
  results: LookupResult[];
  lists?: boolean;
}

/** The answer's schema, with the summary's schema given: the whole one in the protocol, BadgeSummary in the content script. */
export const lookupResponse = <Summary extends z.ZodMiniType>(summary: Summary) =>
  z.object({
    results: z.array(lookupResult(summary)),
    /** The rep's "Show health in message lists" setting: the page marks its list rows only while it is on. */
    lists: z.optional(z.boolean()),
  });

/** The content script's check of the answer. */
export const BadgeLookupResponse = lookupResponse(BadgeSummary);
