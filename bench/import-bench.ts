/**
 * The 100,000-row import, measured through the real path: the built extension's
 * Import & backup page in Chromium, the file picked with the file input, the dry
 * run in the CSV worker, then the one-transaction import into IndexedDB.
 *
 * Its baseline takes turns with it in the same browser: Papa Parse alone over the
 * same file in a worker, then the raw write of the rows (bench/browser/import-baseline-*.ts),
 * from a page of the bench-only copy of the extension (bench/extension.ts). Each round
 * is a new browser, so that every measured import writes into an empty database.
 */
import Papa from 'papaparse';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUOTEWISE_COLUMNS } from '../lib/import/format';
import type { Page } from 'playwright-core';
import { BENCH_COPY, type BenchCopySession, bundleInto, launchBenchCopy, makeBenchCopy, shellOf } from './extension';
import { type Figure, median, ratioFigure, takeTurns } from './stats';

const ROWS = 100_000;
const ACCOUNTS = 2_000;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const ROUNDS = 9;
const BASELINE = 'bench-import.html';
const PICK = 'Choose a CSV file, or drop it here';

/** A valid Quotewise events CSV of `rows` rows over `ACCOUNTS` accounts (deterministic). */
export function benchCsv(rows: number): string {
  const data: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const account = i % ACCOUNTS;
    const date = new Date(START + ((i * 7919) % 600) * DAY).toISOString().slice(0, 10);
    const row: Record<string, string> = { account: `Bench Account ${account}`, domain: `bench-${account}.com`, date };
    switch (i % 5) {
      case 0:
        Object.assign(row, { type: 'quote', amount: `${1000 + (i % 9000)}.50`, quote_ref: `B-${i}`, competitor: 'Initrode' });
        break;
      case 1:
        Object.assign(row, { type: 'quote_outcome', quote_ref: `B-${i - 1}`, outcome: i % 3 ? 'won' : 'lost_to_incumbent' });
        break;
      case 2:
        Object.assign(row, { type: 'order', amount: `${2000 + (i % 5000)}`, currency: 'EUR' });
        break;
      case 3:
        Object.assign(row, { type: 'invoice', amount: '2000', due_date: date, paid_date: date });
        break;
      default:
        Object.assign(row, { type: 'service', minutes: String(i % 120), kind: 'support', notes: `call ${i}, "quoted", with a comma` });
    }
    data.push(QUOTEWISE_COLUMNS.map((column) => row[column] ?? ''));
  }
  return Papa.unparse({ fields: [...QUOTEWISE_COLUMNS], data });
}

/** Longest long task on the page since the last call (what a frozen page would show). */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const record = window as unknown as { longestTask?: number };
    const longest = record.longestTask ?? 0;
    if (record.longestTask === undefined) {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.longestTask = Math.max(record.longestTask ?? 0, entry.duration);
      }).observe({ type: 'longtask' });
    }
    record.longestTask = 0;
    return longest;
  });
}

interface Import {
  total: number;
  dryRun: number;
  scored: number;
  longestInDryRun: number;
  longestTask: number;
}

async function importThroughThePage(session: BenchCopySession, file: string): Promise<Import> {
  const page = await session.openExtensionPage('data.html');
  await longestTask(page);
  const started = performance.now();
  await page.getByLabel(PICK).setInputFiles(file);
  const importButton = page.getByRole('button', { name: `Import ${ROWS.toLocaleString('en-US')} events` });
  await importButton.waitFor({ timeout: 120_000 });
  const dryRun = performance.now() - started;
  const longestInDryRun = await longestTask(page);
  await importButton.click();
  await page.getByRole('status').filter({ hasText: `Imported ${ROWS.toLocaleString('en-US')} new events` }).waitFor({ timeout: 120_000 });
  const total = performance.now() - started;
  await page.getByRole('status').filter({ hasText: 'Health scores updated.' }).waitFor({ timeout: 120_000 });
  const scored = performance.now() - started - total;
  const result = { total, dryRun, scored, longestInDryRun, longestTask: await longestTask(page) };
  await page.close();
  return result;
}

