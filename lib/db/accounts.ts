import { Account, Contact, Judgement } from '../model';
import { type Identity, registrableDomain } from '../identity';
import { emailHost } from '../email-host';
import type { QuotewiseDB } from './db';

export interface NewAccount {
  name: string;
  domains?: string[];
  aliases?: string[];
  judgement?: Partial<Judgement>;
}

export async function createAccount(db: QuotewiseDB, input: NewAccount, now: number): Promise<Account> {
  const account = newAccount(input, now);
  await db.accounts.add(account);
  return account;
}

/** A validated new account, not yet stored (bulk imports add many at once). */
export function newAccount(input: NewAccount, now: number): Account {
  return Account.parse({
    id: crypto.randomUUID(),
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
