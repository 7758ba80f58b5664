import { adapterFor } from '@/lib/adapters';
import { HOST_PERMISSIONS } from '@/lib/sites';
import { contentApi, onHealthChanged } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { coalesce, watchSelector } from '@/lib/content/observe';

export default defineContentScript({
  matches: [...HOST_PERMISSIONS],
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    const badges = createBadgeController({ adapter, api: contentApi, location: () => new URL(location.href) });
    const rescan = coalesce(badges.scan, (callback) => ctx.requestAnimationFrame(callback));
    watchSelector(document.body, adapter.watch, rescan, ctx.signal);
    // Single-page apps change the URL without a reload: CRM records are found by their URL.
    ctx.addEventListener(window, 'wxt:locationchange', rescan);
    ctx.addEventListener(document, 'pointerdown', badges.dismissOutside, { capture: true });
    onHealthChanged(badges.refresh, ctx.signal);
    ctx.onInvalidated(badges.stop);
    rescan();
  },
});
