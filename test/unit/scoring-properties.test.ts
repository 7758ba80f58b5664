import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '@/lib/model';
import { DEFAULT_DEFINITION, Definition } from '@/lib/scoring/definition';
import { scoreAccount } from '@/lib/scoring/score';
import { DAY, NOW } from './helpers';

const account = { id: 'acc', name: 'Acme', judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null } };
const money = fc.integer({ min: 0, max: 5_000_000 }).map((minor) => ({ minor, currency: 'USD' }));
const daysAgo = fc.integer({ min: 0, max: 500 });
/** A reference from a small set, so orders, invoices and payments often name each other. */
const ref = (prefix: string) => fc.integer({ min: 0, max: 5 }).map((n) => `${prefix}${n}`);
const judgement = fc.record({
  shareOfWallet: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  rightReasons: fc.option(fc.boolean(), { nil: null }),
  valuesAligned: fc.option(fc.boolean(), { nil: null }),
});

/** Any event an account can have, at any time in the last ~16 months. */
const anyEvent: fc.Arbitrary<Omit<AccountEvent, 'id'>> = fc.oneof(
  fc.record({ type: fc.constant('quote' as const), d: daysAgo, amount: money, discountPct: fc.integer({ min: 0, max: 60 }), ref: fc.integer({ min: 0, max: 30 }) }).map(({ ref, ...e }) => ({ ...e, quoteRef: `Q${ref}` })),
  fc.record({ type: fc.constant('price_match' as const), d: daysAgo, competitor: fc.constantFrom('Acme Supply', 'Globex', 'Initech') }),
  fc.record({ type: fc.constant('quote_outcome' as const), d: daysAgo, outcome: fc.constantFrom('won', 'lost', 'lost_to_incumbent', 'no_decision') as fc.Arbitrary<'won'>, ref: fc.integer({ min: 0, max: 30 }) }).map(({ ref, ...e }) => ({ ...e, quoteRef: `Q${ref}` })),
  fc.record({ type: fc.constant('order' as const), d: daysAgo, amount: money }, { requiredKeys: ['type', 'd', 'amount'] }),
  fc.record({ type: fc.constant('order' as const), d: daysAgo, amount: money, orderRef: ref('O') }),
  fc.record({ type: fc.constant('invoice' as const), d: daysAgo, late: fc.integer({ min: -10, max: 90 }), orderRef: ref('O'), invoiceRef: ref('I') }, { requiredKeys: ['type', 'd', 'late'] }).map(({ late, ...e }) => ({ ...e, dueAt: NOW - e.d * DAY + 30 * DAY, paidAt: NOW - e.d * DAY + (30 + late) * DAY })),
  fc.record({ type: fc.constant('payment' as const), d: daysAgo, amount: money, invoiceRef: ref('I') }, { requiredKeys: ['type', 'd'] }),
  fc.record({ type: fc.constant('service' as const), d: daysAgo, minutes: fc.integer({ min: 0, max: 600 }), kind: fc.constantFrom('support', 'exception', 'order_change', 'dispute') as fc.Arbitrary<'support'> }),
  fc.record({ type: fc.constant('engineering_change' as const), d: daysAgo, nre: fc.boolean() }),
  fc.record({ type: fc.constant('referral' as const), d: daysAgo, kind: fc.constant('testimonial' as const) }),
  fc.record({ type: fc.constant('upsell' as const), d: daysAgo, kind: fc.constant('upsell' as const) }),
).map(({ d, ...e }) => ({ ...e, accountId: 'acc', at: NOW - (d as number) * DAY, source: 'manual', createdAt: NOW }) as unknown as Omit<AccountEvent, 'id'>);

const history = fc.array(anyEvent, { minLength: 8, maxLength: 60 }).map((events) => events.map((e, i) => ({ ...e, id: `e${i}` }) as AccountEvent));
const score = (events: AccountEvent[]) => scoreAccount({ account, events, definition: DEFAULT_DEFINITION, now: NOW });

/** Histories with enough in the window to be scored at all. */
const scored = history.filter((events) => score(events).score !== null);

