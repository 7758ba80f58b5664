import type { Scorecard, ScorecardAnswer, Warning } from '../health';
import type { Judgement } from '../model';
import type { Thresholds } from './definition';
import { hours, percent, plural } from './format';
import type { Signals } from './signals';

/**
 * Seed 001's seven questions. Data answers what it can (repeat business,
 * influence, spend, service, growth); the rep's judgement answers deliverables
 * and values, and overrides spend when they estimated a share of wallet.
 * With too little history, data-answered questions stay "unknown".
 */
export function answerScorecard(
  s: Signals,
  judgement: Judgement,
  warnings: readonly Warning[],
  t: Thresholds,
  enoughData: boolean,
): Scorecard {
  const has = (name: Warning['name']) => warnings.some((w) => w.name === name);
  const fromData = (question: ScorecardAnswer['question'], label: string, yes: boolean, why: string): ScorecardAnswer =>
    enoughData
      ? { question, label, answer: yes ? 'yes' : 'no', from: 'data', why }
      : { question, label, answer: 'unknown', from: 'none', why: 'Not enough history yet.' };
  const fromRep = (question: ScorecardAnswer['question'], label: string, value: boolean | null, ask: string): ScorecardAnswer =>
    value === null
      ? { question, label, answer: 'unknown', from: 'none', why: ask }
      : { question, label, answer: value ? 'yes' : 'no', from: 'rep', why: 'Your judgement.' };

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
        : { question: 'spend', label: 'Spend', answer: 'unknown', from: 'none', why: 'Estimate their share of wallet to answer this.' };

  const answers: ScorecardAnswer[] = [
    fromData('repeat', 'Repeat business', s.orders >= t.repeatOrders, `${plural(s.orders, 'order')} in the last ${t.windowMonths} months, in ${plural(s.orderMonths, 'month')}.`),
    fromData('influencer', 'Influencer', s.referrals > 0, s.referrals > 0 ? `${plural(s.referrals, 'referral')} or reference.` : 'No referral, testimonial or introduction logged.'),
    spend,
    fromData(
      'service',
      'Service',
      !has('One-sided') && !has('Squeaky wheel'),
      `${hours(s.serviceMinutes)} of service, ${plural(s.squeakyRequests, 'exception, change or dispute', 'exceptions, changes and disputes')}.`,
    ),
    fromData('growth', 'Up-sell and cross-sell', s.upsells > 0, s.upsells > 0 ? `${plural(s.upsells, 'up-sell or cross-sell', 'up-sells and cross-sells')}.` : 'No up-sell or cross-sell logged.'),
    fromRep('deliverables', 'Deliverables', judgement.rightReasons, 'Do they buy for the right reasons? Tell Quotewise.'),
    fromRep('values', 'Values', judgement.valuesAligned, 'Are you aligned on values and goals? Tell Quotewise.'),
  ];
  const yes = answers.filter((a) => a.answer === 'yes').length;
  return { answers, yes, verdict: yes >= 6 ? 'good' : yes <= 2 ? 'candidate to let go' : 'work on it' };
}
