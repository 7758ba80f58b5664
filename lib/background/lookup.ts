import type { QuotewiseDB } from '../db/db';
import { contactsAtHosts, findAccountByIdentity, findAccountByName } from '../db/accounts';
import { loadSettings } from '../db/settings';
import { emailHost } from '../email-host';
import { identifyEmail, identifyWebAddress, type Identity, normaliseEmail } from '../identity';
import type { LookupResult } from '../messaging/accounts';
import { MAX_EXCEPTIONS } from '../messaging/lookup';
import type { PageCustomers } from '../messaging/page-customers';
import type { Settings } from '../settings';
import { getSummaries } from '../scoring/store';

/**
 * Who is behind these emails, web addresses and record names, with each matched
 * account's health. Results keep the queries' order. A caller that already has
 * the settings passes them and saves a read; `hostRules` adds `sameAtHost` (for
 * the badges, which answer a company's colleagues from it).
 */
export async function lookupCustomers(
  database: QuotewiseDB,
  { emails, webAddresses, names }: PageCustomers,
  now: number,
  options: { settings?: Settings; hostRules?: boolean } = {},
): Promise<LookupResult[]> {
  const settings = options.settings ?? (await loadSettings(database));
  type Match = Omit<LookupResult, 'summary'>;
  const byIdentity = async (query: string, identity: Identity | null): Promise<Match> => {
    const match = identity ? await findAccountByIdentity(database, identity) : null;
    return { query, identity, account: match && toRef(match.account), matchedBy: match?.matchedBy ?? null };
  };
  const matches = await Promise.all([
    ...emails.map((email) => byIdentity(email, identifyEmail(email, settings))),
    ...webAddresses.map((address) => byIdentity(address, identifyWebAddress(address, settings))),
    ...names.map(async (name): Promise<Match> => {
      const account = await findAccountByName(database, name);
      return { query: name, identity: null, account: account && toRef(account), matchedBy: account ? 'name' : null };
    }),
  ]);
  const accountIds = [...new Set(matches.flatMap((m) => (m.account ? [m.account.id] : [])))];
  const ruleHosts = options.hostRules ? emails.map((email, i) => hostRuleFor(email, matches[i]!)) : [];
  const [summaryList, contacts] = await Promise.all([
    getSummaries(database, accountIds, now),
    contactsAtHosts(database, [...new Set(ruleHosts.flatMap((rule) => (rule?.company ? [rule.host] : [])))]),
  ]);
  const summaries = new Map(summaryList.map((s) => [s.accountId, s]));
  // The answer names only addresses the page showed: a host with a contact the page did not
  // ask about gets no rule (the page asks for each of its addresses instead), so the rule
  // neither reveals that contact nor answers it wrongly as its company.
  const asked = new Set(emails.flatMap((email) => normaliseEmail(email) ?? []));
  return matches.map((m, i) => {
    const result: LookupResult = { ...m, summary: (m.account && summaries.get(m.account.id)) ?? null };
    const rule = ruleHosts[i];
    const except = rule?.company ? (contacts.get(rule.host) ?? []) : [];
    if (rule && except.length <= MAX_EXCEPTIONS && except.every((contact) => asked.has(contact))) result.sameAtHost = { host: rule.host, except };
    return result;
  });
}

/**
 * Whether every address at this email's host resolves as this one did: yes for the
 * rep's own domains (nobody), and for a company matched by its domain or not at all
 * (then only the host's contacts differ); no for free mail and for a contact's own mapping.
 */
function hostRuleFor(query: string, match: Omit<LookupResult, 'summary'>): { host: string; company: boolean } | null {
  const email = normaliseEmail(query);
  if (!email || match.matchedBy === 'contact') return null;
  if (match.identity === null) return { host: emailHost(email), company: false };
  return match.identity.kind === 'company' ? { host: emailHost(email), company: true } : null;
}

export function toRef(account: { id: string; name: string; domains: string[] }) {
  return { id: account.id, name: account.name, domains: account.domains };
}
