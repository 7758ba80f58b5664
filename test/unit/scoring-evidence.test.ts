import { describe, expect, it } from 'vitest';
import { bandLine } from '@/lib/content/state';
import type { HealthSummary } from '@/lib/health';
import { importRows } from '@/lib/import/write';
import type { RowContext } from '@/lib/import/map-row';
import { analyseCsv, readHeaders } from '@/lib/import/parse';
import { detectMapping } from '@/lib/import/presets';
import type { AccountEvent, Judgement } from '@/lib/model';
import { DEFAULT_DEFINITION, Definition } from '@/lib/scoring/definition';
import { parseDefinitionFile } from '@/lib/scoring/file';
import { HEALTHY_FROM, scoreAccount } from '@/lib/scoring/score';
import { verdictOf } from '@/lib/scoring/scorecard';
import { refreshSummaries, withPastBands } from '@/lib/scoring/store';
import { DAY, freshDb, NOW } from './helpers';
import { History, usd } from './history';

const noJudgement: Judgement = { shareOfWallet: null, rightReasons: null, valuesAligned: null };
const allYes: Judgement = { shareOfWallet: 0.8, rightReasons: true, valuesAligned: true };
const score = (events: readonly AccountEvent[], judgement = noJudgement, definition = DEFAULT_DEFINITION, now = NOW) =>
  scoreAccount({ account: { id: 'acc', name: 'Acme Corp', judgement }, events, definition, now });
const answer = (summary: HealthSummary, question: string) => summary.scorecard.answers.find((a) => a.question === question)!;
const reason = (summary: HealthSummary, start: string) => summary.reasons.find((r) => r.text.startsWith(start));

/** An invoice `daysAgo`, due 30 days later, paid `daysLate` after that (negative: early), with optional references. */
function invoice(h: History, daysAgo: number, daysLate: number, refs: { orderRef?: string; invoiceRef?: string } = {}, major = 1000): History {
  h.invoice(daysAgo, daysLate);
  Object.assign(h.events.at(-1)!, { amount: usd(major) }, refs);
  return h;
}
const withRef = (h: History, orderRef: string) => {
  Object.assign(h.events.at(-1)!, { orderRef });
  return h;
};

describe('evidence: unknown is never yes or no', () => {
  it('service is unknown when nothing about service was ever logged, and moves the score by nothing', () => {
    const summary = score(new History().steadyOrders(6).events);
    expect(answer(summary, 'service')).toMatchObject({ answer: 'unknown', from: 'none' });
    expect(reason(summary, 'Service:')).toEqual({ points: 0, text: expect.stringMatching(/^Service: not known yet\. Nothing about service logged yet: log support time/) });
    expect(summary.reasons.map((r) => r.text).join('\n')).not.toMatch(/0 min of service/);
  });

  it('service logged once, long ago, is evidence: quiet since then is a yes', () => {
    const summary = score(new History().service(500, 20).steadyOrders(6).events);
    expect(answer(summary, 'service')).toMatchObject({ answer: 'yes', from: 'data' });
  });

  it('repeat business is unknown when no orders, invoices or payments exist at all', () => {
    const h = new History().quote(200, 1000).quote(150, 1000).quote(100, 1000).referral(50);
    const summary = score(h.events);
    expect(summary.score).not.toBeNull();
    expect(answer(summary, 'repeat')).toMatchObject({ answer: 'unknown', why: expect.stringMatching(/log an order or import invoices/) });
    expect(reason(summary, 'Repeat business:')?.points).toBe(0);
  });

  it('a first order is never held against an account: "not yet", for no points', () => {
    const without = new History().quote(200, 1000).quote(150, 1000).quote(100, 1000).referral(50);
    const withOrder = new History().quote(200, 1000).quote(150, 1000).quote(100, 1000).referral(50).order(90, 1000);
    const summary = score(withOrder.events);
    expect(answer(summary, 'repeat').answer).toBe('no');
    expect(reason(summary, 'Repeat business:')).toMatchObject({ points: 0, text: expect.stringMatching(/^Repeat business: not yet \(no points off\)\. 1 order .* 3 make repeat business\.$/) });
    expect(summary.score!).toBeGreaterThanOrEqual(score(without.events).score!);
  });

  it('an account that stopped buying answers no, with the points', () => {
    const h = new History().order(500, 1000).order(450, 1000).quote(100, 1000).quote(60, 1000).referral(50).service(40, 30);
    const summary = score(h.events);
    expect(answer(summary, 'repeat')).toMatchObject({ answer: 'no', why: expect.stringMatching(/though there were before/) });
    expect(reason(summary, 'Repeat business:')?.points).toBe(-6);
  });

  it('influence and growth are unknown without a referral or up-sell, unless the account is one-sided', () => {
    const plain = score(new History().steadyOrders(6).events);
    expect([answer(plain, 'influencer').answer, answer(plain, 'growth').answer]).toEqual(['unknown', 'unknown']);
    const oneSided = score(new History().steadyOrders(4).service(300, 60).service(200, 120).service(90, 240).service(30, 300).events);
    expect([answer(oneSided, 'influencer').answer, answer(oneSided, 'growth').answer]).toEqual(['no', 'no']);
  });
});

