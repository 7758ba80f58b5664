import { useLayoutEffect, useRef } from 'preact/hooks';
import { anchor } from './floating';

/** The hint's style, in the badge's closed root only while the hint is shown. Its words are generated content: see Tooltip. */
export const TOOLTIP_CSS = `
.tip { position: fixed; inset: auto; margin: 0; padding: 3px 8px; border-radius: 4px; background: #111827; color: #f9fafb; border: 1px solid var(--line);
  font: 12px/16px system-ui, sans-serif; white-space: nowrap; pointer-events: none; z-index: 2147483647; }
.tip::after { content: attr(data-text); }
`;

/**
 * What the pill means, in words, while it is hovered or focused. For the eye: the pill's
 * accessible name already says the same, so a screen reader is not told twice. The words are
 * CSS generated content, which the page's `window.find()` does not search: a text node would
 * tell the page the customer's score while the rep hovers.
 */
export function Tooltip({ reference, text }: { reference: Element; text: string }) {
  const tip = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = tip.current!;
    element.showPopover?.();
    return anchor(reference, element, {});
  }, [reference]);
  return <span ref={tip} class="tip" popover="manual" aria-hidden="true" data-text={text} />;
}
