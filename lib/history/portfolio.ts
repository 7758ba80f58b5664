import type { Band, HealthSummary } from '../health';
import type { Account, WarningName } from '../model';

/** One line of the portfolio table: an account, its band and the figures behind it. */
export interface PortfolioRow {
  accountId: string;
  name: string;
  domains: readonly string[];
  band: Band;
  score: number | null;
  warnings: WarningName[];
  revenueMinor: number;
  currency: string;
  quoteToOrderRate: number | null;
  maxDaysLate: number;
  lastActivityAt: number | null;
}

export const SORT_KEYS = ['band', 'name', 'score', 'warnings', 'revenue', 'quoteToOrder', 'daysLate', 'lastActivity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}
/** Worst first: the rep's review starts with the accounts that need them (seed 001). */
export const WORST_FIRST: Sort = { key: 'band', direction: 'ascending' };

export interface Filter {
  /** Empty: every band. */
  bands: readonly Band[];
  warning: WarningName | null;
  search: string;
}
export const NO_FILTER: Filter = { bands: [], warning: null, search: '' };

/** Known trouble first, then unknowns, then the healthy. */
const BAND_RANK: Record<Band, number> = { 'At risk': 0, Watch: 1, 'Not enough data': 2, Healthy: 3 };

export function toRows(accounts: readonly Account[], summaries: readonly HealthSummary[] | ReadonlyMap<string, HealthSummary>): PortfolioRow[] {
  const byId = 'get' in summaries ? summaries : new Map(summaries.map((s) => [s.accountId, s]));
  return accounts.map((account) => {
    const s = byId.get(account.id);
    return {
      accountId: account.id,
      name: account.name,
      domains: account.domains,
      band: s?.band ?? 'Not enough data',
      score: s?.score ?? null,
      warnings: s?.warnings.map((w) => w.name) ?? [],
      revenueMinor: s?.figures.revenueMinor ?? 0,
      currency: s?.figures.currency ?? 'USD',
      quoteToOrderRate: s?.figures.quoteToOrderRate ?? null,
      maxDaysLate: s?.figures.maxDaysLate ?? 0,
      lastActivityAt: s?.figures.lastActivityAt ?? null,
    };
  });
}

export function filterRows(rows: readonly PortfolioRow[], filter: Filter): PortfolioRow[] {
  const needle = filter.search.trim().toLowerCase();
  const bands = new Set(filter.bands);
  return rows.filter(
    (row) =>
      (bands.size === 0 || bands.has(row.band)) &&
      (filter.warning === null || row.warnings.includes(filter.warning)) &&
      (!needle || row.name.toLowerCase().includes(needle) || row.domains.some((d) => d.includes(needle))),
  );
}

/** Sorted copy. Missing values (no score, no activity) go last in either direction; ties fall back to worst first, then name. */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = VALUE_OF[sort.key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return sign * (typeof va === 'string' ? va.localeCompare(vb as string) : va - (vb as number));
    }
    return worstFirst(a, b);
  });
}

const VALUE_OF: Record<SortKey, (row: PortfolioRow) => number | string | null> = {
  band: (row) => BAND_RANK[row.band],
  name: (row) => row.name.toLowerCase(),
  score: (row) => row.score,
  warnings: (row) => row.warnings.length,
  revenue: (row) => row.revenueMinor,
  quoteToOrder: (row) => row.quoteToOrderRate,
  daysLate: (row) => row.maxDaysLate,
  lastActivity: (row) => row.lastActivityAt,
};

function worstFirst(a: PortfolioRow, b: PortfolioRow): number {
  return (
    BAND_RANK[a.band] - BAND_RANK[b.band] ||
    (a.score ?? 101) - (b.score ?? 101) ||
    b.warnings.length - a.warnings.length ||
    a.name.localeCompare(b.name) ||
    (a.accountId < b.accountId ? -1 : 1)
  );
}

export type BandCounts = Record<Band, number>;

export function countBands(rows: readonly Pick<PortfolioRow, 'band'>[]): BandCounts {
  const counts: BandCounts = { Healthy: 0, Watch: 0, 'At risk': 0, 'Not enough data': 0 };
  for (const row of rows) counts[row.band]++;
  return counts;
}
