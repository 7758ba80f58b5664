import { describe, expect, it } from 'vitest';
import { LOGGED_EVENT_TYPES, type LoggedEventType } from '@/lib/event-types';
import { buildEvent, emptyFields, FIELDS_OF, type QuickLogFields } from '@/lib/quicklog/build-event';
import { NOW } from './helpers';

const ctx = { accountId: 'acc-1', now: NOW, locale: 'en-US' };
const build = (type: LoggedEventType, patch: Partial<QuickLogFields> = {}, locale = 'en-US') =>
  buildEvent(type, { ...emptyFields('USD', '2026-07-01'), ...patch }, { ...ctx, locale });

describe('buildEvent: the quick-log form to an event', () => {
  it('a quote needs only the amount, in the rep’s locale', () => {
    expect(build('quote', { amount: '1.250,50' }, 'de-DE')).toEqual({
      ok: true,
      event: { type: 'quote', accountId: 'acc-1', at: NOW, source: 'manual', amount: { minor: 125_050, currency: 'USD' } },
    });
  });

  it('a quote carries discount, reference, competitor and their price', () => {
    const result = build('quote', { amount: '900', currency: 'eur', discount: '12,5', reference: 'Q-77', competitor: 'Globex', competitorPrice: '850' }, 'de-DE');
    expect(result).toMatchObject({
      ok: true,
      event: { amount: { minor: 90_000, currency: 'EUR' }, discountPct: 12.5, quoteRef: 'Q-77', competitor: 'Globex', competitorPrice: { minor: 85_000, currency: 'EUR' } },
    });
  });

  it('reports every invalid field at once, and builds nothing', () => {
    expect(build('quote', { amount: '', currency: 'dollars', discount: '120', competitorPrice: 'cheap' })).toEqual({
      ok: false,
      errors: {
        amount: 'Enter an amount.',
        currency: 'Use a 3-letter currency code, like USD or EUR.',
        discount: 'A percentage is at most 100.',
        competitorPrice: expect.stringContaining('not a number'),
      },
    });
  });

  it('builds each other type with its required fields, and names the missing one', () => {
    expect(build('price_match', {})).toEqual({ ok: false, errors: { competitor: 'Name the competitor.' } });
    expect(build('price_match', { competitor: 'Globex', competitorPrice: '800', quoteRef: 'Q-1' })).toMatchObject({
      ok: true,
      event: { type: 'price_match', competitor: 'Globex', competitorPrice: { minor: 80_000 }, quoteRef: 'Q-1' },
    });
    expect(build('quote_outcome', {})).toEqual({ ok: false, errors: { outcome: 'Choose what happened to the quote.' } });
    expect(build('quote_outcome', { outcome: 'lost_to_incumbent', quoteRef: 'Q-1' })).toMatchObject({ ok: true, event: { outcome: 'lost_to_incumbent', quoteRef: 'Q-1' } });
    expect(build('order', { amount: '5,000' })).toMatchObject({ ok: true, event: { type: 'order', amount: { minor: 500_000 } } });
    expect(build('invoice', { dueDate: '' })).toEqual({ ok: false, errors: { dueDate: 'Enter the due date.' } });
    expect(build('invoice', { dueDate: '2026-07-01', invoiceRef: 'INV-9' })).toMatchObject({ ok: true, event: { type: 'invoice', dueAt: Date.UTC(2026, 6, 1, 23, 59, 59), invoiceRef: 'INV-9' } });
    expect(build('payment', { amount: '100', invoiceRef: 'INV-9' })).toMatchObject({ ok: true, event: { type: 'payment', invoiceRef: 'INV-9' } });
    expect(build('service', { minutes: 'an hour' })).toEqual({ ok: false, errors: { minutes: 'Enter whole minutes, like 45.' } });
    expect(build('service', { minutes: '45', serviceKind: 'dispute' })).toMatchObject({ ok: true, event: { minutes: 45, kind: 'dispute' } });
    expect(build('engineering_change', { nre: true })).toMatchObject({ ok: true, event: { type: 'engineering_change', nre: true } });
    expect(build('referral', { referralKind: 'reference_call' })).toMatchObject({ ok: true, event: { kind: 'reference_call' } });
    expect(build('upsell', { upsellKind: 'cross_sell' })).toMatchObject({ ok: true, event: { kind: 'cross_sell' } });
    expect(build('note', {})).toEqual({ ok: false, errors: { note: 'Write the note.' } });
    expect(build('note', { note: 'Talked price only' })).toMatchObject({ ok: true, event: { type: 'note', note: 'Talked price only' } });
  });

  it('ignores fields the chosen type does not show', () => {
    expect(build('referral', { amount: 'garbage', competitor: 'x' })).toMatchObject({ ok: true, event: { type: 'referral' } });
    for (const type of LOGGED_EVENT_TYPES) expect(FIELDS_OF[type].length).toBeGreaterThan(0);
  });
});
