import * as z from 'zod/mini';
import { Currency, Domain, Email } from './model';

/** The rep's settings. Stored as one validated record; unknown keys are dropped on parse. */
export const Settings = z.object({
  /** The rep's own company domains: never scored, never badged. */
  ownDomains: z._default(z.array(Domain), []),
  /** The rep's own addresses at a free-mail provider (a rep on gmail.com): only these are ignored, never the provider. */
  ownAddresses: z._default(z.array(Email).check(z.maxLength(50)), []),
  /** Free-mail domains the rep adds to the built-in list (resolved per contact, never as a company). */
  freeMailExtra: z._default(z.array(Domain), []),
  /** Domains on the built-in list that are really companies for this rep. */
  freeMailExcluded: z._default(z.array(Domain), []),
  defaultCurrency: z._default(Currency, 'USD'),
  /** Extra sites (match patterns) the rep enabled at run time, beyond the supported list. */
  extraSites: z._default(z.array(z.string().check(z.maxLength(300))), []),
  /** Seed 003: how many Healthy accounts the rep aims for. */
  healthyGoal: z._default(z.int().check(z.minimum(0), z.maximum(100_000)), 25),
  /** The popup asks for the outcome of quotes open longer than this many days. */
  openQuoteDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 14),
  /** Health marks beside known senders in Gmail's and Outlook's message lists (lib/adapters: gmailListRow, outlookListItem). */
  showInLists: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
