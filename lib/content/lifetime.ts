import { browser } from 'wxt/browser';

/**
 * The badge content script's own lifetime, in place of WXT's ContentScriptContext
 * (lib/content/wxt-context-stub.ts says why). Nothing here is visible to the page or
 * can be driven by it: no event on the page's DOM, no postMessage, no extension id.
 */
export interface Lifetime {
  /** Everything the script starts hangs off this signal: aborting it removes every badge and listener. */
  signal: AbortSignal;
  /** Whether the extension is still there; aborts `signal` once it is not (updated, reloaded or disabled). */
  alive(): boolean;
}

/**
 * Asking the browser whether the extension is still there costs about as much as a
 * document-wide query (profiled): it is asked at most once a second, so an orphaned
 * script removes its badges on its first scan a second after the last check.
 */
const ALIVE_CHECK_MS = 1000;
/** Where the browser has no Navigation API (Firefox 140): how soon an address pushed by the page is noticed. */
const LOCATION_POLL_MS = 1000;
/**
 * The running script's controller, on the content script's own global, which the page
 * cannot see or set. A second copy in the same world (the manifest's and an extra site's
 * registration both matching) stops the first, as WXT's start-up event did, unforgeably.
 */
const RUNNING = 'quotewiseBadgeScript';

export function startLifetime(): Lifetime {
  const global = globalThis as unknown as Record<string, AbortController | undefined>;
  global[RUNNING]?.abort();
  const controller = (global[RUNNING] = new AbortController());
  let checkedUntil = 0;
  return {
    signal: controller.signal,
    alive() {
      if (!controller.signal.aborted && performance.now() >= checkedUntil) {
        checkedUntil = performance.now() + ALIVE_CHECK_MS;
        if (browser.runtime?.id == null) controller.abort();
      }
      return !controller.signal.aborted;
    },
  };
}

/**
 * Call `onChange` when the page's address changes without a reload (single-page apps).
 * Every trigger only compares `location.href` with the last one seen, so an event the
 * page dispatches itself (a forged `popstate`, `currententrychange`) costs one string
 * comparison and never a rescan.
 */
export function watchLocation(onChange: () => void, signal: AbortSignal): void {
  let last = location.href;
  const compare = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    // Fires after the URL changed: pushState, replaceState, back and forward, links.
    navigation.addEventListener('currententrychange', compare, { signal });
    return;
  }
  addEventListener('popstate', compare, { signal });
  const timer = setInterval(compare, LOCATION_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
