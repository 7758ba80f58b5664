import { findAccountByIdentity } from '@/lib/db/accounts';
import { seededRandom } from '@/lib/random';
import { type EventChunk, QuotewiseDB } from '@/lib/db/db';
import { buildChunks, eventsOfAccount, forEachAccountEvents, openQuotesOf, recordEvents } from '@/lib/db/events';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { scoreAccount } from '@/lib/scoring/score';
import { getSummaries, refreshAllSummaries } from '@/lib/scoring/store';
import { identifyEmail } from '@/lib/identity';
import { type Account, AccountEvent, type NewEvent } from '@/lib/model';
import { type Figure, median, middleMean, percentile, ratioFigure, takeTurns, takeTurnsPaired, type Turns } from '../stats';

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

/** The baselines' database: raw IndexedDB, no Dexie, no indexes, records under the keys they are read by. */
const RAW_STORES = ['byEmail', 'oneRecord', 'chunks', 'chunksAgain', 'summaryByEmail', 'accounts', 'contacts', 'summaries', 'settings'] as const;
/** Stores shaped as the product's (keys and the domains index), for the explanation of a miss: the product's reads, in raw IndexedDB. */
const KEY_PATHS: Partial<Record<RawStore, string | string[]>> = { chunks: ['accountId', 'seq'], chunksAgain: ['accountId', 'seq'], accounts: 'id', contacts: 'email', summaries: 'accountId', settings: 'key' };
type RawStore = (typeof RAW_STORES)[number];

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openRaw(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const store of RAW_STORES) open.result.createObjectStore(store, KEY_PATHS[store] ? { keyPath: KEY_PATHS[store] } : undefined);
    open.transaction!.objectStore('accounts').createIndex('domains', 'domains', { multiEntry: true });
  };
  return request(open);
}

/** One raw `get` in a read transaction of its own, as each product lookup has. */
function rawGet(raw: IDBDatabase, store: RawStore, key: IDBValidKey): Promise<unknown> {
  return request(raw.transaction(store, 'readonly').objectStore(store).get(key));
}

