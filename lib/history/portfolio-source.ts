import { liveQuery } from 'dexie';
import type { QuotewiseDB } from '../db/db';
import { loadPortfolio, type PortfolioData } from './load';

/** Where the portfolio page gets its rows: a live feed, re-sent whenever accounts or summaries change. */
export interface PortfolioSource {
  subscribe(onData: (data: PortfolioData) => void, onError: (error: Error) => void): () => void;
}

export type PortfolioMessage =
  | { ok: true; data: PortfolioData }
  /** The fresh read found exactly the rows already sent from the cache: nothing to send again. */
  | { ok: true; confirmed: true }
  | { ok: false; error: string };

/** A Dexie live query on this thread (tests; anywhere without workers). */
export function livePortfolio(db: QuotewiseDB): PortfolioSource {
  return {
    subscribe(onData, onError) {
      const subscription = liveQuery(() => loadPortfolio(db, Date.now())).subscribe({ next: onData, error: onError });
      return () => subscription.unsubscribe();
    },
  };
}

/**
 * The same live query in a worker. Reading 10,000 full cached summaries costs the
 * reading thread 0.3–1 s of deserialising; the worker does that and sends the page
 * only the table rows, so the page never freezes while it loads.
 */
export function workerPortfolio(): PortfolioSource {
  return {
    subscribe(onData, onError) {
      const worker = new Worker(new URL('./portfolio-worker.ts', import.meta.url), { type: 'module' });
      let last: PortfolioData | undefined;
      worker.onmessage = (event: MessageEvent<PortfolioMessage>) => {
        const message = event.data;
        if (!message.ok) return onError(new Error(message.error));
        // Same rows array, so the page keeps its sorted table and only learns the rows are current.
        last = 'confirmed' in message ? last && { rows: last.rows, stale: [] } : message.data;
        if (last) onData(last);
      };
      worker.onerror = (event) => onError(new Error(event.message || 'The portfolio reader stopped.'));
      return () => worker.terminate();
    },
  };
}
