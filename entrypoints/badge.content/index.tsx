import { adapterFor } from '@/lib/adapters';
import { HOST_PERMISSIONS } from '@/lib/sites';
import { request } from '@/lib/messaging/client';
import { mountClosed } from '@/lib/content/mount';
import { answerPageCustomers } from '@/lib/content/page-customers';
import { Badge, BADGE_CSS } from '@/components/Badge';

export default defineContentScript({
  matches: [...HOST_PERMISSIONS],
  runAt: 'document_idle',
  main(ctx) {
    answerPageCustomers(ctx);
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const mounted = new Map<Element, { remove(): void }>();
    let scheduled = false;

    const scan = async () => {
      scheduled = false;
      const fresh = adapter.find(document, new URL(location.href)).filter((s) => !mounted.has(s.anchor) && s.email);
      if (fresh.length === 0) return;
      for (const sighting of fresh) mounted.set(sighting.anchor, { remove() {} });
      const { results } = await request('accounts.lookup', { emails: fresh.map((s) => s.email!) });
      if (ctx.isInvalid) return;
      fresh.forEach((sighting, i) => {
        const result = results[i];
        if (!result?.identity) return;
        mounted.set(sighting.anchor, mountClosed(sighting.anchor, <Badge accountName={result.account?.name ?? null} query={sighting.email!} />, BADGE_CSS));
      });
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      ctx.requestAnimationFrame(() => void scan().catch(() => undefined));
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      for (const badge of mounted.values()) badge.remove();
      mounted.clear();
    });
    schedule();
  },
});
