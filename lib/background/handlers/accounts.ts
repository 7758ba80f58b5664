import { AccountIdTakenError, createAccount, DomainTakenError, linkContact } from '../../db/accounts';
import { loadSettings } from '../../db/settings';
import { companyNameOf, identifyEmail } from '../../identity';
import { MessagingError } from '../../messaging/errors';
import { refreshSummaries } from '../../scoring/store';
import { lookupCustomers } from '../lookup';
import { broadcastChanged } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

export function accountHandlers({ db, now }: BackgroundDeps): HandlersFor<'accounts.lookup' | 'accounts.create'> {
  return {
    'accounts.lookup': async (queries) => {
      const database = db();
      const settings = await loadSettings(database);
      return { results: await lookupCustomers(database, queries, now(), { hostRules: true, settings }), lists: settings.showInLists };
    },

    'accounts.create': async ({ contactEmail, name, ...input }) => {
      const database = db();
      const firstDomain = input.domains[0];
      if (!name && !firstDomain) throw new MessagingError('invalid_request', 'A new account needs a name or a domain.');
      const at = now();
      const identity = contactEmail ? identifyEmail(contactEmail, await loadSettings(database)) : null;
      if (contactEmail && !identity?.email) {
        throw new MessagingError('invalid_request', `"${contactEmail}" is not a customer's email address.`);
      }
      const account = await database
        .transaction('rw', database.accounts, database.contacts, async () => {
          // A contact mapped to another account stays theirs: a create never takes over anything.
          const mapped = identity?.email ? await database.contacts.get(identity.email) : undefined;
          if (mapped && mapped.accountId !== input.id) {
            const owner = await database.accounts.get(mapped.accountId);
            if (owner) throw new ContactTakenError(mapped.email, owner);
          }
          const created = await createAccount(database, { ...input, name: name ?? companyNameOf(firstDomain!) }, at);
          if (identity?.email) await linkContact(database, { email: identity.email, accountId: created.id }, at);
          return created;
        })
        .catch((error: unknown) => {
          throw explainCreateFailure(error);
        });
      await refreshSummaries(database, [account.id], at);
      void broadcastChanged([account.id]);
      return account;
    },
  };
}

class ContactTakenError extends Error {
  constructor(
    readonly email: string,
    readonly owner: { name: string },
  ) {
    super(`${email} is already a contact of ${owner.name}.`);
  }
}

/** What the rep can do about a create that was refused; other failures pass on as they are. */
function explainCreateFailure(error: unknown): unknown {
  if (error instanceof DomainTakenError) {
    const owner = error.owner.name;
    return new MessagingError('conflict', `${error.domain} already belongs to ${owner}. Open ${owner}, or merge the two accounts in the history page.`);
  }
  if (error instanceof ContactTakenError) {
    const owner = error.owner.name;
    return new MessagingError('conflict', `${error.email} is already a contact of ${owner}. Open ${owner}, or merge the two accounts in the history page.`);
  }
  if (error instanceof AccountIdTakenError) return new MessagingError('conflict', 'That account id is already in use. Try again.');
  return error;
}
