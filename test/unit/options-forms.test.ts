import { describe, expect, it } from 'vitest';
import { applyField, DEFINITION_FIELDS, displayValue, sameRules } from '@/lib/options/definition-form';
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

describe('points for the rep', () => {
  it('are whole, with a real minus sign: scoring keeps its own precision', () => {
    expect([-37.5, -3.1, 1.5, 0, -0.2, 12].map(points)).toEqual(['−38', '−3', '+2', '0', '−0', '+12']);
  });
});