describe('invoices and payments are business', () => {
  it('invoices alone answer repeat business and regular ordering, and bring revenue', () => {
    const h = new History();
    for (let m = 0; m < 11; m++) invoice(h, 10 + m * 30, -2, {}, 4000);
    const summary = score(h.events);
    expect(answer(summary, 'repeat')).toMatchObject({ answer: 'yes', why: '11 orders in the last 12 months, in 11 months, counted from invoices and payments.' });
    expect(reason(summary, 'Ordered in 11 months')?.points).toBe(16.5);
    expect(summary.figures.revenueMinor).toBe(11 * 400_000);
    expect(summary.band).toMatch(/^(Healthy|Watch)$/);
  });

  it('an invoice naming its order is that order: counted once', () => {
    const linked = withRef(new History().order(100, 5000), 'SO-1');
    invoice(linked, 70, 0, { orderRef: 'SO-1' }, 5000);
    const summary = score(linked.quote(60, 10).quote(50, 10).events);
    expect(summary.scorecard.answers[0]!.why).toMatch(/^1 order in the last 12 months, in 1 month\./);
    expect(summary.figures.revenueMinor).toBe(500_000);
  });

  it('without a reference, a month with an order and an invoice counts once; a month with only an invoice counts too', () => {
    const h = new History().order(100, 5000);
    invoice(h, 98, 0, {}, 5000);
    invoice(h, 40, 0, {}, 3000);
    const summary = score(h.quote(60, 10).quote(50, 10).events);
    expect(answer(summary, 'repeat').why).toMatch(/^2 orders in the last 12 months, in 2 months, 1 of them counted from invoices and payments\./);
    expect(summary.figures.revenueMinor).toBe(800_000);
  });

  it('a payment against a recorded invoice is that invoice; a payment with no invoice stands for one', () => {
    const h = new History();
    invoice(h, 100, 0, { invoiceRef: 'INV-1' });
    h.events.push({ id: 'p1', accountId: 'acc', type: 'payment', at: NOW - 40 * DAY, invoiceRef: 'INV-1', amount: usd(1000), source: 'import', createdAt: NOW });
    h.events.push({ id: 'p2', accountId: 'acc', type: 'payment', at: NOW - 10 * DAY, invoiceRef: 'INV-2', amount: usd(2000), source: 'import', createdAt: NOW });
    const summary = score(h.quote(90, 10).quote(80, 10).events);
    expect(answer(summary, 'repeat').why).toMatch(/^2 orders in the last 12 months, in 2 months, counted from invoices and payments\./);
    expect(summary.figures.revenueMinor).toBe(300_000);
  });

  it('an invoice paid late counts against the account (late invoice), never for it as business', () => {
    const h = new History().quote(200, 10).quote(150, 10).quote(100, 10);
    const onTime = score(invoice(new History().quote(200, 10).quote(150, 10).quote(100, 10), 90, 0).events);
    const late = score(invoice(h, 90, 20).events);
    expect(onTime.scorecard.answers[0]!.why).toMatch(/^1 order/);
    expect(late.scorecard.answers[0]!.why).toMatch(/invoices paid late do not count as business/);
    expect(late.score!).toBeLessThan(onTime.score!);
  });
});

