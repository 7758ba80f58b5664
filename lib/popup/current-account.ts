import { browser } from 'wxt/browser';
import type { HealthSummary } from '../health';
import { PAGE_CUSTOMERS, PageCustomers } from '../content/page-customers';
import { request } from '../messaging/client';
import type { LookupResult } from '../messaging/accounts';
import type { OpenQuote } from '../messaging/quicklog';
import { Email } from '../model';

/**
 * Which account the popup opens on. In order: an explicit `?account=<id>` (the
 * badge's quick actions), `?email=` / `?q=` (the context menu), then the
 * customer on the current tab, asked from that tab's content script.
 * `?tab=<id>` names the tab when the popup page is open in a tab of its own
 * (the end-to-end tests, the context-menu window): there the "active tab" is the popup itself.
 */
export interface PopupParams {
  accountId: string | null;
  email: string | null;
  text: string | null;
  tabId: number | null;
  form: 'quote' | 'price_match' | null;
}

export function readPopupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  const form = params.get('form');
  return {
    accountId: params.get('account') || null,
    email: params.get('email') || null,
    text: params.get('q')?.trim().slice(0, 200) || null,
    tabId: Number.isInteger(tab) && tab > 0 ? tab : null,
    form: form === 'quote' || form === 'price_match' ? form : null,
  };
}

export interface AccountChoice {
  id: string;
  name: string;
  domains: string[];
}

export interface Resolution {
  account: AccountChoice | null;
  summary: HealthSummary | null;
  /** A customer seen but not yet an account: offered as "create account". */
  unknown: { domain: string; email?: string } | null;
  /** What to prefill the account picker with when nothing resolved. */
  query: string;
}

const NOTHING: Resolution = { account: null, summary: null, unknown: null, query: '' };

export interface PopupData {
  resolution: Resolution;
  defaultCurrency: string;
  openQuotes: OpenQuote[];
  staleAfterDays: number;
}

/** Everything the popup's first render needs, asked for at once (the popup's entry starts this before Preact renders). */
export async function loadPopupData(params: PopupParams): Promise<PopupData> {
  const [resolution, settings, open] = await Promise.all([resolveAccount(params), request('settings.get', {}), request('quotes.open', {})]);
  return { resolution, defaultCurrency: settings.defaultCurrency, openQuotes: open.quotes, staleAfterDays: open.staleAfterDays };
}

export async function resolveAccount(params: PopupParams): Promise<Resolution> {
  if (params.accountId) {
    const [{ account }, summary] = await Promise.all([request('accounts.get', { id: params.accountId }), summaryOf(params.accountId)]);
    if (account) return { account: choice(account), summary, unknown: null, query: '' };
  }
  const email = params.email ?? (params.text && normaliseEmail(params.text) ? params.text : null);
  if (email) return fromLookup(await lookup({ emails: [email], webAddresses: [], names: [] }), email);
  if (params.text) return fromLookup(await lookup({ emails: [], webAddresses: [], names: [params.text] }), params.text);
  const customers = await customersOnTab(params.tabId ?? (await activeTabId()));
  if (!customers) return NOTHING;
  return fromLookup(await lookup(customers), '');
}

async function lookup(customers: PageCustomers): Promise<LookupResult[]> {
  if (customers.emails.length + customers.webAddresses.length + customers.names.length === 0) return [];
  return (await request('accounts.lookup', customers)).results;
}

/** The first customer with an account wins; else the first recognisable one is offered for creation. */
function fromLookup(results: LookupResult[], query: string): Resolution {
  const known = results.find((r) => r.account);
  if (known?.account) return { account: choice(known.account), summary: known.summary, unknown: null, query: '' };
  const seen = results.find((r) => r.identity);
  if (seen?.identity) return { account: null, summary: null, unknown: { domain: seen.identity.domain, email: seen.identity.email }, query: seen.identity.domain };
  // An email nobody can resolve (the rep's own address) is no use as a search term.
  return { ...NOTHING, query: normaliseEmail(query) ? '' : query };
}

export async function summaryOf(accountId: string): Promise<HealthSummary | null> {
  const { summaries } = await request('health.ofAccounts', { accountIds: [accountId] });
  return summaries[0] ?? null;
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Null when the tab has no Quotewise content script (not a supported site, or not loaded yet). */
async function customersOnTab(tabId: number | null): Promise<PageCustomers | null> {
  if (tabId === null) return null;
  try {
    const reply = await browser.tabs.sendMessage(tabId, { quotewise: 1, type: PAGE_CUSTOMERS });
    const parsed = PageCustomers.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The popup's own email check: identity.ts would pull the public-suffix list into the popup's first render. */
function normaliseEmail(text: string): string | null {
  const parsed = Email.safeParse(text.replace(/^mailto:/i, ''));
  return parsed.success ? parsed.data : null;
}

function choice(account: AccountChoice): AccountChoice {
  return { id: account.id, name: account.name, domains: account.domains };
}
