import { BADGE_HOST_TAG } from './ui-contract';

/**
 * Call `onChange` when an element matching `selector` is added to or removed from
 * the page, or when the page removes one of our badges. One MutationObserver for
 * the page; each mutation only looks at its own added and removed nodes (never the
 * whole document), and the caller coalesces a burst of calls into one scan.
 */
export function watchSelector(root: Node, selector: string, onChange: () => void, signal: AbortSignal): void {
  const relevant = (node: Node, removed: boolean): boolean => {
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    if (element.localName === BADGE_HOST_TAG) return removed;
    return element.matches(selector) || element.querySelector(selector) !== null;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (relevant(node, false)) return onChange();
      for (const node of record.removedNodes) if (relevant(node, true)) return onChange();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
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
