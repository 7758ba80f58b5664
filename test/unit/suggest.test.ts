import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/suggest/detect';
import { findDate } from '@/lib/suggest/dates';
import { findMoney } from '@/lib/suggest/money';
import { messageOf, messageText } from '@/lib/suggest/message';
import { newestText } from '@/lib/suggest/newest';
import { fixtureDocument } from './fixtures';
import { CORPUS_NOW, loadCorpus } from '../suggest/corpus';
import { evaluate } from '../suggest/evaluate';

const money = (text: string) => findMoney(text).map(({ minor, currency }) => ({ minor, currency }));

describe('amounts as people write them', () => {
  it.each([
    ['Initrode came in at $12,500.', 1_250_000, 'USD'],
    ['USD 12.5k for the lot', 1_250_000, 'USD'],
    ['für 12.500,00 € netto', 1_250_000, 'EUR'],
    ['EUR 12 500 will be transferred', 1_250_000, 'EUR'],
    ['EUR\u00a012\u202f500', 1_250_000, 'EUR'],
    ['Hooli came in at £9.8k.', 980_000, 'GBP'],
    ['hat uns 6.150 EUR angeboten', 615_000, 'EUR'],
    ['Globex is offering CHF 15\'800', 1_580_000, 'CHF'],
    ['$40.50 a unit', 4_050, 'USD'],
    ['Initech quoted EUR 10,000.00', 1_000_000, 'EUR'],
    ['€ 5.100 voor dezelfde pompen', 510_000, 'EUR'],
    ['18.400 euro geboden', 1_840_000, 'EUR'],
    ['SEK 45,000 for the set', 4_500_000, 'SEK'],
    ['¥120,000 per batch', 120_000, 'JPY'],
    ['a budget of 1,5 Mio. EUR', 150_000_000, 'EUR'],
    ['USD 2.4m over three years', 240_000_000, 'USD'],
    ['9 100 EUR', 910_000, 'EUR'],
    ['£9,800 for the refit', 980_000, 'GBP'],
    ['EUR 12.500,00 netto', 1_250_000, 'EUR'],
    ['€ 3.680 overgemaakt', 368_000, 'EUR'],
    ['7 200 € pour le lot', 720_000, 'EUR'],
    ['USD 4,550 for the pump set', 455_000, 'USD'],
    ['$24,750.00 in total', 2_475_000, 'USD'],
    ['€1.2m over the contract', 120_000_000, 'EUR'],
    ['GBP 15k a year', 1_500_000, 'GBP'],
  ])('%s', (text, minor, currency) => {
    expect(money(text)).toEqual([{ minor, currency }]);
  });

  it('finds no money in quantities, dates, references or percentages', () => {
    expect(money('500 housings for Q4, PO 4471, 8% lower, on 15.12.2026, 1,200 brackets')).toEqual([]);
  });

  it('finds every amount in order', () => {
    expect(money('Hooli came in at £9.8k. Your quote is £11.2k.')).toEqual([
      { minor: 980_000, currency: 'GBP' },
      { minor: 1_120_000, currency: 'GBP' },
    ]);
  });
});

describe('promised payment dates (now: Friday 4 December 2026)', () => {
  it.each([
    ['Payment is scheduled for next week.', '2026-12-11'],
    ['The wire goes out tomorrow.', '2026-12-05'],
    ['We will pay by Friday.', '2026-12-11'],
    ['It will go out on Monday.', '2026-12-07'],
    ['scheduled for the end of the month', '2026-12-31'],
    ['paid on 15 December', '2026-12-15'],
    ['paid on December 10th', '2026-12-10'],
    ['paid on December 10, 2026', '2026-12-10'],
    ['paid on 2026-12-18', '2026-12-18'],
    ['überwiesen am 18.12.2026', '2026-12-18'],
    ['bis 22.12. überwiesen', '2026-12-22'],
    ['am 15. Dezember', '2026-12-15'],
    ['nächste Woche überweisen', '2026-12-11'],
    ['le 15 décembre', '2026-12-15'],
    ['la semaine prochaine', '2026-12-11'],
    ['volgende week', '2026-12-11'],
    ['el 15 de diciembre', '2026-12-15'],
    ['la próxima semana', '2026-12-11'],
    ['on 12/15', '2026-12-15'],
    ['on 15/01/2027', '2027-01-15'],
    ['on 10 January', '2027-01-10'],
    ['mañana', '2026-12-05'],
    ['el pago sale el 18 de diciembre de 2026', '2026-12-18'],
    ['Guten Morgen, die Zahlung erfolgt am Montag', '2026-12-07'],
    ['realizado esta mañana, pagamos el lunes', '2026-12-07'],
  ])('%s → %s', (text, day) => {
    expect(findDate(text, CORPUS_NOW)).toBe(day);
  });

  it('reads no date in an amount or a reference', () => {
    expect(findDate('6.150 EUR for PO 4471', CORPUS_NOW)).toBeUndefined();
  });
});

