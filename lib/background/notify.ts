import { browser } from 'wxt/browser';

/**
 * Tell every tab's content script that these accounts changed, so badges refresh
 * without a reload. Extension pages need no message: Dexie's live queries see the write.
 * Tabs without our content script reject the message; that is expected, and a
 * failed notification must never fail the write that caused it.
 */
export async function broadcastChanged(accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await broadcast({ quotewise: 1, type: 'health.changed', data: { accountIds: [...new Set(accountIds)] } });
}

/** Tell every tab's content script whether to show health in message lists (the rep changed the setting). */
export function broadcastListsShown(shown: boolean): Promise<void> {
  return broadcast({ quotewise: 1, type: 'lists.shown', data: { shown } });
}

async function broadcast(message: object): Promise<void> {
  const send = async (tabId: number) => {
    try {
      await browser.tabs.sendMessage(tabId, message);
    } catch {
      // No content script in that tab.
    }
  };
  try {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [send(tab.id)])));
  } catch {
    // No tabs API in this context.
  }
}
