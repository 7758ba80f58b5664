import { useLayoutEffect, useRef } from 'preact/hooks';
import { anchor } from './floating';

/**
 * What the pill means, in words, while it is hovered or focused. For the eye: the pill's
 * accessible name already says the same, so a screen reader is not told twice.
 */
export function Tooltip({ reference, text }: { reference: Element; text: string }) {
  const tip = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = tip.current!;
    element.showPopover?.();
    return anchor(reference, element, {});
  }, [reference]);
  return (
    <span ref={tip} class="tip" popover="manual" aria-hidden="true">
      {text}
    </span>
  );
}
