/** Plain-words formatting for evidence. English, UTC dates, no locale surprises in tests. */
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function shortDate(at: number, now: number): string {
  const sameYear = new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear();
  return (sameYear ? dayMonth : dayMonthYear).format(at);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function money(minor: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    // Creating a formatter costs far more than using one: scoring 10,000 accounts formats a lot of money.
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(minor / 100);
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

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
