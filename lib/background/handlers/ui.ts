import { browser } from 'wxt/browser';
import { MessagingError } from '../../messaging/errors';
import { uiPagePath } from '../../messaging/ui';
import { BADGE_UI_SCRIPT } from '../../content/ui-contract';
import type { HandlersFor } from './deps';

/**
 * Opens the page in a new tab next to the rep's tab. `action.openPopup()` cannot
 * carry the account and form (the popup's address is fixed), so a tab it is.
 */
export function uiHandlers(): HandlersFor<'ui.open' | 'ui.loadBadgeUi'> {
  return {
    'ui.open': async ({ page, accountId, form, prefill }, sender) => {
      const opener = sender.tab?.id;
      await browser.tabs.create({
        url: browser.runtime.getURL(uiPagePath(page, accountId, form, prefill) as '/popup.html'),
        ...(opener === undefined ? {} : { openerTabId: opener }),
      });
      return { opened: true as const };
    },

    // The content script cannot load extension code itself without exposing it to pages
    // (web-accessible resources); the background injects it into that one frame instead.
    'ui.loadBadgeUi': async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new MessagingError('forbidden', 'Only a page can load the badge.');
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [BADGE_UI_SCRIPT] });
      return { loaded: true as const };
    },
  };
}
