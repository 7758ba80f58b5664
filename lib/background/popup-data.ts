import { browser } from 'wxt/browser';
import type { QuotewiseDB } from '../db/db';
import { loadSettings } from '../db/settings';
import type { LookupResult } from '../messaging/accounts';
import { PAGE_CUSTOMERS, PageCustomers } from '../messaging/page-customers';
import type { PopupData, Resolution } from '../messaging/popup';
import { OPEN_QUOTES_SHOWN } from '../messaging/quicklog';
import type { ParsedRequestOf } from '../messaging/protocol';
import type { Settings } from '../settings';
import { Email } from '../model';
import { getSummaries } from '../scoring/store';
import { lookupCustomers, toRef } from './lookup';
import { listOpenQuotes } from './open-quotes';

export type PopupRequest = ParsedRequestOf<'popup.open'>;

/** Asks a tab's content script who the customer is; null when there is no answer (not a supported site, not loaded yet). */
export type AskTab = (tabId: number) => Promise<PageCustomers | null>;

const NOTHING: Resolution = { account: null, summary: null, unknown: null, query: '' };

/** Everything the popup's first render needs, gathered at once: the popup waits for one answer, not three. */
export async function popupData(database: QuotewiseDB, request: PopupRequest, now: number, askTab: AskTab = customersOnTab): Promise<PopupData> {
  // The settings are read once, beside the tab's answer, and lent to the lookup: the popup waits for the longest chain of reads.
  const settings = loadSettings(database);
  const [resolution, { defaultCurrency, openQuoteDays }, openQuotes] = await Promise.all([
    resolveAccount(database, request, now, askTab, settings),
    settings,
    listOpenQuotes(database, OPEN_QUOTES_SHOWN),
  ]);
  return { resolution, defaultCurrency, openQuotes, staleAfterDays: openQuoteDays };
}

/** Which account the popup opens on: the named account, then the context menu's email or text, then the tab's customer. */
async function resolveAccount(database: QuotewiseDB, request: PopupRequest, now: number, askTab: AskTab, settings: Promise<Settings>): Promise<Resolution> {
  if (request.accountId) {
    const [account, [summary = null]] = await Promise.all([database.accounts.get(request.accountId), getSummaries(database, [request.accountId], now)]);
    if (account) return { account: toRef(account), summary, unknown: null, query: '' };
  }
  const email = request.email ?? (request.text && isEmail(request.text) ? request.text : null);
  const lookup = async (customers: PageCustomers) => lookupCustomers(database, customers, now, { settings: await settings });
  if (email) return fromLookup(await lookup({ emails: [email], webAddresses: [], names: [] }), email);
  if (request.text) return fromLookup(await lookup({ emails: [], webAddresses: [], names: [request.text] }), request.text);
  const customers = request.tabId === null ? null : await askTab(request.tabId);
  if (!customers || customers.emails.length + customers.webAddresses.length + customers.names.length === 0) return NOTHING;
  return fromLookup(await lookup(customers), '');
}

/** The first customer with an account wins; else the first recognisable one is offered for creation. */
function fromLookup(results: LookupResult[], query: string): Resolution {
  const known = results.find((r) => r.account);
  if (known?.account) return { account: known.account, summary: known.summary, unknown: null, query: '' };
  const seen = results.find((r) => r.identity);
  if (seen?.identity) return { account: null, summary: null, unknown: { domain: seen.identity.domain, email: seen.identity.email }, query: seen.identity.domain };
  // An email nobody can resolve (the rep's own address) is no use as a search term.
  return { ...NOTHING, query: isEmail(query) ? '' : query };
}

async function customersOnTab(tabId: number): Promise<PageCustomers | null> {
  try {
    const parsed = PageCustomers.safeParse(await browser.tabs.sendMessage(tabId, { quotewise: 1, type: PAGE_CUSTOMERS }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stricter than identity's normaliseEmail on purpose: a selection with a "?query" after the address is searched as text, as the popup always did. */
function isEmail(text: string): boolean {
  return Email.safeParse(text.replace(/^mailto:/i, '')).success;
}
