import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { openQuickLog, registerContextMenus } from '@/lib/background/context-menu';
import { getDb, requestPersistentStorage } from '@/lib/db/db';
import { createRouter } from '@/lib/messaging/router';

export default defineBackground(() => {
  // Registered synchronously at start-up, so an event that wakes a stopped
  // service worker finds its listener. All state lives in IndexedDB.
  const route = createRouter(createHandlers({ db: getDb, now: Date.now }), browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => void registerContextMenus());
  browser.contextMenus.onClicked.addListener((click) => void openQuickLog(click));
  void requestPersistentStorage();
});
