import type { Sighting } from '../adapters/types';

/**
 * A message list that the page builds again within this long of its last change is busy: a list
 * loading in parts, a burst of new mail, a rep paging quickly, or a page rebuilding it every frame.
 */
export const LIST_STILL_MS = 400;

/** Rows above and below those on screen that are marked too: mail arriving at the top moves every row down. */
const PAD_ROWS = 2;

export interface BusyListOptions {
  /** The list has been still for LIST_STILL_MS after being busy: every row is to be marked now. */
  onStill: () => void;
  /** Whether a mark is shown at this row's anchor already: it stays, busy or not. */
  shown: (anchor: Element) => boolean;
  signal: AbortSignal;
}

/**
 * Keeps the message-list sightings to mark now. A still list gets every row marked at once, as a
 * screen reader reading it expects. While the list is busy, the rows on screen (and two more each
 * side) get their marks, still in the frame that first shows them, and marks rows already have
 * stay; the other rows get theirs once the list has been still for LIST_STILL_MS. A list rebuilt
 * several times a second is not being read, and a mark in each of its 100 rows at every rebuild
 * cost the page's renderer 7 to 9% more work (`npm run bench`, lists, where the marks of the rows
 * on screen cost 0 to 3%).
 *
 * Which rows are on screen is measured when a busy spell starts, and again after the page scrolled
 * or was resized: it reads the layout of a list the page has just rebuilt, which lays it out at
 * once. In between, the rows at the same places are taken to be on screen: a list's rows keep
 * their height.
 */
export function createBusyList({ onStill, shown, signal }: BusyListOptions) {
  let anchors: Element[] = [];
  let changedAt = -Infinity;
  let busy = false;
  let measured = false;
  let from = Infinity;
  let to = -Infinity;
  let waiting = 0;
  let still: ReturnType<typeof setTimeout> | undefined;
  // Capturing: the list may scroll in a box of its own, whose scroll events do not bubble.
  for (const type of ['scroll', 'resize']) addEventListener(type, () => (measured = false), { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => clearTimeout(still), { once: true });

  return {
    /** The sightings to mark now: all of them, or, while the list is busy, all but the list rows away from the screen. */
    keep(sightings: Sighting[]): Sighting[] {
      const rows: Element[] = [];
      for (const sighting of sightings) if (sighting.list && rows[rows.length - 1] !== sighting.anchor) rows.push(sighting.anchor);
      if (rows.length !== anchors.length || rows.some((row, index) => row !== anchors[index])) {
        const now = performance.now();
        if (now - changedAt < LIST_STILL_MS && rows.length > 0) {
          // A spell starting measures again.
          if (!busy) measured = false;
          busy = true;
          clearTimeout(still);
          still = setTimeout(() => {
            busy = false;
            onStill();
          }, LIST_STILL_MS);
        }
        changedAt = now;
        anchors = rows;
      }
      waiting = 0;
      if (!busy) return sightings;
      if (!measured) {
        measured = true;
        // A hidden list has no row on screen, and none is marked until it stands still.
        const onScreen = rows.flatMap((row, index) => {
          const box = row.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight ? [index] : [];
        });
        from = (onScreen[0] ?? Infinity) - PAD_ROWS;
        to = (onScreen[onScreen.length - 1] ?? -Infinity) + PAD_ROWS;
      }
      const marked = new Set(rows.filter((row, index) => (index >= from && index <= to) || shown(row)));
      waiting = rows.length - marked.size;
      return sightings.filter((sighting) => !sighting.list || marked.has(sighting.anchor));
    },
    /** How many list rows the last `keep` held back for the list to be still: their marks can wait off the page, whole, meanwhile. */
    get waiting() {
      return waiting;
    },
  };
}
