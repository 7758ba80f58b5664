import type { ComponentChildren } from 'preact';

/** A labelled bar for long work, from 0 to 1 done; the percentage shows where a browser draws no bar. */
export function FractionProgress({ children, label, value }: { children: ComponentChildren; label: string; value: number }) {
  return (
    <label>
      {children}
      <progress max={1} value={value} aria-label={label}>
        {Math.round(value * 100)}%
      </progress>
    </label>
  );
}
