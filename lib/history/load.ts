import type { QuotewiseDB } from '../db/db';
import { loadDefinition } from '../db/definition';
import { isStale } from '../scoring/store';
import { toRows, type PortfolioRow } from './portfolio';

export interface PortfolioData {
  rows: PortfolioRow[];
  /** Accounts whose cached summary is missing or out of date: recompute them, then read again. */
  stale: string[];
  /** Rows as last shown (see portfolio-worker.ts), until the fresh read arrives. */
  fromCache?: true;
}

/** Every account with its cached summary: one read of each table, no scoring (the page refreshes the stale ones after). */
export async function loadPortfolio(db: QuotewiseDB, now: number): Promise<PortfolioData> {
  const [accounts, summaries, definition] = await Promise.all([db.accounts.toArray(), db.summaries.toArray(), loadDefinition(db)]);
  const byId = new Map(summaries.map((s) => [s.accountId, s]));
  return {
    rows: toRows(accounts, byId),
    stale: accounts.filter((a) => isStale(byId.get(a.id), definition.version, now)).map((a) => a.id),
  };
}
