import { newAccount } from '../db/accounts';
import type { QuotewiseDB } from '../db/db';
import { eventIdsOf, recordEvents } from '../db/events';
import { type Account, Contact, type NewEvent } from '../model';
import type { AccountKey } from './map-row';
import type { ImportedEvent, ReadyRow } from './parse';

export interface WriteOptions {
  now: number;
  /** 'demo' marks the demo book, so it can be told apart from the rep's own history. */
  source?: 'import' | 'demo';
  /** Share of rows written, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Aborting rolls the whole import back: nothing is saved. */
  signal?: AbortSignal;
}

export interface ImportResult {
  added: number;
  /** Events of this file that an earlier import already stored (same row, same id). */
  alreadyThere: number;
  createdAccounts: number;
  /** Every account that gained an event: their summaries need recomputing. */
  accountIds: string[];
}

/** Events per write: small enough to keep the page responsive, whole accounts each. */
const SLICE = 2000;

/**
 * Store every ready row in ONE transaction: accounts are found (contact, then
 * domain, then name or alias) or created, contacts linked, events recorded.
 * Any failure or a cancel rolls all of it back.
 */
export async function importRows(db: QuotewiseDB, rows: readonly ReadyRow[], options: WriteOptions): Promise<ImportResult> {
  const { now, signal } = options;
  return db.transaction('rw', [db.accounts, db.contacts, db.eventChunks, db.openQuotes], async () => {
    // Only Dexie calls are awaited in here: awaiting anything else would let IndexedDB commit mid-import.
    const accounts = new AccountResolver(await db.accounts.toArray(), await db.contacts.toArray(), now);
    const resolved = rows.map((row) => ({ row, accountId: accounts.resolve(row.account) }));
    const stored = await eventIdsOf(db, accounts.existingIds([...new Set(resolved.map((r) => r.accountId))]));
    const byAccount = new Map<string, ImportedEvent[]>();
    let alreadyThere = 0;
    for (const { row, accountId } of resolved) {
      for (const event of row.events) {
        if (stored.has(event.id)) {
          alreadyThere++;
          continue;
        }
        stored.add(event.id);
        const list = byAccount.get(accountId);
        if (list) list.push(event);
        else byAccount.set(accountId, [event]);
      }
    }
    await db.accounts.bulkPut(accounts.changed([...byAccount.keys()]));
    await db.contacts.bulkAdd(accounts.newContacts([...byAccount.keys()]));
    // Whole accounts per slice, so each account's chunks are written once and no slice holds the page's thread for long.
    const total = [...byAccount.values()].reduce((sum, list) => sum + list.length, 0);
    let added = 0;
    let slice: NewEvent[] = [];
    const flush = async () => {
      signal?.throwIfAborted();
      if (slice.length) await recordEvents(db, slice, now);
      added += slice.length;
      slice = [];
      options.onProgress?.(total ? added / total : 1);
    };
    for (const [accountId, list] of byAccount) {
      if (slice.length && slice.length + list.length > SLICE) await flush();
      for (const event of list) slice.push({ ...event, accountId, source: options.source ?? 'import' } as NewEvent);
    }
    await flush();
    return { added, alreadyThere, createdAccounts: accounts.createdAmong([...byAccount.keys()]), accountIds: [...byAccount.keys()] };
  });
}

/** The book of accounts held in memory for one import, so 100,000 rows need no query each. */
class AccountResolver {
  private readonly byId = new Map<string, Account>();
  private readonly byDomain = new Map<string, Account>();
  private readonly byAlias = new Map<string, Account>();
  private readonly byContact: Map<string, string>;
  private readonly preexisting: Set<string>;
  private readonly created = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly contacts: Contact[] = [];

  constructor(
    accounts: readonly Account[],
    contacts: readonly Contact[],
    private readonly now: number,
  ) {
    for (const account of accounts) this.remember(account, false);
    this.preexisting = new Set(accounts.map((account) => account.id));
    this.byContact = new Map(contacts.map((contact) => [contact.email, contact.accountId]));
  }

  /** The same order as a badge lookup: an explicit contact, the company domain, then the name. */
  resolve(key: AccountKey): string {
    const viaContact = key.email ? this.byContact.get(key.email) : undefined;
    let account =
      (viaContact ? this.byId.get(viaContact) : undefined) ??
      (key.domain ? this.byDomain.get(key.domain) : undefined) ??
      (key.name ? this.byAlias.get(key.name.toLowerCase()) : undefined);
    if (!account) {
      account = newAccount({ name: key.name ?? key.domain ?? key.email!, domains: key.domain ? [key.domain] : [] }, this.now);
      this.created.add(account.id);
      this.remember(account, true);
    } else if (key.domain && !this.byDomain.has(key.domain)) {
      // Named in one row and given a domain in another: the domain is theirs now, so their emails get a badge.
      this.remember({ ...account, domains: [...account.domains, key.domain], updatedAt: this.now }, true);
    }
    if (key.email && !this.byContact.has(key.email)) {
      this.contacts.push(Contact.parse({ email: key.email, accountId: account.id, createdAt: this.now }));
      this.byContact.set(key.email, account.id);
    }
    return account.id;
  }

  existingIds(ids: readonly string[]): string[] {
    return ids.filter((id) => this.preexisting.has(id));
  }

  /** Accounts created or given a domain, among those that gain events (a file already imported changes nothing). */
  changed(gaining: readonly string[]): Account[] {
    return gaining.filter((id) => this.dirty.has(id)).map((id) => this.byId.get(id)!);
  }

  newContacts(gaining: readonly string[]): Contact[] {
    const keep = new Set(gaining);
    return this.contacts.filter((contact) => keep.has(contact.accountId));
  }

  createdAmong(gaining: readonly string[]): number {
    return gaining.filter((id) => this.created.has(id)).length;
  }

  private remember(account: Account, changed: boolean): void {
    this.byId.set(account.id, account);
    if (changed) this.dirty.add(account.id);
    for (const domain of account.domains) this.byDomain.set(domain, account);
    for (const alias of account.aliases) if (changed || !this.byAlias.has(alias)) this.byAlias.set(alias, account);
  }
}
