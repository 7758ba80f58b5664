import { findAccountByIdentity } from '../../db/accounts';
import { loadSettings, saveSettings } from '../../db/settings';
import { identifyEmail } from '../../identity';
import { MessagingError } from '../../messaging/errors';
import { broadcastChanged, broadcastListsShown } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

export function settingsHandlers({ db }: BackgroundDeps): HandlersFor<'settings.get' | 'settings.save' | 'settings.claimOwn'> {
  return {
    'settings.get': () => loadSettings(db()),
    'settings.save': async ({ settings }) => {
      const database = db();
      const before = await loadSettings(database);
      const saved = await saveSettings(database, settings);
      // Open pages add or remove their message lists' marks at once, without a reload.
      if (saved.showInLists !== before.showInLists) void broadcastListsShown(saved.showInLists);
      return saved;
    },
    'settings.claimOwn': async ({ email }) => {
      const database = db();
      const settings = await loadSettings(database);
      const identity = identifyEmail(email, settings);
      if (!identity) return {}; // already the rep's own
      const match = await findAccountByIdentity(database, identity);
      if (match) throw new MessagingError('invalid_request', `${email} belongs to the account ${match.account.name}: a customer, not your company.`);
      const claimed =
        identity.kind === 'company'
          ? (await saveSettings(database, { ownDomains: [...settings.ownDomains, identity.domain] }), { ownDomain: identity.domain })
          : (await saveSettings(database, { ownAddresses: [...settings.ownAddresses, identity.email] }), { ownAddress: identity.email });
      // Every open page re-asks for the people it does not know: the rep's own address loses its badge everywhere.
      void broadcastChanged([]);
      return claimed;
    },
  };
}
