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
import { type Figure, meets } from './stats';

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
    await context.route(`${BENCH_ORIGIN}/**`, (route) =>
      route.request().url().endsWith('.js')
        ? route.fulfill({ contentType: 'text/javascript', body: script })
        : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script src="/bench.js"></script>' }),
    );
    const page = await context.newPage();
    await page.goto(`${BENCH_ORIGIN}/`);
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
  { name: 'import', run: () => import('./import-bench').then((bench) => bench.runImportBench()) },
  { name: 'history', run: () => import('./history').then((bench) => bench.runHistoryBench()) },
];

/** Ratios to three places: a ratio whose target is 1.05 is not worth rounding to it. */
function format({ value, unit }: Pick<Figure, 'value' | 'unit'>): string {
  if (unit === '×') return value.toFixed(3);
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function table(figures: Figure[]): string {
  const rows = figures.map(
    (f) => `| ${f.issue} | ${f.name}${f.note ? ` (${f.note})` : ''} | ${format(f)} ${f.unit} | ${f.kind === 'max' ? '≤' : '≥'} ${format({ ...f, value: f.target })} ${f.unit} | ${meets(f) ? 'met' : '**MISSED**'} |`,
  );
  return ['| issue | figure | measured | target | |', '|---|---|---|---|---|', ...rows].join('\n');
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
  const figures: Figure[] = [];
  for (const suite of SUITES) {
    if (only && suite.name !== only) continue;
    settle();
    process.stdout.write(`running ${suite.name} ...\n`);
    figures.push(...(await suite.run()));
  }
  const report = table(figures);
  console.log(`\n${report}\n`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  await writeFile(
    path.join(ROOT, 'bench/results.md'),
    `# Quotewise benchmark results\n\nMeasured ${new Date().toISOString()} on ${machine}, Chromium at ${CHROMIUM}.\n\n${report}\n`,
  );
  if (figures.some((f) => !meets(f))) process.exitCode = 1;
}

await main();
