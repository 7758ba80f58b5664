import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import type { HealthSummary } from '@/lib/health';
import { loadDefinition } from '@/lib/db/definition';
import { eventsOfAccount } from '@/lib/db/events';
import { daysLateByInvoice, priceSeries, quotesAndOrdersByMonth } from '@/lib/history/charts';
import { fileSlug, historyCsv } from '@/lib/history/csv';
import { PORTFOLIO_HREF } from '@/lib/history/route';
import { points } from '@/lib/points';
import { getSummaries } from '@/lib/scoring/store';
import { AccountTools } from './AccountTools';
import { DaysLateChart, PriceChart, QuotesOrdersChart } from './Charts';
import { downloadFile, today } from '../download';
import { useFormats } from '../formats';
import { bandClass } from './format';
import type { Notify } from './HistoryApp';
import { ScorecardEditor } from './ScorecardEditor';
import { Timeline } from './Timeline';
import { Warnings } from './Warnings';

/** "About a month ago: Watch, 55 of 100. About three months ago: Healthy, 72 of 100." Where known. */
function pastBands({ monthAgo, threeMonthsAgo }: HealthSummary): string {
  const one = (when: string, past: HealthSummary['monthAgo']) => past && `About ${when} ago: ${past.band}${past.score === null ? '' : `, ${past.score} of 100`}.`;
  return [one('a month', monthAgo), one('three months', threeMonthsAgo)].filter(Boolean).join(' ');
}

/** One account: its health, warnings, scorecard, charts and every event. */
export function AccountPage({ db, accountId, notify }: { db: QuotewiseDB; accountId: string; notify: Notify }) {
  const account = useLiveQuery(async () => (await db.accounts.get(accountId)) ?? null, [db, accountId]);
  const events = useLiveQuery(() => eventsOfAccount(db, accountId), [db, accountId]);
  const summary = useLiveQuery(async () => (await db.summaries.get(accountId)) ?? null, [db, accountId]);
  const definition = useLiveQuery(() => loadDefinition(db), [db]);
  const f = useFormats();

  // Recompute the cached summary if it is stale (the live query above then shows the new one).
  useEffect(() => {
    void getSummaries(db, [accountId], Date.now()).catch(() => undefined);
  }, [db, accountId]);

  const ready = account !== undefined && events !== undefined && summary !== undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!ready) return;
    performance.mark('quotewise:account-ready');
    // A new "page" for screen-reader and keyboard users: start them at its heading.
    heading.current?.focus();
  }, [ready, accountId]);

  const charts = useMemo(() => {
    if (!events) return null;
    const now = Date.now();
    return { price: priceSeries(events), months: quotesAndOrdersByMonth(events, now), late: daysLateByInvoice(events, now) };
  }, [events]);

  const back = (
    <p>
      <a href={PORTFOLIO_HREF}>← All accounts</a>
    </p>
  );
  if (!ready) {
    return (
      <main aria-busy="true">
        {back}
        <p role="status">Loading account…</p>
      </main>
    );
  }
  if (account === null) {
    return (
      <main>
        {back}
        <h1>Account not found</h1>
        <p>This account no longer exists: it may have been merged into another or deleted. Find it in the list of all accounts.</p>
      </main>
    );
  }

  const exportCsv = () => {
    downloadFile(`quotewise-${fileSlug(account.name)}-${today()}.csv`, historyCsv(account.name, events, f), 'text/csv;charset=utf-8');
    notify({ text: `Exported ${f.plural(events.length, 'event')} to CSV.` });
  };

  return (
    <main>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {account.name}
      </h1>
      <p>
        {summary ? (
          <>
            <span class={bandClass(summary.band)}>{summary.band}</span>
            {summary.score !== null && <>, {summary.score} of 100</>}
          </>
        ) : (
          <span class="muted">Scoring…</span>
        )}
        {account.domains.length > 0 && <span class="muted"> · {account.domains.join(', ')}</span>}
      </p>
      {summary?.monthAgo && <p class="muted">{pastBands(summary)}</p>}
      <div class="toolbar">
        <button type="button" onClick={exportCsv} disabled={events.length === 0}>
          Export history CSV
        </button>
      </div>
      {summary && summary.reasons.length > 0 && (
        <details>
          <summary>Why this score</summary>
          <ul>
            {summary.reasons.map((r, i) => (
              <li key={i}>
                {points(r.points)}: {f.text(r.text)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary && <Warnings db={db} accountId={account.id} warnings={summary.warnings} dismissed={summary.dismissed} notify={notify} />}
      {summary && <ScorecardEditor key={account.updatedAt} db={db} accountId={account.id} scorecard={summary.scorecard} judgement={account.judgement} notify={notify} />}
      <h2>Charts</h2>
      {charts && (
        <div class="cards">
          <PriceChart points={charts.price.points} currency={charts.price.currency} otherCurrency={charts.price.otherCurrency} />
          <QuotesOrdersChart bars={charts.months} />
          <DaysLateChart bars={charts.late} lateAfterDays={definition?.thresholds.lateAfterDays ?? 7} />
        </div>
      )}
      <Timeline db={db} events={events} notify={notify} />
      <AccountTools db={db} account={account} events={events} notify={notify} />
    </main>
  );
}
