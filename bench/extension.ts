/**
 * The baselines' pages live in the extension's own origin, opened the same way as the
 * pages they are compared with, yet nothing of them ships: the bench copies the built
 * extension (.output/chrome-mv3) to bench/.dist/chrome-mv3-bench (gitignored), adds its
 * baseline pages there, and loads that copy as its own unpacked extension. Measured
 * pages and baselines then run in one browser, one origin, one database.
 *
 * The copy is the built extension byte for byte plus the bench's files. The launcher
 * mirrors the e2e harness's launchExtension, whose directory is fixed (EXTENSION_DIR);
 * it leaves out the request log, which no bench reads.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, EXTENSION_DIR, ROOT, type ExtensionSession } from '../test/e2e/harness';

export const BENCH_COPY = path.join(ROOT, 'bench/.dist/chrome-mv3-bench');

export interface BenchCopySession extends ExtensionSession {
  /** Write (or rewrite) a file in the copy; an unpacked extension serves its files from disk. */
  writeFile(file: string, body: string): Promise<void>;
}

/**
 * An extension page's HTML shell with every script taken out (links, styles and body stay), read
 * from the bench copy: its stylesheet names are the copy's, and a build running meanwhile in
 * .output cannot take the file away.
 */
export async function shellOf(page: string, body = '<div id="app"></div>'): Promise<string> {
  const html = await readFile(path.join(BENCH_COPY, page), 'utf8');
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/<body>[\s\S]*<\/body>/, `<body>\n${body}\n</body>`);
}

/** Bundle a browser-side bench script into the copy (an extension page may load only its own scripts). */
export async function bundleInto(entry: string, file: string): Promise<void> {
  await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, format: 'iife', target: 'chrome120', outfile: path.join(BENCH_COPY, file), alias: { '@': ROOT }, logLevel: 'error' });
}

/** Refresh the copy from the current build. */
export async function makeBenchCopy(): Promise<void> {
  await rm(BENCH_COPY, { recursive: true, force: true });
  await mkdir(path.dirname(BENCH_COPY), { recursive: true });
  await cp(EXTENSION_DIR, BENCH_COPY, { recursive: true });
}

/** Launch Chromium with the bench copy loaded, headless, no network (as the harness launches the built extension). */
export async function launchBenchCopy(): Promise<BenchCopySession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'quotewise-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', `--disable-extensions-except=${BENCH_COPY}`, `--load-extension=${BENCH_COPY}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionUrl = (page: string) => `chrome-extension://${extensionId}/${page}`;
  const openExtensionPage = async (page: string) => {
    const tab = await context.newPage();
    await tab.goto(extensionUrl(page));
    return tab;
  };
  let messenger: Awaited<ReturnType<typeof openExtensionPage>> | undefined;
  return {
    context,
    requests: [],
    extensionId,
    serviceWorker,
    extensionUrl,
    openExtensionPage,
    async send(message) {
      messenger ??= await openExtensionPage('popup.html');
      return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    writeFile: (file, body) => writeFile(path.join(BENCH_COPY, file), body),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
