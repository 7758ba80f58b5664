import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { type BackupFile, backupToJson, countRows, deleteAllData, exportBackup, restoreBackup } from '@/lib/backup/backup';
import { DEMO_SEED, generateDemoCsv } from '@/lib/demo/generate';
import type { Formats } from '@/lib/format';
import type { CsvWorker } from '@/lib/import/worker-client';
import { useFormats } from '../formats';
import { FractionProgress } from './FractionProgress';
import { afterWrite, failureMessage, importText } from './flow';

/** How the confirmation names each table's rows; a table added later is still listed, by its name. */
const TABLE_LABELS: Record<string, { one: string; many: string; what?: string }> = {
  accounts: { one: 'account', many: 'accounts' },
  contacts: { one: 'contact', many: 'contacts' },
  events: { one: 'event', many: 'events', what: 'quotes, orders, invoices, service, dismissed warnings…' },
  settings: { one: 'stored setting', many: 'stored settings', what: 'your settings and ideal-account definition' },
  summaries: { one: 'cached health score', many: 'cached health scores' },
};

function describeRows(table: string, count: number, f: Formats): string {
  const label = TABLE_LABELS[table] ?? { one: `${table} row`, many: `${table} rows` };
  return `${f.plural(count, label.one, label.many)}${label.what ? ` (${label.what})` : ''}`;
}

/** "Load demo data" (through the real import path) and "Delete all data" (confirmed, with undo). */
export function DemoPanel({ db, worker }: { db: QuotewiseDB; worker: CsvWorker }) {
  const [status, setStatus] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<Record<string, number> | null>(null);
  const [undo, setUndo] = useState<BackupFile | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const f = useFormats();
  // The undo restores into the empty database the deletion left: once anything is written since
  // (a restore, an import, the demo, a quote logged in the popup), it no longer applies, and goes.
  // Tagged with the undo it was read for, so a reading from before the deletion is never taken for one after it.
  const watch = useLiveQuery(async () => ({ for: undo, empty: undo ? await isEmpty(db) : true }), [db, undo]);
  useEffect(() => {
    if (undo && watch?.for === undo && !watch.empty) {
      setUndo(null);
      setStatus('All data deleted. Data was added since, so the deletion can no longer be undone.');
    }
  }, [undo, watch]);

  const loadDemo = async () => {
    setStatus(null);
    setProgress(0);
    try {
      const { result } = await importText(db, worker, generateDemoCsv({ seed: DEMO_SEED, today: Date.now() }), { source: 'demo', onProgress: setProgress });
      setStatus(`Demo data loaded: ${f.plural(result.added, 'event')} for ${f.plural(result.accountIds.length, 'account')}. Delete all data to remove it.`);
    } catch (failure) {
      setStatus(`Could not load the demo data, nothing was saved. ${failureMessage(failure)}`);
    } finally {
      setProgress(null);
    }
  };

  const askDelete = async () => {
    setConfirming(await countRows(db));
    dialog.current?.showModal();
  };

  const confirmDelete = async () => {
    dialog.current?.close();
    const snapshot = await exportBackup(db, Date.now());
    const accountIds = ((snapshot.tables.accounts ?? []) as { id: string }[]).map((a) => a.id);
    await deleteAllData(db);
    await afterWrite(db, accountIds);
    setUndo(snapshot);
    setStatus('All data deleted.');
  };

  const undoDelete = async () => {
    const snapshot = undo;
    if (!snapshot) return;
    // Withdrawn before writing: the restore's own write must not read as "data was added since".
    setUndo(null);
    if (!(await isEmpty(db))) {
      setStatus('Data was added since the deletion, so it can no longer be undone.');
      return;
    }
    setStatus('Undoing the deletion…');
    const restored = await restoreBackup(db, backupToJson(snapshot), 'empty');
    if (restored.ok) await afterWrite(db, restored.accountIds);
    setStatus(restored.ok ? 'Deletion undone: everything is back.' : `Could not undo: ${restored.error}`);
  };

  return (
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo data and reset</h2>
      <p>
        <button type="button" disabled={progress !== null} onClick={() => void loadDemo()}>
          Load demo data
        </button>{' '}
        <button type="button" class="danger" onClick={() => void askDelete()}>
          Delete all data…
        </button>
      </p>
      <p>The demo is a book of about 50 made-up accounts showing every band and warning; it goes through the same import as your files.</p>
      {progress !== null && (
        <p>
          <FractionProgress label="Demo data progress" value={progress}>
            Loading demo data
          </FractionProgress>
        </p>
      )}
      {status && (
        <p role="status">
          {status}{' '}
          {undo && (
            <button type="button" onClick={() => void undoDelete()}>
              Undo
            </button>
          )}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="delete-heading" aria-describedby="delete-what" onClose={() => setConfirming(null)}>
        <h3 id="delete-heading">Delete all Quotewise data?</h3>
        <div id="delete-what">
          <p>This deletes, from this browser:</p>
          <ul>
            {Object.entries(confirming ?? {}).map(([table, count]) => (
              <li key={table}>{describeRows(table, count, f)}</li>
            ))}
          </ul>
          <p>You can undo it until you leave this page or add data again. To keep a copy, download a backup first.</p>
        </div>
        <button type="button" class="danger" onClick={() => void confirmDelete()}>
          Delete everything
        </button>{' '}
        <button type="button" autofocus onClick={() => dialog.current?.close()}>
          Keep my data
        </button>
      </dialog>
    </section>
  );
}

/** Whether the rep's data is gone: no account, contact or event (settings may be written again by any page). */
async function isEmpty(db: QuotewiseDB): Promise<boolean> {
  const counts = await Promise.all([db.accounts.count(), db.contacts.count(), db.eventChunks.count()]);
  return counts.every((count) => count === 0);
}
