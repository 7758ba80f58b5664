import { adapterFor } from '@/lib/adapters';
import { contentApi, onBroadcast } from '@/lib/content/api';
import { createBadgeController } from '@/lib/content/badges';
import { startLifetime, watchLocation } from '@/lib/content/lifetime';
import { loadBadgeUi } from '@/lib/content/load-ui';
import { coalesce, pace, watchSelector } from '@/lib/content/observe';
import { answerPageCustomers } from '@/lib/content/page-customers';

export default defineContentScript({
  runAt: 'document_idle',
  // WXT's context is replaced at build time by an inert one (lib/content/wxt-context-stub.ts): the page could see and forge it.
  main() {
    const { signal, alive } = startLifetime();
    answerPageCustomers(signal);
    const startUrl = new URL(location.href);
    const adapter = adapterFor(startUrl);
    // An adapter that does not watch the URL ignores it (tested), so it is not parsed again on every scan.
    const here = adapter.watchUrl ? () => new URL(location.href) : () => startUrl;
    const badges = createBadgeController({ adapter, api: contentApi, location: here, loadUi: loadBadgeUi, signal, resting: () => watch.resting() });
    const scan = () => {
      if (!alive()) return;
      badges.scan();
      watch.forgetPending();
    };
    // The observer calls back once per burst of mutations, after them, and scans there and then.
    // An address changing in place (Outlook shows the next message in the same nodes) scans at
    // once too, but a page changing one every frame gets a scan per IN_PLACE_SCAN_MS, not per frame,
    // and is not listened to in between.
    const inPlace = pace(scan, IN_PLACE_SCAN_MS, signal);
    const watch = watchSelector(document.body, { selector: adapter.watch, attributes: adapter.watchAttributes, badged: badges.badged, inPlace, restMs: IN_PLACE_SCAN_MS }, scan, signal);
    // Single-page apps change the URL without a reload: CRM records are found by their URL.
    // A navigation or the start asks for a scan a microtask later, so a burst of them makes one.
    const rescan = coalesce(scan, queueMicrotask);
    if (adapter.watchUrl) watchLocation(rescan, signal);
    document.addEventListener('pointerdown', badges.dismissOutside, { capture: true, signal });
    onBroadcast({ healthChanged: badges.refresh, listsShown: badges.showLists }, signal);
    rescan();
  },
});

/**
 * The pace of scans for in-place changes: a rep's next message is scanned at once, while a
 * page changing an address every frame (60 a second) gets 4 scans a second instead of 60.
 * `npm run bench` (restless) measures what such a page costs its renderer.
 */
const IN_PLACE_SCAN_MS = 250;
