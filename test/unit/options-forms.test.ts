import { describe, expect, it } from 'vitest';
import { applyField, DEFINITION_FIELDS, displayValue, sameRules } from '@/lib/options/definition-form';
import { changeText, comparePreview, type PreviewChange, previewText } from '@/lib/options/definition-preview';
import { toMatchPattern } from '@/lib/options/extra-sites';
import { points } from '@/lib/points';
import { DEFAULT_DEFINITION, Thresholds, Weights } from '@/lib/scoring/definition';

const field = (key: string) => DEFINITION_FIELDS.find((f) => f.key === key)!;

describe('the ideal-account definition form', () => {
  it('has a field for every threshold and weight of the definition', () => {
    const keys = DEFINITION_FIELDS.map((f) => f.key);
    for (const key of Object.keys(Thresholds.shape)) expect(keys).toContain(`thresholds.${key}`);
    for (const key of Object.keys(Weights.shape)) expect(keys).toContain(`weights.${key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows ratios as percentages and the minimum order in its currency, in the locale', () => {
    expect(displayValue(field('thresholds.minWinRate'), DEFAULT_DEFINITION, 'en-US')).toBe('30');
    expect(displayValue(field('thresholds.minOrderMinor'), DEFAULT_DEFINITION, 'de-DE')).toBe('1000');
    expect(displayValue(field('thresholds.squeakyPerOrder'), DEFAULT_DEFINITION, 'de-DE')).toBe('0,5');
    expect(displayValue(field('name'), DEFAULT_DEFINITION, 'en-US')).toBe('Default');
  });

  it('writes typed values back into the definition', () => {
    const percent = applyField(field('thresholds.minWinRate'), DEFAULT_DEFINITION, '25,5', 'de-DE');
    expect(percent.ok && percent.definition.thresholds.minWinRate).toBeCloseTo(0.255);
    const money = applyField(field('thresholds.minOrderMinor'), DEFAULT_DEFINITION, '2.500,00', 'de-DE');
    expect(money.ok && money.definition.thresholds.minOrderMinor).toBe(250_000);
    const weight = applyField(field('weights.slowPayer'), DEFAULT_DEFINITION, '20', 'en-US');
    expect(weight.ok && weight.definition.weights.slowPayer).toBe(20);
    expect(weight.ok && sameRules(weight.definition, DEFAULT_DEFINITION)).toBe(false);
    const back = weight.ok && applyField(field('weights.slowPayer'), weight.definition, '15', 'en-US');
    expect(back && back.ok && sameRules(back.definition, DEFAULT_DEFINITION)).toBe(true);
  });

  it('refuses out-of-range and malformed values with a message per field', () => {
    expect(applyField(field('thresholds.windowMonths'), DEFAULT_DEFINITION, '0', 'en-US')).toEqual({ ok: false, error: 'At least 1.' });
    expect(applyField(field('thresholds.windowMonths'), DEFAULT_DEFINITION, '2.5', 'en-US')).toEqual({ ok: false, error: 'Enter a whole number.' });
    expect(applyField(field('thresholds.minWinRate'), DEFAULT_DEFINITION, '150', 'en-US')).toEqual({ ok: false, error: 'At most 100%.' });
    expect(applyField(field('weights.priceRelationship'), DEFAULT_DEFINITION, 'lots', 'en-US')).toMatchObject({ ok: false, error: expect.stringContaining('not a number') });
    expect(applyField(field('thresholds.currency'), DEFAULT_DEFINITION, 'euro', 'en-US')).toEqual({ ok: false, error: 'Use a 3-letter currency code, like USD or EUR.' });
    expect(applyField(field('name'), DEFAULT_DEFINITION, '  ', 'en-US')).toEqual({ ok: false, error: 'Give the definition a name (up to 100 characters).' });
  });
});

describe('extra CRM addresses', () => {
  it('turns what the rep types into one https match pattern', () => {
    expect(toMatchPattern('crm.example.com')).toEqual({ ok: true, pattern: 'https://crm.example.com/*' });
    expect(toMatchPattern(' https://CRM.Example.com/app/records?id=1 ')).toEqual({ ok: true, pattern: 'https://crm.example.com/*' });
    expect(toMatchPattern('*.crm.example.com')).toEqual({ ok: true, pattern: 'https://*.crm.example.com/*' });
  });

  it('refuses plain http, wildcards over a whole domain, and non-addresses', () => {
    expect(toMatchPattern('http://crm.example.com')).toEqual({ ok: false, error: 'Only https:// addresses can be enabled.' });
    expect(toMatchPattern('*.com')).toMatchObject({ ok: false });
    expect(toMatchPattern('*.example.com')).toMatchObject({ ok: false, error: expect.stringContaining('wildcard') });
    expect(toMatchPattern('my crm')).toMatchObject({ ok: false, error: expect.stringContaining('not a web address') });
    expect(toMatchPattern('10.0.0.1')).toMatchObject({ ok: false });
    expect(toMatchPattern('')).toMatchObject({ ok: false });
  });
});

describe('the definition preview', () => {
  const row = (name: string, from: [PreviewChange['from']['band'], number | null], to: [PreviewChange['to']['band'], number | null]): PreviewChange => ({
    accountId: name.toLowerCase(),
    name,
    from: { band: from[0], score: from[1] },
    to: { band: to[0], score: to[1] },
  });

  it('lists every account whose band changes or whose score moves by 5 or more, largest change first, with a total', () => {
    const preview = comparePreview([
      row('Small move', ['At risk', 43], ['At risk', 41]),
      row('Same', ['Healthy', 80], ['Healthy', 80]),
      row('Big drop', ['Watch', 62], ['At risk', 30]),
      row('Five up', ['Watch', 50], ['Watch', 55]),
      row('Band edge', ['Watch', 69], ['Healthy', 70]),
      row('Newly scored', ['Not enough data', null], ['Watch', 60]),
    ]);
    expect(preview.changes.map((c) => c.name)).toEqual(['Newly scored', 'Big drop', 'Five up', 'Band edge']);
    expect(preview).toMatchObject({ total: 6, moved: 5 });
    expect(previewText(preview)).toBe('4 of 6 accounts would change band or move by 5 points or more with these edits (3 changing band).');
    expect(preview.changes.map(changeText)).toEqual([
      'Newly scored: Not enough data → Watch, 60',
      'Big drop: Watch, 62 → At risk, 30 (−32)',
      'Five up: Watch, 50 → Watch, 55 (+5)',
      'Band edge: Watch, 69 → Healthy, 70 (+1)',
    ]);
  });

  it('says when scores move but none by 5, and when nothing moves at all', () => {
    const small = comparePreview([row('Acme', ['At risk', 43], ['At risk', 41]), row('Initech', ['Healthy', 80], ['Healthy', 80])]);
    expect(small.changes).toEqual([]);
    expect(previewText(small)).toBe('No account would change band or move by 5 points or more; 1 of 2 would move by less.');
    expect(previewText(comparePreview([row('Initech', ['Healthy', 80], ['Healthy', 80])]))).toBe('None of 1 account would change with these edits.');
    expect(previewText(comparePreview([]))).toBe('No accounts yet, so nothing would change.');
  });
});

describe('points for the rep', () => {
  it('are whole, with a real minus sign: scoring keeps its own precision', () => {
    expect([-37.5, -3.1, 1.5, 0, -0.2, 12].map(points)).toEqual(['−38', '−3', '+2', '0', '−0', '+12']);
  });
});
