import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { AccountEvent } from '../model';
import { emailHost } from '../email-host';
import { buildChunks, openQuotesOf } from './events';

/**
 * Every version of the database schema, oldest first. A version that has an
 * upgrade is never edited once released: add a new one instead. Tests open the
 * database at each earlier version, write data, and check all of it survives the
 * upgrade to the latest (test/unit/db-upgrade.test.ts).
 */
export interface SchemaVersion {
  version: number;
  why: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'Accounts by domain, alias and name; contacts by email; events by account and date.',
    stores: {
      accounts: 'id, name, *domains, *aliases',
      contacts: 'email, accountId',
      events: 'id, [accountId+at], at, type, quoteRef',
      settings: 'key',
    },
  },
  {
    version: 2,
    why: 'Open quotes: a sparse index on quotes that have no outcome yet, backfilled from history.',
    stores: { events: 'id, [accountId+at], at, type, quoteRef, openSince' },
    upgrade: backfillOpenSince,
  },
  {
    version: 3,
    why: 'Per-account health summaries (cached scores), so a badge never rescans a long history; ranked by score.',
    stores: { summaries: 'accountId, score, band, staleAt' },
  },
  {
    version: 4,
    why: 'Events move into per-account time-ordered chunks (one record per event capped imports near 14k events/s); open quotes get a table.',
    stores: { eventChunks: '[accountId+seq]', openQuotes: 'accountId, oldestOpenSince' },
    upgrade: moveEventsIntoChunks,
  },
  {
    version: 5,
    why: 'Drop the per-event table, emptied into chunks by version 4.',
    stores: { events: null },
  },
  {
    version: 6,
    why: 'Contacts by host (the part after @), so a lookup can name the addresses at a company that map elsewhere.',
    stores: { contacts: 'email, accountId, host' },
    upgrade: (tx) => tx.table('contacts').toCollection().modify((contact: { email: string; host?: string }) => {
      contact.host = emailHost(contact.email);
    }),
  },
  {
    version: 7,
    why: 'Cached summaries go stale once: their evidence and reasons now keep dates, money and percentages as values each view formats in the rep\'s locale (lib/format.ts), not as en-GB/en-US text.',
    stores: {},
    upgrade: (tx) => tx.table('summaries').toCollection().modify((summary: { staleAt: number }) => {
      summary.staleAt = 0;
    }),
  },
];

export const LATEST_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

/** Declare versions 1..upTo on a Dexie instance (upTo < latest only in upgrade tests). */
export function declareSchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const step of SCHEMA_HISTORY) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
}

async function backfillOpenSince(tx: Transaction): Promise<void> {
  const events = tx.table('events');
  const closed = new Set<string>();
  await events
    .where('type')
    .equals('quote_outcome')
    .each((outcome: { accountId: string; quoteRef?: string }) => {
      if (outcome.quoteRef) closed.add(`${outcome.accountId}\u0000${outcome.quoteRef}`);
    });
  await events
    .where('type')
    .equals('quote')
    .modify((quote: { accountId: string; quoteRef: string; at: number; openSince?: number }) => {
      if (!closed.has(`${quote.accountId}\u0000${quote.quoteRef}`)) quote.openSince = quote.at;
    });
}

async function moveEventsIntoChunks(tx: Transaction): Promise<void> {
  const byAccount = new Map<string, AccountEvent[]>();
  await tx.table('events').each((event: AccountEvent & { openSince?: number }) => {
    const { openSince: _index, ...rest } = event;
    const list = byAccount.get(event.accountId);
    if (list) list.push(rest as AccountEvent);
    else byAccount.set(event.accountId, [rest as AccountEvent]);
  });
  for (const [accountId, events] of byAccount) {
    await tx.table('eventChunks').bulkAdd(buildChunks(accountId, events));
    const open = openQuotesOf(accountId, events);
    if (open) await tx.table('openQuotes').add(open);
  }
  await tx.table('events').clear();
}
