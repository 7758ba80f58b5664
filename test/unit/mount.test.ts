import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeProps } from '@/components/Badge';
import { mountClosed } from '@/lib/content/mount';
import { badgeUi } from '@/lib/content/ui';

afterEach(() => {
  // The card frame's host stays for the page's life; each test starts from an empty page.
  document.body.replaceChildren();
});

const props = (open: boolean): BadgeProps => ({
  state: { kind: 'account', accountId: 'a1', accountName: 'Acme', summary: null },
  list: false,
  dark: false,
  open,
  onToggle: () => {},
  onClose: () => {},
  onCardMessage: () => {},
  dismissedOffers: () => [],
});

describe('mountClosed: the badge host', () => {
  it('renders into a closed root after or inside the anchor, and moves and goes with nothing left behind', () => {
    const first = document.body.appendChild(document.createElement('span'));
    const second = document.body.appendChild(document.createElement('h2'));
    const after = mountClosed(first, 'after', 'A');
    const inside = mountClosed(second, 'append', 'B');
    expect(first.nextSibling).toBe(after.host);
    expect(inside.host.parentNode).toBe(second);
    expect(after.host.shadowRoot).toBeNull();
    // One attribute, the same on every host: its own important style, which the page's CSS cannot override.
    expect([...after.host.attributes].map((a) => a.name)).toEqual(['style']);
    expect(after.host.getAttribute('style')).toBe(inside.host.getAttribute('style'));
    expect(after.host.getAttribute('style')).toContain('opacity: 1 !important');
    expect(after.shadow.textContent).toBe('A');

    after.move(second, 'append');
    expect(after.host.parentNode).toBe(second);
    expect(first.nextSibling).toBe(second);
    after.remove();
    inside.remove();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
    expect(after.shadow.textContent).toBe('');
  });

  it('draws the pill with no text in the page’s document, and opens the card as an extension frame, not in the root', () => {
    const anchor = document.body.appendChild(document.createElement('span'));
    const badge = badgeUi.mount(anchor, 'after', props(false));
    const button = badge.shadow.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Quotewise: Acme, Not enough data.');
    expect(button.getAttribute('style')).toContain('border-radius: 9px');
    // The score is drawn: no text node the page's window.find() could match.
    expect(button.querySelector('canvas')).not.toBeNull();
    expect(badge.shadow.textContent).toBe('');
    expect(badge.shadow.querySelector('style')).toBeNull();
    expect(badge.shadow.adoptedStyleSheets ?? []).toHaveLength(0);

    // The page's one card frame loads with its first badge, in a closed root of its own.
    const cards = document.querySelectorAll('quotewise-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.shadowRoot).toBeNull();
    expect([...cards[0]!.attributes].map((a) => a.name)).toEqual(['style']);
    badgeUi.mount(document.body.appendChild(document.createElement('span')), 'after', props(false));
    expect(document.querySelectorAll('quotewise-card')).toHaveLength(1);

    badge.update(props(true));
    // Nothing of the card in the badge's root: it is in the frame.
    expect(badge.shadow.querySelector('iframe, [role="dialog"]')).toBeNull();
    expect(badge.shadow.textContent).toBe('');
    badge.update(props(false));
    expect(badge.shadow.querySelector('iframe')).toBeNull();
  });
});
