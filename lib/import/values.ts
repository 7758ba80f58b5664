import { currencyDigits } from '../format';

/**
 * Cell parsers for imported files. Each returns a value or a reason a rep can
 * act on ("bad date "31/02/2024": no such day"), never throws.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** How to read a date written with slashes (CRM exports follow the user's locale). */
export type SlashDateOrder = 'mdy' | 'dmy';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/**
 * `YYYY-MM-DD` (midnight UTC), ISO 8601 with a time (no offset = UTC), and, for
 * CRM exports, `M/D/YYYY` or `D/M/YYYY` (with an optional time) as `slashOrder` says.
 */
export function parseDate(raw: string, slashOrder: SlashDateOrder = 'mdy'): Parsed<number> {
  const text = raw.trim();
  if (!text) return bad('no date');
  let parts: { y: number; m: number; d: number; h: number; min: number; s: number; ms: number; offsetMin: number } | null = null;
  let match = ISO_DATE.exec(text);
  if (match) parts = { y: +match[1]!, m: +match[2]!, d: +match[3]!, h: 0, min: 0, s: 0, ms: 0, offsetMin: 0 };
  if (!parts && (match = ISO_DATE_TIME.exec(text))) {
    parts = {
      y: +match[1]!,
      m: +match[2]!,
      d: +match[3]!,
      h: +match[4]!,
      min: +match[5]!,
      s: +(match[6] ?? 0),
      ms: Math.floor(+`0.${match[7] ?? '0'}` * 1000),
      offsetMin: offsetMinutes(match[8]),
    };
  }
  if (!parts && (match = SLASH_DATE.exec(text))) {
    const [first, second] = [+match[1]!, +match[2]!];
    let h = +(match[4] ?? 0);
    const meridiem = match[7]?.toLowerCase();
    if (meridiem && (h < 1 || h > 12)) return bad(`bad date "${text}": hour ${h} with ${meridiem}`);
    if (meridiem === 'pm' && h < 12) h += 12;
    if (meridiem === 'am' && h === 12) h = 0;
    parts = {
      y: +match[3]!,
      m: slashOrder === 'mdy' ? first : second,
      d: slashOrder === 'mdy' ? second : first,
      h,
      min: +(match[5] ?? 0),
      s: +(match[6] ?? 0),
      ms: 0,
      offsetMin: 0,
    };
  }
  if (!parts) return bad(`bad date "${text}": use YYYY-MM-DD or ISO 8601`);
  const { y, m, d, h, min, s, ms, offsetMin } = parts;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || h > 23 || min > 59 || s > 59) {
    return bad(`bad date "${text}": no such ${m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) ? 'day' : 'time'}`);
  }
  const at = Date.UTC(y, m - 1, d, h, min, s, ms) - offsetMin * 60_000;
  if (at < EARLIEST || at >= LATEST) return bad(`bad date "${text}": outside 1970–2199`);
  return ok(at);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date as a CSV data column holds it: `YYYY-MM-DD` at midnight UTC, full ISO 8601 otherwise. Data, not display: views use lib/format.ts. */
export function formatDate(at: number): string {
  const iso = new Date(at).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

let knownCurrencies: Set<string> | undefined;

/** ISO 4217 codes the browser knows (Intl), upper-cased. */
export function parseCurrency(raw: string): Parsed<string> {
  const code = raw.trim().toUpperCase();
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code) ? ok(code) : bad(`bad currency "${raw.trim()}": use an ISO 4217 code such as USD or EUR`);
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const THOUSANDS_COMMA = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d{1,2}$/;

/**
 * A decimal amount in major units: `1234.5`, `1,234.50`, `1234,50` (a comma with
 * one or two digits after it is a decimal comma), an optional currency symbol or
 * code around it. Returned in minor units of `currency`.
 */
export function parseAmount(raw: string, currency: string, column = 'amount'): Parsed<number> {
  const text = raw
    .trim()
    .replace(/^[A-Za-z]{3}\s+|\s+[A-Za-z]{3}$/g, '')
    .replace(/^(-?)[$€£¥]\s*/, '$1')
    .replace(/\s/g, '');
  let normalised: string | null = null;
  if (PLAIN_NUMBER.test(text)) normalised = text;
  else if (THOUSANDS_COMMA.test(text)) normalised = text.replaceAll(',', '');
  else if (DECIMAL_COMMA.test(text)) normalised = text.replace(',', '.');
  if (normalised === null) return bad(`bad ${column} "${raw.trim()}": not a number`);
  const value = Number(normalised);
  if (value < 0) return bad(`negative ${column} "${raw.trim()}"`);
  const minor = Math.round(value * 10 ** currencyDigits(currency));
  if (!Number.isSafeInteger(minor)) return bad(`${column} "${raw.trim()}" is too large`);
  return ok(minor);
}

/** Minor units back to the plain decimal a CSV data column holds (`123456`, USD -> `1234.56`; JPY -> `123456`). Data, not display: views use lib/format.ts. */
export function formatAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function parsePercent(raw: string, column: string): Parsed<number> {
  const text = raw.trim().replace(/%$/, '').trim();
  if (!PLAIN_NUMBER.test(text)) return bad(`bad ${column} "${raw.trim()}": not a number`);
  const value = Number(text);
  if (value < 0) return bad(`negative ${column} "${raw.trim()}"`);
  if (value > 100) return bad(`bad ${column} "${raw.trim()}": above 100`);
  return ok(value);
}

export function parseWholeNumber(raw: string, column: string, max: number): Parsed<number> {
  const text = raw.trim();
  if (/^-\d+(\.\d+)?$/.test(text)) return bad(`negative ${column} "${text}"`);
  if (!/^\d+$/.test(text)) return bad(`bad ${column} "${text}": use a whole number`);
  const value = Number(text);
  return value > max ? bad(`bad ${column} "${text}": above ${max}`) : ok(value);
}

export function parseYesNo(raw: string, column: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(text)) return ok(true);
  if (['no', 'n', 'false', '0', ''].includes(text)) return ok(false);
  return bad(`bad ${column} "${raw.trim()}": use yes or no`);
}

/** One of `allowed`, written with spaces, hyphens or any case (`Order change` -> `order_change`). */
export function parseChoice<T extends string>(raw: string, column: string, allowed: readonly T[]): Parsed<T> {
  const text = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (allowed as readonly string[]).includes(text)
    ? ok(text as T)
    : bad(`unknown ${column} "${raw.trim()}": use one of ${allowed.join(', ')}`);
}
