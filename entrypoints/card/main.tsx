/**
 * The card page. Chrome may load it once more as its extension goes (updated or disabled), with
 * no extension API left: then it does nothing. Its code is a script of its own (entrypoints/card-page.ts),
 * loaded only while the API is there: imported from here, the bundler put it in this module's own
 * chunk, and the API's polyfill, which throws without the API, ran first. The badge's handshake can
 * arrive while that script loads: it is kept for it.
 */
import { CARD_EARLY_GLOBAL, type EarlyMessages } from '@/lib/card/early';

if ((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) {
  const events: MessageEvent[] = [];
  const keep = (event: MessageEvent) => void events.push(event);
  addEventListener('message', keep);
  const early: EarlyMessages = { events, stop: () => removeEventListener('message', keep) };
  Object.assign(globalThis, { [CARD_EARLY_GLOBAL]: early });
  const script = document.createElement('script');
  script.src = '/card-page.js';
  document.head.append(script);
}