async function parseAndWriteOnly(session: BenchCopySession, file: string): Promise<number> {
  const page = await session.openExtensionPage(BASELINE);
  const started = performance.now();
  await page.getByLabel(PICK).setInputFiles(file);
  const status = page.getByRole('status').filter({ hasText: `Stored ${ROWS} rows` });
  await status.waitFor({ timeout: 120_000 });
  const total = performance.now() - started;
  baselineSteps.push({ parse: Number(await status.getAttribute('data-parse-ms')), write: Number(await status.getAttribute('data-write-ms')) });
  await page.close();
  return total;
}

/** The baseline's two steps, as its worker timed them. */
const baselineSteps: { parse: number; write: number }[] = [];

export async function runImportBench(): Promise<Figure[]> {
  const file = path.join(os.tmpdir(), `quotewise-bench-${ROWS}.csv`);
  await writeFile(file, benchCsv(ROWS));
  await makeBenchCopy();
  await bundleInto('bench/browser/import-baseline-worker.ts', 'bench-import-worker.js');
  await bundleInto('bench/browser/import-baseline-page.ts', 'bench-import.js');
  await writeFile(
    path.join(BENCH_COPY, BASELINE),
    await shellOf('data.html', `<input type="file" accept=".csv" aria-label="${PICK}">\n<p role="status"></p>\n<script src="/bench-import.js"></script>`),
  );
  const imports: Import[] = [];
  let session: BenchCopySession | undefined;
  try {
    const turns = await takeTurns(
      ROUNDS,
      async () => {
        const run = await importThroughThePage(session!, file);
        imports.push(run);
        return run.total / 1000;
      },
      async () => (await parseAndWriteOnly(session!, file)) / 1000,
      async () => {
        await session?.close();
        session = await launchBenchCopy();
      },
    );
    const seconds = (ms: number[]) => `${(median(ms) / 1000).toFixed(2)} s`;
    const worst = (key: keyof Import) => Math.max(...imports.map((run) => run[key]));
    return [
      ratioFigure({
        issue: '#7',
        name: `${ROWS.toLocaleString('en-US')}-row CSV import, file picked to stored`,
        turns,
        unit: 's',
        target: 2,
        kind: 'max',
        note: `measured: dry run (parse, validation and matching in the worker) ${seconds(imports.map((run) => run.dryRun))}, then the import ${seconds(imports.map((run) => run.total - run.dryRun))}; baseline: Papa Parse ${seconds(baselineSteps.map((step) => step.parse))}, raw write ${seconds(baselineSteps.map((step) => step.write))}`,
        baselineIs: `Papa Parse alone over the same file in a worker (header row), then the raw write baseline: the rows per account in chunks of 200, raw \`put\` in one transaction, no validation (${BASELINE} in the bench-only copy of the extension, its file picked the same way); each round is a new browser, so the measured import writes into an empty database`,
      }),
      {
        issue: '#7',
        name: `Then health summaries of its ${ACCOUNTS.toLocaleString('en-US')} accounts recomputed (median of ${ROUNDS})`,
        value: median(imports.map((run) => run.scored)) / 1000,
        unit: 's',
        target: 10,
        kind: 'max',
        note: 'no baseline: the least version of scoring is the scoring figures’ loop above',
      },
      {
        issue: '#7',
        name: `Longest main-thread task on the import page during the dry run (parse and check in the worker; worst of ${ROUNDS})`,
        value: worst('longestInDryRun'),
        unit: 'ms',
        target: 250,
        kind: 'max',
      },
      {
        issue: '#7',
        name: `Longest main-thread task on the import page while storing and rescoring (worst of ${ROUNDS})`,
        value: worst('longestTask'),
        unit: 'ms',
        target: 250,
        kind: 'max',
      },
    ];
  } finally {
    await session?.close();
    await rm(file, { force: true });
  }
}
