import { render } from 'preact';
import { CardPage, type CardActions } from '@/components/CardPage';
import { CARD_PAINTED_MARK, Handshake, type FromCard } from '@/lib/card/channel';
import { HideCardSchema, ShowCardSchema } from '@/lib/card/show';
import { request } from '@/lib/messaging/client';

/**
 * The card behind a badge (components/CardFrame.tsx opens it), started by entrypoints/card-page.ts. It
 * waits for the one port that comes with the secret in its own address, then shows what the
 * badge sends down it.
 */
const secret = location.hash.slice(1);
const app = document.querySelector('#app')!;

/** Take the badge's port, from the messages that came while this module loaded and from those to come. */
export function startCardPage(early: readonly MessageEvent[]): void {
  for (const event of early) if (accept(event)) return;
  const listen = (event: MessageEvent) => {
    if (accept(event)) removeEventListener('message', listen);
  };
  addEventListener('message', listen);
}

function accept(event: MessageEvent): boolean {
  const handshake = Handshake.safeParse(event.data);
  const port = event.ports[0];
  if (!handshake.success || handshake.data.quotewiseCard !== secret || !port) return false;
  const tell = (message: FromCard) => port.postMessage(message);
  const actions: CardActions = {
    tell,
    open: async (page, accountId, form, offer) => void (await request('ui.open', { page, accountId, form, prefill: offer?.prefill })),
    // The id is picked here, once: a retry of this request (the service worker restarted) gets the same account back.
    createAccount: (input) => request('accounts.create', { id: crypto.randomUUID(), ...input }),
    dismissWarning: async (input) => void (await request('warnings.dismiss', input)),
    claimOwn: async (email) => void (await request('settings.claimOwn', { email })),
    hasEvent: async (accountId, id) => (await request('events.has', { accountId, id })).exists,
  };
  let generation = 0;
  port.onmessage = (message: MessageEvent) => {
    if (HideCardSchema.safeParse(message.data).success) return render(null, app);
    const show = ShowCardSchema.safeParse(message.data);
    if (!show.success) return;
    // A new generation is a new card: fresh state, and its heading takes focus.
    render(<CardPage key={show.data.generation} show={show.data} actions={actions} />, app);
    if (show.data.generation !== generation) {
      generation = show.data.generation;
      // Each card's first paint, for `npm run bench` (click → card painted): a task queued from the frame's rendering runs once it is painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark(CARD_PAINTED_MARK)));
    }
  };
  tell({ type: 'ready' });
  return true;
}

// The badge gives the frame focus once the card is drawn; the card's heading takes it then.
addEventListener('focus', () => {
  if (document.activeElement === document.body) document.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
});
