import { adapterFor } from '@/lib/adapters';
import { HOST_PERMISSIONS } from '@/lib/sites';
import { contentApi, onHealthChanged } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { loadBadgeUi } from '@/lib/content/load-ui';
import { coalesce, watchSelector } from '@/lib/content/observe';
import { answerPageCustomers } from '@/lib/content/page-customers';

export default defineContentScript({
  matches: [...HOST_PERMISSIONS],
  runAt: 'document_idle',
  main(ctx) {
    answerPageCustomers(ctx);
    const adapter = adapterFor(new URL(location.href));
    const badges = createBadgeController({ adapter, api: contentApi, location: () => new URL(location.href), loadUi: loadBadgeUi });
    // One scan per burst of mutations (a microtask after them), and none once the extension is gone.
    const rescan = coalesce(badges.scan, (callback) => queueMicrotask(() => ctx.isValid && callback()));
    watchSelector(document.body, adapter.watch, rescan, ctx.signal);
    // Single-page apps change the URL without a reload: CRM records are found by their URL.
    ctx.addEventListener(window, 'wxt:locationchange', rescan);
    ctx.addEventListener(document, 'pointerdown', badges.dismissOutside, { capture: true });
    onHealthChanged(badges.refresh, ctx.signal);
    ctx.onInvalidated(badges.stop);
    rescan();
  },
});
