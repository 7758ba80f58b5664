import Dexie from 'dexie';
import { type Account, AccountEvent, type NewEvent } from '../model';
import { openQuotesIn } from '../quotes';
import type { EventChunk, OpenQuotes, QuotewiseDB } from './db';

/**
 * Events are stored per account, in time-ordered chunks of up to CHUNK_SIZE
 * events, never one IndexedDB record per event: per-record cost dominates
 * IndexedDB writes (about 14k records/s in Chromium here, whatever the record),
 * while chunks import hundreds of thousands of events a second and read an
 * account's whole history in a few records. Everything outside lib/db goes
 * through the functions in this file; nothing touches the chunks directly.
 */
export const CHUNK_SIZE = 200;

const byTimeThenId = (a: AccountEvent, b: AccountEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Record one event: validated, given an id and createdAt, and (a quote) a quoteRef.
 * A quote stays open until an outcome with its quoteRef is recorded.
 */
export async function recordEvent(db: QuotewiseDB, input: NewEvent, now: number): Promise<AccountEvent> {
  const [event] = await recordEvents(db, [input], now);
  return event!;
}

/**
 * Record many events in one transaction: all of them, or (on any invalid one) none.
 * A quote with no quoteRef is given the next short reference of its account ("GLO-8"), read
 * from the account's events in the same transaction as the write, so two never share one.
 */
export async function recordEvents(db: QuotewiseDB, inputs: readonly NewEvent[], now: number): Promise<AccountEvent[]> {
  const needRef = (input: NewEvent) => input.type === 'quote' && !input.quoteRef;
  if (!inputs.some(needRef)) {
    const events = inputs.map((input) => prepare(input, now));
    await putEvents(db, events);
    return events;
  }
  return db.transaction('rw', db.accounts, db.eventChunks, db.openQuotes, async () => {
    const accountIds = [...new Set(inputs.filter(needRef).map((input) => input.accountId))];
    const [accounts, chunks] = await Promise.all([db.accounts.bulkGet(accountIds), chunksOfMany(db, accountIds)]);
    const refs = new Map(
      accountIds.map((accountId, i) => {
        const events = (chunks.get(accountId) ?? []).flatMap((chunk) => chunk.events);
        const prefix = quoteRefPrefix(accounts[i] ?? { name: '', domains: [] });
        return [accountId, { prefix, last: lastQuoteNumber(prefix, [...events, ...inputs.filter((input) => input.accountId === accountId)]), byId: new Map(events.map((e) => [e.id, e])) }];
      }),
    );
    const events = inputs.map((input) => {
      if (!needRef(input)) return prepare(input, now);
      const ref = refs.get(input.accountId)!;
      // Saving the same event again (a retried save, the same email logged twice) keeps its reference.
      const before = input.id === undefined ? undefined : ref.byId.get(input.id);
      const quoteRef = before?.type === 'quote' ? before.quoteRef : `${ref.prefix}-${++ref.last}`;
      return prepare({ ...input, quoteRef } as NewEvent, now);
    });
    await putEvents(db, events);
    return events;
  });
}

/**
 * The short prefix of an account's quote references, as the rep says it on the phone: the first
 * three letters or digits of its first domain's name ("globex.com" → "GLO", as the demo book
 * writes them), else of its name; "Q" when neither has any.
 */
export function quoteRefPrefix(account: Pick<Account, 'name' | 'domains'>): string {
  const source = account.domains[0]?.split('.')[0] ?? account.name;
  const plain = source.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return plain.slice(0, 3) || 'Q';
}

/** The highest number among references "<prefix>-<n>" these events carry (0 when none): the next is one more, even after deletes of earlier ones. */
export function lastQuoteNumber(prefix: string, events: readonly (AccountEvent | NewEvent)[]): number {
  const pattern = new RegExp(`^${prefix}-(\\d{1,9})$`, 'i');
  let last = 0;
  for (const e of events) {
    const ref = 'quoteRef' in e ? e.quoteRef : undefined;
    const match = ref ? pattern.exec(ref) : null;
    if (match) last = Math.max(last, Number(match[1]));
  }
  return last;
}

/**
 * Store already-complete events (restore, undo): an event whose id exists in its
 * account replaces it, so writing the same events twice changes nothing.
 */
export async function putEvents(db: QuotewiseDB, events: readonly AccountEvent[]): Promise<void> {
  const byAccount = groupByAccount(events);
  await db.transaction('rw', db.eventChunks, db.openQuotes, async () => {
    const existing = await chunksOfMany(db, [...byAccount.keys()]);
    const plans = [...byAccount].map(([accountId, incoming]) => {
      const chunks = existing.get(accountId) ?? [];
      const merged = new Map<string, AccountEvent>();
      for (const chunk of chunks) for (const e of chunk.events) merged.set(e.id, e);
      for (const e of incoming) merged.set(e.id, e);
      return planAccount(accountId, chunks, [...merged.values()]);
    });
    await commit(db, plans);
  });
}

/** Delete events of one account; returns what was deleted (for undo). */
export async function deleteEvents(db: QuotewiseDB, accountId: string, ids: readonly string[]): Promise<AccountEvent[]> {
  const doomed = new Set(ids);
  return db.transaction('rw', db.eventChunks, db.openQuotes, async () => {
    const chunks = await chunksOf(db, accountId);
    const kept: AccountEvent[] = [];
    const deleted: AccountEvent[] = [];
    for (const chunk of chunks) for (const e of chunk.events) (doomed.has(e.id) ? deleted : kept).push(e);
    if (deleted.length) await commit(db, [planAccount(accountId, chunks, kept)]);
    return deleted;
  });
}

/** Delete every event of these accounts (account deletion, merges). */
export async function deleteAllEventsOf(db: QuotewiseDB, accountIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.eventChunks, db.openQuotes, async () => {
    for (const accountId of accountIds) {
      await db.eventChunks.where('[accountId+seq]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).delete();
    }
    await db.openQuotes.bulkDelete([...accountIds]);
  });
}

/** An account's events in time order (ties by id), optionally within [from, to]. */
export async function eventsOfAccount(db: QuotewiseDB, accountId: string, from = 0, to = Number.MAX_SAFE_INTEGER): Promise<AccountEvent[]> {
  const chunks = await chunksOf(db, accountId);
  const out: AccountEvent[] = [];
  for (const chunk of chunks) {
    if (chunk.lastAt < from || chunk.firstAt > to) continue;
    for (const e of chunk.events) if (e.at >= from && e.at <= to) out.push(e);
  }
  return out;
}

/** Quotes with no outcome that were opened before `openedBefore`, oldest first. */
export async function openQuotes(db: QuotewiseDB, openedBefore = Number.MAX_SAFE_INTEGER): Promise<(AccountEvent & { type: 'quote' })[]> {
  const rows = await db.openQuotes.where('oldestOpenSince').below(openedBefore).toArray();
  return rows.flatMap((row) => row.quotes.filter((quote) => quote.at < openedBefore)).sort(byTimeThenId);
}

/** Every event, account by account (backup, export). */
export async function forEachAccountEvents(db: QuotewiseDB, visit: (accountId: string, events: AccountEvent[]) => void | Promise<void>): Promise<void> {
  let current: string | null = null;
  let buffer: AccountEvent[] = [];
  const chunks = await db.eventChunks.toArray();
  for (const chunk of chunks) {
    if (chunk.accountId !== current) {
      if (current !== null) await visit(current, buffer);
      current = chunk.accountId;
      buffer = [];
    }
    buffer.push(...chunk.events);
  }
  if (current !== null) await visit(current, buffer);
}

/** Ids of these accounts' events, read in one request (an import skips what it already stored). */
export async function eventIdsOf(db: QuotewiseDB, accountIds: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const chunks of (await chunksOfMany(db, accountIds)).values()) for (const chunk of chunks) for (const e of chunk.events) ids.add(e.id);
  return ids;
}

