import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { loadSettings, saveSettings } from '@/lib/db/settings';
import { BANDS, type Band } from '@/lib/health';
import { loadBandHistory, recordBandSnapshot, type BandSnapshot } from '@/lib/history/band-history';
import { portfolioCsv } from '@/lib/history/csv';
import type { PortfolioData } from '@/lib/history/load';
import type { PortfolioSource } from '@/lib/history/portfolio-source';
import { countBands, filterRows, NO_FILTER, sortRows, WORST_FIRST, type Filter, type SortKey, type Sort } from '@/lib/history/portfolio';
import { accountHref } from '@/lib/history/route';
import { WARNING_NAMES, type WarningName } from '@/lib/model';
import { refreshSummaries } from '@/lib/scoring/store';
import { downloadFile, today } from '../download';
import { useFormats } from '../formats';
import type { Notify } from './HistoryApp';
import { PortfolioGrid } from './PortfolioGrid';

const REFRESH_BATCH = 500;

/** Every account, worst first, with filters, band counts and the Healthy goal (seeds 001 and 003). */
export function Portfolio({ db, source, notify }: { db: QuotewiseDB; source: PortfolioSource; notify: Notify }) {
  const [data, setData] = useState<PortfolioData | undefined>(undefined);
  const settings = useLiveQuery(() => loadSettings(db), [db]);
  const history = useLiveQuery(() => loadBandHistory(db), [db]);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>(WORST_FIRST);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const attempted = useRef(new Set<string>());
  const fmt = useFormats();
  useEffect(() => source.subscribe(setData, (error) => setLoadError(`Could not read your accounts: ${error.message}`)), [source]);

  // Cached summaries go stale (the window moves, the definition changes): recompute those, in batches, with progress.
  useEffect(() => {
    const stale = data?.stale.filter((id) => !attempted.current.has(id)) ?? [];
    if (stale.length === 0) return;
    for (const id of stale) attempted.current.add(id);
    let cancelled = false;
    void (async () => {
      try {
        for (let i = 0; i < stale.length && !cancelled; i += REFRESH_BATCH) {
          setProgress({ done: i, total: stale.length });
          await refreshSummaries(db, stale.slice(i, i + REFRESH_BATCH), Date.now());
        }
      } catch (error) {
        setLoadError(`Could not update the scores: ${(error as Error).message}`);
      } finally {
        if (!cancelled) setProgress(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [data, db]);

  const rows = data?.rows;
  const counts = useMemo(() => countBands(rows ?? []), [rows]);
  useEffect(() => {
    if (!data || data.fromCache || data.stale.length || data.rows.length === 0) return;
    recordBandSnapshot(db, counts, Date.now()).catch(() => undefined);
  }, [data, counts, db]);

  const shown = useMemo(() => (rows ? sortRows(filterRows(rows, filter), sort) : []), [rows, filter, sort]);
  useEffect(() => {
    if (data) performance.mark('quotewise:portfolio-ready');
  }, [data !== undefined]);
  const fresh = data !== undefined && !data.fromCache;
  useEffect(() => {
    if (fresh) performance.mark('quotewise:portfolio-fresh');
  }, [fresh]);

  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: key === 'band' || key === 'name' || key === 'score' ? 'ascending' : 'descending' },
    );
  const toggleBand = (band: Band) =>
    setFilter((f) => ({ ...f, bands: f.bands.includes(band) ? f.bands.filter((b) => b !== band) : [...f.bands, band] }));
  const open = (accountId: string) => {
    location.hash = accountHref(accountId);
  };
  const exportCsv = () => {
    downloadFile(`quotewise-accounts-${today()}.csv`, portfolioCsv(shown), 'text/csv;charset=utf-8');
    notify({ text: `Exported ${fmt.plural(shown.length, 'account')} to CSV.` });
  };

  if (data === undefined) {
    return (
      <main aria-busy={loadError ? undefined : true}>
        <h1>Accounts</h1>
        {loadError ? (
          <p role="alert" class="error">
            {loadError} Reload the page; if it keeps failing, export a backup from the Import page.
          </p>
        ) : (
          <p role="status">Loading accounts…</p>
        )}
      </main>
    );
  }
  if (data.rows.length === 0) {
    return (
      <main>
        <h1>Accounts</h1>
        <section aria-labelledby="empty-title">
          <h2 id="empty-title">No accounts yet</h2>
          <p>
            Open an email from a customer and click the Quotewise button in the browser toolbar to log your first quote; the account is created
            with it.
          </p>
          <p>
            Or bring in your history from a CSV or your CRM on the <a href="data.html">Import page</a>, or load the demo book there to try
            Quotewise out.
          </p>
        </section>
      </main>
    );
  }

  const filtered = filter !== NO_FILTER && (filter.bands.length > 0 || filter.warning !== null || filter.search.trim() !== '');
  return (
    <main>
      <button type="button" class="skip-link" onClick={focusFirstRow}>
        Skip to the accounts list
      </button>
      <h1>Accounts</h1>
      <Goal db={db} healthy={counts.Healthy} goal={settings?.healthyGoal ?? null} history={history ?? []} />
      {progress && (
        <p role="status">
          Updating scores… <progress max={progress.total} value={progress.done} aria-label="Scores updated" /> {fmt.number(progress.done)} of {fmt.number(progress.total)}
        </p>
      )}
      {loadError && <p role="alert" class="error">{loadError}</p>}
      <div class="toolbar" role="search" aria-label="Filter accounts">
        <label>
          Search
          <input type="search" value={filter.search} placeholder="Name or domain" onInput={(e) => setFilter((f) => ({ ...f, search: e.currentTarget.value }))} />
        </label>
        <div role="group" aria-label="Bands">
          {BANDS.map((band) => (
            <button key={band} type="button" aria-pressed={filter.bands.includes(band)} onClick={() => toggleBand(band)}>
              {band} ({fmt.number(counts[band])})
            </button>
          ))}
        </div>
        <label>
          Warning
          <select
            value={filter.warning ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setFilter((f) => ({ ...f, warning: value ? (value as WarningName) : null }));
            }}
          >
            <option value="">Any</option>
            {WARNING_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <p role="status" class="muted">
        {shown.length === data.rows.length ? fmt.plural(data.rows.length, 'account') : `${fmt.number(shown.length)} of ${fmt.plural(data.rows.length, 'account')}`}, sorted by{' '}
        {sort === WORST_FIRST ? 'worst first' : `${sort.key} ${sort.direction}`}.
      </p>
      {shown.length === 0 ? (
        <p>
          No account matches these filters.{' '}
          <button type="button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        </p>
      ) : (
        <PortfolioGrid rows={shown} sort={sort} onSort={onSort} onOpen={open} />
      )}
    </main>
  );
}

/** The skip link's target: the grid's focusable row (the first, until the rep moves). */
function focusFirstRow() {
  document.querySelector<HTMLElement>('[role=grid] [role=row][tabindex="0"]')?.focus();
}

/** Seed 003: how many Healthy accounts against the goal, and how that number moved month by month. */
function Goal({ db, healthy, goal, history }: { db: QuotewiseDB; healthy: number; goal: number | null; history: readonly BandSnapshot[] }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const recent = history.slice(-6);
  const previous = history.length >= 2 ? history[history.length - 2]! : null;
  const delta = previous ? healthy - previous.counts.Healthy : null;
  const fmt = useFormats();

  const save = async (event: Event) => {
    event.preventDefault();
    const value = Number(draft);
    if (!Number.isInteger(value) || value < 0 || value > 100_000) {
      setError('Enter a whole number of accounts, 0 or more.');
      return;
    }
    try {
      await saveSettings(db, { healthyGoal: value });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(`Could not save the goal: ${(e as Error).message}`);
    }
  };

  return (
    <section class="goal" aria-label="Healthy accounts goal">
      <p>
        <strong>{fmt.number(healthy)}</strong> Healthy account{healthy === 1 ? '' : 's'}
        {goal !== null && <> of your goal of <strong>{fmt.number(goal)}</strong></>}
        {delta !== null && <span class="muted"> ({delta === 0 ? 'no change' : `${delta > 0 ? 'up' : 'down'} ${fmt.number(Math.abs(delta))}`} since {fmt.month(previous!.month)})</span>}
      </p>
      {goal !== null && goal > 0 && <progress max={goal} value={Math.min(healthy, goal)} aria-label={`${healthy} of ${goal} Healthy accounts`} />}
      {recent.length > 1 && (
        <p>
          <span class="muted">Healthy by month: </span>
          {recent.map((s) => `${fmt.month(s.month)}: ${fmt.number(s.counts.Healthy)}`).join(' → ')}
        </p>
      )}
      {editing ? (
        <form onSubmit={save} class="toolbar">
          <label>
            Goal
            <input type="number" min={0} max={100000} step={1} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'goal-error' : undefined} />
          </label>
          <button type="submit">Save goal</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          {error && (
            <span id="goal-error" role="alert" class="error">
              {error}
            </span>
          )}
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            setDraft(String(goal ?? ''));
            setEditing(true);
          }}
        >
          Change goal
        </button>
      )}
    </section>
  );
}
