import { afterEach, describe, expect, it } from 'vitest';
import { currencyDigits, deferred, formats, isoDay } from '@/lib/format';

const en = formats('en-US');
const gb = formats('en-GB');
const de = formats('de-DE');
const fr = formats('fr-FR');
const ja = formats('ja-JP');

/** Intl puts no-break and narrow no-break spaces between a number and its unit in some locales. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('dates: one rendering, in the rep’s locale', () => {
  const nov2 = Date.UTC(2026, 10, 2);
  const sep24 = Date.UTC(2025, 8, 24);

  it('day, month and year in every locale, the month as the locale abbreviates it', () => {
    expect(en.day(nov2)).toBe('Nov 2, 2026');
    expect(en.day(sep24)).toBe('Sep 24, 2025');
    expect(gb.day(nov2)).toBe('2 Nov 2026');
    expect(de.day(nov2)).toBe('2. Nov. 2026');
    expect(fr.day(nov2)).toBe('2 nov. 2026');
    expect(ja.day(nov2)).toBe('2026年11月2日');
  });

  it('the one shorter variant is a calendar month, from an instant or a YYYY-MM key', () => {
    expect(en.month(nov2)).toBe('Nov 2026');
    expect(en.month('2026-11')).toBe('Nov 2026');
    expect(en.month('2026-01')).toBe('Jan 2026');
    expect(de.month('2026-03')).toBe('März 2026');
  });

  it('is never numeric and never an ISO string: that form is isoDay, for machines only', () => {
    for (const f of [en, gb, de, fr]) expect(f.day(nov2)).not.toMatch(/\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/);
    expect(isoDay(nov2)).toBe('2026-11-02');
    expect(isoDay(Date.UTC(2026, 10, 2, 23, 59, 59))).toBe('2026-11-02');
  });
});

describe('dates: the UTC day, wherever the rep is', () => {
  const machineZone = process.env.TZ;
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  // An imported date (00:00 UTC) and a due date from the popup (23:59:59 UTC) are the day the rep entered.
  const imported = Date.UTC(2026, 10, 2);
  const dueDate = Date.UTC(2026, 10, 2, 23, 59, 59);

  for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'UTC']) {
    it(`a day the rep entered stays that day in ${zone}`, () => {
      process.env.TZ = zone;
      expect(en.day(imported)).toBe('Nov 2, 2026');
      expect(en.day(dueDate)).toBe('Nov 2, 2026');
      expect(en.month(Date.UTC(2026, 10, 1))).toBe('Nov 2026');
    });
  }

  it('the machine’s own time zone would have moved them: the rule is what keeps them', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date(imported).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' })).toBe('Nov 1, 2026');
    process.env.TZ = 'Pacific/Kiritimati';
    expect(new Date(dueDate).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' })).toBe('Nov 3, 2026');
  });
});

describe('money: the currency’s own decimals, always shown', () => {
  it('two decimals for USD and EUR, whole amounts included', () => {
    expect(en.money(480_000, 'USD')).toBe('$4,800.00');
    expect(en.money(125_050, 'USD')).toBe('$1,250.50');
    expect(en.money(5, 'USD')).toBe('$0.05');
    expect(en.money(480_000, 'EUR')).toBe('€4,800.00');
    expect(spaced(de.money(480_000, 'EUR'))).toBe('4.800,00 €');
    expect(spaced(fr.money(480_000, 'EUR'))).toBe('4 800,00 €');
    expect(gb.money(480_000, 'GBP')).toBe('£4,800.00');
  });

  it('none for JPY, three for KWD and BHD', () => {
    expect(en.money(1_250, 'JPY')).toBe('¥1,250');
    expect(spaced(en.money(1_250, 'KWD'))).toBe('KWD 1.250');
    expect(spaced(en.money(1_234_567, 'BHD'))).toBe('BHD 1,234.567');
    expect(spaced(de.money(1_250, 'KWD'))).toBe('1,250 KWD');
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('negative amounts keep their sign and decimals', () => {
    expect(en.money(-480_000, 'USD')).toBe('-$4,800.00');
    expect(spaced(de.money(-480_000, 'USD'))).toBe('-4.800,00 $');
    expect(en.money(-1_250, 'JPY')).toBe('-¥1,250');
  });

  it('a code Intl cannot take still shows the amount and the code', () => {
    expect(en.money(480_000, 'usd1')).toBe('4,800.00 usd1');
  });
});

describe('percentages and counts', () => {
  it('percentages: whole by default, up to the decimals asked for', () => {
    expect(en.percent(1 / 6)).toBe('17%');
    expect(en.percent(0.125, 2)).toBe('12.5%');
    expect(en.percent(0.07, 2)).toBe('7%');
    expect(spaced(de.percent(0.125, 2))).toBe('12,5 %');
    expect(spaced(fr.percent(0.17))).toBe('17 %');
  });

  it('counts group thousands as the locale does', () => {
    expect(en.number(12_345)).toBe('12,345');
    expect(de.number(12_345)).toBe('12.345');
    expect(spaced(fr.number(12_345))).toBe('12 345');
    expect(en.number(-12.25, 1)).toBe('-12.3');
    expect(en.plural(1, 'event')).toBe('1 event');
    expect(en.plural(1_234, 'event')).toBe('1,234 events');
    expect(de.plural(2, 'bad row')).toBe('2 bad rows');
  });
});

describe('stored texts: values formatted when shown', () => {
  const stored = `6 quotes since ${deferred.day(Date.UTC(2025, 8, 24))}, 1 order (${deferred.percent(1 / 6)}); discount deepened from ${deferred.percent(0.05, 2)} to ${deferred.percent(0.125, 2)}; average ${deferred.money(12_000, 'USD')}.`;

  it('hold no locale: the same stored text reads in each rep’s own format', () => {
    expect(stored).not.toMatch(/Sep|\$|%/);
    expect(en.text(stored)).toBe('6 quotes since Sep 24, 2025, 1 order (17%); discount deepened from 5% to 12.5%; average $120.00.');
    expect(gb.text(stored)).toBe('6 quotes since 24 Sept 2025, 1 order (17%); discount deepened from 5% to 12.5%; average US$120.00.');
    expect(spaced(de.text(stored))).toBe('6 quotes since 24. Sept. 2025, 1 order (17 %); discount deepened from 5 % to 12,5 %; average 120,00 $.');
  });

  it('leave plain text and anything that is not a value of theirs as it is', () => {
    expect(en.text('No referral logged.')).toBe('No referral logged.');
    expect(en.text('⟦day:soon⟧ ⟦other:1⟧')).toBe('⟦day:soon⟧ ⟦other:1⟧');
  });
});

describe('formatters are made once', () => {
  it('per locale', () => {
    expect(formats('en-US')).toBe(en);
    expect(formats('not a locale!').day(Date.UTC(2026, 10, 2))).toMatch(/2026/);
  });
});
