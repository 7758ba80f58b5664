import * as z from 'zod/mini';
import type { QuotewiseDB } from '../db/db';
import { EpochMs } from '../model';
import type { BandCounts } from './portfolio';

/**
 * How many accounts were in each band, month by month (seed 003: raise the number
 * of best accounts). One snapshot per UTC month, the last one seen in that month
 * wins, so a month's figure is the portfolio as the rep last saw it then.
 *
 * Snapshots, not re-scoring the past: a past month scored today would use today's
 * definition and today's judgements (neither is kept per month), and would cost
 * one scoring of every account per month shown each time the page opens.
 */
const Count = z.int().check(z.minimum(0));
export const BandSnapshot = z.object({
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  counts: z.object({ Healthy: Count, Watch: Count, 'At risk': Count, 'Not enough data': Count }),
  at: EpochMs,
});
export type BandSnapshot = z.infer<typeof BandSnapshot>;
export const BandHistory = z.array(BandSnapshot);

export const BAND_HISTORY_KEY = 'bandHistory';
export const MONTHS_KEPT = 24;

export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** The history with this month's snapshot set to `counts`, oldest first, at most MONTHS_KEPT months. */
export function withSnapshot(history: readonly BandSnapshot[], counts: BandCounts, now: number): BandSnapshot[] {
  const month = monthOf(now);
  const others = history.filter((s) => s.month !== month);
  return [...others, { month, counts: { ...counts }, at: now }].sort((a, b) => a.month.localeCompare(b.month)).slice(-MONTHS_KEPT);
}

/** Stored history, re-validated: a damaged record reads as no history rather than breaking the page. */
export async function loadBandHistory(db: QuotewiseDB): Promise<BandSnapshot[]> {
  const parsed = BandHistory.safeParse((await db.settings.get(BAND_HISTORY_KEY))?.value ?? []);
  return parsed.success ? parsed.data : [];
}

/** Record this month's counts; writes nothing when they are unchanged. */
export async function recordBandSnapshot(db: QuotewiseDB, counts: BandCounts, now: number): Promise<BandSnapshot[]> {
  return db.transaction('rw', db.settings, async () => {
    const history = await loadBandHistory(db);
    const current = history.find((s) => s.month === monthOf(now));
    if (current && sameCounts(current.counts, counts)) return history;
    const next = withSnapshot(history, counts, now);
    await db.settings.put({ key: BAND_HISTORY_KEY, value: next });
    return next;
  });
}

function sameCounts(a: BandCounts, b: BandCounts): boolean {
  return a.Healthy === b.Healthy && a.Watch === b.Watch && a['At risk'] === b['At risk'] && a['Not enough data'] === b['Not enough data'];
}
