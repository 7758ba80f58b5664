import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

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
  upgrade?: (tx: Transaction) => Promise<void>;
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
