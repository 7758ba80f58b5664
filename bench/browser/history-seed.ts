/**
 * Seeds the extension's own database for the history page bench. Bundled by
 * bench/history.ts and evaluated inside an extension page (chrome-extension://<id>/),
 * so it writes the very IndexedDB the history page reads, through the same lib
 * functions the extension uses (recordEvents, refreshAllSummaries). Nothing of
 * this ships in the extension.
 */
import { QuotewiseDB } from '@/lib/db/db';
import { seededRandom } from '@/lib/random';
import { eventsOfAccount, recordEvents } from '@/lib/db/events';
import { loadPortfolio } from '@/lib/history/load';
import type { PortfolioRow } from '@/lib/history/portfolio';
import type { Account, AccountEvent, NewEvent } from '@/lib/model';
import { refreshAllSummaries } from '@/lib/scoring/store';

const DAY = 86_400_000;

function makeEvent(i: number, accountId: string, now: number, random: () => number): NewEvent {
  const at = now - Math.floor(random() * 540) * DAY;
  const base = { id: `${accountId}-e${i}`, accountId, at, source: 'demo' as const };
  const roll = random();
  const amount = { minor: Math.floor(random() * 5_000_000), currency: 'USD' };
  if (roll < 0.3) return { ...base, type: 'quote', amount, quoteRef: `Q${i}`, discountPct: Math.floor(random() * 30) };
  if (roll < 0.4) return { ...base, type: 'quote_outcome', outcome: random() < 0.5 ? 'won' : 'lost', quoteRef: `Q${i - 1}` };
  if (roll < 0.6) return { ...base, type: 'order', amount };
  if (roll < 0.72) return { ...base, type: 'invoice', amount, dueAt: at + 30 * DAY, paidAt: at + Math.floor(random() * 60) * DAY };
  if (roll < 0.82) return { ...base, type: 'service', minutes: Math.floor(random() * 120), kind: random() < 0.7 ? 'support' : 'exception' };
  if (roll < 0.9) return { ...base, type: 'price_match', competitor: 'Incumbent Co', quoteRef: `Q${i - 1}` };
  if (roll < 0.95) return { ...base, type: 'note', note: `Call notes ${i}` };
  return { ...base, type: 'referral', kind: 'testimonial' };
}

export interface SeedResult {
  accounts: number;
  events: number;
  bigAccountId: string;
  seedMs: number;
}

/** `accounts` accounts with `eventsPerAccount` each, plus one account with `bigAccountEvents`. */
export async function seedHistory({ accounts, eventsPerAccount, bigAccountEvents }: { accounts: number; eventsPerAccount: number; bigAccountEvents: number }): Promise<SeedResult> {
  const started = performance.now();
  const now = Date.now();
  const random = seededRandom(7);
  const db = new QuotewiseDB();
  const rows: Account[] = Array.from({ length: accounts }, (_, i) => ({
    id: `a${i}`,
    name: `Company ${i}`,
    domains: [`company${i}.com`],
    aliases: [`company ${i}`],
    judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null },
    createdAt: now,
    updatedAt: now,
  }));
  await db.accounts.bulkPut(rows);
  let total = 0;
  let batch: NewEvent[] = [];
  for (let a = 0; a < accounts; a++) {
    const count = a === 0 ? bigAccountEvents : eventsPerAccount;
    for (let i = 0; i < count; i++) batch.push(makeEvent(i, `a${a}`, now, random));
    if (batch.length >= 20_000) {
      total += (await recordEvents(db, batch, now)).length;
      batch = [];
    }
  }
  total += (await recordEvents(db, batch, now)).length;
  await refreshAllSummaries(db, Date.now());
  db.close();
  return { accounts, events: total, bigAccountId: 'a0', seedMs: performance.now() - started };
}

(globalThis as { seedHistory?: typeof seedHistory }).seedHistory = seedHistory;

/** What the baselines print: the portfolio's rows as the page loads them, and the big account's events. */
export async function baselineData(bigAccountId: string): Promise<{ rows: PortfolioRow[]; events: AccountEvent[] }> {
  const db = new QuotewiseDB();
  const [{ rows }, events] = await Promise.all([loadPortfolio(db, Date.now()), eventsOfAccount(db, bigAccountId)]);
  db.close();
  return { rows, events };
}

(globalThis as { baselineData?: typeof baselineData }).baselineData = baselineData;