describe('scoring properties', () => {
  it('adding a won order never lowers the score', () => {
    fc.assert(
      fc.property(scored, daysAgo.filter((d) => d <= 360), money, (events, d, amount) => {
        const order = { id: 'new-order', type: 'order', accountId: 'acc', at: NOW - d * DAY, amount, source: 'manual', createdAt: NOW } as AccountEvent;
        expect(score([...events, order]).score!).toBeGreaterThanOrEqual(score(events).score!);
      }),
      { numRuns: 400 },
    );
  });

  it('adding a late payment never raises the score', () => {
    fc.assert(
      fc.property(scored, daysAgo.filter((d) => d >= 40 && d <= 360), fc.integer({ min: 8, max: 120 }), (events, d, late) => {
        const at = NOW - d * DAY;
        const invoice = { id: 'late', type: 'invoice', accountId: 'acc', at, dueAt: at + 30 * DAY, paidAt: at + (30 + late) * DAY, source: 'manual', createdAt: NOW } as AccountEvent;
        expect(score([...events, invoice]).score!).toBeLessThanOrEqual(score(events).score!);
      }),
      { numRuns: 400 },
    );
  });

  it('adding an invoice paid on time never lowers the score, whether or not it names an order', () => {
    fc.assert(
      fc.property(scored, daysAgo.filter((d) => d <= 360), fc.integer({ min: -10, max: 0 }), fc.option(ref('O'), { nil: undefined }), fc.option(money, { nil: undefined }), (events, d, early, orderRef, amount) => {
        const at = NOW - d * DAY;
        const invoice = { id: 'on-time', type: 'invoice', accountId: 'acc', at, dueAt: at + 30 * DAY, paidAt: at + (30 + early) * DAY, ...(orderRef && { orderRef }), ...(amount && { amount }), source: 'import', createdAt: NOW } as AccountEvent;
        expect(score([...events, invoice]).score!).toBeGreaterThanOrEqual(score(events).score!);
      }),
      { numRuns: 400 },
    );
  });

  it('an account with no events is never a candidate to let go, and never At risk, whatever the rep answered', () => {
    fc.assert(
      fc.property(judgement, fc.constantFrom(...[DEFAULT_DEFINITION, Definition.parse({ thresholds: { minEvents: 1 } })]), (judgement, definition) => {
        const summary = scoreAccount({ account: { ...account, judgement }, events: [], definition, now: NOW });
        expect(summary.scorecard.verdict).not.toBe('candidate to let go');
        expect(summary.band).not.toBe('At risk');
        expect(summary.reasons.map((r) => r.text).join(' ')).not.toMatch(/\b0 events\b/);
      }),
      { numRuns: 100 },
    );
  });

  it('a question with no evidence contributes 0 points, and says what would answer it', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), judgement, (raw, judgement) => {
        const events = raw.map((e, i) => ({ ...e, id: `e${i}` }) as AccountEvent);
        const summary = scoreAccount({ account: { ...account, judgement }, events, definition: DEFAULT_DEFINITION, now: NOW });
        for (const answer of summary.scorecard.answers.filter((a) => a.answer === 'unknown')) {
          expect(answer.from).toBe('none');
          const about = summary.reasons.filter((r) => r.text.startsWith(`${answer.label}:`));
          expect(about.every((r) => r.points === 0)).toBe(true);
          if (summary.score !== null) expect(about.map((r) => r.text)).toEqual([`${answer.label}: not known yet. ${answer.why}`]);
        }
        // The reasons are the whole story: their points add up to the score.
        if (summary.score !== null) expect(summary.score).toBe(Math.min(100, Math.max(0, Math.round(50 + summary.reasons.reduce((sum, r) => sum + r.points, 0)))));
      }),
      { numRuns: 300 },
    );
  });

  it('score, band and scorecard tell one story: 100 is seven yes, "work on it" is never Healthy, "candidate to let go" is At risk', () => {
    fc.assert(
      fc.property(history, judgement, (events, judgement) => {
        const summary = scoreAccount({ account: { ...account, judgement }, events, definition: DEFAULT_DEFINITION, now: NOW });
        if (summary.score === 100) expect(summary.scorecard.yes).toBe(7);
        if (summary.scorecard.verdict === 'work on it') expect(summary.band).not.toBe('Healthy');
        if (summary.scorecard.verdict === 'candidate to let go') expect(summary.band).toBe('At risk');
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic for a fixed clock, whatever the order of events', () => {
    fc.assert(
      fc.property(history, (events) => {
        const reversed = [...events].reverse();
        expect(score(reversed)).toEqual(score(events));
        expect(score(events)).toEqual(score(events));
      }),
      { numRuns: 200 },
    );
  });

  it('always yields a score in 0–100 and a band consistent with it', () => {
    fc.assert(
      fc.property(history, (events) => {
        const summary = score(events);
        if (summary.score === null) expect(summary.band).toBe('Not enough data');
        else {
          expect(summary.score).toBeGreaterThanOrEqual(0);
          expect(summary.score).toBeLessThanOrEqual(100);
          expect(summary.band).not.toBe('Not enough data');
        }
        const points = summary.reasons.map((r) => Math.abs(r.points));
        expect(points).toEqual([...points].sort((a, b) => b - a));
      }),
      { numRuns: 200 },
    );
  });
});
