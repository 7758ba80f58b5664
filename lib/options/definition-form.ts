import * as z from 'zod/mini';
import { parseAmount, parseScaled } from '../amount';
import { currencyDigits } from '../format';
import { Definition, type Thresholds, type Weights } from '../scoring/definition';

/**
 * The options page's ideal-account form as data: every editable field of the
 * definition, how it is shown (a ratio as a percentage, an amount in its
 * currency) and how the rep's text goes back into the definition. Pure.
 */
export type FieldKind = 'count' | 'percent' | 'decimal' | 'money' | 'currency' | 'weight' | 'name';

export interface DefinitionField {
  key: string;
  label: string;
  kind: FieldKind;
  group: string;
  read: (d: Definition) => number | string;
  write: (d: Definition, value: number | string) => Definition;
}

const threshold = (key: keyof Thresholds, label: string, kind: FieldKind, group: string): DefinitionField => ({
  key: `thresholds.${key}`,
  label,
  kind,
  group,
  read: (d) => d.thresholds[key],
  write: (d, value) => ({ ...d, thresholds: { ...d.thresholds, [key]: value } }),
});
const weight = (key: keyof Weights, label: string): DefinitionField => ({
  key: `weights.${key}`,
  label,
  kind: 'weight',
  group: 'Weights (points each signal moves the 0–100 score)',
  read: (d) => d.weights[key],
  write: (d, value) => ({ ...d, weights: { ...d.weights, [key]: value } }),
});

export const DEFINITION_FIELDS: readonly DefinitionField[] = [
  { key: 'name', label: 'Definition name', kind: 'name', group: 'Definition', read: (d) => d.name, write: (d, v) => ({ ...d, name: String(v) }) },
  threshold('windowMonths', 'Window: months of history that count', 'count', 'Window and data'),
  threshold('minEvents', 'Events needed before scoring', 'count', 'Window and data'),
  threshold('priceMinQuotes', 'Price relationship: at least this many quotes', 'count', 'Price relationship'),
  threshold('minWinRate', 'Minimum acceptable quote-to-order rate (%)', 'percent', 'Price relationship'),
  threshold('openQuoteDays', 'Days an open quote waits before it counts as no decision', 'count', 'Price relationship'),
  threshold('priceMatchRequests', 'Price-match requests that count as repeated', 'count', 'Price relationship'),
  threshold('paymentTermsDays', 'Payment terms (days)', 'count', 'Payment'),
  threshold('lateAfterDays', 'Late after this many days past due', 'count', 'Payment'),
  threshold('slowPayerLateInvoices', 'Late invoices that make a slow payer', 'count', 'Payment'),
  threshold('minOrderMinor', 'Minimum order size', 'money', 'Order size'),
  threshold('currency', 'Currency of the minimum order', 'currency', 'Order size'),
  threshold('wrongFitShare', 'Wrong fit: share of orders below the minimum (%)', 'percent', 'Order size'),
  threshold('squeakyPerOrder', 'Squeaky wheel: exceptions, changes and disputes per order', 'decimal', 'Service'),
  threshold('squeakyMinRequests', 'Squeaky wheel: at least this many requests', 'count', 'Service'),
  threshold('oneSidedServiceMinutes', 'One-sided: service minutes in the window', 'count', 'Service'),
  threshold('engineeringChanges', 'Engineering changes in the window', 'count', 'Engineering'),
  threshold('engineeringFollowOnOrders', 'Repeat orders expected after them', 'count', 'Engineering'),
  threshold('followOnDays', 'Days allowed for the repeat orders', 'count', 'Engineering'),
  threshold('repeatOrders', 'Repeat business: orders in the window', 'count', 'Scorecard'),
  threshold('shareOfWalletYes', 'Spend: share of wallet that counts as yes (%)', 'percent', 'Scorecard'),
  weight('scorecardYes', 'Each scorecard yes'),
  weight('scorecardNo', 'Each scorecard no'),
  weight('priceRelationship', 'Price relationship'),
  weight('oneSided', 'One-sided'),
  weight('engineeringWithoutVolume', 'Engineering without volume'),
  weight('slowPayer', 'Slow payer'),
  weight('squeakyWheel', 'Squeaky wheel'),
  weight('lateInvoice', 'Each late invoice'),
  weight('winRate', 'Win rate above or below the minimum'),
  weight('regularOrders', 'Each month with an order'),
];

/** The text a field shows for a definition, in the rep's locale. */
export function displayValue(field: DefinitionField, d: Definition, locale: string): string {
  const value = field.read(d);
  if (typeof value === 'string') return value;
  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false }).format(n);
  switch (field.kind) {
    case 'percent':
      return number(value * 100, 2);
    case 'money':
      return number(value / 10 ** currencyDigits(d.thresholds.currency), currencyDigits(d.thresholds.currency));
    case 'decimal':
    case 'weight':
      return number(value, 2);
    default:
      return String(value);
  }
}

export type FieldResult = { ok: true; definition: Definition } | { ok: false; error: string };

/** Put the rep's text for one field into the definition, or say what is wrong with it. */
export function applyField(field: DefinitionField, d: Definition, text: string, locale: string): FieldResult {
  let value: number | string;
  if (field.kind === 'name' || field.kind === 'currency') {
    value = field.kind === 'currency' ? text.trim().toUpperCase() : text.trim();
  } else if (field.kind === 'money') {
    const parsed = parseAmount(text, locale, d.thresholds.currency);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else {
    const digits = field.kind === 'count' ? 0 : field.kind === 'percent' ? 4 : 2;
    const parsed = parseScaled(text.replace(/%\s*$/, ''), locale, digits);
    if (!parsed.ok) return { ok: false, error: field.kind === 'count' && /whole/.test(parsed.error) ? 'Enter a whole number.' : parsed.error };
    value = parsed.value / 10 ** digits / (field.kind === 'percent' ? 100 : 1);
  }
  const next = field.write(d, value);
  const checked = Definition.safeParse(next);
  if (!checked.success) return { ok: false, error: explain(checked.error, field) };
  return { ok: true, definition: checked.data };
}

function explain(error: z.core.$ZodError, field: DefinitionField): string {
  if (field.kind === 'currency') return 'Use a 3-letter currency code, like USD or EUR.';
  if (field.kind === 'name') return 'Give the definition a name (up to 100 characters).';
  const issue = error.issues[0];
  if (issue?.code === 'too_big' || issue?.code === 'too_small') {
    const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const shown = field.kind === 'percent' ? `${limit * 100}%` : String(limit);
    return issue.code === 'too_big' ? `At most ${shown}.` : `At least ${shown}.`;
  }
  return issue?.message ?? 'Not a valid value.';
}

/** Whether two definitions differ in anything the rep edits (not version or date). */
export function sameRules(a: Definition, b: Definition): boolean {
  return JSON.stringify({ ...a, version: 0, updatedAt: 0 }) === JSON.stringify({ ...b, version: 0, updatedAt: 0 });
}
