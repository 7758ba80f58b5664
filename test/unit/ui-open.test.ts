import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { uiHandlers } from '@/lib/background/handlers/ui';
import { uiPagePath } from '@/lib/messaging/ui';

describe('ui.open', () => {
  it('names the popup form and the account history by account id', () => {
    expect(uiPagePath('popup', 'a1', 'quote')).toBe('/popup.html?account=a1&form=quote');
    expect(uiPagePath('popup', 'a1', 'price_match')).toBe('/popup.html?account=a1&form=price_match');
    expect(uiPagePath('popup', 'a1')).toBe('/popup.html?account=a1');
    expect(uiPagePath('history', 'a/1')).toBe('/history.html#/account/a%2F1');
  });

  it('opens the page in a new tab next to the rep’s tab', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    await expect(uiHandlers()['ui.open']({ page: 'history', accountId: 'acc-1' }, { tab: { id: 7 } })).resolves.toEqual({ opened: true });
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL('/history.html#/account/acc-1' as '/popup.html'), openerTabId: 7 });
  });
});

describe('ui.loadBadgeUi', () => {
  it('injects the badge UI into the asking frame only, and refuses a sender with no tab', async () => {
    const inject = vi.fn(async () => []);
    Object.assign(browser, { scripting: { executeScript: inject } });
    await expect(uiHandlers()['ui.loadBadgeUi']({}, { tab: { id: 7 }, frameId: 3 })).resolves.toEqual({ loaded: true });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/badge-ui.js'] });
    await expect(uiHandlers()['ui.loadBadgeUi']({}, { url: 'chrome-extension://x/popup.html' })).rejects.toThrow(/Only a page/);
  });
});
