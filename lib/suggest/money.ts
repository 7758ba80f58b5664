import { ALWAYS_GROUPING, scaleDigits } from '../amount';
import { currencyDigits } from '../format';

/**
 * Amounts of money as people write them in an email, to integer minor units:
 * `$12,500`, `USD 12.5k`, `12.500,00 €`, `EUR 12 500`, `£9.8k`, `CHF 1'200`, `6.150 EUR`.
 * Pure and exact (no floating point on the way to minor units).
 *
 * Why not a library: the ones that parse money (currency.js, the `Intl` parsers) read
 * one number in one known locale; an email mixes `12.500,00 €` and `$6,150` in one
 * thread, so the separator must be decided per number, by the quick-log form's own
 * parser (lib/amount.ts `scaleDigits`) in its locale-free mode: the rep's locale says
 * nothing about how the customer writes:
 *  - spaces and apostrophes only ever group thousands;
 *  - with both `.` and `,`, the last one is the decimal separator;
 *  - one that appears more than once groups;
 *  - one that appears once followed by exactly three digits groups (`6.150 EUR`, `$6,150`),
 *    otherwise it is the decimal separator (`12.5k`, `1,5 Mio`).
 */

export interface Money {
  minor: number;
  currency: string;
}

/** A money amount found in text, and where. */
export interface FoundMoney extends Money {
  index: number;
  end: number;
}

const SYMBOLS: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', C$: 'CAD', A$: 'AUD', CA$: 'CAD', AU$: 'AUD' };
const CODES = 'USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF|CNY|INR|MXN|BRL|NZD|SGD|HKD|ZAR';
const WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', eur: 'EUR', pounds: 'GBP', pound: 'GBP' };

// A number: digits with optional groups (, . space NBSP thin-space apostrophe) and an optional scale.
const NUM = String.raw`\d(?:[\d,.'’\u00a0\u202f\u2009]|\s(?=\d{3}(?!\d)))*`;
const SCALE = String.raw`(?:\s?(?:k|K|m|M|mn|Mio\.?|million|millions|thousand|mil|Tsd\.?)(?![a-zA-Z]))?`;
const SYM = String.raw`US\$|C\$|CA\$|A\$|AU\$|\$|€|£|¥`;
const BEFORE = new RegExp(String.raw`(?:(${SYM})\s?|\b(${CODES})\s?)(${NUM})(${SCALE})`, 'gi');
const AFTER = new RegExp(String.raw`(?<![\d$€£¥])(${NUM})(${SCALE})\s?(?:(${SYM})|\b(${CODES}|euros?|dollars?|pounds?)\b)`, 'gi');

/** Every amount of money in `text` (with a currency sign, code or word), in order. */
export function findMoney(text: string): FoundMoney[] {
  const found: FoundMoney[] = [];
  for (const m of text.matchAll(BEFORE)) {
    const currency = currencyOf(m[1] ?? m[2]!);
    const minor = toMinor(m[3]!, m[4]!, currency);
    if (minor !== null) found.push({ minor, currency, index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(AFTER)) {
    if (found.some((f) => m.index < f.end && f.index < m.index + m[0].length)) continue;
    const currency = currencyOf(m[3] ?? m[4]!);
    const minor = toMinor(m[1]!, m[2]!, currency);
    if (minor !== null) found.push({ minor, currency, index: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

function currencyOf(mark: string): string {
  const upper = mark.toUpperCase();
  return SYMBOLS[mark] ?? SYMBOLS[upper] ?? WORDS[mark.toLowerCase()] ?? upper;
}

const SCALES: Record<string, number> = { k: 3, thousand: 3, tsd: 3, m: 6, mn: 6, mio: 6, million: 6, millions: 6, mil: 3 };

/**
 * `"12.500,00"`, `"k"`, `"EUR"` → 1250000. Null when it is not a number. The separators are
 * read as the quick-log form reads them, without the rep's locale (lib/amount.ts `scaleDigits`,
 * locale null); a scale word shifts the decimal point before the minor units are taken.
 */
export function toMinor(number: string, scale: string, currency: string): number | null {
  const key = scale.trim().toLowerCase().replace(/\.$/, '');
  const value = scaleDigits(number.replace(ALWAYS_GROUPING, '').replace(/[.,]+$/, ''), null, (SCALES[key] ?? 0) + currencyDigits(currency));
  return typeof value === 'number' ? value : null;
}
