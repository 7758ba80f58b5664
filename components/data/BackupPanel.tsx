import { useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { backupToJson, exportBackup, type Restored, restoreBackup, type RestoreMode } from '@/lib/backup/backup';
import type { Formats } from '@/lib/format';
import { eventsToCsv } from '@/lib/import/export';
import { downloadFile, today } from '../download';
import { useFormats } from '../formats';
import { afterWrite, failureMessage } from './flow';

/** Download the whole database as JSON or the events as CSV; restore a backup (validated first). */
export function BackupPanel({ db }: { db: QuotewiseDB }) {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** Restoring: until the transaction commits; then updating health scores, with the restore already reported. */
  const [busy, setBusy] = useState<'restoring' | 'scoring' | null>(null);
  const f = useFormats();

  const restore = async () => {
    if (!file) return;
    setBusy('restoring');
    setMessage(null);
    let restored: Restored;
    try {
      restored = await restoreBackup(db, await file.text(), mode);
    } catch (failure) {
      setMessage({ text: `The restore failed and nothing was changed. ${failureMessage(failure)}`, error: true });
      setBusy(null);
      return;
    }
    if (!restored.ok) {
      setMessage({ text: `${restored.error} Your data is unchanged.`, error: true });
      setBusy(null);
      return;
    }
    // Committed: say so now. Recomputing the health of thousands of accounts can take a while more.
    const done = restoredMessage(file.name, restored, f);
    setMessage({ text: `${done} Updating health scores…`, error: false });
    setBusy('scoring');
    try {
      await afterWrite(db, restored.accountIds);
      setMessage({ text: `${done} Health scores updated.`, error: false });
    } catch (failure) {
      setMessage({ text: `${done} The health scores could not be updated: ${failureMessage(failure)} They update as you open each account.`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p>
        <button type="button" onClick={async () => downloadFile(`quotewise-backup-${today()}.json`, backupToJson(await exportBackup(db, Date.now())), 'application/json')}>
          Download a backup (JSON)
        </button>{' '}
        <button type="button" onClick={async () => downloadFile(`quotewise-events-${today()}.csv`, await eventsToCsv(db), 'text/csv')}>
          Download events (CSV)
        </button>
      </p>
      <p>The backup holds everything: accounts, contacts, events, dismissed warnings, settings and your ideal-account definition.</p>
      <fieldset>
        <legend>Restore a backup</legend>
        <label>
          Backup file
          <input type="file" accept=".json,application/json" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
        </label>
        <div role="radiogroup" aria-label="How to restore">
          <label>
            <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge into my data (keeps what
            is here, adds what is missing)
          </label>
          <label>
            <input type="radio" name="restore-mode" checked={mode === 'empty'} onChange={() => setMode('empty')} />
            Restore into an empty
            database (exactly as backed up)
          </label>
        </div>
        <button type="button" disabled={!file || busy !== null} onClick={() => void restore()}>
          {busy === 'restoring' ? 'Restoring…' : 'Restore'}
        </button>
      </fieldset>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}


/** What a committed restore added, and what of the file it left out because it belongs to no account. */
function restoredMessage(fileName: string, restored: Extract<Restored, { ok: true }>, f: Formats): string {
  const added = Object.entries(restored.added)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${f.number(count)} ${table}`);
  const orphans = [
    restored.dropped.events && f.plural(restored.dropped.events, 'event'),
    restored.dropped.contacts && f.plural(restored.dropped.contacts, 'contact'),
  ].filter(Boolean);
  const left = orphans.length ? ` Left out ${orphans.join(' and ')} of no account (not in your data or the backup).` : '';
  return `Restored “${fileName}”: added ${added.length ? added.join(', ') : 'nothing new'}.${left}`;
}
