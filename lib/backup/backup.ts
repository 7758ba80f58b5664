import * as z from 'zod/mini';
import type { Table } from 'dexie';
import type { QuotewiseDB } from '../db/db';
import { DEFINITION_KEY } from '../db/definition';
import { countEvents, eventIdsOf, forEachAccountEvents, putEvents } from '../db/events';
import { LATEST_VERSION } from '../db/schema';
import { HealthSummary } from '../health';
import { Account, AccountEvent, Contact, EpochMs } from '../model';
import { Definition, MAX_DEFINITION_VERSION } from '../scoring/definition';

/**
 * The whole database as one versioned JSON file. Every table of the database
 * must say below how it is backed up, or export refuses (and
 * test/unit/backup.test.ts fails) until someone does: rows as they are, events
 * one by one (however lib/db stores them), or derived (rebuilt on restore).
 */
export const BACKUP_FORMAT = 'quotewise-backup';
export const BACKUP_FORMAT_VERSION = 1;

const SettingRow = z.object({ key: z.string().check(z.minLength(1), z.maxLength(200)), value: z.unknown() });

/** Each database table: its rows' schema in the file, or how it is rebuilt. */
export const TABLE_BACKUP: Record<string, { file: string; rows: z.ZodMiniType } | { derived: string }> = {
  accounts: { file: 'accounts', rows: Account },
  contacts: { file: 'contacts', rows: Contact },
  /** Events are written one by one, not in lib/db's storage chunks, so the file outlives a storage change. */
  eventChunks: { file: 'events', rows: AccountEvent },
  openQuotes: { derived: 'rebuilt from the events' },
  /** Settings, the ideal-account definition and anything else kept as key/value. */
  settings: { file: 'settings', rows: SettingRow },
  /** Cached health summaries: restored as they were, so the round trip is exact; a merge recomputes them instead. */
  summaries: { file: 'summaries', rows: z.extend(HealthSummary, { staleAt: EpochMs }) },
};

/** The file's tables and their row schemas. */
const FILE_ROWS: Record<string, z.ZodMiniType> = Object.fromEntries(
  Object.values(TABLE_BACKUP).flatMap((entry) => ('file' in entry ? [[entry.file, entry.rows]] : [])),
);

const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int(),
  schemaVersion: z.int(),
});

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

export async function exportBackup(db: QuotewiseDB, now: number): Promise<BackupFile> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const how = TABLE_BACKUP[table.name];
      if (!how) throw new Error(`The backup does not know how to save the "${table.name}" table.`);
      if ('derived' in how) continue;
      if (table.name === db.eventChunks.name) {
        const events: AccountEvent[] = [];
        await forEachAccountEvents(db, (_, list) => void events.push(...list));
        tables[how.file] = events;
      } else {
        tables[how.file] = await table.toArray();
      }
    }
  });
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, exportedAt: now, tables };
}

export function backupToJson(file: BackupFile): string {
  return `${JSON.stringify(file)}\n`;
}

export type Checked = { ok: true; file: BackupFile } | { ok: false; error: string };

