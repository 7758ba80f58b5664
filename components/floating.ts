import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';

const MARGIN = 8;

/**
 * Keep `floating` (fixed, in the top layer) next to `reference`: below it, or above when
 * there is more room there, shifted to stay inside the viewport, and, with `fitHeight`,
 * no taller than the room it has (it scrolls inside). It follows the reference when the
 * page or any scrolling ancestor scrolls or resizes. `onHidden` runs when the reference
 * leaves the viewport or the page. Returns the function that stops following.
 */
export function anchor(reference: Element, floating: HTMLElement, { fitHeight = false, onHidden }: { fitHeight?: boolean; onHidden?: () => void }): () => void {
  const update = () => {
    if (!reference.isConnected) {
      onHidden?.();
      return;
    }
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(4),
        flip({ padding: MARGIN, fallbackStrategy: 'initialPlacement' }),
        shift({ padding: MARGIN }),
        ...(fitHeight
          ? [size({ padding: MARGIN, apply: ({ availableHeight }) => void (floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`) })]
          : []),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (middlewareData.hide?.referenceHidden) onHidden?.();
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  };
  return autoUpdate(reference, floating, update);
}
