import { type ComponentChild, render } from 'preact';
import { BADGE_HOST_TAG } from './ui-contract';

/**
 * The host's own style, important and inline, which beats any rule in the page's style sheets:
 * a page cannot hide the badge, make it see-through, move it or stretch it over its own
 * controls to take the rep's click. (Page scripts can still change the attribute: this holds
 * against the page's CSS, not against its code.)
 */
const HOST_STYLE = [
  'all: initial',
  'display: inline-block',
  'width: 44px',
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

/**
 * Render UI at `anchor` inside a closed shadow root: the page's scripts cannot
 * reach into it (host.shadowRoot is null for them), the host carries no
 * attributes, and the page's styles do not reach in. The UI styles itself.
 */
export function mountClosed(anchor: Element, place: 'after' | 'append', ui: ComponentChild) {
  const host = document.createElement(BADGE_HOST_TAG) as HTMLElement;
  host.style.cssText = HOST_STYLE;
  const shadow = host.attachShadow({ mode: 'closed' });
  render(ui, shadow);
  placeAt(host, anchor, place);
  return {
    host,
    shadow,
    update: (next: ComponentChild) => render(next, shadow),
    move: (to: Element, at: 'after' | 'append') => placeAt(host, to, at),
    remove: () => {
      render(null, shadow);
      host.remove();
    },
  };
}

function placeAt(host: Element, anchor: Element, place: 'after' | 'append'): void {
  if (place === 'after') anchor.after(host);
  else anchor.append(host);
}
