import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_EMAIL_LINK, MENU_SELECTION, openQuickLog, quickLogPath, registerContextMenus } from '@/lib/background/context-menu';

describe('context menu: "Log a quote for …"', () => {
  it('registers one item for selected text and one for mailto: links, replacing old ones', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    await registerContextMenus();
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create.mock.calls.map(([item]) => item)).toEqual([
      { id: MENU_SELECTION, title: 'Log a quote for “%s”', contexts: ['selection'] },
      { id: MENU_EMAIL_LINK, title: 'Log a quote for this email address', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
    ]);
  });

  it('opens the quote form for a selected email, a mailto: link, or selected text', () => {
    expect(quickLogPath({ menuItemId: MENU_SELECTION, selectionText: ' Jane.Doe@Acme-Industrial.com ' })).toBe('/popup.html?email=jane.doe%40acme-industrial.com&form=quote');
    expect(quickLogPath({ menuItemId: MENU_EMAIL_LINK, linkUrl: 'mailto:buyer@globex.io?subject=Quote' })).toBe('/popup.html?email=buyer%40globex.io&form=quote');
    expect(quickLogPath({ menuItemId: MENU_SELECTION, selectionText: 'Acme\n Industrial' })).toBe('/popup.html?q=Acme+Industrial&form=quote');
    expect(quickLogPath({ menuItemId: MENU_SELECTION, selectionText: '   ' })).toBeNull();
    expect(quickLogPath({ menuItemId: 'someone-else', selectionText: 'x@y.com' })).toBeNull();
  });

  it('opens it in a small popup window', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await openQuickLog({ menuItemId: MENU_SELECTION, selectionText: 'buyer@globex.io' });
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringMatching(/\/popup\.html\?email=buyer%40globex\.io&form=quote$/) }));
    create.mockClear();
    await openQuickLog({ menuItemId: 'other' });
    expect(create).not.toHaveBeenCalled();
  });
});
