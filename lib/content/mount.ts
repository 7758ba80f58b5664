import { type ComponentChild, render } from 'preact';
import { BADGE_HOST_TAG } from './ui-contract';

/**
 * Render UI at `anchor` inside a closed shadow root: the page's scripts cannot
 * reach into it (host.shadowRoot is null for them), the host carries no
 * attributes, and the page's styles do not reach in. The UI styles itself.
 */
export function mountClosed(anchor: Element, place: 'after' | 'append', ui: ComponentChild) {
  const host = document.createElement(BADGE_HOST_TAG);
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