/** Validate a backup file completely before anything touches the database. */
export function checkBackup(text: string): Checked {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a Quotewise backup: it is not JSON.' };
  }
  const header = BackupHeader.safeParse(json);
  if (!header.success) return { ok: false, error: 'This file is not a Quotewise backup (no "quotewise-backup" format tag).' };
  const { formatVersion, schemaVersion } = header.data;
  if (formatVersion > BACKUP_FORMAT_VERSION || schemaVersion > LATEST_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer Quotewise (backup format ${formatVersion}, database version ${schemaVersion}; this one reads up to ${BACKUP_FORMAT_VERSION} and ${LATEST_VERSION}). Update the extension, then restore it.`,
    };
  }
  if (formatVersion < 1) return { ok: false, error: `Backup format ${formatVersion} is not one Quotewise ever wrote.` };
  const body = z.object({ exportedAt: EpochMs, tables: z.record(z.string(), z.array(z.unknown())) }).safeParse(json);
  if (!body.success) return { ok: false, error: 'This backup is damaged: it has no tables.' };
  const tables: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(body.data.tables)) {
    const schema = FILE_ROWS[name];
    if (!schema) return { ok: false, error: `This backup has a table Quotewise does not know ("${name}"). Nothing was restored.` };
    const parsed: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        return { ok: false, error: `This backup is damaged: ${name} row ${index + 1}, ${issue.path.join('.') || 'row'}: ${issue.message}. Nothing was restored.` };
      }
      parsed.push(result.data);
    }
    tables[name] = parsed;
  }
  const definitionProblem = checkDefinition(tables.settings as SettingRow[] | undefined);
  if (definitionProblem) return { ok: false, error: `This backup is damaged: ${definitionProblem}. Nothing was restored.` };
  return { ok: true, file: { format: BACKUP_FORMAT, formatVersion, schemaVersion, exportedAt: body.data.exportedAt, tables } };
}

type SettingRow = z.infer<typeof SettingRow>;

/**
 * The ideal-account definition a restore would install must be one Quotewise can load and save
 * after: a version past MAX_DEFINITION_VERSION (say Number.MAX_SAFE_INTEGER) would make every
 * later save fail, and one that does not load would silently give way to the defaults.
 */
function checkDefinition(settings: readonly SettingRow[] = []): string | null {
  const row = settings.find((setting) => setting.key === DEFINITION_KEY);
  if (!row) return null;
  const parsed = Definition.safeParse(row.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `its ideal-account definition is not valid (${issue.path.join('.') || 'definition'}: ${issue.message})`;
  }
  const { version } = parsed.data;
  if (version > MAX_DEFINITION_VERSION) {
    return `its ideal-account definition says version ${version}, and definition versions go from 1 to ${MAX_DEFINITION_VERSION.toLocaleString('en-US')} (one for each saved change)`;
  }
  return null;
}

export type RestoreMode = 'empty' | 'merge';
/** `dropped`: rows of the file that belong to no account, in the database or the file, so were left out. */
export type Restored =
  | { ok: true; added: Record<string, number>; dropped: { events: number; contacts: number }; accountIds: string[] }
  | { ok: false; error: string };

/**
 * Restore a checked backup. 'empty' fills an empty database exactly as the file
 * says; 'merge' adds what the live database lacks and keeps what it has: a backed-up
 * account that shares a domain or name with a live one becomes that account.
 * One transaction: on any error nothing changes.
 */
export async function restoreBackup(db: QuotewiseDB, text: string, mode: RestoreMode): Promise<Restored> {
  const checked = checkBackup(text);
  if (!checked.ok) return checked;
  const { tables } = checked.file;
  return db.transaction('rw', db.tables, async (): Promise<Restored> => {
    if (mode === 'empty') {
      const counts = await Promise.all(db.tables.map((table) => table.count()));
      if (counts.some((count) => count > 0)) {
        return { ok: false, error: 'Quotewise already holds data. Choose "Merge into my data", or delete all data first.' };
      }
      const accountIds = ((tables.accounts ?? []) as Account[]).map((account) => account.id);
      const { kept, dropped } = withoutOrphans(tables, new Set(accountIds));
      const added: Record<string, number> = {};
      for (const [name, rows] of Object.entries(kept)) {
        if (name === 'events') await putEvents(db, rows as AccountEvent[]);
        else await tableOfFile(db, name).bulkAdd(rows);
        added[name] = rows.length;
      }
      return { ok: true, added, dropped, accountIds };
    }
    return merge(db, tables);
  });
}

/**
 * The file's tables without the events and contacts of no account (a hand-edited or damaged
 * file): kept, they would count in no account's health and could not be seen or deleted.
 */
function withoutOrphans(tables: Record<string, unknown[]>, accountIds: ReadonlySet<string>) {
  const kept = { ...tables };
  const dropped = { events: 0, contacts: 0 };
  for (const name of ['events', 'contacts'] as const) {
    const rows = tables[name];
    if (!rows) continue;
    const ofAccount = rows.filter((row) => accountIds.has((row as { accountId: string }).accountId));
    kept[name] = ofAccount;
    dropped[name] = rows.length - ofAccount.length;
  }
  return { kept, dropped };
}

/** The database table a file table goes into. */
function tableOfFile(db: QuotewiseDB, file: string): Table {
  const name = Object.entries(TABLE_BACKUP).find(([, how]) => 'file' in how && how.file === file)![0];
  return db.table(name);
}

async function merge(db: QuotewiseDB, tables: Record<string, unknown[]>): Promise<Restored> {
  const live = await db.accounts.toArray();
  const liveIds = new Set(live.map((account) => account.id));
  const byDomain = new Map(live.flatMap((account) => account.domains.map((domain) => [domain, account.id] as const)));
  const byAlias = new Map(live.flatMap((account) => account.aliases.map((alias) => [alias, account.id] as const)));
  const accountId = new Map<string, string>();
  const newAccounts: Account[] = [];
  for (const account of (tables.accounts ?? []) as Account[]) {
    const same =
      (liveIds.has(account.id) ? account.id : undefined) ??
      account.domains.map((domain) => byDomain.get(domain)).find(Boolean) ??
      account.aliases.map((alias) => byAlias.get(alias)).find(Boolean);
    accountId.set(account.id, same ?? account.id);
    if (!same) newAccounts.push(account);
  }
  const { kept, dropped } = withoutOrphans(tables, new Set([...liveIds, ...accountId.keys()]));
  const remap = <T extends { accountId: string }>(row: T): T => ({ ...row, accountId: accountId.get(row.accountId) ?? row.accountId });
  const events = ((kept.events ?? []) as AccountEvent[]).map(remap);
  const rows: Record<string, unknown[]> = {
    ...kept,
    accounts: newAccounts,
    contacts: ((kept.contacts ?? []) as Contact[]).map(remap),
    // Summaries are a cache keyed by account: the caller recomputes them for every touched account.
    summaries: [],
  };
  const added: Record<string, number> = {};
  for (const [name, list] of Object.entries(rows)) {
    if (name !== 'events') added[name] = await addMissing(tableOfFile(db, name), list);
  }
  const known = await eventIdsOf(db, [...new Set(events.map((e) => e.accountId))]);
  const fresh = events.filter((event) => !known.has(event.id));
  await putEvents(db, fresh);
  added.events = fresh.length;
  const touched = new Set([...newAccounts.map((a) => a.id), ...fresh.map((e) => e.accountId)]);
  return { ok: true, added, dropped, accountIds: [...touched] };
}

/** Add the rows whose primary key the table does not have yet; keep the live ones. */
async function addMissing(table: Table, rows: unknown[]): Promise<number> {
  if (rows.length === 0) return 0;
  const keyPath = table.schema.primKey.keyPath as string;
  const keys = rows.map((row) => (row as Record<string, unknown>)[keyPath]) as string[];
  const existing = await table.bulkGet(keys);
  const missing = rows.filter((_, index) => existing[index] === undefined);
  await table.bulkAdd(missing);
  return missing.length;
}

/** What "Delete all data" will delete, as the backup names it (events counted one by one; derived tables left out). */
export async function countRows(db: QuotewiseDB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) {
    const how = TABLE_BACKUP[table.name];
    if (!how || 'derived' in how) continue;
    counts[how.file] = table.name === db.eventChunks.name ? await countEvents(db) : await table.count();
  }
  return counts;
}

/** Every table emptied, in one transaction. */
export async function deleteAllData(db: QuotewiseDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
