import { afterEach, describe, expect, it, vi } from 'vitest';

const CSS = ':host { display: inline-block; width: 40px; }';

async function freshMount() {
  vi.resetModules();
  return (await import('@/lib/content/mount')).mountClosed;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('mountClosed: the badge host and its styles', () => {
  it('renders into a closed root after the anchor, and every badge shares one constructed stylesheet', async () => {
    const mountClosed = await freshMount();
    const anchor = document.body.appendChild(document.createElement('span'));
    const first = mountClosed(anchor, 'after', 'A', CSS);
    const second = mountClosed(anchor, 'append', 'B', CSS);
    expect(anchor.nextSibling).toBe(first.host);
    expect(second.host.parentNode).toBe(anchor);
    expect(first.host.shadowRoot).toBeNull();
    expect(first.shadow.textContent).toBe('A');
    expect(first.shadow.adoptedStyleSheets).toHaveLength(1);
    expect(second.shadow.adoptedStyleSheets[0]).toBe(first.shadow.adoptedStyleSheets[0]);
    expect(first.shadow.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> per root where constructed stylesheets are refused (Firefox content scripts)', async () => {
    const mountClosed = await freshMount();
    vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => {
      throw new TypeError('Sheet’s constructor document must match');
    });
    const anchor = document.body.appendChild(document.createElement('span'));
    const mounted = [mountClosed(anchor, 'after', 'A', CSS), mountClosed(anchor, 'after', 'B', CSS)];
    for (const { shadow } of mounted) expect(shadow.querySelector('style')?.textContent).toBe(CSS);
    mounted[0]!.remove();
    expect(mounted[0]!.host.isConnected).toBe(false);
  });
});
