import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent, parseScaled, separatorsOf } from '@/lib/amount';
import { currencyDigits } from '@/lib/format';

const value = (input: string, locale: string, currency = 'USD') => {
  const result = parseAmount(input, locale, currency);
  return result.ok ? result.value : result.error;
};

describe('parseAmount: the rep types an amount in their locale', () => {
  it('learns separators from Intl', () => {
    expect(separatorsOf('en-US')).toEqual({ decimal: '.', group: ',' });
    expect(separatorsOf('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(separatorsOf('fr-FR').decimal).toBe(',');
    expect(separatorsOf('fr-FR').group).toMatch(/\s/);
  });

  it('reads both 1.250,50 and 1,250.50 as 1250.50 in any locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'en-IN', 'de-CH']) {
      expect(value('1.250,50', locale)).toBe(125_050);
      expect(value('1,250.50', locale)).toBe(125_050);
    }
  });

  it('reads plain and grouped amounts', () => {
    expect(value('1250', 'en-US')).toBe(125_000);
    expect(value('  1250.5 ', 'en-US')).toBe(125_050);
    expect(value('1,250,000', 'en-US')).toBe(125_000_000);
    expect(value('1.250.000', 'en-US')).toBe(125_000_000);
    expect(value('1 250,50', 'fr-FR')).toBe(125_050);
    expect(value('1\u202f250,50', 'fr-FR')).toBe(125_050);
    expect(value("1'250.50", 'de-CH')).toBe(125_050);
    expect(value('12,50,000.00', 'en-IN')).toBe(125_000_000);
    expect(value('$1,250', 'en-US')).toBe(125_000);
    expect(value('1.250 €', 'de-DE', 'EUR')).toBe(125_000);
    expect(value('.5', 'en-US')).toBe(50);
    expect(value('0', 'en-US')).toBe(0);
  });

  it('takes a single separator before one or two digits as the decimal separator', () => {
    expect(value('1,5', 'en-US')).toBe(150);
    expect(value('1.5', 'de-DE')).toBe(150);
    expect(value('1250,50', 'en-US')).toBe(125_050);
  });

  it('lets the locale decide the ambiguous 1.250 / 1,250', () => {
    expect(value('1,250', 'en-US')).toBe(125_000);
    expect(value('1.250', 'en-US')).toBe('Use at most 2 decimal places.');
    expect(value('1.250', 'de-DE')).toBe(125_000);
    expect(value('1,250', 'de-DE')).toBe('Use at most 2 decimal places.');
    expect(value('1,250', 'de-DE', 'KWD')).toBe(1_250);
    expect(value('1.250', 'fr-FR')).toMatch(/ambiguous/);
  });

  it('uses the currency’s own number of minor digits', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(value('1,250', 'en-US', 'JPY')).toBe(1_250);
    expect(value('12.5', 'en-US', 'JPY')).toBe('This takes whole numbers only.');
    expect(value('1.5', 'en-US', 'KWD')).toBe(1_500);
  });

  it('refuses what is not an amount, with a message that says why', () => {
    expect(value('', 'en-US')).toBe('Enter an amount.');
    expect(value('   ', 'en-US')).toBe('Enter an amount.');
    expect(value('-5', 'en-US')).toBe('Enter a positive amount.');
    expect(value('12abc', 'en-US')).toMatch(/not a number/);
    expect(value('1e5', 'en-US')).toMatch(/not a number/);
    expect(value('.', 'en-US')).toMatch(/not a number/);
    expect(value('1,25,0', 'en-US')).toMatch(/misplaced/);
    expect(value('12,50.5', 'en-US')).toMatch(/misplaced/);
    expect(value('1.2.3,4.5', 'en-US')).toMatch(/more than one decimal/);
    expect(value('1.25,50.5', 'en-US')).toMatch(/more than one decimal/);
    expect(value('99999999999999999999', 'en-US')).toBe('That amount is too large.');
  });

  it('round-trips every amount Intl formats, in several locales (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'es-ES', 'ja-JP'), (minor, locale) => {
        const typed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
        expect(parseAmount(typed, locale, 'USD')).toEqual({ ok: true, value: minor });
      }),
    );
  });
});

describe('parsePercent', () => {
  it('reads a discount in the rep’s locale', () => {
    expect(parsePercent('12,5', 'de-DE')).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent('12.5%', 'en-US')).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent('100', 'en-US')).toEqual({ ok: true, value: 100 });
    expect(parsePercent('101', 'en-US')).toEqual({ ok: false, error: 'A percentage is at most 100.' });
    expect(parsePercent('', 'en-US').ok).toBe(false);
  });
});

describe('parseScaled without a locale: amounts someone else wrote (the email suggestions read them so)', () => {
  const free = (input: string, digits = 2) => {
    const result = parseScaled(input, null, digits);
    return result.ok ? result.value : result.error;
  };

  it('takes a single separator before exactly three digits as grouping, whoever wrote it', () => {
    expect(free('6.150')).toBe(615_000);
    expect(free('6,150')).toBe(615_000);
    expect(free('1.250.000')).toBe(125_000_000);
  });

  it('reads the rest as the locale-aware mode does', () => {
    expect(free('12.500,00')).toBe(1_250_000);
    expect(free('10,000.00')).toBe(1_000_000);
    expect(free('12 500')).toBe(1_250_000);
    expect(free("15'800")).toBe(1_580_000);
    expect(free('12.5', 5)).toBe(1_250_000);
    expect(free('1,5', 8)).toBe(150_000_000);
    expect(free('40.50')).toBe(4_050);
    expect(free('12,50')).toBe(1_250);
  });

  it('refuses what is not one number', () => {
    expect(free('12,50.000')).toMatch(/misplaced/);
    expect(free('1.2345')).toMatch(/at most 2/);
    expect(free('abc')).toMatch(/not a number/);
  });
});
