import type { QuotewiseDB } from '@/lib/db/db';
import { loadSettings } from '@/lib/db/settings';
import type { RowContext } from '@/lib/import/map-row';
import type { Analysis } from '@/lib/import/parse';
import { detectMapping } from '@/lib/import/presets';
import type { CsvWorker } from '@/lib/import/worker-client';
import { importRows, type ImportResult } from '@/lib/import/write';
import { broadcastChanged } from '@/lib/background/notify';
import { loadDefinition } from '@/lib/db/definition';
import { isQuotaExceeded, STORAGE_FULL } from '@/lib/messaging/router';
import { refreshSummaries } from '@/lib/scoring/store';

/** What mapping needs from the rep's settings: their currency, own domains and free-mail lists. */
export async function rowContext(db: QuotewiseDB): Promise<RowContext> {
  const [settings, definition] = await Promise.all([loadSettings(db), loadDefinition(db)]);
  return {
    defaultCurrency: settings.defaultCurrency,
    identity: { ownDomains: settings.ownDomains, freeMailExtra: settings.freeMailExtra, freeMailExcluded: settings.freeMailExcluded },
    paymentTermsDays: definition.thresholds.paymentTermsDays,
  };
}

/** After a direct write to the database: recompute the touched accounts' health and tell open tabs. */
export async function afterWrite(db: QuotewiseDB, accountIds: readonly string[]): Promise<void> {
  const now = Date.now();
  // Batches keep each transaction short when a large import touched thousands of accounts.
  for (let start = 0; start < accountIds.length; start += SUMMARY_BATCH) {
    await refreshSummaries(db, accountIds.slice(start, start + SUMMARY_BATCH), now);
  }
  await broadcastChanged(accountIds);
}

const SUMMARY_BATCH = 500;

/** Load a whole CSV text through the same path as the wizard (worker dry run, one transaction), with the detected mapping. */
export async function importText(
  db: QuotewiseDB,
  worker: CsvWorker,
  text: string,
  options: { source: 'import' | 'demo'; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<{ analysis: Analysis; result: ImportResult }> {
  const { mapping } = detectMapping(await worker.read(text));
  const analysis = await worker.analyse(mapping, await rowContext(db), (fraction) => options.onProgress?.(fraction / 2));
  const result = await importRows(db, analysis.rows, {
    now: Date.now(),
    source: options.source,
    signal: options.signal,
    onProgress: (fraction) => options.onProgress?.(0.5 + fraction / 2),
  });
  await afterWrite(db, result.accountIds);
  return { analysis, result };
}

/** What to tell the rep when a write failed: a full disk gets the same words everywhere in Quotewise. */
export function failureMessage(error: unknown): string {
  return isQuotaExceeded(error) ? STORAGE_FULL : error instanceof Error ? error.message : String(error);
}
