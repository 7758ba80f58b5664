import type { QuotewiseDB } from '../db/db';
import { forEachAccountEvents } from '../db/events';
import type { Account, AccountEvent, Money } from '../model';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import { QUOTEWISE_COLUMNS, type QuotewiseColumn } from './format';
import type { BadRow } from './parse';
import { formatAmount, formatDate } from './values';

/**
 * Every event as the Quotewise events CSV, the same format the importer reads.
 * Dismissed warnings are the rep's own acts, not history: they are in the JSON
 * backup, not here. Cells that a spreadsheet would evaluate are guarded with an
 * apostrophe (lib/spreadsheet-csv.ts), which the importer removes (`unguardCell`).
 */
export async function eventsToCsv(db: QuotewiseDB): Promise<string> {
  const byId = new Map<string, Account>();
  const events: AccountEvent[] = [];
  await db.transaction('r', [db.accounts, db.eventChunks], async () => {
    for (const account of await db.accounts.toArray()) byId.set(account.id, account);
    await forEachAccountEvents(db, (_, list) => void events.push(...list));
  });
  events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const data = events.flatMap((event) => {
    const account = byId.get(event.accountId);
    return account && event.type !== 'warning_dismissed' ? [eventRow(account, event)] : [];
  });
  return toSpreadsheetCsv([...QUOTEWISE_COLUMNS], data, '\n');
}

/**
 * The import's bad rows as a CSV the rep can open beside the file: the reasons quote the file's
 * own cells, so they are guarded like every other export.
 */
export function badRowsCsv(bad: readonly BadRow[]): string {
  return toSpreadsheetCsv(['line', 'reason'], bad.map((row) => [row.line, row.reason]), '\r\n');
}

type Row = Record<QuotewiseColumn, string>;

function eventRow(account: Account, event: Exclude<AccountEvent, { type: 'warning_dismissed' }>): string[] {
  const row = Object.fromEntries(QUOTEWISE_COLUMNS.map((column) => [column, ''])) as Row;
  row.account = account.name;
  row.domain = account.domains[0] ?? '';
  row.contact_email = event.contactEmail ?? '';
  row.date = formatDate(event.at);
  row.type = event.type;
  row.notes = event.note ?? '';
  const money = (column: 'amount' | 'competitor_price', value: Money | undefined) => {
    if (!value) return;
    row[column] = formatAmount(value.minor, value.currency);
    row.currency ||= value.currency;
  };
  switch (event.type) {
    case 'quote':
      money('amount', event.amount);
      money('competitor_price', event.competitorPrice);
      row.quote_ref = event.quoteRef;
      row.discount_pct = event.discountPct === undefined ? '' : String(event.discountPct);
      row.competitor = event.competitor ?? '';
      break;
    case 'price_match':
      money('competitor_price', event.competitorPrice);
      row.competitor = event.competitor;
      row.quote_ref = event.quoteRef ?? '';
      break;
    case 'quote_outcome':
      row.outcome = event.outcome;
      row.quote_ref = event.quoteRef ?? '';
      break;
    case 'order':
      money('amount', event.amount);
      row.order_ref = event.orderRef ?? '';
      break;
    case 'invoice':
      money('amount', event.amount);
      row.due_date = formatDate(event.dueAt);
      row.paid_date = event.paidAt === undefined ? '' : formatDate(event.paidAt);
      row.invoice_ref = event.invoiceRef ?? '';
      row.order_ref = event.orderRef ?? '';
      break;
    case 'payment':
      money('amount', event.amount);
      row.invoice_ref = event.invoiceRef ?? '';
      break;
    case 'service':
      row.minutes = String(event.minutes);
      row.kind = event.kind;
      break;
    case 'engineering_change':
      row.nre = event.nre ? 'yes' : 'no';
      break;
    case 'referral':
    case 'upsell':
      row.kind = event.kind;
      if (event.type === 'upsell') money('amount', event.amount);
      break;
    case 'note':
      break;
  }
  return QUOTEWISE_COLUMNS.map((column) => row[column]);
}
