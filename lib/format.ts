/**
 * The one way Quotewise shows dates, money, percentages and counts, in every view: the badge
 * card, the popup, the history page (portfolio, account, timeline, charts), the import preview,
 * the options page and the human columns of a CSV export. Nothing else formats them.
 *
 * **Locale.** The rep's, read once at the edge and passed in: a view calls `formats(locale)` with
 * `navigator.language` (the same locale the popup and the options page read typed amounts in,
 * so what the rep reads is what they type); components get it from `useFormats()`
 * (components/formats.ts). Everything here is pure and tests pin the locale.
 *
 * **Dates.** One rendering: `Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short',
 * year: 'numeric' })`, so en-US "Nov 2, 2026", en-GB "2 Nov 2026", de-DE "2. Nov. 2026".
 * One shorter variant, for a calendar month (chart axes, Healthy by month): the same without
 * the day, "Nov 2026". Never numeric (11/2/2026, 2026-11-02), never without the year, no time.
 *
 * **Time zone: UTC, always.** Instants are stored as epoch ms; a day the rep enters is stored
 * inside that UTC day (an imported date at 00:00 UTC, a due date at 23:59:59 UTC, an edited
 * date keeps its time within the chosen UTC day), so showing the UTC calendar day never moves
 * it, wherever the rep is. Instants the extension stamps itself (a quote logged from the popup,
 * a snooze's end) show their UTC day too: far from Greenwich, something logged late in the
 * evening (west) or early in the morning (east) shows the neighbouring day. That is the price
 * of one rule: a stored instant does not say whether it was typed as a day.
 * The machine form of a day (CSV data columns, date inputs, file names) is ISO, `isoDay()`.
 *
 * **Money.** `Intl.NumberFormat(locale, { style: 'currency', currency })` with the currency's
 * own decimals, always shown, whole amounts included: "$4,800.00", "¥4,800", "KWD 1.250"
 * (en-US). A column of amounts then reads alike, and a price never looks rounded when it is not.
 *
 * **Percentages and counts.** Intl too: `percent(0.17)` "17%" (de-DE "17 %"), whole by default,
 * `percent(0.125, 2)` "12.5%" for a rate the rep typed; `number(12345)` "12,345".
 *
 * **Stored texts.** Scoring's evidence and reasons are cached in IndexedDB summaries, computed
 * in the background without a view's locale. They carry their dates, money and percentages as
 * `deferred` values ("⟦day:1773273600000⟧"), and a view shows them with `text()`, in its locale.
 * The cache holds no locale, scoring stays deterministic, and no second format can be cached.
 * A view that forgot `text()` would show the brackets: the end-to-end walk looks for them.
 *
 * Formatters are cached per locale and options: creating an Intl formatter costs far more than
 * using one.
 */

export interface Formats {
  /** The locale every formatter here uses. */
  readonly locale: string;
  /** A calendar day, in UTC: "Nov 2, 2026". */
  day(at: number): string;
  /** A calendar month: "Nov 2026". An instant in the month, or its `YYYY-MM` key. */
  month(month: number | string): string;
  /** Minor units of `currency`, with the currency's own decimals: "$4,800.00", "¥4,800". */
  money(minor: number, currency: string): string;
  /** A ratio (0.17) as a percentage, "17%", with up to `maxDecimals` decimals. */
  percent(ratio: number, maxDecimals?: number): string;
  /** A count or other plain number, "12,345", with up to `maxDecimals` decimals. */
  number(value: number, maxDecimals?: number): string;
  /** "1 event", "1,234 events". */
  plural(count: number, one: string, many?: string): string;
  /** A stored text (scoring's evidence and reasons) with its `deferred` values formatted. */
  text(stored: string): string;
}

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const MONTH_OPTIONS: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' };

const byLocale = new Map<string, Formats>();

/** The formatters for `locale` (a BCP 47 tag such as navigator.language); an unknown tag falls back to English. */
export function formats(locale: string): Formats {
  let cached = byLocale.get(locale);
  if (!cached) {
    cached = create(supported(locale));
    byLocale.set(locale, cached);
  }
  return cached;
}

function supported(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function create(locale: string): Formats {
  const dayFormat = new Intl.DateTimeFormat(locale, DAY_OPTIONS);
  const monthFormat = new Intl.DateTimeFormat(locale, MONTH_OPTIONS);
  const moneyFormats = new Map<string, (major: number) => string>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (style: 'percent' | 'decimal', maxDecimals: number) => {
    const key = `${style}:${maxDecimals}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style, maximumFractionDigits: maxDecimals });
      numberFormats.set(key, format);
    }
    return format;
  };
  const self: Formats = {
    locale,
    day: (at) => dayFormat.format(at),
    month: (month) => monthFormat.format(typeof month === 'number' ? month : monthStart(month)),
    money(minor, currency) {
      const digits = currencyDigits(currency);
      let format = moneyFormats.get(currency);
      if (!format) {
        format = moneyFormat(locale, currency, digits);
        moneyFormats.set(currency, format);
      }
      return format(minor / 10 ** digits);
    },
    percent: (ratio, maxDecimals = 0) => numberFormat('percent', maxDecimals).format(ratio),
    number: (value, maxDecimals = 0) => numberFormat('decimal', maxDecimals).format(value),
    plural: (count, one, many = `${one}s`) => `${self.number(count)} ${count === 1 ? one : many}`,
    text: (stored) => stored.replace(DEFERRED, (whole, kind: string, args: string) => render(self, kind, args.split(':')) ?? whole),
  };
  return self;
}

function moneyFormat(locale: string, currency: string, digits: number): (major: number) => string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    return (major) => format.format(major);
  } catch {
    // Not a well-formed currency code: the number in the locale, then the code as it was stored.
    const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return (major) => `${plain.format(major)} ${currency}`;
  }
}

/**
 * Values written into texts that are stored and shown later (scoring's evidence and reasons),
 * formatted by `Formats.text` in the locale of whoever reads them.
 */
export const deferred = {
  day: (at: number) => `⟦day:${at}⟧`,
  money: (minor: number, currency: string) => `⟦money:${minor}:${currency}⟧`,
  percent: (ratio: number, maxDecimals = 0) => `⟦percent:${ratio}:${maxDecimals}⟧`,
};

const DEFERRED = /⟦(day|money|percent):([^⟧]*)⟧/g;

function render(f: Formats, kind: string, [first = '', second = '']: string[]): string | null {
  const value = Number(first);
  if (!Number.isFinite(value)) return null;
  if (kind === 'day') return f.day(value);
  if (kind === 'money') return f.money(value, second);
  return f.percent(value, Number(second) || 0);
}

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), from Intl; 2 for a code Intl does not take. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The machine form of a day, `YYYY-MM-DD` in UTC: CSV data columns, date inputs, file names. Never shown as text. */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The first instant (UTC) of a `YYYY-MM` month key. */
function monthStart(key: string): number {
  const [year, month] = key.split('-').map(Number);
  return Date.UTC(year!, (month ?? 1) - 1, 1);
}
