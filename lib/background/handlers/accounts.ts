import { createAccount, findAccountByIdentity, findAccountByName, linkContact } from '../../db/accounts';
import { loadSettings } from '../../db/settings';
import { identifyEmail, identifyWebAddress, type Identity } from '../../identity';
import type { LookupResult } from '../../messaging/accounts';
import { MessagingError } from '../../messaging/define';
import type { BackgroundDeps, HandlersFor } from './deps';

export function accountHandlers({ db, now }: BackgroundDeps): HandlersFor<'accounts.lookup' | 'accounts.create'> {
  return {
    'accounts.lookup': async ({ emails, webAddresses, names }) => {
      const database = db();
      const settings = await loadSettings(database);
      const byIdentity = async (query: string, identity: Identity | null): Promise<LookupResult> => {
        const match = identity ? await findAccountByIdentity(database, identity) : null;
        return { query, identity, account: match && toRef(match.account), matchedBy: match?.matchedBy ?? null, summary: null };
      };
      const results = await Promise.all([
        ...emails.map((email) => byIdentity(email, identifyEmail(email, settings))),
        ...webAddresses.map((address) => byIdentity(address, identifyWebAddress(address, settings))),
        ...names.map(async (name): Promise<LookupResult> => {
          const account = await findAccountByName(database, name);
          return { query: name, identity: null, account: account && toRef(account), matchedBy: account ? 'name' : null, summary: null };
        }),
      ]);
      return { results };
    },

    'accounts.create': async ({ contactEmail, ...input }) => {
      const database = db();
      const at = now();
      const identity = contactEmail ? identifyEmail(contactEmail, await loadSettings(database)) : null;
      if (contactEmail && !identity?.email) {
        throw new MessagingError('invalid_request', `"${contactEmail}" is not a customer's email address.`);
      }
      return database.transaction('rw', database.accounts, database.contacts, async () => {
        const account = await createAccount(database, input, at);
        if (identity?.email) await linkContact(database, { email: identity.email, accountId: account.id }, at);
        return account;
      });
    },

  };
}

function toRef(account: { id: string; name: string; domains: string[] }) {
  return { id: account.id, name: account.name, domains: account.domains };
}
