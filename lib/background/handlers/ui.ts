import { browser } from 'wxt/browser';
import { uiPagePath } from '../../messaging/ui';
import type { HandlersFor } from './deps';

/**
 * Opens the page in a new tab next to the rep's tab. `action.openPopup()` cannot
 * carry the account and form (the popup's address is fixed), so a tab it is.
 */
export function uiHandlers(): HandlersFor<'ui.open'> {
  return {
    'ui.open': async ({ page, accountId, form }, sender) => {
      const opener = sender.tab?.id;
      await browser.tabs.create({
        url: browser.runtime.getURL(uiPagePath(page, accountId, form) as '/popup.html'),
        ...(opener === undefined ? {} : { openerTabId: opener }),
      });
      return { opened: true as const };
    },
  };
}
