import { describe, expect, it } from 'vitest';
import { formats } from '@/lib/format';
import type { HealthSummary } from '@/lib/health';
import type { Judgement } from '@/lib/model';
import { DEFAULT_DEFINITION, Definition } from '@/lib/scoring/definition';
import { bandOf, scoreAccount } from '@/lib/scoring/score';
import { discountDeepening } from '@/lib/scoring/warnings';
import { NOW } from './helpers';
import { History } from './history';

const noJudgement: Judgement = { shareOfWallet: null, rightReasons: null, valuesAligned: null };
function score(history: History, judgement: Judgement = noJudgement, definition = DEFAULT_DEFINITION): HealthSummary {
  return scoreAccount({ account: { id: history.accountId, name: 'Acme Corp', judgement }, events: history.events, definition, now: NOW });
}
const names = (summary: HealthSummary) => summary.warnings.map((w) => w.name);
/** Evidence and reasons as a rep in en-US reads them: their dates, money and percentages are formatted when shown. */
const read = (text: string | undefined) => (text === undefined ? undefined : formats('en-US').text(text));

describe('Not enough data', () => {
  it('a single quote is not enough to judge, and raises no warning', () => {
    const summary = score(new History().quote(3, 1000));
    expect(summary).toMatchObject({ band: 'Not enough data', score: null, warnings: [] });
    expect(summary.reasons[0]?.text).toContain('4 are needed');
    expect(summary.scorecard.answers.find((a) => a.question === 'repeat')?.answer).toBe('unknown');
  });

  it('a new customer asking for three quotes in a week is not called a price relationship', () => {
    const h = new History().quote(6, 1000).priceMatch(5, 'Incumbent Co').quote(4, 950, { discountPct: 5 });
    expect(score(h)).toMatchObject({ band: 'Not enough data', warnings: [] });
  });
});

describe('Price relationship (000 Sales; 002 #1)', () => {
  const priceShopper = () =>
    new History()
      .quote(250, 10_000, { discountPct: 5, competitor: 'Acme Supply' })
      .priceMatch(245, 'Acme Supply')
      .quote(200, 9_500, { discountPct: 8, competitor: 'Acme Supply' })
      .priceMatch(195, 'Acme Supply')
      .outcome(190, 'lost_to_incumbent')
      .quote(150, 9_000, { discountPct: 12 })
      .priceMatch(145, 'Acme Supply')
      .outcome(140, 'lost_to_incumbent')
      .quote(100, 8_800, { discountPct: 15 })
      .priceMatch(95, 'Other Co')
      .quote(60, 8_700, { discountPct: 18 })
      .order(55, 8_700)
      .quote(20, 8_600, { discountPct: 18 });

  it('is raised with the evidence in numbers and the articles’ advice', () => {
    const summary = score(priceShopper());
    const warning = summary.warnings.find((w) => w.name === 'Price relationship');
    expect(warning).toBeDefined();
    expect(read(warning!.evidence)).toBe(
      '6 quotes since Sep 24, 2025, 1 order (17%); 4 price-match requests, 3 naming Acme Supply; lost twice when the incumbent matched; discount deepened from 5% to 18%.',
    );
    // Stored without a locale: each view formats the date and the rate in its rep's own.
    expect(warning!.evidence).toMatch(/^6 quotes since ⟦day:\d+⟧, 1 order \(⟦percent:[\d.]+:0⟧\)/);
    expect(formats('en-GB').text(warning!.evidence)).toMatch(/^6 quotes since 24 Sept 2025, 1 order \(17%\)/);
    expect(formats('de-DE').text(warning!.evidence).replace(/\u00a0/g, ' ')).toMatch(/^6 quotes since 24\. Sept\. 2025, 1 order \(17 %\);.* discount deepened from 5 % to 18 %\.$/);
    expect(warning!.advice).toMatch(/^Stop re-quoting lower\. Explain what it takes to get that price \(volume, terms\)/);
    expect(warning!.severity).toBe('high');
    expect(summary.band).toBe('At risk');
    expect(summary.reasons[0]!.points).toBeLessThan(0);
    expect(summary.reasons[0]!.text).toMatch(/^Price relationship/);
  });

  it('one price-match among many wins raises nothing', () => {
    const h = new History();
    for (let i = 0; i < 8; i++) h.quote(300 - i * 30, 5000).outcome(295 - i * 30, 'won').order(290 - i * 30, 5000);
    h.priceMatch(100, 'Acme Supply');
    const summary = score(h);
    expect(names(summary)).not.toContain('Price relationship');
    expect(summary.band).toBe('Healthy');
  });

  it('ages out: price shopping two years ago, steady orders since', () => {
    const h = new History();
    for (let i = 0; i < 6; i++) h.quote(800 - i * 10, 5000, { discountPct: 5 + i }).priceMatch(795 - i * 10, 'Acme Supply');
    h.outcome(700, 'lost_to_incumbent').outcome(690, 'lost_to_incumbent');
    h.steadyOrders(12);
    const summary = score(h);
    expect(names(summary)).not.toContain('Price relationship');
    expect(summary.band).not.toBe('At risk');
  });

  it('needs few orders: many quotes with a healthy win rate and price talk is not a price relationship', () => {
    const h = priceShopper().order(10, 9000).order(8, 9000).order(6, 9000);
    expect(names(score(h))).not.toContain('Price relationship');
  });
});

