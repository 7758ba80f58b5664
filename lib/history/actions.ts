import { broadcastChanged } from '../background/notify';
import { newAccount, updateJudgement } from '../db/accounts';
import type { QuotewiseDB } from '../db/db';
import { deleteEvents, eventsOfAccount, putEvents, recordEvent } from '../db/events';
import { AccountEvent, type Judgement, type WarningName } from '../model';
import { refreshSummaries } from '../scoring/store';
import { applyChange, change, type Change, type Planned } from './change';
import { planMerge, planSplit } from './merge';

/**
 * The history page's writes. Each one writes through lib/db, recomputes the
 * summaries it touched and tells open pages (badges) about it, and returns the
 * change that undoes it.
 */
export interface Undo {
  change: Change;
  accountIds: string[];
}

async function settle(db: QuotewiseDB, accountIds: readonly string[]): Promise<void> {
  await refreshSummaries(db, accountIds, Date.now());
  await broadcastChanged(accountIds);
}

export async function undo(db: QuotewiseDB, u: Undo): Promise<void> {
  await applyChange(db, u.change);
  await settle(db, u.accountIds);
}

/** Dismiss (no `until`) or snooze a warning; the reason is kept as an event, so it shows in the timeline. */
export async function dismissWarning(
  db: QuotewiseDB,
  input: { accountId: string; warning: WarningName; reason: string; until?: number },
  now = Date.now(),
): Promise<Undo> {
  const event = await recordEvent(
    db,
    { type: 'warning_dismissed', accountId: input.accountId, at: now, warning: input.warning, reason: input.reason, ...(input.until === undefined ? {} : { until: input.until }) },
    now,
  );
  await settle(db, [input.accountId]);
  return { change: change({ deleteEvents: [{ accountId: input.accountId, ids: [event.id] }] }), accountIds: [input.accountId] };
}

export async function removeEvents(db: QuotewiseDB, accountId: string, ids: readonly string[]): Promise<Undo> {
  const deleted = await deleteEvents(db, accountId, ids);
  await settle(db, [accountId]);
  return { change: change({ putEvents: deleted }), accountIds: [accountId] };
}

export type EditResult = { ok: true; undo: Undo } | { ok: false; error: string };

/** Replace an event with an edited copy (same id, same account); invalid edits are refused with the reason and change nothing. */
export async function editEvent(db: QuotewiseDB, before: AccountEvent, edited: unknown): Promise<EditResult> {
  const parsed = AccountEvent.safeParse(edited);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
  if (parsed.data.id !== before.id || parsed.data.accountId !== before.accountId) return { ok: false, error: 'An edit cannot move an event to another account.' };
  await putEvents(db, [parsed.data]);
  await settle(db, [before.accountId]);
  return { ok: true, undo: { change: change({ putEvents: [before] }), accountIds: [before.accountId] } };
}

export async function editJudgement(db: QuotewiseDB, accountId: string, patch: Partial<Judgement>): Promise<Undo> {
  const before = await updateJudgement(db, accountId, patch, Date.now());
  await settle(db, [accountId]);
  return { change: change({ putAccounts: [before] }), accountIds: [accountId] };
}

/** Fold `dropId` into `keepId` (same company under two domains). */
export async function mergeAccounts(db: QuotewiseDB, keepId: string, dropId: string): Promise<Undo> {
  const [keep, drop] = await db.accounts.bulkGet([keepId, dropId]);
  if (!keep || !drop) throw new Error('One of the two accounts no longer exists.');
  const plan = planMerge({
    keep,
    drop,
    keepEvents: await eventsOfAccount(db, keepId),
    dropEvents: await eventsOfAccount(db, dropId),
    dropContacts: await db.contacts.where('accountId').equals(dropId).toArray(),
    now: Date.now(),
  });
  return applyPlan(db, plan);
}

/** Split a contact off into a new account named `name`. Returns the new account's id with the undo. */
export async function splitContact(db: QuotewiseDB, accountId: string, email: string, name: string): Promise<Undo & { newAccountId: string }> {
  const account = await db.accounts.get(accountId);
  if (!account) throw new Error('That account no longer exists.');
  const now = Date.now();
  const contact = await db.contacts.get(email);
  const into = newAccount({ name }, now);
  const plan = planSplit({ account, email, contact, into, events: await eventsOfAccount(db, accountId), now });
  return { ...(await applyPlan(db, plan)), newAccountId: into.id };
}

async function applyPlan(db: QuotewiseDB, plan: Planned): Promise<Undo> {
  await applyChange(db, plan.apply);
  await settle(db, plan.accountIds);
  return { change: plan.undo, accountIds: plan.accountIds };
}
