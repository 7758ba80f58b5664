import type { Sighting, SiteAdapter } from '../adapters/types';
import type { LookupResult } from '../messaging/lookup';
import type { BadgeProps } from '@/components/Badge';
import type { FromCard } from '../card/channel';
import type { ContentApi } from './api';
import { createHostRules } from './host-rules';
import { createLookups } from './lookups';
import { createBusyList } from './busy-list';
import { createOnScreen } from './on-screen';
import { type BadgeState, missingQueries, queriesOf, sameState, sightingKey, stateFor } from './state';
import type { BadgeUi, MountedBadge } from './ui-contract';

interface Shown {
  key: string;
  sighting: Sighting;
  state: BadgeState;
  mounted: MountedBadge;
  dark: boolean;
  /** Whether `dark` was read from the page yet, or is still the page's last theme carried over. */
  themeRead: boolean;
  open: boolean;
}

export interface BadgeControllerOptions {
  adapter: SiteAdapter;
  api: ContentApi;
  location: () => URL;
  /** The badge UI, loaded the first time there is a badge to show. */
  loadUi: () => Promise<BadgeUi>;
  /** Aborting it removes every badge and stops every timer the controller started. */
  signal: AbortSignal;
  /**
   * Whether the page is being rested for changing without pause (observe.ts): an answer that comes
   * meanwhile is kept for the look that ends the rest, instead of reading a page that has changed again.
   */
  resting?: () => boolean;
}

/**
 * Keeps one badge next to each customer the adapter sees: mounts badges for new
 * sightings, removes those whose customer left the page, asks the background only
 * for what it has not answered yet (batched and within a budget: lookups.ts), and
 * re-asks for the accounts whose health changed.
 */
