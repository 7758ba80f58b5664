import type { CachedSummary, QuotewiseDB } from '../db/db';
import { DEFINITION_KEY, definitionOf, loadDefinition } from '../db/definition';
import { rawRead, requested } from '../db/raw-read';
import { eventsOfAccount } from '../db/events';
import type { HealthSummary } from '../health';
import type { Definition } from './definition';
import { RULES_VERSION, type ScoreInput, scoreAccount } from './score';

/** A cached summary is recomputed at least this often: the rolling window moves, history ages out. */
const MAX_AGE_MS = 6 * 3_600_000;

/**
 * Recompute and cache the summaries of these accounts (after their events changed).
 * O(events of those accounts). Accounts that no longer exist lose their summary.
 */
export async function refreshSummaries(db: QuotewiseDB, accountIds: readonly string[], now: number, definition?: Definition): Promise<HealthSummary[]> {
  const def = definition ?? (await loadDefinition(db));
  const ids = [...new Set(accountIds)];
  return db.transaction('rw', [db.accounts, db.eventChunks, db.summaries], async () => {
    const accounts = await db.accounts.bulkGet(ids);
    const fresh: CachedSummary[] = [];
    for (const account of accounts) {
      if (!account) continue;
      const events = await eventsOfAccount(db, account.id);
      const summary = withPastBands(scoreAccount({ account, events, definition: def, now }), { account, events, definition: def, now });
      fresh.push({ ...summary, staleAt: staleAt(summary, now) });
    }
    await db.summaries.bulkDelete(ids.filter((_, i) => !accounts[i]));
    await db.summaries.bulkPut(fresh);
    return fresh.map(stripCache);
  });
}

/**
 * Summaries for display, from the cache when it is fresh for this definition;
 * only stale or missing ones are recomputed. This is the badge's hot path.
 */
export async function getSummaries(db: QuotewiseDB, accountIds: readonly string[], now: number): Promise<HealthSummary[]> {
  // In raw IndexedDB when it can be (lib/db/raw-read.ts): settings and summaries have no reading
  // hooks, and no caller reads summaries inside a liveQuery through here (the pages watch the table itself).
  const raw = rawRead(db, ['settings', 'summaries'], (tx) =>
    Promise.all([
      requested(tx.objectStore('settings').get(DEFINITION_KEY)).then((row) => definitionOf(row as { value?: unknown } | undefined)),
      Promise.all(accountIds.map((id) => requested(tx.objectStore('summaries').get(id)) as Promise<CachedSummary | undefined>)),
    ]),
  );
  const [definition, cached] = await (raw ?? Promise.all([loadDefinition(db), db.summaries.bulkGet([...accountIds])]));
  const stale = accountIds.filter((_, i) => isStale(cached[i], definition.version, now));
  const refreshed = stale.length ? await refreshSummaries(db, stale, now, definition) : [];
  const byId = new Map(refreshed.map((s) => [s.accountId, s]));
  return accountIds.flatMap((id, i) => {
    const summary = byId.get(id) ?? cached[i];
    return summary ? [stripCache(summary)] : [];
  });
}

/** Whether a cached summary must be recomputed before it is shown. */
export function isStale(cached: CachedSummary | undefined, definitionVersion: number, now: number): boolean {
  // Summaries cached by older scoring rules (or before `figures` existed) are recomputed once.
  return !cached || cached.staleAt <= now || cached.definitionVersion !== definitionVersion || cached.rulesVersion !== RULES_VERSION || !cached.figures;
}

/** Recompute every account's summary (after the definition changed). */
export async function refreshAllSummaries(db: QuotewiseDB, now: number): Promise<number> {
  const ids = (await db.accounts.toCollection().primaryKeys()) as string[];
  const definition = await loadDefinition(db);
  for (let i = 0; i < ids.length; i += 500) await refreshSummaries(db, ids.slice(i, i + 500), now, definition);
  return ids.length;
}

const MONTH_MS = 30 * 86_400_000;

/**
 * Where an account came from ("At risk, was Watch a month ago"): the same scoring, about a
 * month and about three months back, each where the account had events by then.
 */
export function withPastBands(summary: HealthSummary, input: ScoreInput): HealthSummary {
  const monthAgo = scoreBack(input, 1);
  const threeMonthsAgo = monthAgo && scoreBack(input, 3);
  // In schema order (lib/health.ts), so a restored backup exports byte for byte.
  return { ...summary, ...(monthAgo && { monthAgo }), ...(threeMonthsAgo && { threeMonthsAgo }) };
}

function scoreBack(input: ScoreInput, months: number): HealthSummary['monthAgo'] {
  const then = input.now - months * MONTH_MS;
  const events = input.events.filter((event) => event.at <= then);
  if (events.length === 0) return undefined;
  const past = scoreAccount({ ...input, events, now: then });
  return { band: past.band, score: past.score };
}

function staleAt(summary: HealthSummary, now: number): number {
  const snoozeEnds = summary.dismissed.flatMap((d) => (d.until !== undefined && d.until > now ? [d.until] : []));
  return Math.min(now + MAX_AGE_MS, ...snoozeEnds);
}

function stripCache(summary: CachedSummary | HealthSummary): HealthSummary {
  const { staleAt: _staleAt, ...rest } = summary as CachedSummary;
  return rest;
}
