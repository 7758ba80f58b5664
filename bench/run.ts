/**
 * `npm run bench`: every figure beside its target, measured in Debian Chromium
 * on this machine. Prints a table and writes it to bench/results.md.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../test/e2e/harness';
import { runPopupBench } from './popup-bench';
import { type Figure, isRatio, meets } from './stats';

const BENCH_ORIGIN = 'https://bench.quotewise.test';

/** Bundle a browser-side bench module and run its exported function in a real Chromium page. */
async function inChromium(entry: string, fn: string): Promise<Figure[]> {
  const outfile = path.join(ROOT, 'bench/.dist', `${path.basename(entry, '.ts')}.js`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    outfile,
    alias: { '@': ROOT },
    logLevel: 'error',
  });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'quotewise-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const script = await readFile(outfile, 'utf8');
    // Cross-origin isolated, so performance.now() ticks in 5 µs rather than 100 µs: a raw get takes about 100 µs.
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    await context.route(`${BENCH_ORIGIN}/**`, (route) =>
      route.request().url().endsWith('.js')
        ? route.fulfill({ contentType: 'text/javascript', headers, body: script })
        : route.fulfill({ contentType: 'text/html', headers, body: '<!doctype html><title>bench</title><script src="/bench.js"></script>' }),
    );
    const page = await context.newPage();
    await page.goto(`${BENCH_ORIGIN}/`);
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('The bench page is not cross-origin isolated: its clock would tick in 100 µs');
    return await page.evaluate(`${fn}()`, { timeout: 0 } as never);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Each suite returns its figures. Later issues add theirs here. */
const SUITES: { name: string; run: () => Promise<Figure[]> }[] = [
  { name: 'database', run: () => inChromium('bench/browser/db-bench.ts', 'runDbBench') },
  { name: 'popup', run: runPopupBench },
  { name: 'badge', run: () => import('./badge').then((bench) => bench.runBadgeBench()) },
  { name: 'restless', run: () => import('./badge').then((bench) => bench.runRestlessBench()) },
  { name: 'lists', run: () => import('./lists').then((bench) => bench.runListsBench()) },
  { name: 'import', run: () => import('./import-bench').then((bench) => bench.runImportBench()) },
  { name: 'history', run: () => import('./history').then((bench) => bench.runHistoryBench()) },
];

/** Ratios to three places: a ratio whose target is 1.05 is not worth rounding to it. */
function format({ value, unit }: Pick<Figure, 'value' | 'unit'>): string {
  if (unit === '×') return value.toFixed(3);
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

/**
 * measured / baseline / ratio / target. A figure with no natural baseline (a size, a count
 * of long tasks, heap growth, a time with no least version of its work) keeps its absolute target.
 */
function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const name = `${f.name}${f.note ? ` (${f.note})` : ''}`;
    const target = `${f.kind === 'max' ? '≤' : '≥'} ${format({ ...f, value: f.target })} ${f.unit}`;
    const met = meets(f) ? 'met' : '**MISSED**';
    if (!isRatio(f)) {
      const baseline = f.unit === '×' ? 'the same page without the extension' : 'none (absolute figure)';
      return `| ${f.issue} | ${name} | ${format(f)} ${f.unit} | ${baseline} | ${f.unit === '×' ? format(f) : '—'} | ${target} | ${met} |`;
    }
    const { measured, baseline, unit } = f.absolute;
    const ratio = `${format(f)} (${format({ value: f.spread[0], unit: '×' })}–${format({ value: f.spread[1], unit: '×' })}, ${f.rounds} rounds)`;
    return `| ${f.issue} | ${name} | ${format({ value: measured, unit })} ${unit} | ${format({ value: baseline, unit })} ${unit} | ${ratio} | ${target} | ${met} |`;
  });
  return ['| issue | figure | measured | baseline | ratio (min–max) | target | |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** What each baseline is, one line per ratio figure. */
function baselines(figures: Figure[]): string {
  return figures
    .filter(isRatio)
    .map((f) => `- ${f.issue} ${f.name}: ${f.absolute.baselineIs}. Rounds' ratios in order: ${f.ratios.map((r) => r.toFixed(2)).join(', ')}`)
    .join('\n');
}

/**
 * Each suite starts on a quiet disk: the database suite leaves hundreds of megabytes
 * of IndexedDB behind it for the kernel to write out, and the next suite (the popup)
 * reads IndexedDB on every open it times.
 */
function settle(): void {
  try {
    execFileSync('sync');
  } catch {
    // No sync on this system: the suites still run, only less isolated from each other.
  }
}

async function main() {
  const only = process.argv[2];
  const [load1, load5, load15] = os.loadavg().map((load) => load.toFixed(2));
  const started = new Date().toISOString();
  const figures: Figure[] = [];
  for (const suite of SUITES) {
    if (only && suite.name !== only) continue;
    settle();
    process.stdout.write(`running ${suite.name} ... (load average ${os.loadavg().map((load) => load.toFixed(2)).join(', ')})\n`);
    const t0 = performance.now();
    figures.push(...(await suite.run()));
    process.stdout.write(`  ${suite.name} took ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const report = table(figures);
  console.log(`\n${report}\n`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const explanations = await readFile(path.join(ROOT, 'bench/explanations.md'), 'utf8').catch(() => '');
  await writeFile(
    path.join(ROOT, 'bench/results.md'),
    `# Quotewise benchmark results\n\nMeasured ${started} on ${machine}, Chromium at ${CHROMIUM}.\n` +
      `Load average at the start: ${load1}, ${load5}, ${load15} (1, 5, 15 min); at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}.\n` +
      `${only ? `Suite: ${only} only.\n` : ''}\n` +
      `Each ratio figure runs its work and its baseline in the same browser, on the same data, taking turns (the baseline first in every other round); ` +
      `the ratio is the mean of the middle half of the rounds' ratios (the lowest and highest quarter left out), with the lowest and highest round beside it. The absolute figures are the medians of the rounds unless the figure says otherwise. ` +
      `Baseline pages (the blank popup, the static portfolio table, the plain event rows, the import baseline) live in a bench-only copy of the built extension, ` +
      `bench/.dist/chrome-mv3-bench (gitignored), loaded as its own unpacked extension: the copy is .output/chrome-mv3 unchanged plus those files, ` +
      `so measured page and baseline share one browser, one origin and one database, and nothing of the baselines ships. ` +
      `Figures with no natural baseline (sizes, long tasks, heap growth, and times the issue gives none for) keep their absolute targets.\n\n` +
      `${report}\n\n## Baselines\n\n${baselines(figures)}\n${explanations ? `\n${explanations}` : ''}`,
  );
  if (figures.some((f) => !meets(f))) process.exitCode = 1;
}

await main();
