import type { BadgeProps } from '@/components/Badge';
import type { Place } from '../adapters/types';

/**
 * The badge's UI (Preact, the badge and its card) is a separate script, injected by
 * the background the first time a page has a customer to show: pages without one
 * never pay for it, and the content script stays small. It runs in the content
 * script's isolated world and hands itself over through that world's global object,
 * which the page cannot see. It is not web-accessible, so pages cannot probe for it.
 */
export const BADGE_HOST_TAG = 'quotewise-badge';
export const BADGE_UI_SCRIPT = '/badge-ui.js';
export const BADGE_UI_GLOBAL = '__quotewiseBadgeUi';

export interface MountedBadge {
  host: Element;
  /** The closed root, for the badge's own focus handling. Never exposed to the page. */
  shadow: ShadowRoot;
  update(props: BadgeProps): void;
  /** Put this badge next to another customer: cheaper than a new one when the page swaps one message for the next. */
  move(anchor: Element, place: Place): void;
  remove(): void;
}

export interface BadgeUi {
  mount(anchor: Element, place: Place, props: BadgeProps): MountedBadge;
  /** Remove what the UI keeps for the page's life (its card frame): the content script is stopping. */
  dispose(): void;
  /** Is the page dark where the badge sits (lib/content/theme.ts)? Read only once badges are shown, so it ships here, not in the content script. */
  isDarkAt(element: Element): boolean;
}
