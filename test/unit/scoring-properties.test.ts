import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '@/lib/model';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { scoreAccount } from '@/lib/scoring/score';
import { DAY, NOW } from './helpers';

const account = { id: 'acc', name: 'Acme', judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null } };
const money = fc.integer({ min: 0, max: 5_000_000 }).map((minor) => ({ minor, currency: 'USD' }));
const daysAgo = fc.integer({ min: 0, max: 500 });

/** Any event an account can have, at any time in the last ~16 months. */
const anyEvent: fc.Arbitrary<Omit<AccountEvent, 'id'>> = fc.oneof(
  fc.record({ type: fc.constant('quote' as const), d: daysAgo, amount: money, discountPct: fc.integer({ min: 0, max: 60 }), ref: fc.integer({ min: 0, max: 30 }) }).map(({ ref, ...e }) => ({ ...e, quoteRef: `Q${ref}` })),
  fc.record({ type: fc.constant('price_match' as const), d: daysAgo, competitor: fc.constantFrom('Acme Supply', 'Globex', 'Initech') }),
  fc.record({ type: fc.constant('quote_outcome' as const), d: daysAgo, outcome: fc.constantFrom('won', 'lost', 'lost_to_incumbent', 'no_decision') as fc.Arbitrary<'won'>, ref: fc.integer({ min: 0, max: 30 }) }).map(({ ref, ...e }) => ({ ...e, quoteRef: `Q${ref}` })),
  fc.record({ type: fc.constant('order' as const), d: daysAgo, amount: money }),
  fc.record({ type: fc.constant('invoice' as const), d: daysAgo, late: fc.integer({ min: -10, max: 90 }) }).map(({ late, ...e }) => ({ ...e, dueAt: NOW - e.d * DAY + 30 * DAY, paidAt: NOW - e.d * DAY + (30 + late) * DAY })),
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
