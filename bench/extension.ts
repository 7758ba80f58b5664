/**
 * The baselines' pages live in the extension's own origin, opened the same way as the
 * pages they are compared with, yet nothing of them ships: the bench copies the built
 * extension (.output/chrome-mv3) to bench/.dist/chrome-mv3-bench (gitignored), adds its
 * baseline pages there, and loads that copy as its own unpacked extension. Measured
 * pages and baselines then run in one browser, one origin, one database.
 *
 * The copy is the built extension byte for byte plus the bench's files, launched by the
 * e2e harness's launchExtension.
 */
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSION_DIR, ROOT, type ExtensionSession, launchExtension } from '../test/e2e/harness';

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

/** Chromium with the bench copy loaded in place of the build, as the e2e harness launches it: headless, no network. */
export async function launchBenchCopy(): Promise<BenchCopySession> {
  const session = await launchExtension({ dir: BENCH_COPY });
  return { ...session, writeFile: (file, body) => writeFile(path.join(BENCH_COPY, file), body) };
}
