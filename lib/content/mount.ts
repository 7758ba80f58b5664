import { type ComponentChild, render } from 'preact';
import { BADGE_HOST_TAG } from './ui-contract';

/**
 * Render UI at `anchor` inside a closed shadow root: the page's scripts cannot
 * reach into it (host.shadowRoot is null for them), the host carries no
 * attributes, and styles cannot leak in or out. Styles go in as text, never
 * parsed HTML.
 */
export function mountClosed(anchor: Element, place: 'after' | 'append', ui: ComponentChild, css: string) {
  const host = document.createElement(BADGE_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow, css);
  const container = document.createElement('span');
  shadow.append(container);
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

const sheets = new Map<string, CSSStyleSheet>();
let constructedSheetsWork = true;

/**
 * One constructed stylesheet per distinct CSS, shared by every badge on the page:
 * a <style> per badge made the page parse the same sheet once per badge (about a
 * millisecond each on a long Gmail thread). Firefox refuses stylesheets
 * constructed in a content script (bug 1928865): there, each root gets a <style>.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  if (constructedSheetsWork) {
    try {
      let sheet = sheets.get(css);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.set(css, sheet);
      }
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      constructedSheetsWork = false;
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
