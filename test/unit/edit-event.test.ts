import { describe, expect, it } from 'vitest';
import { editFieldsOf, fieldsOfEvent, rebuildEvent } from '@/lib/history/edit-event';
import { AccountEvent } from '@/lib/model';
import { History } from './history';

const h = new History('acc').quote(30, 1000, { ref: 'Q1', discountPct: 5 }).priceMatch(29, 'Rival').order(20, 800).invoice(40, 10);
const [quote, priceMatch, order, invoice] = ['quote', 'price_match', 'order', 'invoice'].map((t) => h.events.find((e) => e.type === t)!) as AccountEvent[];

describe('editing an event in the timeline: every field, the quick log’s rules (issue 19)', () => {
  it('shows every field of each type, the date first and the note last', () => {
    expect(editFieldsOf('price_match')).toEqual(['date', 'competitor', 'competitorPrice', 'currency', 'quoteRef', 'contactEmail', 'note']);
    expect(editFieldsOf('invoice')).toEqual(['date', 'amount', 'currency', 'dueDate', 'invoiceRef', 'orderRef', 'paidDate', 'contactEmail', 'note']);
    expect(editFieldsOf('quote')).toContain('listPrice');
  });

  it('changes a price-match request’s competitor and price, keeping its id, account and time of day', () => {
    const fields = { ...fieldsOfEvent(priceMatch!, 'en-US'), competitor: 'Globex', competitorPrice: '1,234.50', currency: 'EUR' };
    const result = rebuildEvent(priceMatch!, fields, 'en-US');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({ id: priceMatch!.id, accountId: 'acc', type: 'price_match', competitor: 'Globex', competitorPrice: { minor: 123_450, currency: 'EUR' }, at: priceMatch!.at });
    expect(AccountEvent.safeParse(result.event).success).toBe(true);
  });

  it('reads amounts in the rep’s locale and starts from them written that way', () => {
    expect(fieldsOfEvent(order!, 'de-DE').amount).toBe('800,00');
    const result = rebuildEvent(order!, { ...fieldsOfEvent(order!, 'de-DE'), amount: '950,5', orderRef: 'PO-7' }, 'de-DE');
    expect(result.ok && result.event).toMatchObject({ amount: { minor: 95_050, currency: 'USD' }, orderRef: 'PO-7' });
  });

  it('refuses what the quick log refuses, field by field', () => {
    const bad = rebuildEvent(priceMatch!, { ...fieldsOfEvent(priceMatch!, 'en-US'), competitor: ' ', competitorPrice: '-3', currency: 'dollars' }, 'en-US');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['competitor', 'competitorPrice', 'currency']);
    const quoteBad = rebuildEvent(quote!, { ...fieldsOfEvent(quote!, 'en-US'), discount: '120', date: '' }, 'en-US');
    expect(!quoteBad.ok && Object.keys(quoteBad.errors).sort()).toEqual(['date', 'discount']);
    const email = rebuildEvent(order!, { ...fieldsOfEvent(order!, 'en-US'), contactEmail: 'not an address' }, 'en-US');
    expect(!email.ok && email.errors.contactEmail).toBeTruthy();
  });

  it('sets and clears when an invoice was paid; a quote keeps its reference when the field is cleared', () => {
    const paid = rebuildEvent(invoice!, { ...fieldsOfEvent(invoice!, 'en-US'), paidDate: '2026-05-01' }, 'en-US');
    expect(paid.ok && paid.event).toMatchObject({ paidAt: Date.UTC(2026, 4, 1, 23, 59, 59) });
    const unpaid = rebuildEvent(invoice!, { ...fieldsOfEvent(invoice!, 'en-US'), paidDate: '' }, 'en-US');
    expect(unpaid.ok && 'paidAt' in unpaid.event).toBe(false);
    const q = rebuildEvent(quote!, { ...fieldsOfEvent(quote!, 'en-US'), reference: '' }, 'en-US');
    expect(q.ok && q.event).toMatchObject({ quoteRef: 'Q1', discountPct: 5 });
  });
});
