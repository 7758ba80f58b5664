import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '@/lib/sites';
import { EXTENSION_DIR, ROOT } from './harness';

/**
 * The only permissions Quotewise may ask for, each with its reason (README, "Security and
 * privacy", says the same). Adding one means adding it here, with a reason, on purpose.
 */
const ALLOWED_PERMISSIONS: Record<string, string> = {
  unlimitedStorage: "Exempts the rep's history in IndexedDB from quota and eviction.",
  contextMenus: 'The "Log a quote for …" item on selected text and mailto links.',
  scripting: "Injects the badge's UI into the page's isolated world on demand, and registers the badge for CRM addresses the rep enables.",
};
const CHROME_ONLY: Record<string, string> = {
  sidePanel: 'Shows the history page in Chrome\'s side panel (Firefox declares a sidebar instead, which needs no permission).',
};
const ALLOWED_OPTIONAL_HOSTS = ['https://*/*'];

const manifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

describe('least privilege: the built manifests ask for what the allow-list says, and no more', () => {
  it('Chrome', async () => {
    const m = await manifest(EXTENSION_DIR);
    expect([...m.permissions].sort()).toEqual(Object.keys({ ...ALLOWED_PERMISSIONS, ...CHROME_ONLY }).sort());
    expect(m.host_permissions).toEqual([...HOST_PERMISSIONS]);
    expect(m.optional_host_permissions).toEqual(ALLOWED_OPTIONAL_HOSTS);
    expect(m.optional_permissions).toBeUndefined();
    // Nothing a web page can message, and only the badge's card to load, at an address that changes every session.
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toEqual([{ resources: ['card.html'], matches: ['https://*/*'], use_dynamic_url: true }]);
    // The content script runs only on the supported sites.
    for (const script of m.content_scripts) expect([...script.matches].sort()).toEqual([...HOST_PERMISSIONS].sort());
    expect(m.content_security_policy).toBeUndefined(); // MV3's default: no remote code, no eval.
  });

  it('Firefox', async () => {
    const m = await manifest(path.join(ROOT, '.output/firefox-mv3'));
    expect([...m.permissions].sort()).toEqual(Object.keys(ALLOWED_PERMISSIONS).sort());
    expect(m.host_permissions).toEqual([...HOST_PERMISSIONS]);
    expect(m.optional_host_permissions).toEqual(ALLOWED_OPTIONAL_HOSTS);
    // Firefox has no use_dynamic_url; its extension addresses are random for each install.
    expect(m.web_accessible_resources).toEqual([{ resources: ['card.html'], matches: ['https://*/*'] }]);
  });

  it('every permission has a reason in docs/security.md', async () => {
    // The reasons moved from the README's "Security and privacy" section to docs/security.md.
    const security = await readFile(path.join(ROOT, 'docs/security.md'), 'utf8');
    expect(security.length).toBeGreaterThan(100);
    for (const permission of [...Object.keys(ALLOWED_PERMISSIONS), ...Object.keys(CHROME_ONLY), ...ALLOWED_OPTIONAL_HOSTS]) {
      expect(security).toContain(`\`${permission}\``);
    }
  });
});