export function createBadgeController({ adapter, api, location, loadUi, signal, resting = () => false }: BadgeControllerOptions) {
  const shown = new Map<Element, Shown>();
  /** Badges taken off the page, whole, to be put back for the next customers (at most KEPT_OFF_PAGE). */
  const kept: Shown[] = [];
  /** Answers from host rules; the background's are remembered by `lookups`. */
  const answers = new Map<string, LookupResult>();
  const hostRules = createHostRules();
  const lookups = createLookups({
    lookup: api.lookup,
    missing: () => missingQueries(sightings, settled),
    // Read the page again rather than render the last scan's sightings: on a page that changed
    // meanwhile, a badge for who has gone would be built only to be removed.
    answered: (results, lists) => {
      for (const [, result] of results) hostRules.learn(result);
      listsShown = lists ?? listsShown;
      // On a page replacing its people every frame, reading it now finds others again, and asks about them.
      if (!resting()) scan();
    },
    signal,
  });
  const onScreen = createOnScreen(scan, signal);
  const busyList = createBusyList({ onStill: scan, shown: (anchor) => shown.has(anchor), signal });
  let sightings: Sighting[] = [];
  let ui: BadgeUi | undefined;
  let uiFailed = false;
  let lastDark = matchMedia('(prefers-color-scheme: dark)').matches;
  let themeCheckQueued = false;
  let themeReadOnce = false;
  /** Email suggestions the rep dismissed in a card, by event id: not offered again while the page lives. */
  const dismissedOffers = new Set<string>();
  /** The signed-in rep's address, once the page has shown it; `null` after the rep said it is a customer's. */
  let ownAddress: string | null | undefined;
  /** The rep's "Show health in message lists": the background says with every answer, and when the rep changes it. */
  let listsShown = true;

  function withUi(): BadgeUi | undefined {
    if (!ui && !uiFailed) {
      loadUi().then(
        (loaded) => {
          ui = loaded;
          render();
        },
        () => {
          uiFailed = true;
        },
      );
    }
    return ui;
  }

  const answer = (key: string) => answers.get(key) ?? lookups.answer(key);

  function scan(): void {
    if (signal.aborted) return;
    try {
      if (ownAddress === undefined) ownAddress = adapter.ownAddress?.(document);
      const found = adapter.find(document, location());
      sightings = listsShown ? busyList.keep(onScreen(found)) : onScreen(found.filter((sighting) => !sighting.list));
    } catch {
      // A page whose structure changed costs nothing: no badge, no error.
      sightings = [];
    }
    for (const { email } of sightings) {
      const known = email && !answer(`e:${email}`) ? hostRules.answer(email) : undefined;
      if (known) answers.set(`e:${email}`, known);
    }
    render();
    ask();
  }

  function render(): void {
    // Each anchor's sighting and what it shows, worked out once per render.
    const wanted = new Map<Element, { sighting: Sighting; state: BadgeState | null | undefined }>();
    for (const sighting of sightings) {
      const held = wanted.get(sighting.anchor);
      // A message list row's mark is for the first of its senders who is an account.
      if (held && !(sighting.list && held.state?.kind !== 'account')) continue;
      const state = stateFor(sighting, answer, ownAddress ?? undefined);
      if (!held || state?.kind === 'account') wanted.set(sighting.anchor, { sighting, state });
    }
    // Badges whose customer left move to the customers who came: opening the next email
    // swaps one message for another, and moving a badge costs far less than building one.
    const spare: Shown[] = [];
    for (const [anchor, badge] of shown) {
      const sighting = wanted.get(anchor)?.sighting;
      if (!sighting || sightingKey(sighting) !== badge.key || !anchor.isConnected || !badge.mounted.host.isConnected) spare.push(release(anchor));
    }
    for (const [anchor, { sighting, state: shows }] of wanted) {
      let state = shows;
      // A list row with no account among its senders keeps an empty slot of the mark's size: a mark on
      // customers' rows only would tell the page which senders are customers.
      if (sighting.list && state !== undefined && state?.kind !== 'account') state = LIST_SLOT;
      const badge = shown.get(anchor);
      if (state === undefined) continue; // still asking: keep what is shown
      if (state === null) {
        if (badge) spare.push(release(anchor));
        continue;
      }
      if (badge) {
        if (!sameState(badge.state, state)) {
          badge.state = state;
          draw(badge);
        }
        continue;
      }
      const loaded = withUi();
      if (!loaded) continue; // mounted once the UI has loaded
      // A badge that shows the same already moves without being drawn again: when a list re-renders, each mark goes with its sender.
      const { moved, alike } = reuse(spare, sighting, state) ?? reuse(kept, sighting, state) ?? {};
      if (moved) {
        moved.mounted.move(anchor, sighting.place);
        // A mark moved from row to row of a message list stays on the list's background: the theme read for it holds.
        const themeRead = moved.themeRead && moved.sighting.list === true && sighting.list === true;
        const dark = themeRead ? moved.dark : lastDark;
        // A spare that shows the same (`alike`) needs no drawing; any other spare shows something else.
        const redraw = moved.open || moved.dark !== dark || !alike;
        Object.assign(moved, { key: sightingKey(sighting), sighting, state, dark, themeRead, open: false });
        if (redraw) draw(moved);
        shown.set(anchor, moved);
        if (!themeRead) queueThemeCheck();
      } else {
        const fresh: Shown = { key: sightingKey(sighting), sighting, state, dark: lastDark, themeRead: false, open: false, mounted: undefined! };
        fresh.mounted = loaded.mount(anchor, sighting.place, props(fresh));
        shown.set(anchor, fresh);
        queueThemeCheck();
      }
    }
    // A few go off the page whole, for the next customers: a page that swaps its people (an address
    // changed in place, a message replaced) would otherwise build a badge for each one. A busy list's
    // rows that wait to be marked keep theirs too, for when the list is still.
    const keptAtMost = KEPT_OFF_PAGE + busyList.waiting;
    for (const badge of spare) {
      if (kept.length < keptAtMost && !badge.open) {
        badge.mounted.host.remove();
        kept.push(badge);
      } else badge.mounted.remove();
    }
    for (const badge of kept.splice(keptAtMost)) badge.mounted.remove();
    // Forget host-rule answers no badge needs any more (they cost nothing to work out again): memory
    // stays flat however many emails the rep opens. The background's answers are remembered longer.
    if (answers.size > ANSWERS_KEPT) {
      const needed = new Set(sightings.flatMap(queriesOf));
      for (const key of answers.keys()) if (!needed.has(key)) answers.delete(key);
    }
  }

  /** Answered, or being asked: not to be asked again. */
  const settled = (key: string) => answers.has(key) || lookups.settled(key);

  /**
   * Ask the background for what the page shows and nobody answered yet. Most scans find nothing new,
   * and find it without building the batch. `afterWrite`: the background broadcast a write, asked
   * about at once, outside the page's budget (lookups.ts).
   */
  function ask(afterWrite = false): void {
    if (!sightings.some((sighting) => queriesOf(sighting).some((key) => !settled(key)))) return;
    if (afterWrite) lookups.requestChanged();
    else lookups.request();
  }

  function props(badge: Shown): BadgeProps {
    return {
      state: badge.state,
      list: badge.sighting.list === true,
      dark: badge.dark,
      open: badge.open,
      onToggle: () => setOpen(badge, !badge.open),
      onClose: () => setOpen(badge, false),
      onCardMessage: (message) => fromCard(badge, message),
      dismissedOffers: () => [...dismissedOffers],
    };
  }

  /** What the badge's card (an extension frame) says; its writes went to the background from the card, and their broadcast refreshes the badges. */
  function fromCard(badge: Shown, { type, id }: FromCard): void {
    if (!badge.open) return;
    if (type === 'close') setOpen(badge, false);
    else if (type === 'dismissOffer' && id) dismissedOffers.add(id);
    else if (type === 'notOwn') {
      // A customer after all, for this page.
      ownAddress = null;
      setOpen(badge, false);
      render();
    } else if (type === 'ownClaimed') {
      // Saved: the background answers for the rep's address from now on; ask it again.
      ownAddress = null;
      setOpen(badge, false, false);
      refresh([]);
    }
  }

  /**
   * A new badge starts in the page's last theme; the page's own theme is read once
   * the page has painted, its styles computed, so reading them is free. Reading it at
   * mount time forced an extra style pass over the whole new message, every time.
   * A page's theme rarely changes, so after the first read the badges placed within
   * a second share one check.
   */
  function queueThemeCheck(): void {
    if (themeCheckQueued) return;
    themeCheckQueued = true;
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', cancel);
      themeCheckQueued = false;
      themeReadOnce = true;
      if (signal.aborted) return;
      for (const [anchor, badge] of shown) {
        if (badge.themeRead) continue;
        badge.themeRead = true;
        lastDark = ui!.isDarkAt(anchor);
        if (badge.dark !== lastDark) {
          badge.dark = lastDark;
          draw(badge);
        }
      }
    }, themeReadOnce ? THEME_RECHECK_MS : THEME_FIRST_CHECK_MS);
    const cancel = () => clearTimeout(timer);
    signal.addEventListener('abort', cancel, { once: true });
  }

  function draw(badge: Shown): void {
    badge.mounted.update(props(badge));
  }

  function setOpen(badge: Shown, open: boolean, returnFocus = true): void {
    for (const other of shown.values()) if (other !== badge && other.open) setOpen(other, false, false);
    if (badge.open === open) return;
    badge.open = open;
    // The rep asked for the card: one style read, on their click, so it matches the page's theme
    // now, even if the site switched theme after this badge was placed.
    if (open) lastDark = badge.dark = ui!.isDarkAt(badge.sighting.anchor);
    draw(badge);
    // The card places itself and takes focus (the badge UI); closing gives focus back to the pill,
    // the root's first button, without scrolling the page to it.
    if (!open && returnFocus) pillOf(badge)?.focus({ preventScroll: true });
  }

  /** These accounts changed (or an account was created): ask again for them and for every customer not known yet. */
  function refresh(accountIds: readonly string[]): void {
    const changed = new Set(accountIds);
    const stale = (result: LookupResult) => !result.account || changed.has(result.account.id);
    hostRules.clear();
    for (const [key, result] of answers) if (stale(result)) answers.delete(key);
    lookups.forget(stale);
    ask(true);
  }

  /**
   * Close any card whose badge was not clicked. Focus goes back to its badge once the click is
   * over, unless the click put it somewhere (a field, a link): the rep's click wins.
   */
  function dismissOutside(event: Event): void {
    for (const badge of shown.values()) {
      if (!badge.open || event.composedPath().includes(badge.mounted.host)) continue;
      setOpen(badge, false, false);
      const pill = pillOf(badge);
      const giveBack = () => {
        if (!document.activeElement || document.activeElement === document.body) pill?.focus({ preventScroll: true });
      };
      document.addEventListener('pointerup', giveBack, { capture: true, once: true, signal });
    }
  }

  const pillOf = (badge: Shown) => badge.mounted.shadow.querySelector<HTMLElement>('button');

  /** Stop showing the badge at `anchor`; the caller moves it to another customer or removes it. */
  function release(anchor: Element): Shown {
    const badge = shown.get(anchor)!;
    shown.delete(anchor);
    return badge;
  }

  signal.addEventListener('abort', () => {
    for (const anchor of [...shown.keys()]) release(anchor).mounted.remove();
    for (const badge of kept.splice(0)) badge.mounted.remove();
    ui?.dispose();
    answers.clear();
    hostRules.clear();
    sightings = [];
  }, { once: true });

  /** Whether a badge is shown at this anchor. */
  const badged = (anchor: Element): boolean => shown.has(anchor);

  /** The rep switched "Show health in message lists" on or off: the lists' marks come or go now. */
  function showLists(shown: boolean): void {
    listsShown = shown;
    scan();
  }

  return { scan, refresh, showLists, dismissOutside, badged, get size() { return shown.size; } };
}

const LIST_SLOT: BadgeState = { kind: 'blank' };

/** Badges kept off the page for reuse: what one message's people need, and little memory. */
const KEPT_OFF_PAGE = 4;

/** Take a badge from `from` for this sighting: one that already shows `state` (`alike`, nothing to draw), else any. */
function reuse(from: Shown[], sighting: Sighting, state: BadgeState): { moved: Shown; alike: boolean } | undefined {
  const index = from.findIndex((badge) => badge.sighting.list === sighting.list && sameState(badge.state, state));
  const moved = index < 0 ? from.pop() : from.splice(index, 1)[0];
  return moved && { moved, alike: index >= 0 };
}

/** Host-rule answers kept before those no badge needs are forgotten: a thread's worth, so a busy page does not prune on every scan. */
const ANSWERS_KEPT = 16;

/** Long enough for the page to have painted the change that brought the badge, so its styles are computed. */
const THEME_FIRST_CHECK_MS = 100;
const THEME_RECHECK_MS = 1000;
