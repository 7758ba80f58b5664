import { type MockInstance, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sighting } from '@/lib/adapters/types';
import { LIST_STILL_MS, createBusyList } from '@/lib/content/busy-list';

const ROW_HEIGHT = 40;

/** A list of `count` rows, each with one sender (two for every fifth row: "me, Jane"), and an open message's person. */
function page(count: number) {
  const rows: Element[] = Array.from({ length: count }, () => document.createElement('span'));
  const list: Sighting[] = rows.flatMap((anchor, index) => {
    const sighting = { anchor, place: 'before' as const, email: `buyer${index}@acme.com`, list: true as const };
    return index % 5 === 0 ? [sighting, { ...sighting, email: `jane${index}@globex.com` }] : [sighting];
  });
  const person: Sighting = { anchor: document.createElement('span'), place: 'after', email: 'jo@acme.com' };
  return { rows, sightings: [person, ...list] };
}

describe('a busy message list', () => {
  let running: AbortController;
  let scrolled = 0;
  /** Each row's box: ROW_HEIGHT tall, in order from the top of the list, scrolled by `scrolled`. */
  const boxes = new Map<Element, number>();
  let box: MockInstance<(this: Element) => DOMRect>;
  const rowBox = (anchor: Element) => {
    const top = boxes.get(anchor)! * ROW_HEIGHT - scrolled;
    return { top, bottom: top + ROW_HEIGHT } as DOMRect;
  };
  const onScreen = () => Math.ceil(innerHeight / ROW_HEIGHT);

  function start(shown: (anchor: Element) => boolean = () => false) {
    const onStill = vi.fn();
    const busy = createBusyList({ onStill, shown, signal: running.signal });
    return { busy, onStill };
  }
  /** The page rebuilds its list: new row elements, at the same places. */
  function rebuilt(count: number) {
    const built = page(count);
    built.rows.forEach((row, index) => boxes.set(row, index));
    return built;
  }
  const listRows = (sightings: Sighting[]) => new Set(sightings.filter((s) => s.list).map((s) => s.anchor));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    running = new AbortController();
    scrolled = 0;
    box = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return rowBox(this);
    });
  });
  afterEach(() => {
    running.abort();
    vi.useRealTimers();
  });

  it('marks every row of a list that appears, and of one rebuilt after standing still', () => {
    const { busy, onStill } = start();
    const first = rebuilt(100);
    expect(busy.keep(first.sightings)).toEqual(first.sightings);
    vi.advanceTimersByTime(LIST_STILL_MS);
    const next = rebuilt(100);
    expect(busy.keep(next.sightings)).toEqual(next.sightings);
    expect(busy.waiting).toBe(0);
    expect(box).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LIST_STILL_MS * 2);
    expect(onStill).not.toHaveBeenCalled();
  });

  it('rebuilt again within LIST_STILL_MS: marks the rows on screen and two more each side, keeps the other sightings, and marks the rest once still', () => {
    const { busy, onStill } = start();
    busy.keep(rebuilt(100).sightings);
    vi.advanceTimersByTime(LIST_STILL_MS - 1);
    const { rows, sightings } = rebuilt(100);
    const kept = busy.keep(sightings);
    const near = rows.slice(0, onScreen() + 2);
    expect(listRows(kept)).toEqual(new Set(near));
    // Both senders of a group row on screen, and the open message's person.
    expect(kept.filter((s) => s.anchor === rows[0])).toHaveLength(2);
    expect(kept[0]!.email).toBe('jo@acme.com');
    expect(busy.waiting).toBe(100 - near.length);
    // Still for LIST_STILL_MS after its last change: every row, once.
    vi.advanceTimersByTime(LIST_STILL_MS - 1);
    expect(onStill).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStill).toHaveBeenCalledTimes(1);
    expect(busy.keep(sightings)).toEqual(sightings);
    expect(busy.waiting).toBe(0);
  });

  it('keeps rebuilding as busy while changes keep coming, each within LIST_STILL_MS of the last; the still call waits for the last', () => {
    const { busy, onStill } = start();
    busy.keep(rebuilt(100).sightings);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(LIST_STILL_MS / 2);
      const { rows, sightings } = rebuilt(100);
      expect(listRows(busy.keep(sightings)).size).toBe(onScreen() + 2);
      expect(listRows(busy.keep(sightings)).has(rows[99]!)).toBe(false);
    }
    expect(onStill).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LIST_STILL_MS);
    expect(onStill).toHaveBeenCalledTimes(1);
  });

  it('keeps the marks rows already have, busy or not: mail arriving at the top leaves the rows below as they were', () => {
    const first = rebuilt(100);
    const { busy } = start((anchor) => (first.rows as Element[]).includes(anchor));
    busy.keep(first.sightings);
    vi.advanceTimersByTime(10);
    // Two new rows at the top; the hundred below are the same elements.
    const arrived = page(2);
    const rows = [...arrived.rows, ...first.rows];
    rows.forEach((row, index) => boxes.set(row, index));
    const sightings = [...arrived.sightings.slice(1), ...first.sightings.slice(1)];
    expect(listRows(busy.keep(sightings))).toEqual(new Set(rows));
  });

  it('measures which rows are on screen once a busy spell starts, and again only after a scroll or a resize', () => {
    const { busy } = start();
    busy.keep(rebuilt(100).sightings);
    vi.advanceTimersByTime(10);
    busy.keep(rebuilt(100).sightings);
    // Each row's box, once.
    const reads = box.mock.calls.length;
    expect(reads).toBe(100);
    vi.advanceTimersByTime(10);
    busy.keep(rebuilt(100).sightings);
    expect(box).toHaveBeenCalledTimes(reads);
    // The rep scrolls the list half way down: the next rebuild marks the rows then on screen.
    scrolled = 50 * ROW_HEIGHT;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(10);
    const { rows, sightings } = rebuilt(100);
    expect(listRows(busy.keep(sightings))).toEqual(new Set(rows.slice(48, 50 + onScreen() + 2)));
    window.dispatchEvent(new Event('resize'));
    busy.keep(sightings);
    expect(box.mock.calls.length).toBeGreaterThan(2 * reads);
  });

  it('marks no row of a busy list that has no box on screen (hidden), until it is still', () => {
    const { busy, onStill } = start();
    busy.keep(rebuilt(20).sightings);
    vi.advanceTimersByTime(10);
    const { sightings } = rebuilt(20);
    box.mockImplementation(() => ({ top: 0, bottom: 0 }) as DOMRect);
    expect(busy.keep(sightings)).toEqual(sightings.filter((s) => !s.list));
    vi.advanceTimersByTime(LIST_STILL_MS);
    expect(onStill).toHaveBeenCalledTimes(1);
  });

  it('stops its timer and its listeners when its signal is aborted', () => {
    const { busy, onStill } = start();
    busy.keep(rebuilt(100).sightings);
    vi.advanceTimersByTime(10);
    busy.keep(rebuilt(100).sightings);
    running.abort();
    vi.advanceTimersByTime(LIST_STILL_MS);
    expect(onStill).not.toHaveBeenCalled();
  });
});
