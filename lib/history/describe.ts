import type { Formats } from '../format';
import type { AccountEvent, Money } from '../model';

const OUTCOME_LABELS = { won: 'won', lost: 'lost', lost_to_incumbent: 'lost to the incumbent', no_decision: 'no decision' } as const;

/** One line saying what happened, in the rep's words and locale (`f`). */
export function describeEvent(e: AccountEvent, f: Formats): string {
  const cash = (m: Money) => f.money(m.minor, m.currency);
  switch (e.type) {
    case 'quote':
      return [
        `${e.quoteRef}: ${cash(e.amount)}`,
        e.discountPct !== undefined ? `${f.percent(e.discountPct / 100, 2)} off` : '',
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
      return [e.invoiceRef, e.amount ? cash(e.amount) : '', `due ${f.day(e.dueAt)}`, e.paidAt !== undefined ? `paid ${f.day(e.paidAt)}` : 'unpaid']
        .filter(Boolean).join(', ');
    case 'payment':
      return [e.invoiceRef, e.amount ? cash(e.amount) : ''].filter(Boolean).join(', ') || 'Payment received';
    case 'service':
      return `${f.number(e.minutes)} min, ${e.kind.replace('_', ' ')}`;
    case 'engineering_change':
      return e.nre ? 'NRE charged' : 'No NRE charged';
    case 'referral':
      return e.kind.replace('_', ' ');
    case 'upsell':
      return `${e.kind.replace('_', '-')}${e.amount ? `, ${cash(e.amount)}` : ''}`;
    case 'note':
      return e.note;
    case 'warning_dismissed':
      return `${e.warning} ${e.until !== undefined ? `snoozed until ${f.day(e.until)}` : 'dismissed'}: ${e.reason}`;
  }
}

/** The event's money, when it has one. */
export function amountOf(e: AccountEvent): Money | null {
  return 'amount' in e && e.amount ? e.amount : null;
}
