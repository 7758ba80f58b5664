import { type ComponentChild, render } from 'preact';
import type { Place } from '../adapters/types';
import { BADGE_HOST_TAG } from './ui-contract';

/**
 * The host's own style, important and inline, which beats any rule in the page's style sheets:
 * a page cannot hide the badge, make it see-through, move it or stretch it over its own
 * controls to take the rep's click. (Page scripts can still change the attribute: this holds
 * against the page's CSS, not against its code.)
 */
const hostStyle = (width: number) => [
  'all: initial',
  'display: inline-block',
  `width: ${width}px`,
  'height: 18px',
  'vertical-align: middle',
  'position: static',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'mask: none',
  'pointer-events: auto',
  'z-index: auto',
].map((rule) => `${rule} !important`).join(';');

/** The host's width: the badge's pill, or a message list's compact mark (components/Badge.tsx). */
export const HOST_WIDTH = { pill: 44, mark: 26 } as const;

/**
 * Render UI at `anchor` inside a closed shadow root: the page's scripts cannot
 * reach into it (host.shadowRoot is null for them), the host carries no
 * attributes, and the page's styles do not reach in. The UI styles itself.
 */
export function mountClosed(anchor: Element, place: Place, ui: ComponentChild, width: number = HOST_WIDTH.pill) {
  const host = document.createElement(BADGE_HOST_TAG) as HTMLElement;
  host.style.cssText = hostStyle(width);
  const shadow = host.attachShadow({ mode: 'closed' });
  render(ui, shadow);
  placeAt(host, anchor, place);
  return {
    host,
    shadow,
    update: (next: ComponentChild) => render(next, shadow),
    move: (to: Element, at: Place) => placeAt(host, to, at),
    /** A badge moved between a message list and a message changes size with what it shows. */
    resize: (to: number) => {
      host.style.cssText = hostStyle(to);
    },
    remove: () => {
      render(null, shadow);
      host.remove();
    },
  };
}

function placeAt(host: Element, anchor: Element, place: Place): void {
  if (place === 'after') anchor.after(host);
  else if (place === 'before') anchor.before(host);
  else anchor.append(host);
}