export async function countEvents(db: QuotewiseDB): Promise<number> {
  let total = 0;
  await db.eventChunks.each((chunk) => {
    total += chunk.events.length;
  });
  return total;
}

function chunksOf(db: QuotewiseDB, accountId: string): Promise<EventChunk[]> {
  return db.eventChunks.where('[accountId+seq]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();
}

/** The chunks of many accounts in one request (one request per account costs more than the data). */
async function chunksOfMany(db: QuotewiseDB, accountIds: readonly string[]): Promise<Map<string, EventChunk[]>> {
  const byAccount = new Map<string, EventChunk[]>();
  if (accountIds.length === 0) return byAccount;
  const ranges = [...accountIds].sort().map((id) => [[id, Dexie.minKey], [id, Dexie.maxKey]] as [unknown, unknown]);
  const chunks = await db.eventChunks.where('[accountId+seq]').inAnyRange(ranges as never).toArray();
  for (const chunk of chunks) {
    const list = byAccount.get(chunk.accountId);
    if (list) list.push(chunk);
    else byAccount.set(chunk.accountId, [chunk]);
  }
  return byAccount;
}

/** An account's events (any order) as time-ordered chunks, seq 0, 1, ... */
export function buildChunks(accountId: string, events: AccountEvent[]): EventChunk[] {
  events.sort(byTimeThenId);
  const chunks: EventChunk[] = [];
  for (let start = 0, seq = 0; start < events.length; start += CHUNK_SIZE, seq++) {
    const slice = events.slice(start, start + CHUNK_SIZE);
    chunks.push({ accountId, seq, firstAt: slice[0]!.at, lastAt: slice[slice.length - 1]!.at, events: slice });
  }
  return chunks;
}

/** The account's open-quotes row, oldest first; null when it has none open. */
export function openQuotesOf(accountId: string, events: readonly AccountEvent[]): OpenQuotes | null {
  const quotes = openQuotesIn(events).sort(byTimeThenId);
  return quotes.length ? { accountId, oldestOpenSince: quotes[0]!.at, quotes } : null;
}

interface AccountPlan {
  accountId: string;
  put: EventChunk[];
  remove: [string, number][];
  open: OpenQuotes | null;
}

/** What to write for an account whose full event list is now `events`: only the chunks that changed. */
function planAccount(accountId: string, old: readonly EventChunk[], events: AccountEvent[]): AccountPlan {
  const chunks = buildChunks(accountId, events);
  const put = chunks.filter((chunk) => {
    const before = old[chunk.seq];
    return !(before && before.events.length === chunk.events.length && before.events.every((e, i) => e === chunk.events[i]));
  });
  const remove = old.filter((chunk) => chunk.seq >= chunks.length).map((chunk): [string, number] => [accountId, chunk.seq]);
  return { accountId, put, remove, open: openQuotesOf(accountId, events) };
}

async function commit(db: QuotewiseDB, plans: readonly AccountPlan[]): Promise<void> {
  const put = plans.flatMap((p) => p.put);
  const remove = plans.flatMap((p) => p.remove);
  const open = plans.flatMap((p) => (p.open ? [p.open] : []));
  const closed = plans.filter((p) => !p.open).map((p) => p.accountId);
  if (put.length) await db.eventChunks.bulkPut(put);
  if (remove.length) await db.eventChunks.bulkDelete(remove);
  if (open.length) await db.openQuotes.bulkPut(open);
  if (closed.length) await db.openQuotes.bulkDelete(closed);
}

function groupByAccount(events: readonly AccountEvent[]): Map<string, AccountEvent[]> {
  const groups = new Map<string, AccountEvent[]>();
  for (const e of events) {
    const list = groups.get(e.accountId);
    if (list) list.push(e);
    else groups.set(e.accountId, [e]);
  }
  return groups;
}

function prepare(input: NewEvent, now: number): AccountEvent {
  return AccountEvent.parse({ ...input, id: input.id ?? crypto.randomUUID(), createdAt: now });
}
