import { newAccount } from '../db/accounts';
import type { QuotewiseDB } from '../db/db';
import { recordEvents } from '../db/events';
import { type Account, Contact, type NewEvent } from '../model';
import { IMPORTED_ID_PREFIX } from './format';
import type { AccountKey } from './map-row';
import type { ReadyRow } from './parse';

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

/** Rows per slice (a row is one to three events). */
const CHUNK = 1000;

/**
 * Store every ready row in ONE transaction: accounts are found (contact, then
 * domain, then name or alias) or created, contacts linked, events recorded.
 * Any failure or a cancel rolls all of it back.
 */
export async function importRows(db: QuotewiseDB, rows: readonly ReadyRow[], options: WriteOptions): Promise<ImportResult> {
  const { now, signal } = options;
  return db.transaction('rw', db.accounts, db.contacts, db.events, async () => {
    // Only Dexie calls are awaited in here: awaiting anything else would let IndexedDB commit mid-import.
    const stored = new Set(await db.events.where('id').startsWith(IMPORTED_ID_PREFIX).primaryKeys());
    const accounts = new AccountResolver(await db.accounts.toArray(), await db.contacts.toArray(), now);
    const touched = new Set<string>();
    let added = 0;
    let alreadyThere = 0;
    // A slice of rows at a time, so no stretch of work holds the page's thread for long.
    for (let start = 0; start < rows.length; start += CHUNK) {
      signal?.throwIfAborted();
      const inputs: NewEvent[] = [];
      for (const row of rows.slice(start, start + CHUNK)) {
        const fresh = row.events.filter((event) => !stored.has(event.id));
        alreadyThere += row.events.length - fresh.length;
        if (fresh.length === 0) continue;
        const accountId = accounts.resolve(row.account);
        touched.add(accountId);
        for (const event of fresh) {
          stored.add(event.id);
          inputs.push({ ...event, accountId, source: options.source ?? 'import' } as NewEvent);
        }
      }
      if (inputs.length) await recordEvents(db, inputs, now);
      added += inputs.length;
      options.onProgress?.(Math.min(1, (start + CHUNK) / rows.length));
    }
    await db.accounts.bulkPut(accounts.changed());
    await db.contacts.bulkAdd(accounts.newContacts);
    signal?.throwIfAborted();
    return { added, alreadyThere, createdAccounts: accounts.created, accountIds: [...touched] };
  });
}

/** The book of accounts held in memory for one import, so 100,000 rows need no query each. */
class AccountResolver {
  created = 0;
  readonly newContacts: Contact[] = [];
  private readonly byId = new Map<string, Account>();
  private readonly byDomain = new Map<string, Account>();
  private readonly byAlias = new Map<string, Account>();
  private readonly byContact: Map<string, string>;
  private readonly dirty = new Set<string>();

  constructor(
    accounts: readonly Account[],
    contacts: readonly Contact[],
    private readonly now: number,
  ) {
    for (const account of accounts) this.remember(account, false);
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
      this.created++;
      this.remember(account, true);
    } else if (key.domain && !this.byDomain.has(key.domain)) {
      // Named in one row and given a domain in another: the domain is theirs now, so their emails get a badge.
      this.remember({ ...account, domains: [...account.domains, key.domain], updatedAt: this.now }, true);
    }
    if (key.email && !this.byContact.has(key.email)) {
      this.newContacts.push(Contact.parse({ email: key.email, accountId: account.id, createdAt: this.now }));
      this.byContact.set(key.email, account.id);
    }
    return account.id;
  }

  /** Accounts created or given a domain by this import. */
  changed(): Account[] {
    return [...this.dirty].map((id) => this.byId.get(id)!);
  }

  private remember(account: Account, changed: boolean): void {
    this.byId.set(account.id, account);
    if (changed) this.dirty.add(account.id);
    for (const domain of account.domains) this.byDomain.set(domain, account);
    for (const alias of account.aliases) if (changed || !this.byAlias.has(alias)) this.byAlias.set(alias, account);
  }
}
