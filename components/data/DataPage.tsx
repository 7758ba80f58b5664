import { useEffect, useMemo } from 'preact/hooks';
import { getDb } from '@/lib/db/db';
import { CsvWorker } from '@/lib/import/worker-client';
import { BackupPanel } from './BackupPanel';
import { DemoPanel } from './DemoPanel';
import { ImportWizard } from './ImportWizard';

/** The "Import & backup" page (data.html), linked from the options and history pages. */
export function DataPage() {
  const db = getDb();
  const worker = useMemo(() => new CsvWorker(), []);
  useEffect(() => () => worker.cancel(), [worker]);
  return (
    <main aria-labelledby="page-heading">
      <h1 id="page-heading">Import &amp; backup</h1>
      <p>Everything stays in this browser. Nothing is sent anywhere.</p>
      <ImportWizard db={db} worker={worker} />
      <BackupPanel db={db} />
      <DemoPanel db={db} worker={worker} />
    </main>
  );
}
