import { useEffect, useState } from 'preact/hooks';
import { onDatabaseUpgradedElsewhere } from '@/lib/db/db';

/** Tells the rep to reload when an updated Quotewise upgraded the database under this page. */
export function UpdateNotice() {
  const [upgraded, setUpgraded] = useState(false);
  useEffect(() => onDatabaseUpgradedElsewhere(() => setUpgraded(true)), []);
  if (!upgraded) return null;
  return (
    <div role="alert" class="update-notice">
      Quotewise was updated while this page was open. Reload it to go on; nothing you saved is lost.{' '}
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
