import { browser } from 'wxt/browser';

/**
 * Extra CRM addresses the rep enables at run time (a self-hosted or custom
 * domain). Each becomes a match pattern, the browser asks the rep for that one
 * host (optional_host_permissions), and the badge content script is registered
 * for the granted patterns with the scripting API.
 */
export const EXTRA_SITES_SCRIPT_ID = 'quotewise-extra-sites';
/** Where WXT writes the badge content script (entrypoints/badge.content). */
export const BADGE_SCRIPT_FILE = 'content-scripts/badge.js';

export type PatternResult = { ok: true; pattern: string } | { ok: false; error: string };

/** "crm.example.com", "https://crm.example.com/app/..." or "*.example.com" -> "https://crm.example.com/*". */
export function toMatchPattern(input: string): PatternResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Type the CRM’s address, like https://crm.example.com.' };
  if (/^http:\/\//i.test(text)) return { ok: false, error: 'Only https:// addresses can be enabled.' };
  const host = text
    .replace(/^https:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  const wildcard = host.startsWith('*.');
  const bare = wildcard ? host.slice(2) : host;
  if (!/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/.test(bare) || /^[\d.]+$/.test(bare)) {
    return { ok: false, error: `“${text}” is not a web address. Type it like https://crm.example.com.` };
  }
  if (wildcard && bare.split('.').length < 3) return { ok: false, error: 'A wildcard must keep the company’s own domain, like *.crm.example.com.' };
  return { ok: true, pattern: `https://${host}/*` };
}

/** Register the badge content script for exactly the extra sites the browser has granted (none: unregister). */
export async function syncExtraSiteScripts(patterns: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of patterns) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: EXTRA_SITES_SCRIPT_ID, matches: granted, js: [BADGE_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}
