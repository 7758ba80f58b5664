import { Account, type AccountEvent, type Contact } from '../model';
import { change, type Planned } from './change';

export interface MergeInput {
  /** The account that stays. */
  keep: Account;
  /** The account folded into it and then deleted. */
  drop: Account;
  keepEvents: readonly AccountEvent[];
  dropEvents: readonly AccountEvent[];
  dropContacts: readonly Contact[];
  now: number;
}

/**
 * The same company under two domains: move the other account's events, contacts,
 * domains and aliases into `keep` and delete it. The rep's judgement already on
 * `keep` wins; a question only `drop` answered is carried over.
 */
export function planMerge({ keep, drop, keepEvents, dropEvents, dropContacts, now }: MergeInput): Planned {
  if (keep.id === drop.id) throw new Error('Choose two different accounts to merge.');
  const merged = Account.parse({
    ...keep,
    domains: unique([...keep.domains, ...drop.domains]),
    aliases: unique([...keep.aliases, ...drop.aliases, drop.name.trim().toLowerCase()]),
    judgement: {
      shareOfWallet: keep.judgement.shareOfWallet ?? drop.judgement.shareOfWallet,
      rightReasons: keep.judgement.rightReasons ?? drop.judgement.rightReasons,
      valuesAligned: keep.judgement.valuesAligned ?? drop.judgement.valuesAligned,
    },
    updatedAt: now,
  });
  // Ids are unique per account only; a clash (one import into both accounts) gets a derived id rather than overwriting.
  const taken = new Set(keepEvents.map((e) => e.id));
  const moved = dropEvents.map((e) => ({ ...e, accountId: keep.id, id: taken.has(e.id) ? `${drop.id}:${e.id}` : e.id }));
  return {
    apply: change({
      putAccounts: [merged],
      deleteAccountIds: [drop.id],
      putContacts: dropContacts.map((c) => ({ ...c, accountId: keep.id })),
      putEvents: moved,
    }),
    undo: change({
      putAccounts: [keep, drop],
      putContacts: [...dropContacts],
      deleteEvents: [{ accountId: keep.id, ids: moved.map((e) => e.id) }],
      putEvents: [...dropEvents],
    }),
    accountIds: [keep.id, drop.id],
  };
}

export interface SplitInput {
  account: Account;
  /** The contact to split off, lower-case. */
  email: string;
  /** Its current mapping, if the rep made one (restored on undo). */
  contact: Contact | undefined;
  /** The new account, already built (id, name). */
  into: Account;
  events: readonly AccountEvent[];
  now: number;
}

/** Split a contact off into a new account: its mapping and every event it is named on move with it. */
export function planSplit({ account, email, contact, into, events, now }: SplitInput): Planned {
  const moving = events.filter((e) => e.contactEmail === email);
  const moved = moving.map((e) => ({ ...e, accountId: into.id }));
  const mapping: Contact = { email, accountId: into.id, createdAt: now, ...(contact?.name ? { name: contact.name } : {}) };
  return {
    apply: change({
      putAccounts: [into],
      putContacts: [mapping],
      deleteEvents: [{ accountId: account.id, ids: moving.map((e) => e.id) }],
      putEvents: moved,
    }),
    undo: change({
      deleteAccountIds: [into.id],
      ...(contact ? { putContacts: [contact] } : { deleteContactEmails: [email] }),
      putEvents: [...moving],
    }),
    accountIds: [account.id, into.id],
  };
}

/** The people an account can be split by: its mapped contacts and everyone named on its events. */
export function contactsOf(contacts: readonly Contact[], events: readonly AccountEvent[]): { email: string; name?: string; events: number }[] {
  const byEmail = new Map<string, { email: string; name?: string; events: number }>();
  for (const c of contacts) byEmail.set(c.email, { email: c.email, ...(c.name ? { name: c.name } : {}), events: 0 });
  for (const e of events) {
    if (!e.contactEmail) continue;
    const entry = byEmail.get(e.contactEmail) ?? { email: e.contactEmail, events: 0 };
    entry.events++;
    byEmail.set(e.contactEmail, entry);
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