describe('open quotes are not losses', () => {
  const steady = () => {
    const h = new History();
    for (let m = 0; m < 6; m++) h.quote(20 + m * 30, 1000, { ref: `W${m}` }).outcome(15 + m * 30, 'won', `W${m}`).order(15 + m * 30, 1000);
    for (let m = 0; m < 4; m++) h.quote(25 + m * 30, 1000, { ref: `L${m}` }).outcome(22 + m * 30, 'lost', `L${m}`);
    return h;
  };

  it('logging a quote leaves the quote-to-order rate and the score as they were while it is open', () => {
    const before = score(steady().events);
    const after = score(steady().quote(0, 1000, { ref: 'NEW' }).events);
    expect(after.figures.quoteToOrderRate).toBe(before.figures.quoteToOrderRate);
    expect(after.score).toBe(before.score);
    expect(reason(after, 'Quote-to-order rate')?.text).toMatch(/6 orders from 10 decided quotes; 1 quote still open, not counted yet\.$/);
  });

  it('after the timeout (60 days by default) an open quote counts as no decision, and the reason says so', () => {
    const h = steady().quote(61, 1000, { ref: 'OLD' });
    const summary = score(h.events);
    expect(summary.figures.quoteToOrderRate).toBeCloseTo(6 / 11);
    expect(reason(summary, 'Quote-to-order rate')?.text).toMatch(/6 orders from 11 decided quotes; 1 with no outcome after 60 days, counted as no decision\.$/);
    const patient = Definition.parse({ ...DEFAULT_DEFINITION, thresholds: { ...DEFAULT_DEFINITION.thresholds, openQuoteDays: 90 } });
    expect(score(h.events, noJudgement, patient).figures.quoteToOrderRate).toBeCloseTo(6 / 10);
  });

  it('an outcome with no quote reference settles the latest open quote before it', () => {
    const h = new History().quote(50, 1000).quote(40, 1000).outcome(30, 'lost').order(20, 1000);
    const summary = score(h.events);
    expect(summary.figures.quoteToOrderRate).toBe(1);
    expect(reason(summary, 'Quote-to-order rate')?.text).toMatch(/1 order from 1 decided quote; 1 quote still open/);
  });

  it('with every quote still open the rate is unknown: no points, and no price relationship', () => {
    const h = new History().quote(30, 1000).quote(25, 1000).quote(20, 1000).quote(15, 1000).priceMatch(14, 'Globex').priceMatch(10, 'Globex').priceMatch(5, 'Globex');
    const summary = score(h.events);
    expect(summary.figures.quoteToOrderRate).toBeNull();
    expect(summary.warnings).toEqual([]);
    expect(reason(summary, 'Quote-to-order rate')).toEqual({ points: 0, text: 'Quote-to-order rate not known yet: 4 quotes still open. Each counts once it has an outcome, or after 60 days as no decision.' });
  });

  it('definitions saved or exported before the timeout existed get the default', () => {
    const { openQuoteDays: _dropped, ...older } = DEFAULT_DEFINITION.thresholds;
    expect(Definition.parse({ ...DEFAULT_DEFINITION, thresholds: older }).thresholds.openQuoteDays).toBe(60);
    const file = JSON.stringify({ format: 'quotewise-definition', formatVersion: 1, definition: { ...DEFAULT_DEFINITION, thresholds: older } });
    expect(parseDefinitionFile(file)).toMatchObject({ ok: true, definition: { thresholds: { openQuoteDays: 60 } } });
  });
});

