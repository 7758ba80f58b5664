import { useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { backupToJson, exportBackup, restoreBackup, type RestoreMode } from '@/lib/backup/backup';
import { eventsToCsv } from '@/lib/import/export';
import { downloadFile, today } from '../download';
import { useFormats } from '../formats';
import { afterWrite, failureMessage } from './flow';

/** Download the whole database as JSON or the events as CSV; restore a backup (validated first). */
export function BackupPanel({ db }: { db: QuotewiseDB }) {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const f = useFormats();

  const restore = async () => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const restored = await restoreBackup(db, await file.text(), mode);
      if (!restored.ok) {
        setMessage({ text: `${restored.error} Your data is unchanged.`, error: true });
        return;
      }
      await afterWrite(db, restored.accountIds);
      const added = Object.entries(restored.added)
        .filter(([, count]) => count > 0)
        .map(([table, count]) => `${f.number(count)} ${table}`);
      setMessage({ text: `Restored “${file.name}”: added ${added.length ? added.join(', ') : 'nothing new'}.`, error: false });
    } catch (failure) {
      setMessage({ text: `The restore failed and nothing was changed. ${failureMessage(failure)}`, error: true });
    } finally {
      setBusy(false);
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
        <button type="button" disabled={!file || busy} onClick={() => void restore()}>
          {busy ? 'Restoring…' : 'Restore'}
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

