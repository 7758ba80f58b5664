/**
 * Amounts as a rep types them, in their own locale, to integer minor units.
 * Pure: no DOM, no browser APIs; the locale's separators come from Intl.
 *
 * Accepted: `1250`, `1250.5`, `1,250.50`, `1.250,50`, `1 250,50`, `1'250.50`,
 * an optional currency symbol (`$1,250`), surrounding spaces.
 *
 * How the decimal separator is chosen:
 *  - Spaces and apostrophes only ever group thousands.
 *  - When both `.` and `,` appear, the last one is the decimal separator
 *    (`1.250,50` and `1,250.50` are both 1250.50 in every locale).
 *  - When one of them appears more than once, it groups (`1.250.000`).
 *  - When one appears once and is NOT followed by exactly three digits, it is
 *    the decimal separator (`1,5` and `1.5` are both 1.5: a group has three digits).
 *  - The one truly ambiguous case is a single separator followed by exactly
 *    three digits (`1.250`, `1,250`): the rep's locale decides (en-US: 1250;
 *    de-DE: `1.250` is 1250 and `1,250` is 1.25). If the locale uses that
 *    character for neither (fr-FR groups with a space), we refuse and ask,
 *    rather than guess an amount of money.
 *  - More fraction digits than the currency has (USD 2, JPY 0, KWD 3) is an error.
 *
 * Locale-free (`locale` null), for amounts someone else wrote (a customer's email, read by
 * lib/suggest/money.ts): the rep's locale says nothing about how the customer writes, so the
 * ambiguous case follows the rule that a group has three digits (`6.150 EUR`, `$6,150` are 6150).
 */
import { currencyDigits } from './format';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface LocaleSeparators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, LocaleSeparators>();

export function separatorsOf(locale: string): LocaleSeparators {
  let cached = separatorCache.get(locale);
  if (!cached) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    cached = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(locale, cached);
  }
  return cached;
}

// Spaces of every width (NBSP and narrow NBSP are what Intl emits for fr/ru) and apostrophes (de-CH).
export const ALWAYS_GROUPING = /[\s\u00a0\u202f\u2009'’]/g;
const CURRENCY_SYMBOLS = /^[$€£¥₹₩₽₺₪₫฿]|[$€£¥₹₩₽₺₪₫฿]$/g;

/** What is wrong with a number, when it cannot be read. */
export type ScaleFault = 'number' | 'ambiguous' | 'separators' | 'grouping' | 'fraction' | 'large';

/**
 * The reading both modes share: digits with `.` and `,` (spaces and apostrophes already gone, see
 * ALWAYS_GROUPING) → the integer with `fractionDigits` decimals (`"1,5"`, 2 -> 150), or what is
 * wrong. `locale` null is the locale-free mode. Exact: no floating point.
 */
export function scaleDigits(compact: string, locale: LocaleSeparators | null, fractionDigits: number): number | ScaleFault {
  if (!/^[\d.,]+$/.test(compact) || !/\d/.test(compact)) return 'number';
  const decimal = decimalSeparator(compact, locale);
  if (decimal === 'ambiguous') return 'ambiguous';
  const [integerPart, fractionPart = '', ...rest] = decimal ? compact.split(decimal) : [compact];
  if (rest.length > 0 || /[.,]/.test(fractionPart)) return 'separators';
  if (!validGrouping(integerPart!)) return 'grouping';
  if (fractionPart.length > fractionDigits) return 'fraction';
  const scaled = BigInt((integerPart!.replace(/[.,]/g, '') || '0') + fractionPart.padEnd(fractionDigits, '0'));
  return scaled > BigInt(Number.MAX_SAFE_INTEGER) ? 'large' : Number(scaled);
}

/**
 * A non-negative decimal number typed in `locale` (null: locale-free, see above), scaled to an
 * integer with `fractionDigits` decimals (`"1,5"`, 2 -> 150), or the message that says what is wrong.
 */
export function parseScaled(input: string, locale: string | null, fractionDigits: number): ParseResult<number> {
  const raw = input.trim().replace(CURRENCY_SYMBOLS, '').trim();
  if (!raw) return { ok: false, error: 'Enter an amount.' };
  if (raw.startsWith('-')) return { ok: false, error: 'Enter a positive amount.' };
  const value = scaleDigits(raw.replace(ALWAYS_GROUPING, ''), locale === null ? null : separatorsOf(locale), fractionDigits);
  if (typeof value === 'number') return { ok: true, value };
  const shown = `“${input.trim()}”`;
  const errors: Record<ScaleFault, string> = {
    number: `${shown} is not a number. Type digits, like 1250 or 1250.50.`,
    ambiguous: `${shown} is ambiguous here. Write it without a separator (1250) or with decimals (1250.00).`,
    separators: `${shown} has more than one decimal separator.`,
    grouping: `${shown} has misplaced thousands separators.`,
    fraction: fractionDigits === 0 ? 'This takes whole numbers only.' : `Use at most ${fractionDigits} decimal place${fractionDigits === 1 ? '' : 's'}.`,
    large: 'That amount is too large.',
  };
  return { ok: false, error: errors[value] };
}

/** An amount of `currency` in minor units. */
export function parseAmount(input: string, locale: string, currency: string): ParseResult<number> {
  return parseScaled(input, locale, currencyDigits(currency));
}

/** A percentage 0..100 with up to two decimals (`12,5` -> 12.5). */
export function parsePercent(input: string, locale: string): ParseResult<number> {
  const parsed = parseScaled(input.replace(/%\s*$/, ''), locale, 2);
  if (!parsed.ok) return parsed;
  if (parsed.value > 100_00) return { ok: false, error: 'A percentage is at most 100.' };
  return { ok: true, value: parsed.value / 100 };
}

function decimalSeparator(compact: string, locale: LocaleSeparators | null): '.' | ',' | null | 'ambiguous' {
  const dots = count(compact, '.');
  const commas = count(compact, ',');
  if (dots && commas) return compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
  const only = dots ? '.' : commas ? ',' : null;
  if (!only) return null;
  if (count(compact, only) > 1) return null;
  const after = compact.length - compact.indexOf(only) - 1;
  if (after !== 3) return only;
  if (!locale) return null;
  if (locale.decimal === only) return only;
  if (locale.group === only) return null;
  return 'ambiguous';
}

/** `1,250,000` and Indian `12,50,000` are fine; `12,50` as grouping is not. */
function validGrouping(integerPart: string): boolean {
  if (!/[.,]/.test(integerPart)) return true;
  const groups = integerPart.split(/[.,]/);
  const [first, ...others] = groups;
  if (!first || first.length > 3) return false;
  const last = others.pop();
  return last?.length === 3 && others.every((g) => g.length === 2 || g.length === 3);
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}
