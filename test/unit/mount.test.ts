import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeProps } from '@/components/Badge';
import { mountClosed } from '@/lib/content/mount';
import { badgeUi } from '@/lib/content/ui';

afterEach(() => {
  document.body.replaceChildren();
});

const props = (open: boolean): BadgeProps => ({
  state: { kind: 'account', accountId: 'a1', accountName: 'Acme', summary: null },
  dark: false,
  open,
  onToggle: () => {},
  onClose: () => {},
  onOpen: () => {},
  onCreate: () => {},
  onDismiss: () => {},
  onClaimOwn: () => {},
  onNotOwn: () => {},
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
    expect(after.host.attributes).toHaveLength(0);
    expect(after.shadow.textContent).toBe('A');

    after.move(second, 'append');
    expect(after.host.parentNode).toBe(second);
    expect(first.nextSibling).toBe(second);
    after.remove();
    inside.remove();
    expect(document.querySelectorAll('quotewise-badge')).toHaveLength(0);
    expect(after.shadow.textContent).toBe('');
  });

  it('styles the pill inline and brings the card’s stylesheet only while the card is open', () => {
    const anchor = document.body.appendChild(document.createElement('span'));
    const badge = badgeUi.mount(anchor, 'after', props(false));
    const button = badge.shadow.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Quotewise: Acme, Not enough data.');
    expect(button.getAttribute('style')).toContain('border-radius: 9px');
    expect(badge.shadow.querySelector('style')).toBeNull();
    expect(badge.shadow.adoptedStyleSheets ?? []).toHaveLength(0);

    badge.update(props(true));
    expect(badge.shadow.querySelector('[role="dialog"]')).not.toBeNull();
    expect(badge.shadow.querySelector('style')?.textContent).toContain('.card {');
    badge.update(props(false));
    expect(badge.shadow.querySelector('style')).toBeNull();
  });
});