/** Raw `put` of records in one transaction, nothing else. */
function rawPut(raw: IDBDatabase, store: RawStore, records: readonly unknown[], keys?: readonly IDBValidKey[]): Promise<void> {
  const tx = raw.transaction(store, 'readwrite');
  const target = tx.objectStore(store);
  records.forEach((record, i) => target.put(record, keys?.[i]));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/**
 * The product's lookup reads, in raw IndexedDB: in one read transaction, the contact by address
 * beside the account by domain (index), then the contact's account. No Dexie, no validation.
 */
async function rawSameLookup(raw: IDBDatabase, tx: IDBTransaction, email: string): Promise<Account | undefined> {
  const host = email.slice(email.indexOf('@') + 1);
  const company = !host.endsWith('gmail.com');
  const domain = host.split('.').slice(-2).join('.');
  const [contact, byDomain] = await Promise.all([
    request(tx.objectStore('contacts').get(email)) as Promise<{ accountId: string } | undefined>,
    company ? (request(tx.objectStore('accounts').index('domains').get(domain)) as Promise<Account | undefined>) : undefined,
  ]);
  const byContact = contact && ((await request(tx.objectStore('accounts').get(contact.accountId))) as Account | undefined);
  return byContact ?? byDomain;
}

/**
 * The badge's reads at their least, in raw IndexedDB: the lookup's, then the cached summary beside
 * the definition, all in one read transaction (the product opens two: the lookup's and the summaries').
 */
async function rawSameBadge(raw: IDBDatabase, email: string): Promise<unknown> {
  const tx = raw.transaction(['contacts', 'accounts', 'summaries', 'settings'], 'readonly');
  const account = await rawSameLookup(raw, tx, email);
  const [summary] = await Promise.all([request(tx.objectStore('summaries').get(account!.id)), request(tx.objectStore('settings').get('definition'))]);
  return summary;
}

/** The same events as time-ordered chunks per account, as the product stores them. */
function chunked(batch: readonly NewEvent[]): EventChunk[] {
  const byAccount = new Map<string, AccountEvent[]>();
  for (const e of batch as readonly AccountEvent[]) {
    const list = byAccount.get(e.accountId);
    if (list) list.push(e);
    else byAccount.set(e.accountId, [e]);
  }
  return [...byAccount].flatMap(([accountId, events]) => buildChunks(accountId, events));
}

/** The scoring baseline: one plain loop that reads every field of every event once. */
let sink = 0;
function readEveryField(events: readonly AccountEvent[]): void {
  let sum = 0;
  for (const e of events) {
    for (const key in e) {
      const v = (e as unknown as Record<string, unknown>)[key];
      if (typeof v === 'number') sum += v;
      else if (typeof v === 'string') sum += v.length;
      else if (v && typeof v === 'object') sum += (v as { minor: number }).minor;
    }
  }
  sink += sum;
}

const INSERT_BATCHES = 10;
/** Rounds of 100 lookups a side, over the 2,000 addresses picked (a round's ratio is noisy; their median is not). */
const LOOKUP_ROUNDS = 25;
const ADDRESSES = 2_000;

/**
 * Write 1M events as an import writes: 10 batches of ~100k through recordEvents (validation
 * included), each between two raw puts of the same events, chunked as the product
 * chunks them (chunking done before the clock starts), in one transaction, no validation.
 */
async function seed(db: QuotewiseDB, raw: IDBDatabase): Promise<{ insert: Turns; total: number; validation: { size: number; validation: number; planning: number }[] }> {
  const validation: { size: number; validation: number; planning: number }[] = [];
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
  // The product's account and contact tables in raw IndexedDB (for the explanation arm), and the
  // lookup baseline's store: the same account records under the addresses they are looked up by.
  await rawPut(raw, 'accounts', accounts);
  await rawPut(raw, 'contacts', accounts.map((a, i) => ({ email: `buyer${i}@gmail.com`, accountId: a.id, createdAt: NOW })));
  await rawPut(raw, 'byEmail', [...accounts, ...accounts], [...accounts.map((_, i) => `buyer${i}@gmail.com`), ...accounts.map((_, i) => `someone@sub.company${i}.com`)]);

  const perBatch = ACCOUNTS / INSERT_BATCHES;
  let total = 0;
  let batch: NewEvent[] = [];
  let chunks: EventChunk[] = [];
  // Each batch between two raw puts of its chunks (B M B: the raw put's second copy goes to a store
  // of its own, as fresh as the first), the baseline the mean of the two: load that rises or falls
  // during a batch's second or so falls on both sides alike.
  const insert: Turns = { measured: [], baseline: [], ratios: [] };
  for (let round = 0; round < INSERT_BATCHES; round++) {
    if (round > 0) validation.push({ size: batch.length, ...timeCpu(batch) });
    total += batch.length;
    batch = [];
    for (let a = round * perBatch; a < (round + 1) * perBatch; a++) for (let k = eventsOf(a); k > 0; k--) batch.push(makeEvent(total + batch.length, `a${a}`, random));
    chunks = chunked(batch);
    const throughput = async (write: () => Promise<unknown>) => {
      const t0 = performance.now();
      await write();
      return batch.length / ((performance.now() - t0) / 1000);
    };
    const before = await throughput(() => rawPut(raw, 'chunks', chunks));
    const measured = await throughput(() => recordEvents(db, batch, NOW));
    const after = await throughput(() => rawPut(raw, 'chunksAgain', chunks));
    const baseline = (before + after) / 2;
    insert.measured.push(measured);
    insert.baseline.push(baseline);
    insert.ratios.push(measured / baseline);
  }
  validation.push({ size: batch.length, ...timeCpu(batch) });
  return { insert, total: total + batch.length, validation };
}

/**
 * What recordEvents spends before it writes, timed apart on the same batch: validating (its
 * prepare step, AccountEvent.parse of each event), then planning (grouping by account, the
 * time-ordered chunks, the open-quotes rows).
 */
function timeCpu(batch: readonly NewEvent[]): { validation: number; planning: number } {
  const t0 = performance.now();
  const events = batch.map((e) => AccountEvent.parse({ ...e, createdAt: NOW }));
  const t1 = performance.now();
  const byAccount = new Map<string, AccountEvent[]>();
  for (const e of events) {
    const list = byAccount.get(e.accountId);
    if (list) list.push(e);
    else byAccount.set(e.accountId, [e]);
  }
  for (const [accountId, list] of byAccount) {
    buildChunks(accountId, list);
    openQuotesOf(accountId, list);
  }
  return { validation: t1 - t0, planning: performance.now() - t1 };
}

/**
 * Rounds of `size` calls a side, the two sides' calls taking turns one by one (measured then
 * baseline, then baseline then measured, ...), so that a burst of outside load falls on both
 * alike rather than on one side's whole block; a round's figure is each side's median call.
 * Returns the turns and every measured call, for the p95.
 */
async function blocks(rounds: number, size: number, measured: (i: number) => Promise<unknown>, baseline: (i: number) => Promise<unknown>) {
  const calls: number[] = [];
  const turns: Turns = { measured: [], baseline: [], ratios: [] };
  const time = async (fn: (i: number) => Promise<unknown>, i: number) => {
    const t0 = performance.now();
    await fn(i);
    return performance.now() - t0;
  };
  for (let round = 0; round < rounds; round++) {
    const m: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < size; k++) {
      const i = (round * size + k) % ADDRESSES;
      if ((round + k) % 2 === 0) {
        m.push(await time(measured, i));
        b.push(await time(baseline, i));
      } else {
        b.push(await time(baseline, i));
        m.push(await time(measured, i));
      }
    }
    calls.push(...m);
    turns.measured.push(median(m));
    turns.baseline.push(median(b));
    turns.ratios.push(median(m) / median(b));
  }
  return { turns, p95: percentile(calls, 95) };
}