describe('the newest part of a message', () => {
  it('cuts quoted history, forwarded messages, the signature and the legal footer', () => {
    const text = [
      'Initrode came in at $6,150. Can you match that?',
      '',
      'Best regards,',
      'Jane Doe',
      'This email and any attachments are confidential.',
      '',
      'On Mon, 16 Nov 2026 at 09:41, Jane Doe <jane@acme.com> wrote:',
      '> Could you quote 500 housings?',
    ].join('\n');
    expect(newestText(text)).toBe('Initrode came in at $6,150. Can you match that?');
    expect(newestText('See below.\n\n---------- Forwarded message ---------\nFrom: x\nPlease quote 5 units')).toBe('See below.');
    expect(newestText('Danke.\n\nVon: Rep <rep@northwind.com>\nGesendet: Montag\nBitte um ein Angebot')).toBe('Danke.');
  });

  it('only the new text counts: an old quote request in the history is not suggested again', () => {
    const reply = 'Thanks, received.\n\nOn Mon, 16 Nov 2026, Jane <jane@acme.com> wrote:\n> Could you quote 500 housings for Q4?';
    expect(detect(newestText(reply), CORPUS_NOW)).toBeNull();
  });
});

describe('what a message asks for', () => {
  it('reads the price-match request of the issue', () => {
    expect(detect('Initrode came in at $6,150. Can you match that?', CORPUS_NOW)).toEqual({
      kind: 'price_match',
      competitor: 'Initrode',
      competitorPrice: { minor: 615_000, currency: 'USD' },
    });
  });

  it.each([
    ['Could you quote 500 housings for Q4?', { kind: 'quote', quantity: 500 }],
    ['Please find PO 4471 attached', { kind: 'order', reference: '4471' }],
    ['Payment is scheduled for next week', { kind: 'payment', payBy: '2026-12-11' }],
    ['See you at the fair!', null],
    // Asking and a price word in one sentence, in five languages.
    ['Would you be able to send a price for 40 spare filters?', { kind: 'quote', quantity: 40 }],
    ['Was würde uns die Wartung für zwei Anlagen kosten?', { kind: 'quote' }],
    ['Wij ontvangen graag een prijsopgave voor 12 pompen.', { kind: 'quote', quantity: 12 }],
    ['¿Nos podrían pasar precio para 30 rodamientos?', { kind: 'quote', quantity: 30 }],
    ['Pourriez-vous nous transmettre vos tarifs pour 2027 ?', { kind: 'quote' }],
    // A rival or its amount, and a lower price or a request to move.
    ['Globex is asking €7,900. Can you get closer?', { kind: 'price_match', competitor: 'Globex', competitorPrice: { minor: 790_000, currency: 'EUR' } }],
    ['Le concurrent est 5 % moins cher, pouvez-vous faire un geste ?', { kind: 'price_match' }],
    ['Krause hat 9.400 € angeboten. Ist da noch etwas möglich?', { kind: 'price_match', competitor: 'Krause', competitorPrice: { minor: 940_000, currency: 'EUR' } }],
    // An order attached, confirmed or placed; an offer accepted.
    ['Please treat this email as our order for 30 kits.', { kind: 'order', quantity: 30 }],
    ['Wir bestätigen die Bestellung gemäß Ihrem Angebot.', { kind: 'order' }],
    ['Os confirmamos la compra de 200 unidades.', { kind: 'order', quantity: 200 }],
    // Money moving, an invoice paid.
    ['The invoice will be paid on 18 December.', { kind: 'payment', payBy: '2026-12-18' }],
    ['De betaling van € 2.450 staat ingepland voor vrijdag.', { kind: 'payment', amount: { minor: 245_000, currency: 'EUR' }, payBy: '2026-12-11' }],
    ['Wir haben die 1.280 € heute überwiesen.', { kind: 'payment', amount: { minor: 128_000, currency: 'EUR' }, payBy: '2026-12-04' }],
    // Hard negatives: asking for something that is not a price, a lost bid, terms.
    ['Can we meet on Tuesday to go through the drawings?', null],
    ['Could you confirm the delivery address for our order?', null],
    ['We went with a cheaper supplier this time, thanks anyway.', null],
    ['Our payment terms are 60 days from invoice.', null],
    ['Please send the invoice again, the PO number was missing.', null],
    ['¿Podrían confirmar la fecha de entrega?', null],
    ['Steel prices fell 4% to $610 a tonne; suppliers will quote lower. Unsubscribe', null],
  ])('%s', (text, expected) => {
    expect(detect(text, CORPUS_NOW)).toEqual(expected);
  });
});