describe('Slow payer (000 Accounting & Finance; 004)', () => {
  it('is raised for repeated late payment, with the trend', () => {
    const h = new History().steadyOrders(6).invoice(300, 2).invoice(200, 20).invoice(120, 30).invoice(60, 45);
    const summary = score(h);
    const warning = summary.warnings.find((w) => w.name === 'Slow payer');
    expect(warning?.evidence).toBe('3 of 4 invoices paid late, on average 32 days past terms; getting slower (11 → 38 days).');
    expect(warning?.advice).toMatch(/isn't a bank/);
  });

  it('a slow payer is not a price relationship', () => {
    const h = new History().steadyOrders(6).invoice(200, 20).invoice(120, 30).invoice(60, 45);
    expect(names(score(h))).toEqual(['Slow payer']);
  });

  it('a payment a few days late, once, raises nothing', () => {
    const h = new History().steadyOrders(6).invoice(200, 3).invoice(120, 12).invoice(60, 0);
    expect(names(score(h))).toEqual([]);
  });

  it('an unpaid invoice past its due date counts as late until paid', () => {
    const h = new History().steadyOrders(6).invoice(200, 20);
    h.events.push({ ...h.events.at(-1)!, id: 'unpaid', at: NOW - 90 * 86_400_000, type: 'invoice', dueAt: NOW - 60 * 86_400_000 } as never);
    delete (h.events.at(-1) as { paidAt?: number }).paidAt;
    expect(score(h).warnings.find((w) => w.name === 'Slow payer')?.evidence).toMatch(/^2 of 2 invoices paid late/);
  });
});

describe('One-sided (002 #2)', () => {
  it('is raised by high, rising service time with no growth', () => {
    const h = new History().steadyOrders(4).service(300, 60).service(200, 120).service(90, 240).service(30, 300);
    const warning = score(h).warnings.find((w) => w.name === 'One-sided');
    expect(warning).toMatchObject({ severity: 'high' });
    expect(read(warning!.evidence)).toMatch(/^12 h of service since Jun 1, 2025, rising \(9 h in the recent half\); no up-sell, cross-sell or referral\.$/);
  });

  it('the same service time with an up-sell or a referral is give and take', () => {
    const h = new History().steadyOrders(4).service(300, 60).service(200, 120).service(90, 240).service(30, 300).upsell(20);
    expect(names(score(h))).not.toContain('One-sided');
    const r = new History().steadyOrders(4).service(300, 60).service(200, 120).service(90, 240).service(30, 300).referral(20);
    expect(names(score(r))).not.toContain('One-sided');
  });
});

describe('Squeaky wheel (004)', () => {
  it('is raised by many exceptions, changes and disputes relative to orders', () => {
    const h = new History().order(200, 3000).order(100, 3000).service(190, 30, 'exception').service(150, 30, 'order_change').service(90, 20, 'dispute').service(40, 20, 'exception');
    expect(read(score(h).warnings.find((w) => w.name === 'Squeaky wheel')?.evidence)).toBe(
      '4 exceptions, order changes and disputes against 2 orders ($6,000.00).',
    );
  });

  it('a few requests across many orders is ordinary service', () => {
    const h = new History().steadyOrders(10).service(190, 30, 'exception').service(150, 30, 'order_change').service(90, 20, 'dispute');
    expect(names(score(h))).not.toContain('Squeaky wheel');
  });
});

describe('Engineering without volume (000 Production & Engineering)', () => {
  it('is raised by change requests that never turn into repeat orders', () => {
    const h = new History().quote(300, 20_000).engineeringChange(280).engineeringChange(200).engineeringChange(120).order(100, 20_000);
    const warning = score(h).warnings.find((w) => w.name === 'Engineering without volume');
    expect(read(warning?.evidence)).toBe('3 engineering change requests since Aug 25, 2025, 1 order within 180 days; NRE charged on 0.');
    expect(warning?.advice).toMatch(/non-recurring engineering \(NRE\)/);
  });

  it('change requests followed by repeat volume are a good investment', () => {
    const h = new History().engineeringChange(280).engineeringChange(250).engineeringChange(220).order(200, 20_000).order(170, 20_000).order(140, 20_000);
    expect(names(score(h))).not.toContain('Engineering without volume');
  });
});

describe('Wrong fit (003)', () => {
  it('a small loyal account that orders tiny amounts is Wrong fit, not At risk for bad behaviour', () => {
    const h = new History();
    for (let m = 0; m < 12; m++) h.order(10 + m * 30, 120);
    h.invoice(100, 0).invoice(50, 0).referral(40);
    const summary = score(h);
    expect(names(summary)).toEqual(['Wrong fit']);
    expect(read(summary.warnings[0]!.evidence)).toBe('12 of 12 orders below $1,000.00 (average $120.00).');
    expect(summary.band).not.toBe('At risk');
    expect(summary.score!).toBeGreaterThanOrEqual(60);
  });

  it('a few small orders among large ones is not a wrong fit', () => {
    const h = new History().steadyOrders(8, 9000).order(3, 100).order(2, 100);
    expect(names(score(h))).not.toContain('Wrong fit');
  });
});

describe('scorecard (001)', () => {
  it('answers from data where it can and from the rep where it cannot', () => {
    const h = new History().steadyOrders(6).referral(40).upsell(30).service(20, 30);
    const summary = score(h, { shareOfWallet: 0.8, rightReasons: true, valuesAligned: true });
    expect(summary.scorecard.answers.map((a) => [a.question, a.answer, a.from])).toEqual([
      ['repeat', 'yes', 'data'],
      ['influencer', 'yes', 'data'],
      ['spend', 'yes', 'rep'],
      ['service', 'yes', 'data'],
      ['growth', 'yes', 'data'],
      ['deliverables', 'yes', 'rep'],
      ['values', 'yes', 'rep'],
    ]);
    expect(summary.scorecard).toMatchObject({ yes: 7, verdict: 'good' });
    expect(summary.band).toBe('Healthy');
  });

  it('leaves deliverables and values unknown until the rep says, and 2 or fewer yes is a candidate to let go', () => {
    const h = new History().order(200, 5000).quote(150, 5000).quote(100, 5000).quote(50, 5000).service(40, 700);
    const summary = score(h);
    expect(summary.scorecard.answers.filter((a) => a.answer === 'unknown').map((a) => a.question)).toEqual(['spend', 'deliverables', 'values']);
    expect(summary.scorecard.verdict).toBe('candidate to let go');
  });
});

describe('dismissing and snoozing', () => {
  const slow = () => new History().steadyOrders(6).invoice(200, 20).invoice(120, 30).invoice(60, 45);

  it('a snoozed warning leaves the badge until the snooze ends, with its reason kept', () => {
    const snoozed = score(slow().dismiss(1, 'Slow payer', 'Agreed a payment plan', 30));
    expect(names(snoozed)).toEqual([]);
    expect(snoozed.dismissed).toEqual([expect.objectContaining({ name: 'Slow payer', reason: 'Agreed a payment plan' })]);
    const expired = score(slow().dismiss(60, 'Slow payer', 'Agreed a payment plan', -1));
    expect(names(expired)).toEqual(['Slow payer']);
  });

  it('dismissing does not change the score: the facts still count', () => {
    expect(score(slow().dismiss(1, 'Slow payer', 'Known issue')).score).toBe(score(slow()).score);
  });
});

describe('definition', () => {
  it('every score names the definition version', () => {
    const v7 = Definition.parse({ ...DEFAULT_DEFINITION, version: 7 });
    expect(score(new History().steadyOrders(6), noJudgement, v7).definitionVersion).toBe(7);
  });

  it('thresholds change the verdict: a 60-day window forgets older behaviour', () => {
    const h = new History().invoice(200, 20).invoice(150, 30).invoice(100, 45).steadyOrders(2);
    expect(names(score(h))).toContain('Slow payer');
    const short = Definition.parse({ ...DEFAULT_DEFINITION, thresholds: { ...DEFAULT_DEFINITION.thresholds, windowMonths: 2 } });
    expect(names(score(h, noJudgement, short))).not.toContain('Slow payer');
  });
});

describe('pieces', () => {
  it('discount deepening needs three rounds that never shrink', () => {
    expect(discountDeepening([5, 8, 12])).toEqual({ from: 5, to: 12 });
    expect(discountDeepening([5, 8])).toBeNull();
    expect(discountDeepening([5, 12, 8])).toBeNull();
    expect(discountDeepening([20, 5, 8, 12, 12])).toEqual({ from: 5, to: 12 });
    expect(discountDeepening([10, 10, 10])).toBeNull();
  });

  it('bands: Healthy needs no medium warning; a high warning is At risk', () => {
    const medium = { name: 'Slow payer', severity: 'medium', evidence: '', advice: '', source: '' } as const;
    expect(bandOf(90, [])).toBe('Healthy');
    expect(bandOf(90, [medium])).toBe('Watch');
    expect(bandOf(90, [{ ...medium, severity: 'high' }])).toBe('At risk');
    expect(bandOf(44, [])).toBe('At risk');
    expect(bandOf(null, [])).toBe('Not enough data');
  });
});
