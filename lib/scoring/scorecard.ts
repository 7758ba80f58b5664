import type { Scorecard, ScorecardAnswer, Warning } from '../health';
import type { Judgement } from '../model';
import type { Thresholds } from './definition';
import { hours, percent, plural } from './format';
import type { Signals } from './signals';

/** A verdict needs at least this many of the seven questions answered (a majority). */
export const MIN_ANSWERED = 4;

/**
 * Seed 001's seven questions. Data answers what it can (repeat business,
 * influence, spend, service, growth); the rep's judgement answers deliverables
 * and values, and overrides spend when they estimated a share of wallet.
 * An answer needs evidence: with too little history, or with nothing recorded
 * that bears on the question, it stays "unknown" and says what would answer it.
 */
export function answerScorecard(
  s: Signals,
  judgement: Judgement,
  warnings: readonly Warning[],
  t: Thresholds,
  enoughData: boolean,
): Scorecard {
  const has = (name: Warning['name']) => warnings.some((w) => w.name === name);
  const unknown = (question: ScorecardAnswer['question'], label: string, why: string): ScorecardAnswer => ({ question, label, answer: 'unknown', from: 'none', why });
  const fromData = (question: ScorecardAnswer['question'], label: string, yes: boolean, why: string): ScorecardAnswer =>
    enoughData ? { question, label, answer: yes ? 'yes' : 'no', from: 'data', why } : unknown(question, label, 'Not enough history yet.');
  const fromRep = (question: ScorecardAnswer['question'], label: string, value: boolean | null, ask: string): ScorecardAnswer =>
    value === null ? unknown(question, label, ask) : { question, label, answer: value ? 'yes' : 'no', from: 'rep', why: 'Your judgement.' };

  const spend: ScorecardAnswer =
    judgement.shareOfWallet !== null
      ? {
          question: 'spend',
          label: 'Spend',
          answer: judgement.shareOfWallet >= t.shareOfWalletYes ? 'yes' : 'no',
          from: 'rep',
          why: `You estimate ${percent(judgement.shareOfWallet)} of their budget comes to you.`,
        }
      : has('Price relationship')
        ? { question: 'spend', label: 'Spend', answer: 'no', from: 'data', why: 'They use your quotes to get a better price from their incumbent.' }
        : unknown('spend', 'Spend', 'Estimate their share of wallet to answer this.');

  const oneSided = has('One-sided');
  const answers: ScorecardAnswer[] = [
    !enoughData || s.evidence.business
      ? fromData('repeat', 'Repeat business', s.orders >= t.repeatOrders, repeatWhy(s, t))
      : unknown('repeat', 'Repeat business', 'No orders, invoices or payments recorded yet: log an order or import invoices to answer this.'),
    s.referrals > 0 || oneSided
      ? fromData('influencer', 'Influencer', s.referrals > 0, s.referrals > 0 ? `${plural(s.referrals, 'referral')} or reference.` : 'They take a lot of service and have given no referral, testimonial or introduction.')
      : unknown('influencer', 'Influencer', enoughData ? 'No referral, testimonial or introduction logged yet: log one when they give it.' : 'Not enough history yet.'),
    spend,
    !enoughData || s.evidence.service
      ? fromData(
          'service',
          'Service',
          !oneSided && !has('Squeaky wheel'),
          `${hours(s.serviceMinutes)} of service, ${plural(s.squeakyRequests, 'exception, change or dispute', 'exceptions, changes and disputes')} in the last ${t.windowMonths} months.`,
        )
      : unknown('service', 'Service', 'Nothing about service logged yet: log support time, exceptions, order changes or disputes to answer this.'),
    s.upsells > 0 || oneSided
      ? fromData('growth', 'Up-sell and cross-sell', s.upsells > 0, s.upsells > 0 ? `${plural(s.upsells, 'up-sell or cross-sell', 'up-sells and cross-sells')}.` : 'They take a lot of service with no up-sell or cross-sell.')
      : unknown('growth', 'Up-sell and cross-sell', enoughData ? 'No up-sell or cross-sell logged yet: log one when they buy a new line or open another department.' : 'Not enough history yet.'),
    fromRep('deliverables', 'Deliverables', judgement.rightReasons, 'Do they buy for the right reasons? Tell Quotewise.'),
    fromRep('values', 'Values', judgement.valuesAligned, 'Are you aligned on values and goals? Tell Quotewise.'),
  ];
  const yes = answers.filter((a) => a.answer === 'yes').length;
  const unknowns = answers.filter((a) => a.answer === 'unknown').length;
  return { answers, yes, verdict: verdictOf(yes, answers.length - yes - unknowns, unknowns) };
}

/**
 * Seed 001: 6 or 7 yes, a good customer; 2 or fewer, a candidate to let go; in between, work on
 * it. A verdict needs MIN_ANSWERED answers, and "work on it" needs the unknowns to be unable to
 * make it good; until then it is too early to judge.
 */
export function verdictOf(yes: number, no: number, unknown: number): Scorecard['verdict'] {
  if (yes + no < MIN_ANSWERED) return 'too early to judge';
  if (yes >= 6) return 'good';
  if (yes <= 2) return 'candidate to let go';
  return yes + unknown <= 5 ? 'work on it' : 'too early to judge';
}

function repeatWhy(s: Signals, t: Thresholds): string {
  if (s.orders === 0) {
    return s.evidence.businessBeforeWindowAt !== null
      ? `No orders, invoices or payments in the last ${t.windowMonths} months, though there were before.`
      : `No orders in the last ${t.windowMonths} months${s.lateInvoices > 0 ? '; invoices paid late do not count as business' : ''}.`;
  }
  const invoiced = s.ordersFromInvoices === 0 ? '' : s.ordersFromInvoices === s.orders ? ', counted from invoices and payments' : `, ${s.ordersFromInvoices} of them counted from invoices and payments`;
  const needed = s.orders < t.repeatOrders ? ` ${t.repeatOrders} make repeat business.` : '';
  return `${plural(s.orders, 'order')} in the last ${t.windowMonths} months, in ${plural(s.orderMonths, 'month')}${invoiced}.${needed}`;
}
