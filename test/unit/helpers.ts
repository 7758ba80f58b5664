import { QuotewiseDB, setDbForTesting } from '@/lib/db/db';

/** A fresh, empty database per test, installed as the shared one. */
export async function freshDb(): Promise<QuotewiseDB> {
  const db = new QuotewiseDB(`test-${crypto.randomUUID()}`);
  await db.open();
  setDbForTesting(db);
  return db;
}

export const DAY = 86_400_000;
/** A fixed "now" for tests: 2026-06-01T00:00:00Z. */
export const NOW = Date.UTC(2026, 5, 1);
