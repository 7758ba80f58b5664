import type { AccountEvent } from '../model';
import { EVENT_LABELS } from '../event-types';
import { type Formats, isoDay } from '../format';
import { formatAmount } from '../import/values';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import { amountOf, describeEvent } from './describe';
import type { PortfolioRow } from './portfolio';

/**
 * CSV of what is on screen. Data columns hold machine forms (ISO days, plain decimals in the
 * currency's own digits, ratios) so a spreadsheet reads them as values; the human column
 * ("What happened") reads as the timeline does, in the rep's locale (lib/format.ts).
 * Cells that a spreadsheet would run as a formula (lib/spreadsheet-csv.ts) are prefixed with an
 * apostrophe: account names and notes come from emails and imports, i.e. from other people.
 */
function toCsv(fields: string[], data: (string | number | null)[][]): string {
  return toSpreadsheetCsv(fields, data, '\r\n');
}


export function portfolioCsv(rows: readonly PortfolioRow[]): string {
  return toCsv(
    ['Account', 'Domains', 'Band', 'Score', 'Warnings', 'Revenue', 'Currency', 'Quote-to-order rate', 'Days late (max)', 'Last activity'],
    rows.map((r) => [
      r.name,
      r.domains.join(' '),
      r.band,
      r.score,
      r.warnings.join('; '),
      formatAmount(r.revenueMinor, r.currency),
      r.currency,
      r.quoteToOrderRate === null ? '' : Math.round(r.quoteToOrderRate * 100) / 100,
      r.maxDaysLate,
      r.lastActivityAt === null ? '' : isoDay(r.lastActivityAt),
    ]),
  );
}

export function historyCsv(accountName: string, events: readonly AccountEvent[], f: Formats): string {
  return toCsv(
    ['Account', 'Date', 'Type', 'What happened', 'Amount', 'Currency', 'Contact', 'Note', 'Source', 'Event id'],
    events.map((e) => {
      const amount = amountOf(e);
      return [
        accountName,
        isoDay(e.at),
        EVENT_LABELS[e.type],
        describeEvent(e, f),
        amount ? formatAmount(amount.minor, amount.currency) : '',
        amount?.currency ?? '',
        e.contactEmail ?? '',
        e.type === 'note' ? '' : (e.note ?? ''),
        e.source,
        e.id,
      ];
    }),
  );
}

/** A safe file name from an account name: "Acme Corp" -> "acme-corp". */
export function fileSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
}
