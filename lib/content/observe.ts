import { BADGE_HOST_TAG } from './ui-contract';

export interface SelectorWatch {
  /**
   * Drop the changes not reported yet. A scan that has just read the whole page calls
   * this: what is pending happened before it (it saw the result) or is its own badges.
   */
  forgetPending(): void;
  /** Whether the page is being rested (see `restMs`): not listened to until the look that ends the rest. */
  resting(): boolean;
}

export interface WatchOptions {
  selector: string;
  /** Attributes whose change in place means "look again", on an element that matches or is badged. */
  attributes?: readonly string[];
  /** Whether a badge is shown at this element: one that stops matching must still be looked at again. */
  badged?: (element: Element) => boolean;
  /** Called instead of `onChange` when the only changes are `attributes` changing in place (the caller may pace those). */
  inPlace?: () => void;
  /** In-place changes closer together than this, or people added or removed faster than MAX_BURST in this long: stop observing for this long (longer while they keep coming), then call `onChange` once. */
  restMs?: number;
}

/**
 * Call `onChange` when an element matching `selector` is added to or removed from
 * the page, when one of `attributes` changes on an element that matches or carries a
 * badge, or when the page removes one of our badges. One MutationObserver for the
 * page; each mutation only looks at its own nodes (never the whole document), and
 * the caller coalesces a burst of calls into one scan.
 */
export function watchSelector(root: Node, { selector, attributes = [], badged = () => false, inPlace, restMs }: WatchOptions, onChange: () => void, signal: AbortSignal): SelectorWatch {
  const relevant = (node: Node, removed: boolean): boolean => {
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    if (element.localName === BADGE_HOST_TAG) return removed;
    // Pages add containers far more often than the customer's own element: look inside first.
    return element.querySelector(selector) !== null || element.matches(selector);
  };
  const changed = (element: Element): boolean => element.matches(selector) || badged(element);
  const observe = () => observer.observe(root, { childList: true, subtree: true, ...(attributes.length > 0 && { attributeFilter: [...attributes] }) });
  let lastInPlace = -Infinity;
  /** When the last rest ended: a person added or removed this soon after means the page is still at it. */
  let restedAt = -Infinity;
  let burstAt = -Infinity;
  let burst = 0;
  let rest = restMs ?? 0;
  let resting: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    let changedInPlace = false;
    let added = false;
    for (const record of records) {
      for (const node of record.addedNodes) added ||= relevant(node, false);
      for (const node of record.removedNodes) added ||= relevant(node, true);
      changedInPlace ||= record.type === 'attributes' && changed(record.target as Element);
    }
    if (!added && !changedInPlace) return;
    const now = performance.now();
    if (now - burstAt > (restMs ?? 0)) {
      burstAt = now;
      burst = 0;
    }
    burst++;
    // A rep opening messages one after another (the badge bench opens 15 a second) is answered at
    // once every time; a page adding and removing people faster than MAX_BURST per restMs, or
    // changing an address twice within restMs, would wake this world at every change: stop
    // listening for a while, then look once at the whole page, which sees whatever changed
    // meanwhile. The rest doubles while the page keeps at it, up to MAX_REST_FACTOR times.
    if (restMs !== undefined && (added ? burst > MAX_BURST || now - restedAt < restMs : now - lastInPlace < restMs)) {
      observer.disconnect();
      resting = setTimeout(() => {
        resting = undefined;
        if (signal.aborted) return;
        observe();
        lastInPlace = restedAt = performance.now();
        onChange();
      }, rest);
      rest = Math.min(rest * 2, restMs * MAX_REST_FACTOR);
    } else {
      if (restMs !== undefined) rest = restMs;
      if (added) return onChange();
      lastInPlace = now;
      (inPlace ?? onChange)();
    }
  });
  observe();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(resting);
  }, { once: true });
  return { forgetPending: () => void observer.takeRecords(), resting: () => resting !== undefined };
}

/** How much longer than `restMs` a page that never stops changing addresses is left alone: 1 s at 250 ms. */
const MAX_REST_FACTOR = 4;
/** People added or removed within restMs that are each looked at at once: 24 a second, over the 15 a second of the badge bench. */
const MAX_BURST = 6;

/**
 * Run `task` at once, then at most once per `ms` while calls keep coming; a call within
 * the window runs it when the window ends, so the last change is always seen.
 */
export function pace(task: () => void, ms: number, signal: AbortSignal): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  const run = () => {
    task();
    timer = setTimeout(() => {
      timer = undefined;
      if (again) {
        again = false;
        run();
      }
    }, ms);
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => {
    if (timer === undefined) run();
    else again = true;
  };
}

/** Run `task` once when `schedule` fires, however often this is called before then. */
export function coalesce(task: () => void, schedule: (callback: () => void) => unknown): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      task();
    });
  };
}
