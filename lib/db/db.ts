import Dexie, { type EntityTable, type Table } from 'dexie';
import { emailHost } from '../email-host';
import type { HealthSummary } from '../health';
import type { Account, AccountEvent, Contact } from '../model';
import { declareSchema, LATEST_VERSION } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Up to CHUNK_SIZE events of one account, in time order (see lib/db/events.ts). */
export interface EventChunk {
  accountId: string;
  seq: number;
  firstAt: number;
  lastAt: number;
  events: AccountEvent[];
}

/** An account's quotes with no outcome yet, oldest first; indexed by the oldest one. */
export interface OpenQuotes {
  accountId: string;
  oldestOpenSince: number;
  quotes: (AccountEvent & { type: 'quote' })[];
}

/** A cached health summary and when it must be recomputed even without new events. */
export type CachedSummary = HealthSummary & { staleAt: number };

/**
 * The one database. It lives in the extension's own origin: the background
 * service worker and the extension pages open it; content scripts never do
 * (in a content script `indexedDB` is the host page's storage) and go through
 * messaging instead.
 */
export class QuotewiseDB extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  contacts!: EntityTable<Contact, 'email'>;
  eventChunks!: Table<EventChunk, [string, number]>;
  openQuotes!: EntityTable<OpenQuotes, 'accountId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  summaries!: EntityTable<CachedSummary, 'accountId'>;

  constructor(name = 'quotewise', upToVersion: number = LATEST_VERSION) {
    super(name);
    declareSchema(this, upToVersion);
    if (upToVersion >= 6) keepContactHosts(this.contacts);
    // A newer Quotewise opened the database at a higher version: Dexie closes this
    // connection so the upgrade can finish; this page must be reloaded to go on.
    this.on('versionchange', (event) => {
      if (event.newVersion !== null && event.newVersion > event.oldVersion) for (const listener of replacedListeners) listener();
    });
  }
}

/**
 * `contacts.host` is a storage-only index field (schema v6): every write sets it,
 * every read drops it, so the Contact model, backups and imports never see it.
 */
function keepContactHosts(contacts: EntityTable<Contact, 'email'>): void {
  contacts.hook('creating', (_key, contact) => {
    (contact as Contact & { host?: string }).host = emailHost(contact.email);
  });
  contacts.hook('updating', (_changes, key) => ({ host: emailHost(String(key)) }));
  contacts.hook('reading', (stored?: Contact & { host?: string }) => {
    if (!stored) return stored;
    const { host: _host, ...contact } = stored;
    return contact;
  });
}

const replacedListeners = new Set<() => void>();

/** Called when an updated Quotewise upgrades the database under this page. Returns an unsubscribe. */
export function onDatabaseUpgradedElsewhere(listener: () => void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}

let shared: QuotewiseDB | undefined;

/** The extension's database, opened lazily (the service worker may have just restarted). */
export function getDb(): QuotewiseDB {
  shared ??= new QuotewiseDB();
  return shared;
}

/** Tests swap in a fresh database. */
export function setDbForTesting(db: QuotewiseDB | undefined): void {
  shared = db;
}

/**
 * Ask the browser not to evict our data under storage pressure. `unlimitedStorage`
 * already exempts the extension in Chrome; this covers browsers that honour only the API.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persisted) return false;
  if (await storage.persisted()) return true;
  return typeof storage.persist === 'function' ? storage.persist() : false;
}
