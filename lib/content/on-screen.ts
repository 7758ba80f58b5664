import type { Sighting } from '../adapters/types';

/**
 * Past this many people on one page (a list of every contact, a mailing list's thread),
 * only those on screen or about to be are badged: a badge nobody can see costs a
 * lookup, a mount and memory, and a page can show any number.
 */
export const MAX_BADGED_ALL = 500;

/**
 * Keeps the sightings a page with too many people has on screen: an IntersectionObserver
 * watches their anchors only while the page has more than MAX_BADGED_ALL, and
 * `onChange` asks for a scan when one scrolls in or out.
 */
export function createOnScreen(onChange: () => void, signal: AbortSignal) {
  let observer: IntersectionObserver | undefined;
  let observed = new Set<Element>();
  const visible = new Set<Element>();

  function stop(): void {
    observer?.disconnect();
    observer = undefined;
    observed.clear();
    visible.clear();
  }
  signal.addEventListener('abort', stop, { once: true });

  return (sightings: Sighting[]): Sighting[] => {
    if (sightings.length <= MAX_BADGED_ALL || signal.aborted) {
      if (observer) stop();
      return sightings;
    }
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          if (isIntersecting) visible.add(target);
          else visible.delete(target);
        }
        onChange();
      },
      // Half a screen above and below: what the rep scrolls to is badged by the time it shows.
      { rootMargin: '50% 0px' },
    );
    const anchors = new Set(sightings.map((sighting) => sighting.anchor));
    for (const anchor of anchors) if (!observed.has(anchor)) observer.observe(anchor);
    // The observer holds what it observes: anchors the page dropped are let go.
    for (const anchor of observed) {
      if (anchors.has(anchor)) continue;
      observer.unobserve(anchor);
      visible.delete(anchor);
    }
    observed = anchors;
    return sightings.filter((sighting) => visible.has(sighting.anchor));
  };
}
