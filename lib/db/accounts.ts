import { Account, Contact, Judgement } from '../model';
import { type Identity, registrableDomain } from '../identity';
import { emailHost } from '../email-host';
import type { QuotewiseDB } from './db';
import { rawRead, requested } from './raw-read';

export interface NewAccount {
  /** Chosen by the caller so that a retried create finds the account its first try made (createAccount). */
  id?: string;
  name: string;
  domains?: string[];
  aliases?: string[];
  judgement?: Partial<Judgement>;
}

/** A domain the new account asks for already belongs to another account: it is never taken over. */
export class DomainTakenError extends Error {
  constructor(
    readonly domain: string,
    readonly owner: Account,
  ) {
    super(`${domain} already belongs to ${owner.name}.`);
    this.name = 'DomainTakenError';
  }
}

/** The caller's id is already an account, and not the one this request would have made. */
export class AccountIdTakenError extends Error {
  constructor(readonly id: string) {
    super(`Account id ${id} is already used by another account.`);
    this.name = 'AccountIdTakenError';
  }
}

/**
 * Store a new account. Idempotent given `input.id`: when the service worker stopped after
 * the write but before the answer, the caller's retry (same id) gets the account the first try
 * made instead of a second one. A domain belongs to one account: a domain owned by another
 * account throws DomainTakenError (the rep merges the two instead). The checks and the write are
 * one read-write transaction, so two creates at once for one domain make one account.
 */
export async function createAccount(db: QuotewiseDB, input: NewAccount, now: number): Promise<Account> {
  const account = newAccount(input, now);
  return db.transaction('rw', db.accounts, async () => {
    const earlier = await db.accounts.get(account.id);
    if (earlier) {
      if (isSameRequest(earlier, account)) return earlier;
      throw new AccountIdTakenError(account.id);
    }
    if (account.domains.length) {
      const owner = await db.accounts.where('domains').anyOf(account.domains).first();
      if (owner) throw new DomainTakenError(account.domains.find((domain) => owner.domains.includes(domain))!, owner);
    }
    await db.accounts.add(account);
    return account;
  });
}

/** A retry of the create that made `earlier`: the same name, and every domain it asked for is still there. */
function isSameRequest(earlier: Account, retry: Account): boolean {
  return earlier.name === retry.name && retry.domains.every((domain) => earlier.domains.includes(domain));
}

/** A validated new account, not yet stored (bulk imports add many at once). */
export function newAccount(input: NewAccount, now: number): Account {
  return Account.parse({
    id: input.id ?? crypto.randomUUID(),
    name: input.name,
    // The registrable domain is what lookups resolve to: eu.acme.co.uk is stored as acme.co.uk.
    domains: unique((input.domains ?? []).map((domain) => registrableDomain(domain) ?? domain)),
    aliases: unique([...(input.aliases ?? []), input.name].map((alias) => alias.trim().toLowerCase())),
    judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null, ...input.judgement },
    createdAt: now,
    updatedAt: now,
  });
}

export interface AccountMatch {
  account: Account;
  matchedBy: 'contact' | 'domain';
}

/**
 * The account behind an identity: an explicit contact mapping wins (it is the
 * rep's own statement), then the company domain. Free-mail identities match only
 * by contact.
 */
export function findAccountByIdentity(db: QuotewiseDB, identity: Identity): Promise<AccountMatch | null> {
  // The contact is read only for its account id (its reading hook drops the storage-only host), and
  // accounts have no hooks: the raw read returns what Dexie would.
  const raw = rawRead(db, ['contacts', 'accounts'], async (tx): Promise<AccountMatch | null> => {
    const [contact, byDomain] = await Promise.all([
      identity.email ? (requested(tx.objectStore('contacts').get(identity.email)) as Promise<Contact | undefined>) : undefined,
      identity.kind === 'company' ? (requested(tx.objectStore('accounts').index('domains').get(identity.domain)) as Promise<Account | undefined>) : undefined,
    ]);
    const byContact = contact && ((await requested(tx.objectStore('accounts').get(contact.accountId))) as Account | undefined);
    if (byContact) return { account: byContact, matchedBy: 'contact' };
    return byDomain ? { account: byDomain, matchedBy: 'domain' } : null;
  });
  if (raw) return raw;
  // One read transaction, and the contact and domain reads side by side: each read is a
  // round trip to the browser's storage, and a badge or the popup waits for them all.
  return db.transaction('r', db.contacts, db.accounts, async (): Promise<AccountMatch | null> => {
    const [contact, byDomain] = await Promise.all([
      identity.email ? db.contacts.get(identity.email) : undefined,
      identity.kind === 'company' ? db.accounts.where('domains').equals(identity.domain).first() : undefined,
    ]);
    const byContact = contact && (await db.accounts.get(contact.accountId));
    if (byContact) return { account: byContact, matchedBy: 'contact' };
    return byDomain ? { account: byDomain, matchedBy: 'domain' } : null;
  });
}

/** The addresses at these hosts that are mapped to an account of their own (contacts), by host. */
export async function contactsAtHosts(db: QuotewiseDB, hosts: readonly string[]): Promise<Map<string, string[]>> {
  const byHost = new Map<string, string[]>(hosts.map((host) => [host, []]));
  if (hosts.length === 0) return byHost;
  await db.contacts
    .where('host')
    .anyOf([...hosts])
    .each((contact) => byHost.get(emailHost(contact.email))?.push(contact.email));
  return byHost;
}

/** Exact match on a name or alias, case-insensitive (CRM record titles). */
export async function findAccountByName(db: QuotewiseDB, name: string): Promise<Account | null> {
  const key = name.trim().toLowerCase();
  if (!key) return null;
  return (await db.accounts.where('aliases').equals(key).first()) ?? null;
}

export async function linkContact(
  db: QuotewiseDB,
  input: { email: string; accountId: string; name?: string },
  now: number,
): Promise<Contact> {
  const contact = Contact.parse({ ...input, createdAt: now });
  await db.contacts.put(contact);
  return contact;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The rep's answers to the questions data cannot answer; unset fields keep their value. Returns the account before, for undo. */
export async function updateJudgement(db: QuotewiseDB, accountId: string, patch: Partial<Judgement>, now: number): Promise<Account> {
  return db.transaction('rw', db.accounts, async () => {
    const before = await db.accounts.get(accountId);
    if (!before) throw new Error('That account no longer exists.');
    const judgement = Judgement.parse({ ...before.judgement, ...patch });
    await db.accounts.put({ ...before, judgement, updatedAt: now });
    return before;
  });
}
