import { useEffect, useMemo } from 'preact/hooks';
import { getDb } from '@/lib/db/db';
import { UpdateNotice } from '../UpdateNotice';
import { CsvWorker } from '@/lib/import/worker-client';
import { BackupPanel } from './BackupPanel';
import { DemoPanel } from './DemoPanel';
import { ImportWizard } from './ImportWizard';

/** The "Import & backup" page (data.html), linked from the options and history pages. */
export function DataPage() {
  const db = getDb();
  // One worker each: a demo load must not replace the file the wizard is checking.
  const [importWorker, demoWorker] = useMemo(() => [new CsvWorker(), new CsvWorker()], []);
  useEffect(
    () => () => {
      importWorker.cancel();
      demoWorker.cancel();
    },
    [],
  );
  return (
    <main aria-labelledby="page-heading">
      <h1 id="page-heading">Import &amp; backup</h1>
      <p>Everything stays in this browser. Nothing is sent anywhere.</p>
      <UpdateNotice />
      <ImportWizard db={db} worker={importWorker} />
      <BackupPanel db={db} />
      <DemoPanel db={db} worker={demoWorker} />
    </main>
  );
}
