import { QUOTEWISE_COLUMNS, type QuotewiseColumn } from './format';

/**
 * What each column of the Quotewise events CSV means, as the Import & backup page shows it
 * (docs/import.md says the same at length). Every column is here: the type says so.
 */
export const COLUMN_MEANINGS: Record<QuotewiseColumn, string> = {
  account: 'The customer’s company name. Each row needs an account, a domain or a contact email.',
  domain: 'The company’s web address without www (acme-industrial.com): how Quotewise knows their email.',
  contact_email: 'A person at the customer. Needed for people who write from free mail (Gmail and the like).',
  date: 'When it happened, as YYYY-MM-DD. Required.',
  type: 'What happened: quote, price_match, quote_outcome, order, invoice, payment, service, engineering_change, referral, upsell or note. Required.',
  amount: 'The amount in plain digits (1250.50), never negative. Quotes and orders need one.',
  currency: 'Three letters (USD, EUR, GBP). Empty: the currency in your settings.',
  quote_ref: 'Your quote number. Price-match requests and outcomes name the quote they belong to with it.',
  outcome: 'For quote_outcome rows: won, lost, lost_to_incumbent or no_decision.',
  discount_pct: 'The discount on the quote in percent: write 5 for five percent.',
  competitor: 'The competitor the customer named. Price-match rows need one.',
  competitor_price: 'The competitor’s price, in the same currency.',
  due_date: 'Invoice rows: when it is due (YYYY-MM-DD). Empty: after your payment terms.',
  paid_date: 'Invoice rows: when it was paid (YYYY-MM-DD).',
  minutes: 'Service rows: the minutes spent. Required there.',
  nre: 'Engineering-change rows: yes or no, whether you charged for the change.',
  notes: 'Anything else, as text. Note rows need it.',
  kind: 'Service: support, exception, order_change or dispute. Referral: testimonial, reference_call, introduction or other. Upsell: upsell or cross_sell.',
  invoice_ref: 'Invoice and payment rows: the invoice number.',
  order_ref: 'Order rows: the order number. Invoice rows: the order the invoice bills.',
};

type TemplateRow = Partial<Record<QuotewiseColumn, string>>;

/** Three rows that import as they are: a quote, the customer asking for a price match on it, and the quote won. */
const TEMPLATE_ROWS: readonly TemplateRow[] = [
  {
    account: 'Acme Industrial',
    domain: 'acme-industrial.com',
    contact_email: 'jane.doe@acme-industrial.com',
    date: '2026-03-02',
    type: 'quote',
    amount: '20600.00',
    currency: 'USD',
    quote_ref: 'ACM-1',
    discount_pct: '5',
    notes: '500 units for Q2',
  },
  {
    account: 'Acme Industrial',
    domain: 'acme-industrial.com',
    date: '2026-03-04',
    type: 'price_match',
    currency: 'USD',
    quote_ref: 'ACM-1',
    competitor: 'Globex Components',
    competitor_price: '19500.00',
    notes: 'Asked us to match',
  },
  { account: 'Acme Industrial', domain: 'acme-industrial.com', date: '2026-03-09', type: 'quote_outcome', quote_ref: 'ACM-1', outcome: 'won' },
];

/** The template the Import & backup page offers: every column as a header, and three example rows. */
export function templateCsv(): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [QUOTEWISE_COLUMNS.join(','), ...TEMPLATE_ROWS.map((row) => QUOTEWISE_COLUMNS.map((column) => cell(row[column] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export const TEMPLATE_FILE_NAME = 'quotewise-import-template.csv';
