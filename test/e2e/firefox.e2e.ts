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

describe('Firefox build', () => {
  it('passes web-ext lint with no errors, and no warning of our own', async () => {
    const result = (await webExt.cmd.lint(
      { sourceDir: FIREFOX_DIR, output: 'none', boring: true, selfHosted: false },
      { shouldExitProgram: false },
    )) as LintResult;
    expect(result.errors).toEqual([]);
    // Preact's renderer contains an innerHTML assignment (for dangerouslySetInnerHTML, which
    // Quotewise never uses); the linter flags the library code. Nothing else may warn.
    const ours = result.warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message)));
    expect(ours).toEqual([]);
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
