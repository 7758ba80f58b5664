import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcastChanged, broadcastListsShown } from '@/lib/background/notify';

describe('broadcastChanged', () => {
  it('tells every tab which accounts changed, once each, and survives tabs with no content script', async () => {
    const gmail = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/' });
    const other = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const tabIds = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(tabIds).toEqual(expect.arrayContaining([gmail.id, other.id]));
    const sent: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
      if (sent.length === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    await expect(broadcastChanged(['a', 'b', 'a'])).resolves.toBeUndefined();
    expect(sent.map(([tabId]) => tabId)).toEqual(tabIds);
    for (const [, message] of sent) expect(message).toEqual({ quotewise: 1, type: 'health.changed', data: { accountIds: ['a', 'b'] } });
  });

  it('sends nothing when nothing changed', async () => {
    const spy = vi.spyOn(fakeBrowser.tabs, 'query');
    await broadcastChanged([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('tells every tab whether message lists show health', async () => {
    await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/' });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => void sent.push(message));
    await broadcastListsShown(false);
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) expect(message).toEqual({ quotewise: 1, type: 'lists.shown', data: { shown: false } });
  });
});
