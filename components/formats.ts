import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Formats, formats } from '@/lib/format';

/**
 * How views get lib/format.ts's formatters. A page that knows its locale (the popup and the
 * options page read amounts in it) provides `formats(locale)`; the others, and the card in a
 * content script, use the browser's language. Tests provide a pinned locale.
 */
export const FormatsContext = createContext<Formats | null>(null);

/** The rep's locale, as the browser states it. Read here, at the views' edge, never in lib/. */
export function viewLocale(): string {
  return globalThis.navigator?.language || Intl.DateTimeFormat().resolvedOptions().locale;
}

export function useFormats(): Formats {
  return useContext(FormatsContext) ?? formats(viewLocale());
}
