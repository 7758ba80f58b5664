import { adapterFor } from '@/lib/adapters';
import { HOST_PERMISSIONS } from '@/lib/sites';
import { contentApi, onHealthChanged } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { loadBadgeUi } from '@/lib/content/load-ui';
import { coalesce, watchSelector } from '@/lib/content/observe';
import { answerPageCustomers } from '@/lib/content/page-customers';

const VALIDITY_CHECK_MS = 1000;

export default defineContentScript({
  matches: [...HOST_PERMISSIONS],
  runAt: 'document_idle',
  main(ctx) {
    answerPageCustomers(ctx);
    const startUrl = new URL(location.href);
    const adapter = adapterFor(startUrl);
    // An adapter that does not watch the URL ignores it (tested), so it is not parsed again on every scan.
    const here = adapter.watchUrl ? () => new URL(location.href) : () => startUrl;
    const badges = createBadgeController({ adapter, api: contentApi, location: here, loadUi: loadBadgeUi, signal: ctx.signal });
    // Asking the browser whether the extension is still there costs about as much as a
    // document-wide query (profiled): it is asked at most once a second, so an orphaned script
    // (the extension was updated or disabled) removes its badges on its first scan a second
    // after the last check.
    let validUntil = 0;
    const stillValid = () => {
      if (performance.now() < validUntil) return !ctx.signal.aborted;
      validUntil = performance.now() + VALIDITY_CHECK_MS;
      return ctx.isValid;
    };
    const scan = () => {
      if (!stillValid()) return;
      badges.scan();
      watch.forgetPending();
    };
    // The observer calls back once per burst of mutations, after them, and scans there and then.
    const watch = watchSelector(document.body, { selector: adapter.watch, attributes: adapter.watchAttributes, badged: badges.badged }, scan, ctx.signal);
    // Single-page apps change the URL without a reload: CRM records are found by their URL.
    // A navigation or the start asks for a scan a microtask later, so a burst of them makes one.
    const rescan = coalesce(scan, queueMicrotask);
    if (adapter.watchUrl) ctx.addEventListener(window, 'wxt:locationchange', rescan);
    ctx.addEventListener(document, 'pointerdown', badges.dismissOutside, { capture: true });
    onHealthChanged(badges.refresh, ctx.signal);
    rescan();
  },
});
