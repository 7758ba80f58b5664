import type { QuotewiseDB } from '../db/db';
import { findAccountByIdentity, findAccountByName } from '../db/accounts';
import { loadSettings } from '../db/settings';
import { identifyEmail, identifyWebAddress, type Identity } from '../identity';
import type { LookupResult } from '../messaging/accounts';
import type { PageCustomers } from '../messaging/page-customers';
import type { Settings } from '../settings';
import { getSummaries } from '../scoring/store';

/**
 * Who is behind these emails, web addresses and record names, with each matched
 * account's health. Results keep the queries' order. A caller that already has
 * the settings passes them and saves a read.
 */
export async function lookupCustomers(
  database: QuotewiseDB,
  { emails, webAddresses, names }: PageCustomers,
  now: number,
  settings?: Settings,
): Promise<LookupResult[]> {
  settings ??= await loadSettings(database);
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
  const summaries = new Map((await getSummaries(database, accountIds, now)).map((s) => [s.accountId, s]));
  return matches.map((m) => ({ ...m, summary: (m.account && summaries.get(m.account.id)) ?? null }));
}

export function toRef(account: { id: string; name: string; domains: string[] }) {
  return { id: account.id, name: account.name, domains: account.domains };
}