describe('one story per account', () => {
  it('a new account with no events: too early to judge, Not enough data, and a reason that says how to start', () => {
    const summary = score([], allYes);
    expect(summary).toMatchObject({ band: 'Not enough data', score: null, scorecard: { verdict: 'too early to judge' } });
    expect(summary.reasons).toEqual([{ points: 0, text: 'No history yet: log a quote or an order, or import history. Scoring starts at 4 events.' }]);
  });

  it('the verdict needs four answers, and "work on it" only once the unknowns cannot make it good', () => {
    expect(verdictOf(3, 0, 4)).toBe('too early to judge');
    expect(verdictOf(0, 3, 4)).toBe('too early to judge');
    expect(verdictOf(0, 4, 3)).toBe('candidate to let go');
    expect(verdictOf(2, 2, 3)).toBe('candidate to let go');
    expect(verdictOf(4, 0, 3)).toBe('too early to judge');
    expect(verdictOf(3, 2, 2)).toBe('work on it');
    expect(verdictOf(5, 2, 0)).toBe('work on it');
    expect(verdictOf(6, 0, 1)).toBe('good');
  });

  it('a score of 100 is the ideal account: seven yes; anything less is held below it, and says why', () => {
    const ideal = new History().steadyOrders(12).referral(40).upsell(30).service(20, 30);
    for (let m = 0; m < 12; m++) ideal.quote(8 + m * 30, 1000, { ref: `Q${m}` }).outcome(6 + m * 30, 'won', `Q${m}`);
    expect(score(ideal.events, allYes)).toMatchObject({ score: 100, band: 'Healthy', scorecard: { yes: 7, verdict: 'good' } });
    const unanswered = score(ideal.events);
    expect(unanswered.score).toBe(100 - 3 * 4);
    expect(reason(unanswered, 'Held at 88')?.text).toBe('Held at 88: Spend, Deliverables and Values are not answered yes; 100 is the ideal account, all seven yes.');
  });

  it('"work on it" never sits beside Healthy, and "candidate to let go" is At risk', () => {
    const h = new History().steadyOrders(12).service(20, 30);
    for (let m = 0; m < 12; m++) h.quote(8 + m * 30, 1000, { ref: `Q${m}` }).outcome(6 + m * 30, 'won', `Q${m}`);
    const workOnIt = score(h.events, { shareOfWallet: 0.8, rightReasons: false, valuesAligned: false });
    expect(workOnIt.scorecard).toMatchObject({ yes: 3, verdict: 'work on it' });
    expect(workOnIt.score!).toBeGreaterThanOrEqual(HEALTHY_FROM);
    expect(workOnIt.band).toBe('Watch');
    expect(workOnIt.reasons.at(-1)).toEqual({ points: 0, text: 'Watch: the scorecard says work on it (3 of 7 yes).' });
    const letGo = score(h.events, { shareOfWallet: 0.1, rightReasons: false, valuesAligned: false });
    expect(letGo.scorecard).toMatchObject({ yes: 2, verdict: 'candidate to let go' });
    expect(letGo.band).toBe('At risk');
  });

  it('summaries carry the band about a month and about three months ago, where known', () => {
    const h = new History().order(200, 1000).order(170, 1000).order(140, 1000).order(110, 1000).service(100, 20).order(80, 1000).order(50, 1000);
    const input = { account: { id: 'acc', name: 'Acme', judgement: noJudgement }, events: h.events, definition: DEFAULT_DEFINITION, now: NOW };
    const summary = withPastBands(scoreAccount(input), input);
    const back = (days: number) => {
      const then = score(h.events.filter((e) => e.at <= NOW - days * DAY), noJudgement, DEFAULT_DEFINITION, NOW - days * DAY);
      return { band: then.band, score: then.score };
    };
    expect(summary.monthAgo).toEqual(back(30));
    expect(summary.threeMonthsAgo).toEqual(back(90));
    expect(summary.threeMonthsAgo).not.toEqual(summary.monthAgo);
    const young = new History().order(40, 1000);
    const youngInput = { ...input, events: young.events };
    expect(withPastBands(scoreAccount(youngInput), youngInput)).toMatchObject({ monthAgo: { band: 'Not enough data' } });
    expect(withPastBands(scoreAccount(youngInput), youngInput)).not.toHaveProperty('threeMonthsAgo');
  });

  it('the card names each past band that differs, in a short line', () => {
    const base = score(new History().steadyOrders(6).events);
    const atRisk = { ...base, band: 'At risk', score: 12 } as const;
    expect(bandLine({ ...atRisk, monthAgo: { band: 'Watch', score: 50 } })).toBe('At risk, 12 of 100, was Watch a month ago');
    expect(bandLine({ ...atRisk, monthAgo: { band: 'Watch', score: 50 }, threeMonthsAgo: { band: 'Healthy', score: 80 } })).toBe('At risk, 12 of 100, was Watch a month ago, Healthy three months ago');
    expect(bandLine({ ...atRisk, monthAgo: { band: 'At risk', score: 30 }, threeMonthsAgo: { band: 'Healthy', score: 80 } })).toBe('At risk, 12 of 100, was Healthy three months ago');
    expect(bandLine({ ...atRisk, monthAgo: { band: 'At risk', score: 30 }, threeMonthsAgo: { band: 'At risk', score: 20 } })).toBe('At risk, 12 of 100');
  });
});

