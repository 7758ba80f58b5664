import { type ComponentChild, render } from 'preact';

export const BADGE_HOST_TAG = 'quotewise-badge';

/**
 * Render UI next to `anchor` inside a closed shadow root: the page's scripts
 * cannot reach into it (host.shadowRoot is null for them) and its styles
 * cannot leak in or out. Styles go in as text content, never parsed HTML.
 */
export function mountClosed(anchor: Element, ui: ComponentChild, css: string): { update(ui: ComponentChild): void; remove(): void } {
  const host = document.createElement(BADGE_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('span');
  shadow.append(style, container);
  render(ui, container);
  anchor.after(host);
  return {
    update: (next) => render(next, container),
    remove: () => {
      render(null, container);
      host.remove();
    },
  };
}
