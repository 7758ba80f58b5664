import { readFile } from 'node:fs/promises';
import path from 'node:path';
import webExt from 'web-ext';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from './harness';

const FIREFOX_DIR = path.join(ROOT, '.output/firefox-mv3');
const manifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

interface LintResult {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

let linted: Promise<LintResult> | undefined;
/** web-ext lint of the Firefox build, run once for the tests that read it. */
const lint = () =>
  (linted ??= webExt.cmd.lint({ sourceDir: FIREFOX_DIR, output: 'none', boring: true, selfHosted: false }, { shouldExitProgram: false }) as Promise<LintResult>);

describe('Firefox build', () => {
  it('passes web-ext lint with no errors, and no warning of our own', async () => {
    const result = await lint();
    expect(result.errors).toEqual([]);
    // Preact's renderer contains an innerHTML assignment (for dangerouslySetInnerHTML, which
    // Quotewise never uses); the linter flags the library code. Nothing else may warn.
    const ours = result.warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message)));
    expect(ours).toEqual([]);
  });

  it('asks for Firefox ESR 140 on desktop and 142 on Android, as the keys it declares need, and no more', async () => {
    const firefox = await manifest(FIREFOX_DIR);
    const settings = firefox.browser_specific_settings;
    // The keys that set the floor, and the first version that reads each (MDN browser-compat-data).
    const needs: [present: boolean, key: string, desktop: number, android: number][] = [
      [settings.gecko.data_collection_permissions !== undefined, 'gecko.data_collection_permissions', 140, 142],
    ];
    const floor = (which: 2 | 3) => Math.max(...needs.filter(([present]) => present).map((need) => need[which]));
    expect(settings.gecko.strict_min_version).toBe(`${floor(2)}.0`);
    expect(settings.gecko_android.strict_min_version).toBe(`${floor(3)}.0`);
    // ESR 140, what companies deploy, must be able to install it.
    expect(floor(2)).toBeLessThanOrEqual(140);
    // The linter knows every key's first version: none may be newer than the minimum declared.
    const result = await lint();
    const tooNew = [...result.errors, ...result.warnings].filter((message) => /UNSUPPORTED_BY_MIN_VERSION/.test(message.code));
    expect(tooNew.map((message) => `${message.code}: ${message.message}`)).toEqual([]);
  });

  it('differs from the Chrome build only where the browsers differ', async () => {
    const chrome = await manifest(EXTENSION_DIR);
    const firefox = await manifest(FIREFOX_DIR);
    expect(firefox.manifest_version).toBe(3);
    // Firefox MV3 runs the background as an event page; Chrome as a service worker.
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: 'quotewise@quotewise.app', data_collection_permissions: { required: ['none'] } });
    expect(chrome.browser_specific_settings).toBeUndefined();
    // The history page is the side panel: Chrome's side_panel needs the sidePanel permission, Firefox's sidebar_action none.
    expect(chrome.side_panel).toEqual({ default_path: 'history.html' });
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'history.html' });
    // Otherwise the same permissions, same sites, same content scripts.
    expect(firefox.permissions).toEqual(chrome.permissions.filter((p: string) => p !== 'sidePanel'));
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
  });
});
