import type { AccountEvent, Money } from '../model';
import { money } from '../scoring/format';


const OUTCOME_LABELS = { won: 'won', lost: 'lost', lost_to_incumbent: 'lost to the incumbent', no_decision: 'no decision' } as const;
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(at: number): string {
  return day.format(at);
}

const cash = (m: Money) => money(m.minor, m.currency);

/** One line saying what happened, in the rep's words. */
export function describeEvent(e: AccountEvent): string {
  switch (e.type) {
    case 'quote':
      return [
        `${e.quoteRef}: ${cash(e.amount)}`,
        e.discountPct !== undefined ? `${e.discountPct}% off` : '',
        e.listPrice ? `list ${cash(e.listPrice)}` : '',
        e.competitor ? `against ${e.competitor}${e.competitorPrice ? ` at ${cash(e.competitorPrice)}` : ''}` : '',
      ].filter(Boolean).join(', ');
    case 'price_match':
      return `Asked to match ${e.competitor}${e.competitorPrice ? ` at ${cash(e.competitorPrice)}` : ''}${e.quoteRef ? ` (${e.quoteRef})` : ''}`;
    case 'quote_outcome':
      return `${e.quoteRef ?? 'Quote'} ${OUTCOME_LABELS[e.outcome]}`;
    case 'order':
      return cash(e.amount);
    case 'invoice':
      return [e.invoiceRef, e.amount ? cash(e.amount) : '', `due ${formatDay(e.dueAt)}`, e.paidAt !== undefined ? `paid ${formatDay(e.paidAt)}` : 'unpaid']
        .filter(Boolean).join(', ');
    case 'payment':
      return [e.invoiceRef, e.amount ? cash(e.amount) : ''].filter(Boolean).join(', ') || 'Payment received';
    case 'service':
      return `${e.minutes} min, ${e.kind.replace('_', ' ')}`;
    case 'engineering_change':
      return e.nre ? 'NRE charged' : 'No NRE charged';
    case 'referral':
      return e.kind.replace('_', ' ');
    case 'upsell':
      return `${e.kind.replace('_', '-')}${e.amount ? `, ${cash(e.amount)}` : ''}`;
    case 'note':
      return e.note;
    case 'warning_dismissed':
      return `${e.warning} ${e.until !== undefined ? `snoozed until ${formatDay(e.until)}` : 'dismissed'}: ${e.reason}`;
  }
}

/** The event's money, when it has one. */
export function amountOf(e: AccountEvent): Money | null {
  return 'amount' in e && e.amount ? e.amount : null;
}