describe('a rep’s first import, scored', () => {
  const context: RowContext = { defaultCurrency: 'USD', identity: {}, paymentTermsDays: 30 };
  const iso = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);

  async function importAndScore(csv: string) {
    const db = await freshDb();
    const { rows, bad } = analyseCsv(csv, detectMapping(readHeaders(csv)).mapping, context);
    expect(bad).toEqual([]);
    const { accountIds } = await importRows(db, rows, { now: NOW, source: 'import' });
    const summaries = await refreshSummaries(db, accountIds, NOW);
    expect(summaries).toHaveLength(1);
    return summaries[0]!;
  }

  it('an accounting export: 11 monthly invoices paid on time, no order rows', async () => {
    const lines = ['account,domain,date,type,amount,currency,due_date,paid_date,invoice_ref'];
    for (let m = 0; m < 11; m++) lines.push(`Initech,initech.io,${iso(15 + m * 30)},invoice,4200.00,USD,${iso(m * 30 - 15)},${iso(m * 30 - 12)},INV-${100 + m}`);
    const summary = await importAndScore(lines.join('\n'));
    expect(summary.band).toMatch(/^(Healthy|Watch)$/);
    expect(answer(summary, 'repeat')).toMatchObject({ answer: 'yes', why: expect.stringMatching(/^11 orders in the last 12 months, in 11 months, counted from invoices and payments\.$/) });
    expect(answer(summary, 'service').answer).toBe('unknown');
    expect(summary.scorecard.verdict).toBe('too early to judge');
    expect(summary.figures.revenueMinor).toBe(11 * 420_000);
  });

  it('a CRM deals export (quotes and outcomes only): won deals are orders, open deals are not losses', async () => {
    const lines = ['Deal Name,Deal Stage,Associated Company,Company Domain Name,Amount,Create Date,Close Date'];
    for (let m = 0; m < 6; m++) lines.push(`Order ${m},Closed Won,Initech,initech.io,5000,${iso(40 + m * 50)},${iso(30 + m * 50)}`);
    lines.push(`Lost 1,Closed Lost,Initech,initech.io,5000,${iso(100)},${iso(90)}`, `Lost 2,Closed Lost,Initech,initech.io,5000,${iso(200)},${iso(190)}`);
    lines.push(`Stale,Qualified,Initech,initech.io,5000,${iso(80)},`, `Fresh,Qualified,Initech,initech.io,5000,${iso(5)},`);
    const summary = await importAndScore(lines.join('\n'));
    expect(summary.band).toMatch(/^(Healthy|Watch)$/);
    expect(answer(summary, 'repeat').answer).toBe('yes');
    expect(summary.figures.quoteToOrderRate).toBeCloseTo(6 / 9);
    expect(reason(summary, 'Quote-to-order rate')?.text).toMatch(/6 orders from 9 decided quotes; 1 with no outcome after 60 days, counted as no decision; 1 quote still open, not counted yet\.$/);
    expect(summary.warnings).toEqual([]);
  });

  it('an events-only history (quotes, outcomes, orders, service, no invoices)', async () => {
    const lines = ['account,domain,date,type,amount,currency,quote_ref,outcome,minutes,kind'];
    for (let m = 0; m < 8; m++) {
      lines.push(`Initech,initech.io,${iso(20 + m * 40)},quote,3000.00,USD,Q-${m},,,`);
      lines.push(`Initech,initech.io,${iso(15 + m * 40)},quote_outcome,,,Q-${m},${m % 4 === 3 ? 'lost' : 'won'},,`);
      if (m % 4 !== 3) lines.push(`Initech,initech.io,${iso(12 + m * 40)},order,3000.00,USD,,,,`);
    }
    lines.push(`Initech,initech.io,${iso(60)},service,,,,,45,support`);
    const summary = await importAndScore(lines.join('\n'));
    expect(summary.band).toMatch(/^(Healthy|Watch)$/);
    expect(answer(summary, 'repeat').answer).toBe('yes');
    expect(answer(summary, 'service').answer).toBe('yes');
    expect(summary.warnings).toEqual([]);
  });
});
