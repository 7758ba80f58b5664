import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging/client';

/** The popup. Quick-log arrives with the popup issue; for now it shows that the background answers. */
export function Popup() {
  const [status, setStatus] = useState<'checking' | 'ready' | 'error'>('checking');
  useEffect(() => {
    request('ping', {}).then(
      () => setStatus('ready'),
      () => setStatus('error'),
    );
  }, []);
  return (
    <main aria-label="Quotewise">
      <h1>Quotewise</h1>
      <p role="status">
        {status === 'checking' ? 'Connecting…' : status === 'ready' ? 'Ready. Open an email from a customer to see their health badge.' : 'The background is not answering. Reload the extension.'}
      </p>
    </main>
  );
}