describe('the corpus (npm run eval prints the figures)', () => {
  const corpus = loadCorpus();
  const result = evaluate(corpus);

  it('has at least 150 labelled messages of every kind the issue lists', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((m) => m.from === 'colleague').length).toBeGreaterThan(0);
    expect(corpus.filter((m) => m.from === 'own').length).toBeGreaterThan(0);
    expect(corpus.filter((m) => /\bwrote:\n>/.test(m.text)).length).toBeGreaterThan(5);
    expect(corpus.filter((m) => /Forwarded message/.test(m.text)).length).toBeGreaterThan(1);
    expect(corpus.filter((m) => /unsubscribe|abbestellen|désabonner/i.test(m.text)).length).toBeGreaterThan(5);
  });

  it('meets the targets: precision of showing ≥ 0.95, recall per kind ≥ 0.85, exact amounts ≥ 0.9', () => {
    expect(result.precisionShown).toBeGreaterThanOrEqual(0.95);
    for (const recall of Object.values(result.recall)) expect(recall.share).toBeGreaterThanOrEqual(0.85);
    expect(result.amounts.share).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the open message, read from the page', () => {
  it.each([
    ['gmail/price-match.html', 'span[email="jane.doe@acme-industrial.com"]', '#msg-f:1782110022334455667'],
    ['outlook/price-match.html', '[title^="Jane Doe"]', 'outlook:AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAA:0'],
  ])('%s: the sender’s message, its newest text only, and what it asks', (fixture, sender, id) => {
    const doc = fixtureDocument(fixture);
    const message = messageOf(doc.querySelector(sender)!);
    expect(message?.id).toBe(id);
    const text = messageText(message!.body);
    expect(text).toContain('Initrode came in at $6,150');
    expect(text).not.toMatch(/Purchasing Manager|confidential|Q-1042|Could you quote|best price/);
    expect(detect(text, CORPUS_NOW)).toEqual({ kind: 'price_match', competitor: 'Initrode', competitorPrice: { minor: 615_000, currency: 'USD' } });
  });

  it('reads no message for a recipient’s badge or outside a message', () => {
    const gmail = fixtureDocument('gmail/price-match.html');
    expect(messageOf(gmail.querySelector('span.g2[email]')!)).toBeNull();
    expect(messageOf(gmail.querySelector('a[aria-label^="Google Account:"]')!)).toBeNull();
    const outlook = fixtureDocument('outlook/price-match.html');
    expect(messageOf(outlook.querySelector('[title*="initech-parts.com"]')!)).toBeNull();
  });
});

describe('a long message', () => {
  it('reads the ask at the top of a 5,000-word message, and only a bounded part of it', () => {
    const filler = Array.from({ length: 5000 }, (_, i) => (i % 12 === 11 ? 'delivery.\n' : 'delivery')).join(' ');
    const text = `Initrode came in at $6,150. Can you match that?\n${filler}\nPlease quote 500 housings.`;
    expect(detect(newestText(text), CORPUS_NOW)).toMatchObject({ kind: 'price_match', competitor: 'Initrode' });
    // An ask past the bounds is not read: the cost stays flat however long the message.
    expect(detect(newestText(`${filler}\nInitrode came in at $6,150. Can you match that?`), CORPUS_NOW)).toBeNull();
  });
});
