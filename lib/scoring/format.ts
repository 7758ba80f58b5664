import { deferred } from '../format';

/**
 * Words for scoring's sentences (English). Dates, money and percentages are not formatted here:
 * `day`, `money` and `percent` write lib/format.ts `deferred` values into the evidence and
 * reasons, and the view that shows the text formats them in the rep's locale (`Formats.text`),
 * as the one date and money format of every view. Cached summaries hold no locale and no
 * second format.
 */
export const { day, money, percent } = deferred;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const TIMES = ['never', 'once', 'twice'];
export function times(count: number): string {
  return TIMES[count] ?? `${count} times`;
}

export function hours(minutes: number): string {
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}
