/**
 * The card page. Chrome may load it once more as its extension goes (updated or disabled), with
 * no extension API left: then it does nothing, rather than fail loading the API's polyfill. The
 * badge's handshake can arrive while the card's module loads: it is kept for it.
 */
const early: MessageEvent[] = [];
const keep = (event: MessageEvent) => void early.push(event);
addEventListener('message', keep);
if ((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) {
  void import('@/components/card-page-start').then(({ startCardPage }) => {
    removeEventListener('message', keep);
    startCardPage(early);
  });
}
