import type { Band } from '@/lib/health';

/** The CSS class of a band's label on the history page. Numbers, dates and money: lib/format.ts, through useFormats(). */
export const bandClass = (band: Band) => `band band-${band.replaceAll(' ', '-')}`;
