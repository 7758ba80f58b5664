import { browser } from 'wxt/browser';
import { normaliseEmail } from '../identity';

/**
 * "Log a quote for …" on selected text or a mailto: link. It opens the popup
 * page in a small window with the customer in its address, where the popup
 * resolves it like any other customer. (`action.openPopup()` cannot pass the
 * selection along, and is missing in older Chrome and in Firefox without a user action.)
 */
export const MENU_SELECTION = 'quotewise-log-quote';
export const MENU_EMAIL_LINK = 'quotewise-log-quote-link';

export async function registerContextMenus(): Promise<void> {
  // onInstalled also fires on update, when the old items still exist.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SELECTION, title: 'Log a quote for “%s”', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_EMAIL_LINK, title: 'Log a quote for this email address', contexts: ['link'], targetUrlPatterns: ['mailto:*'] });
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}

/** The popup page to open for a click, or null when the click is not ours or names nobody. */
export function quickLogPath(click: MenuClick): string | null {
  if (click.menuItemId !== MENU_SELECTION && click.menuItemId !== MENU_EMAIL_LINK) return null;
  const raw = (click.menuItemId === MENU_EMAIL_LINK ? click.linkUrl : click.selectionText)?.trim() ?? '';
  const email = normaliseEmail(raw);
  if (email) return `/popup.html?${new URLSearchParams({ email, form: 'quote' })}`;
  const text = raw.replace(/\s+/g, ' ').slice(0, 200);
  return text ? `/popup.html?${new URLSearchParams({ q: text, form: 'quote' })}` : null;
}

export async function openQuickLog(click: MenuClick): Promise<void> {
  const path = quickLogPath(click);
  if (!path) return;
  await browser.windows.create({ url: browser.runtime.getURL(path as '/popup.html'), type: 'popup', width: 400, height: 620 });
}
