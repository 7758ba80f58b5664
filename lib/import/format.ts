import { isSpreadsheetFormula } from '../spreadsheet-csv';

/**
 * The Quotewise events CSV: the one file format Quotewise reads and writes for
 * history (README "Importing history"). Header names match case-insensitively,
 * in any order, with spaces or hyphens read as underscores.
 */
export const QUOTEWISE_COLUMNS = [
  'account',
  'domain',
  'contact_email',
  'date',
  'type',
  'amount',
  'currency',
  'quote_ref',
  'outcome',
  'discount_pct',
  'competitor',
  'competitor_price',
  'due_date',
  'paid_date',
  'minutes',
  'nre',
  'notes',
  /** Service: support | exception | order_change | dispute. Referral and upsell kinds too. */
  'kind',
  'invoice_ref',
  /** Order rows: the order number; invoice rows: the order they bill. Links the two (docs/scoring.md). */
  'order_ref',
] as const;
export type QuotewiseColumn = (typeof QUOTEWISE_COLUMNS)[number];


/** `Deal Stage` -> `deal_stage`; a UTF-8 byte-order mark left on the first header is dropped. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Undo the export's apostrophe guard (lib/spreadsheet-csv.ts): `'=SUM(A1)` is read back as the
 * text `=SUM(A1)`, a multi-line formula too. Quotewise stores formula-like text verbatim and never
 * evaluates it.
 */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && isSpreadsheetFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Every imported event's id starts with this, so it can be told from one logged by hand. */
export const IMPORTED_ID_PREFIX = 'imp-';
