import { findAccountByIdentity } from '@/lib/db/accounts';
import { seededRandom } from '@/lib/random';
import { QuotewiseDB } from '@/lib/db/db';
import { eventsOfAccount, forEachAccountEvents, recordEvents } from '@/lib/db/events';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { scoreAccount } from '@/lib/scoring/score';
import { getSummaries, refreshAllSummaries } from '@/lib/scoring/store';
import { identifyEmail } from '@/lib/identity';
import type { Account, AccountEvent, NewEvent } from '@/lib/model';
import { type Figure, percentile } from '../stats';

const ACCOUNTS = 10_000;
const EVENTS = 1_000_000;
const BIG_ACCOUNT_EVENTS = 1_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);

function makeEvent(i: number, accountId: string, random: () => number): NewEvent {
  const at = NOW - Math.floor(random() * 730) * DAY;
  const base = { id: `e${i}`, accountId, at, source: 'demo' as const };
  const roll = random();
  const amount = { minor: Math.floor(random() * 5_000_000), currency: 'USD' };
  if (roll < 0.35) return { ...base, type: 'quote', amount, quoteRef: `Q${i}`, discountPct: Math.floor(random() * 30) };
  if (roll < 0.5) return { ...base, type: 'quote_outcome', outcome: 'won', quoteRef: `Q${i - 1}` };
  if (roll < 0.7) return { ...base, type: 'order', amount };
  if (roll < 0.8) return { ...base, type: 'invoice', amount, dueAt: at + 30 * DAY, paidAt: at + Math.floor(random() * 60) * DAY };
  if (roll < 0.9) return { ...base, type: 'service', minutes: Math.floor(random() * 120), kind: 'support' };
  return { ...base, type: 'price_match', competitor: 'Incumbent Co', competitorPrice: amount };
}

/** Events per account: a0 gets exactly BIG_ACCOUNT_EVENTS, the rest share what is left. */
function eventsOf(account: number): number {
  if (account === 0) return BIG_ACCOUNT_EVENTS;
  const rest = EVENTS - BIG_ACCOUNT_EVENTS;
  const share = Math.floor(rest / (ACCOUNTS - 1));
  return share + (account <= rest - share * (ACCOUNTS - 1) ? 1 : 0);
}

async function seed(db: QuotewiseDB): Promise<{ insertPerSecond: number; total: number }> {
  const random = seededRandom(42);
  const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `a${i}`,
    name: `Company ${i}`,
    domains: [`company${i}.com`],
    aliases: [`company ${i}`],
    judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null },
    createdAt: NOW,
    updatedAt: NOW,
  }));
  await db.accounts.bulkAdd(accounts);
  await db.contacts.bulkAdd(accounts.map((a, i) => ({ email: `buyer${i}@gmail.com`, accountId: a.id, createdAt: NOW })));

  // Written as an import writes: batches of ~100k events through recordEvents (validation included).
  let insertMs = 0;
  let total = 0;
  for (let first = 0; first < ACCOUNTS; first += 1000) {
    const batch: NewEvent[] = [];
    for (let a = first; a < first + 1000; a++) for (let k = eventsOf(a); k > 0; k--) batch.push(makeEvent(total + batch.length, `a${a}`, random));
    const t0 = performance.now();
    await recordEvents(db, batch, NOW);
    insertMs += performance.now() - t0;
    total += batch.length;
  }
  return { insertPerSecond: total / (insertMs / 1000), total };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function runDbBench(): Promise<Figure[]> {
  const db = new QuotewiseDB(`bench-${Date.now()}`);
  await db.open();
  const { insertPerSecond, total } = await seed(db);
  if (total !== EVENTS) throw new Error(`seeded ${total} events`);
  const random = seededRandom(7);

  // Half company addresses, half free-mail contacts: both paths a badge takes.
  const lookups = await time(1_000, async (i) => {
    const n = Math.floor(random() * ACCOUNTS);
    const email = i % 2 ? `someone@sub.company${n}.com` : `buyer${n}@gmail.com`;
    const match = await findAccountByIdentity(db, identifyEmail(email)!);
    if (match?.account.id !== `a${n}`) throw new Error(`lookup of ${email} found ${match?.account.id}`);
  });
  const histories = await time(100, async () => {
    const events = await eventsOfAccount(db, 'a0');
    if (events.length !== BIG_ACCOUNT_EVENTS) throw new Error(`a0 has ${events.length} events`);
  });

  // Scoring (#3). One account with 1,000 events, in memory: the pure cost.
  const big = await eventsOfAccount(db, 'a0');
  const bigAccount = (await db.accounts.get('a0'))!;
  const scoreOne = await time(200, async () => scoreAccount({ account: bigAccount, events: big, definition: DEFAULT_DEFINITION, now: NOW }));

  // Every account scored and ranked worst first, histories already in memory.
  const all = new Map<string, AccountEvent[]>();
  await forEachAccountEvents(db, (accountId, events) => {
    all.set(accountId, events);
  });
  const accounts = await db.accounts.toArray();
  const rankAll = await time(3, async () => {
    const summaries = accounts.map((account) => scoreAccount({ account, events: all.get(account.id) ?? [], definition: DEFAULT_DEFINITION, now: NOW }));
    summaries.sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
    if (summaries.length !== ACCOUNTS) throw new Error('not every account was scored');
  });
  all.clear();

  // The badge's path: email -> account -> cached summary.
  const t0 = performance.now();
  await refreshAllSummaries(db, NOW);
  const refreshAllMs = performance.now() - t0;
  const badge = await time(1_000, async (i) => {
    const n = Math.floor(random() * ACCOUNTS);
    const email = i % 2 ? `someone@company${n}.com` : `buyer${n}@gmail.com`;
    const match = await findAccountByIdentity(db, identifyEmail(email)!);
    const [summary] = await getSummaries(db, [match!.account.id], NOW);
    if (summary?.accountId !== `a${n}`) throw new Error(`no summary for ${email}`);
  });
  db.close();
  return [
    { issue: '#2', name: 'Account lookup by email (p95, 10k accounts, 1M events)', value: percentile(lookups, 95), unit: 'ms', target: 2, kind: 'max' },
    { issue: '#2', name: 'All events of one account with 1,000 events (p95)', value: percentile(histories, 95), unit: 'ms', target: 10, kind: 'max' },
    { issue: '#2', name: 'Bulk insert throughput (1M events, validated, 100k per transaction)', value: Math.round(insertPerSecond), unit: 'events/s', target: 50_000, kind: 'min' },
    { issue: '#3', name: 'Score one account with 1,000 events (p95)', value: percentile(scoreOne, 95), unit: 'ms', target: 1, kind: 'max' },
    { issue: '#3', name: 'Score and rank all 10,000 accounts (1M events in memory, worst of 3)', value: Math.max(...rankAll), unit: 'ms', target: 500, kind: 'max' },
    { issue: '#3', name: 'Badge summary lookup from an email, cached aggregates (p95)', value: percentile(badge, 95), unit: 'ms', target: 3, kind: 'max' },
    { issue: '#3', name: 'Recompute and store every summary from IndexedDB (after a definition change)', value: refreshAllMs, unit: 'ms', target: 60_000, kind: 'max', note: 'no target in the issue; a minute is what a rep would wait' },
  ];
}

Object.assign(globalThis, { runDbBench });
