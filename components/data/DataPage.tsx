import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDb, onDatabaseUpgradedElsewhere } from '@/lib/db/db';
import { CsvWorker } from '@/lib/import/worker-client';
import { BackupPanel } from './BackupPanel';
import { DemoPanel } from './DemoPanel';
import { ImportWizard } from './ImportWizard';

/** The "Import & backup" page (data.html), linked from the options and history pages. */
export function DataPage() {
  const db = getDb();
  const [replaced, setReplaced] = useState(false);
  useEffect(() => onDatabaseUpgradedElsewhere(() => setReplaced(true)), []);
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
      {replaced && (
        <p role="alert" class="error">
          Quotewise was updated while this page was open. Reload the page before you import, restore or delete anything.
        </p>
      )}
      <ImportWizard db={db} worker={importWorker} />
      <BackupPanel db={db} />
      <DemoPanel db={db} worker={demoWorker} />
    </main>
  );
}
