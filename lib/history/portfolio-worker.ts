/**
 * The portfolio reader (see workerPortfolio): the live portfolio query, off the
 * page's thread. It first sends the rows as last shown, kept as one record (a
 * tenth of the cost of reading every full summary), so the table is there at
 * once; the fresh read follows and replaces them, and is kept for next time.
 */
import { liveQuery } from 'dexie';
import * as z from 'zod/mini';
import { getDb } from '../db/db';
import { Band } from '../health';
import { WarningName } from '../model';
import { loadPortfolio } from './load';
import type { PortfolioMessage } from './portfolio-source';

export const PORTFOLIO_CACHE_KEY = 'portfolioRows';
const CachedRows = z.array(
  z.object({
    accountId: z.string(),
    name: z.string(),
    domains: z.array(z.string()),
    band: Band,
    score: z.nullable(z.number()),
    warnings: z.array(WarningName),
    revenueMinor: z.number(),
    currency: z.string(),
    quoteToOrderRate: z.nullable(z.number()),
    maxDaysLate: z.number(),
    lastActivityAt: z.nullable(z.number()),
  }),
);

const db = getDb();
const send = (message: PortfolioMessage) => postMessage(message);
const fail = (error: unknown) => send({ ok: false, error: error instanceof Error ? error.message : String(error) });
let freshSent = false;
let kept = '';

void db.settings
  .get(PORTFOLIO_CACHE_KEY)
  .then((row) => {
    const cached = CachedRows.safeParse(row?.value);
    if (!cached.success || cached.data.length === 0 || freshSent) return;
    kept = JSON.stringify(cached.data);
    send({ ok: true, data: { rows: cached.data, stale: [], fromCache: true } });
  })
  .catch(() => undefined); // No cache: the fresh read is on its way.

liveQuery(() => loadPortfolio(db, Date.now())).subscribe({
  next: (data) => {
    const text = JSON.stringify(data.rows);
    const unchanged = text === kept && data.stale.length === 0;
    send(unchanged && !freshSent ? { ok: true, confirmed: true } : { ok: true, data });
    freshSent = true;
    if (text === kept) return;
    kept = text;
    db.settings.put({ key: PORTFOLIO_CACHE_KEY, value: data.rows }).catch(() => undefined);
  },
  error: fail,
});
