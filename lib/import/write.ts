import { createAccount, linkContact } from '../db/accounts';
import type { QuotewiseDB } from '../db/db';
import { recordEvents } from '../db/events';
import type { Account, NewEvent } from '../model';
import { IMPORTED_ID_PREFIX } from './format';
import type { AccountKey } from './map-row';
import type { ReadyRow } from './parse';

export interface WriteOptions {
  now: number;
  /** 'demo' marks the demo book, so it can be told apart from the rep's own history. */
  source?: 'import' | 'demo';
  /** Share of events written, 0..1. */
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

const CHUNK = 5000;

/**
 * Store every ready row in ONE transaction: accounts are found (contact, then
 * domain, then name or alias) or created, contacts linked, events recorded.
 * Any failure or a cancel rolls all of it back.
 */
export async function importRows(db: QuotewiseDB, rows: readonly ReadyRow[], options: WriteOptions): Promise<ImportResult> {
  const { now, signal } = options;
  return db.transaction('rw', db.accounts, db.contacts, db.events, async () => {
    const stored = new Set(await db.events.where('id').startsWith(IMPORTED_ID_PREFIX).primaryKeys());
    const accounts = await AccountResolver.load(db, now);
    const inputs: NewEvent[] = [];
    const touched = new Set<string>();
    let alreadyThere = 0;
    for (const row of rows) {
      const fresh = row.events.filter((event) => !stored.has(event.id));
      alreadyThere += row.events.length - fresh.length;
      if (fresh.length === 0) continue;
      const accountId = await accounts.resolve(row.account);
      touched.add(accountId);
      for (const event of fresh) {
        stored.add(event.id);
        inputs.push({ ...event, accountId, source: options.source ?? 'import' } as NewEvent);
      }
    }
    for (let start = 0; start < inputs.length; start += CHUNK) {
      signal?.throwIfAborted();
      await recordEvents(db, inputs.slice(start, start + CHUNK), now);
      options.onProgress?.(Math.min(1, (start + CHUNK) / inputs.length));
    }
    signal?.throwIfAborted();
    return { added: inputs.length, alreadyThere, createdAccounts: accounts.created, accountIds: [...touched] };
  });
}

/** The book of accounts held in memory for one import, so 100,000 rows need no query each. */
class AccountResolver {
  created = 0;
  private constructor(
    private readonly db: QuotewiseDB,
    private readonly now: number,
    private readonly byDomain: Map<string, Account>,
    private readonly byAlias: Map<string, Account>,
    private readonly byContact: Map<string, string>,
  ) {}

  static async load(db: QuotewiseDB, now: number): Promise<AccountResolver> {
    const byDomain = new Map<string, Account>();
    const byAlias = new Map<string, Account>();
    for (const account of await db.accounts.toArray()) {
      for (const domain of account.domains) byDomain.set(domain, account);
      for (const alias of account.aliases) if (!byAlias.has(alias)) byAlias.set(alias, account);
    }
    const byContact = new Map((await db.contacts.toArray()).map((contact) => [contact.email, contact.accountId]));
    return new AccountResolver(db, now, byDomain, byAlias, byContact);
  }

  /** The same order as a badge lookup: an explicit contact, the company domain, then the name. */
  async resolve(key: AccountKey): Promise<string> {
    const viaContact = key.email ? this.byContact.get(key.email) : undefined;
    let account =
      (viaContact ? await this.db.accounts.get(viaContact) : undefined) ??
      (key.domain ? this.byDomain.get(key.domain) : undefined) ??
      (key.name ? this.byAlias.get(key.name.toLowerCase()) : undefined);
    if (!account) {
      account = await createAccount(this.db, { name: key.name ?? key.domain ?? key.email!, domains: key.domain ? [key.domain] : [] }, this.now);
      this.created++;
      this.remember(account);
    } else if (key.domain && !this.byDomain.has(key.domain)) {
      // Named in one row and given a domain in another: the domain is theirs now, so their emails get a badge.
      account = { ...account, domains: [...account.domains, key.domain], updatedAt: this.now };
      await this.db.accounts.put(account);
      this.remember(account);
    }
    if (key.email && !this.byContact.has(key.email)) {
      await linkContact(this.db, { email: key.email, accountId: account.id }, this.now);
      this.byContact.set(key.email, account.id);
    }
    return account.id;
  }

  private remember(account: Account): void {
    for (const domain of account.domains) this.byDomain.set(domain, account);
    for (const alias of account.aliases) this.byAlias.set(alias, account);
  }
}
