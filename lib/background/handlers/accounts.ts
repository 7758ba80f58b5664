import { createAccount, findAccountByIdentity, findAccountByName, linkContact } from '../../db/accounts';
import { loadSettings } from '../../db/settings';
import { identifyEmail, identifyWebAddress, type Identity } from '../../identity';
import type { LookupResult } from '../../messaging/accounts';
import { MessagingError } from '../../messaging/define';
import { getSummaries, refreshSummaries } from '../../scoring/store';
import { broadcastChanged } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

export function accountHandlers({ db, now }: BackgroundDeps): HandlersFor<'accounts.lookup' | 'accounts.create'> {
  return {
    'accounts.lookup': async ({ emails, webAddresses, names }) => {
      const database = db();
      const settings = await loadSettings(database);
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
      const summaries = new Map((await getSummaries(database, accountIds, now())).map((s) => [s.accountId, s]));
      return { results: matches.map((m) => ({ ...m, summary: (m.account && summaries.get(m.account.id)) ?? null })) };
    },

    'accounts.create': async ({ contactEmail, ...input }) => {
      const database = db();
      const at = now();
      const identity = contactEmail ? identifyEmail(contactEmail, await loadSettings(database)) : null;
      if (contactEmail && !identity?.email) {
        throw new MessagingError('invalid_request', `"${contactEmail}" is not a customer's email address.`);
      }
      const account = await database.transaction('rw', database.accounts, database.contacts, async () => {
        const created = await createAccount(database, input, at);
        if (identity?.email) await linkContact(database, { email: identity.email, accountId: created.id }, at);
        return created;
      });
      await refreshSummaries(database, [account.id], at);
      void broadcastChanged([account.id]);
      return account;
    },
  };
}

function toRef(account: { id: string; name: string; domains: string[] }) {
  return { id: account.id, name: account.name, domains: account.domains };
}