/** Mean time of one call, over `size` calls timed together (one call is near the clock's resolution). */
async function perCall(size: number, fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < size; i++) fn();
  return (performance.now() - t0) / size;
}

export async function runDbBench(): Promise<Figure[]> {
  const db = new QuotewiseDB(`bench-${Date.now()}`);
  await db.open();
  const raw = await openRaw(`bench-raw-${Date.now()}`);
  const { insert, total, validation } = await seed(db, raw);
  if (total !== EVENTS) throw new Error(`seeded ${total} events`);

  // Half company addresses, half free-mail contacts: both paths a badge takes. Both sides of a round read the same addresses.
  const pick = seededRandom(7);
  const numbers = Array.from({ length: ADDRESSES }, () => Math.floor(pick() * ACCOUNTS));
  const emailOf = (i: number) => (i % 2 ? `someone@sub.company${numbers[i]}.com` : `buyer${numbers[i]}@gmail.com`);
  const lookups = await blocks(
    LOOKUP_ROUNDS,
    100,
    async (i) => {
      const match = await findAccountByIdentity(db, identifyEmail(emailOf(i))!);
      if (match?.account.id !== `a${numbers[i]}`) throw new Error(`lookup of ${emailOf(i)} found ${match?.account.id}`);
    },
    async (i) => {
      const account = (await rawGet(raw, 'byEmail', emailOf(i))) as Account | undefined;
      if (account?.id !== `a${numbers[i]}`) throw new Error(`raw lookup of ${emailOf(i)} found ${account?.id}`);
    },
  );

  // For the miss's explanation: the product's own reads in raw IndexedDB, against the same baseline.
  const lookupReads = await blocks(
    LOOKUP_ROUNDS,
    100,
    async (i) => {
      const account = await rawSameLookup(raw, raw.transaction(['contacts', 'accounts'], 'readonly'), emailOf(i));
      if (account?.id !== `a${numbers[i]}`) throw new Error(`raw same-reads lookup of ${emailOf(i)} found ${account?.id}`);
    },
    (i) => rawGet(raw, 'byEmail', emailOf(i)),
  );

  const big = await eventsOfAccount(db, 'a0');
  await rawPut(raw, 'oneRecord', [big], ['a0']);
  const histories = await blocks(
    11,
    20,
    async () => {
      const events = await eventsOfAccount(db, 'a0');
      if (events.length !== BIG_ACCOUNT_EVENTS) throw new Error(`a0 has ${events.length} events`);
    },
    async () => {
      const [events] = (await request(raw.transaction('oneRecord', 'readonly').objectStore('oneRecord').getAll('a0'))) as AccountEvent[][];
      if (events?.length !== BIG_ACCOUNT_EVENTS) throw new Error(`the raw record holds ${events?.length} events`);
    },
  );

  // Scoring (#3). One account with 1,000 events, in memory: the pure cost.
  // Both sides warmed up first (optimised code), so the rounds compare steady states.
  const bigAccount = (await db.accounts.get('a0'))!;
  const scoreBig = () => perCall(200, () => scoreAccount({ account: bigAccount, events: big, definition: DEFAULT_DEFINITION, now: NOW }));
  const readBig = () => perCall(200, () => readEveryField(big));
  await takeTurns(5, scoreBig, readBig);
  const scoreOne = await takeTurnsPaired(15, scoreBig, readBig);

  // Every account scored and ranked worst first, histories already in memory.
  const all = new Map<string, AccountEvent[]>();
  await forEachAccountEvents(db, (accountId, events) => {
    all.set(accountId, events);
  });
  const accounts = await db.accounts.toArray();
  const rank = () =>
    perCall(1, () => {
      const summaries = accounts.map((account) => scoreAccount({ account, events: all.get(account.id) ?? [], definition: DEFAULT_DEFINITION, now: NOW }));
      summaries.sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
      if (summaries.length !== ACCOUNTS) throw new Error('not every account was scored');
    });
  const readAll = () => perCall(1, () => accounts.forEach((account) => readEveryField(all.get(account.id) ?? [])));
  // Two warm-up rounds (optimised code, the heap grown to its working size), then paired rounds.
  await takeTurns(2, rank, readAll);
  const rankAll = await takeTurnsPaired(13, rank, readAll);
  all.clear();

  // The badge's path: email -> account -> cached summary. Its baseline: the cached summary under the address, one raw get.
  const t0 = performance.now();
  await refreshAllSummaries(db, NOW);
  const refreshAllMs = performance.now() - t0;
  const summaryEmails = numbers.map((n, i) => (i % 2 ? `someone@company${n}.com` : `buyer${n}@gmail.com`));
  const cached = await db.summaries.bulkGet(numbers.map((n) => `a${n}`));
  await rawPut(raw, 'summaryByEmail', cached, summaryEmails);
  await rawPut(raw, 'summaries', await db.summaries.toArray());
  await rawPut(raw, 'settings', await db.settings.toArray());
  const badge = await blocks(
    LOOKUP_ROUNDS,
    100,
    async (i) => {
      const match = await findAccountByIdentity(db, identifyEmail(summaryEmails[i]!)!);
      const [summary] = await getSummaries(db, [match!.account.id], NOW);
      if (summary?.accountId !== `a${numbers[i]}`) throw new Error(`no summary for ${summaryEmails[i]}`);
    },
    async (i) => {
      const summary = (await rawGet(raw, 'summaryByEmail', summaryEmails[i]!)) as { accountId: string } | undefined;
      if (summary?.accountId !== `a${numbers[i]}`) throw new Error(`no raw summary for ${summaryEmails[i]}`);
    },
  );
  const badgeReads = await blocks(
    LOOKUP_ROUNDS,
    100,
    async (i) => {
      const summary = (await rawSameBadge(raw, summaryEmails[i]!)) as { accountId: string } | undefined;
      if (summary?.accountId !== `a${numbers[i]}`) throw new Error(`no raw same-reads summary for ${summaryEmails[i]}`);
    },
    (i) => rawGet(raw, 'summaryByEmail', summaryEmails[i]!),
  );
  db.close();
  raw.close();
  if (Number.isNaN(sink)) throw new Error('the scoring baseline read nothing');
  const p95 = (figure: { p95: number }) => `measured p95 ${figure.p95.toFixed(2)} ms`;
  const reads = (figure: { turns: Turns }, how: string) => `the same reads written out in raw IndexedDB in the bench (${how}): ${middleMean(figure.turns.ratios).toFixed(2)}× the baseline`;
  // Without validation, each batch would take its measured time less its validation time.
  // Each batch's measured time, less what it spent validating and planning (timed apart on the same batch): the write alone.
  const share = (key: 'validation' | 'planning') => median(insert.measured.map((perSecond, i) => validation[i]![key] / 1000 / (validation[i]!.size / perSecond)));
  const writeOnly = median(
    insert.ratios.map((ratio, i) => {
      const seconds = validation[i]!.size / insert.measured[i]!;
      return ratio * (seconds / (seconds - (validation[i]!.validation + validation[i]!.planning) / 1000));
    }),
  );
  return [
    ratioFigure({ issue: '#2', name: 'Account lookup by email (rounds of 100 calls a side, taking turns call by call; 10k accounts, 1M events)', turns: lookups.turns, unit: 'ms', target: 2, kind: 'max', note: `${p95(lookups)}; ${reads(lookupReads, 'one transaction, contact beside domain, then the contact\'s account')}`, baselineIs: 'a raw IndexedDB `get` (its own read transaction) on a keyed store holding the same account records under the looked-up address' }),
    ratioFigure({ issue: '#2', name: 'All events of one account with 1,000 events (rounds of 20 calls a side, taking turns call by call)', turns: histories.turns, unit: 'ms', target: 2, kind: 'max', note: p95(histories), baselineIs: 'a raw `getAll` of the same 1,000 events stored as one record' }),
    ratioFigure({ issue: '#2', name: 'Bulk insert throughput (1M events, validated, 10 batches of 100k, each one transaction)', turns: insert, unit: 'events/s', target: 0.7, kind: 'min', note: `timed apart on the same batches: validation (AccountEvent.parse of each event) ${Math.round(share('validation') * 100)}% of the measured time, planning (grouping, chunks, open quotes) ${Math.round(share('planning') * 100)}%; the write alone, through Dexie, reading what is stored first: ${writeOnly.toFixed(2)}× the baseline`, baselineIs: 'raw `put` of the same events, chunked per account as the product chunks them (before the clock starts), in one transaction per batch, no validation, no indexes, into a database of its own; once before and once after each measured batch (into a second store), the mean of the two' }),
    ratioFigure({ issue: '#3', name: 'Score one account with 1,000 events (mean of 200 calls per run; rounds A B B A)', turns: scoreOne, unit: 'ms', target: 5, kind: 'max', baselineIs: 'one plain loop (for…in) that reads every field of every one of the same 1,000 events once' }),
    ratioFigure({ issue: '#3', name: 'Score and rank all 10,000 accounts (1M events in memory; rounds A B B A)', turns: rankAll, unit: 'ms', target: 5, kind: 'max', baselineIs: 'the same plain loop over every event of every account' }),
    ratioFigure({ issue: '#3', name: 'Badge summary lookup from an email, cached aggregates (rounds of 100 calls a side, taking turns call by call)', turns: badge.turns, unit: 'ms', target: 2, kind: 'max', note: `${p95(badge)}; ${reads(badgeReads, 'the lookup\'s, then summary beside definition, all in one transaction')}`, baselineIs: 'a raw IndexedDB `get` of the same cached summary record stored under the address' }),
    { issue: '#3', name: 'Recompute and store every summary from IndexedDB (after a definition change)', value: refreshAllMs, unit: 'ms', target: 60_000, kind: 'max', note: 'no target in the issue; a minute is what a rep would wait' },
  ];
}

Object.assign(globalThis, { runDbBench });
