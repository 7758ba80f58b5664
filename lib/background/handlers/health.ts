import { loadDefinition, saveDefinition } from '../../db/definition';
import { eventsOfAccount } from '../../db/events';
import { comparePreview, type PreviewChange } from '../../options/definition-preview';
import { scoreAccount } from '../../scoring/score';
import { getSummaries, refreshAllSummaries } from '../../scoring/store';
import { dismissWarning } from '../../history/actions';
import { MessagingError } from '../../messaging/errors';
import { broadcastChanged } from '../notify';
import type { BackgroundDeps, HandlersFor } from './deps';

type HealthMessage = 'health.ofAccounts' | 'health.changed' | 'warnings.dismiss' | 'definition.get' | 'definition.save' | 'definition.preview';

export function healthHandlers({ db, now }: BackgroundDeps): HandlersFor<HealthMessage> {
  return {
    'health.ofAccounts': async ({ accountIds }) => ({ summaries: await getSummaries(db(), accountIds, now()) }),
    // Only the background sends this (to tabs); nothing to do if a page echoes it back.
    'health.changed': () => ({}),
    'warnings.dismiss': async ({ accountId, warning, reason, snoozeDays }) => {
      const database = db();
      if (!(await database.accounts.get(accountId))) throw new MessagingError('invalid_request', 'That account does not exist (was it deleted?).');
      const at = now();
      await dismissWarning(database, { accountId, warning, reason, ...(snoozeDays ? { until: at + snoozeDays * 86_400_000 } : {}) }, at);
      return { dismissed: true as const };
    },
    'definition.get': () => loadDefinition(db()),
    'definition.save': async ({ definition }) => {
      const database = db();
      const saved = await saveDefinition(database, definition, now());
      await refreshAllSummaries(database, now());
      await broadcastChanged((await database.accounts.toCollection().primaryKeys()) as string[]);
      return saved;
    },
    'definition.preview': async ({ definition }) => {
      const database = db();
      const at = now();
      const accounts = await database.accounts.toArray();
      const current = new Map((await getSummaries(database, accounts.map((a) => a.id), at)).map((s) => [s.accountId, s]));
      const rows: PreviewChange[] = [];
      for (const account of accounts) {
        const from = current.get(account.id);
        if (!from) continue;
        const to = scoreAccount({ account, events: await eventsOfAccount(database, account.id), definition, now: at });
        rows.push({ accountId: account.id, name: account.name, from: { band: from.band, score: from.score }, to: { band: to.band, score: to.score } });
      }
      return comparePreview(rows);
    },
  };
}
