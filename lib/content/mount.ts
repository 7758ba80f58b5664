import { type ComponentChild, render } from 'preact';
import { BADGE_HOST_TAG } from './ui-contract';

/**
 * Render UI at `anchor` inside a closed shadow root: the page's scripts cannot
 * reach into it (host.shadowRoot is null for them), the host carries no
 * attributes, and styles cannot leak in or out. Styles go in as text content,
 * never parsed HTML.
 */
export function mountClosed(anchor: Element, place: 'after' | 'append', ui: ComponentChild, css: string) {
  const host = document.createElement(BADGE_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('span');
  shadow.append(style, container);
  render(ui, container);
  if (place === 'after') anchor.after(host);
  else anchor.append(host);
  return {
    host,
    shadow,
    update: (next: ComponentChild) => render(next, container),
    remove: () => {
      render(null, container);
      host.remove();
    },
  };
}
