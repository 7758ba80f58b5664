import { describe, expect, it } from 'vitest';
import type { Sighting } from '@/lib/adapters/types';
import type { HealthSummary } from '@/lib/health';
import type { LookupResult } from '@/lib/messaging/lookup';
import { badgeLabel, keyResults, missingQueries, nameFromDomain, sightingKey, stateFor } from '@/lib/content/state';

const anchor = {} as Element;
const summary = (over: Partial<HealthSummary>): HealthSummary => ({
  accountId: 'a1',
  accountName: 'Acme Corp',
  score: 38,
  band: 'At risk',
  warnings: [],
  dismissed: [],
  reasons: [],
  scorecard: { answers: [], yes: 0, verdict: 'work on it' },
  lastQuote: null,
  openQuotes: 0,
  figures: { revenueMinor: 0, currency: 'USD', quoteToOrderRate: null, maxDaysLate: 0, lastActivityAt: null },
  definitionVersion: 1,
  computedAt: 0,
  ...over,
});
const warning = (name: HealthSummary['warnings'][number]['name']) => ({ name, severity: 'high' as const, evidence: 'e', advice: 'a', source: 's' });
const result = (over: Partial<LookupResult>): LookupResult => ({ query: 'q', identity: null, account: null, matchedBy: null, summary: null, ...over });

describe('badge accessible name', () => {
  it('states the account, band, score and each active warning', () => {
    const state = { kind: 'account' as const, accountId: 'a1', accountName: 'Acme Corp', summary: summary({ warnings: [warning('Price relationship'), warning('Slow payer')] }) };
    expect(badgeLabel(state)).toBe('Quotewise: Acme Corp, At risk, 38 of 100. Warnings: Price relationship, Slow payer.');
  });

  it('says when there is not enough data, and has no score then', () => {
    const state = { kind: 'account' as const, accountId: 'a1', accountName: 'Acme Corp', summary: summary({ score: null, band: 'Not enough data' }) };
    expect(badgeLabel(state)).toBe('Quotewise: Acme Corp, Not enough data.');
    expect(badgeLabel({ ...state, summary: null })).toBe('Quotewise: Acme Corp, Not enough data.');
  });

  it('offers to create an unknown customer', () => {
    expect(badgeLabel({ kind: 'unknown', label: 'jane@acme.com', create: { name: 'Acme', domains: ['acme.com'] } })).toBe(
      'Quotewise: jane@acme.com is not an account yet. Create account.',
    );
  });
});

describe('badge state from lookups', () => {
  const sighting: Sighting = { anchor, place: 'after', email: 'jane@acme-industrial.com', webAddress: 'acme-industrial.com', name: 'Acme' };

  it('asks once per query kind, only for what is not answered yet', () => {
    expect(missingQueries([sighting, sighting], () => false)).toEqual({ emails: ['jane@acme-industrial.com'], webAddresses: ['acme-industrial.com'], names: ['Acme'] });
    expect(missingQueries([sighting], (key) => key.startsWith('e:'))).toEqual({ emails: [], webAddresses: ['acme-industrial.com'], names: ['Acme'] });
    expect(sightingKey(sighting)).toBe('e:jane@acme-industrial.com|w:acme-industrial.com|n:Acme');
  });

  it('keys results in the order the background answers them', () => {
    const queries = { emails: ['a@x.com'], webAddresses: ['x.com'], names: ['X'] };
    const [r1, r2, r3] = [result({ query: 'a@x.com' }), result({ query: 'x.com' }), result({ query: 'X' })];
    expect(keyResults(queries, [r1, r2, r3])).toEqual([['e:a@x.com', r1], ['w:x.com', r2], ['n:X', r3]]);
  });

  it('waits for every answer, then prefers the strongest match', () => {
    const answers = new Map<string, LookupResult>([['e:jane@acme-industrial.com', result({ identity: { kind: 'company', domain: 'acme-industrial.com', email: 'jane@acme-industrial.com' } })]]);
    expect(stateFor(sighting, (k) => answers.get(k))).toBeUndefined();
    answers.set('w:acme-industrial.com', result({ account: { id: 'a1', name: 'Acme Industrial', domains: [] }, summary: summary({ accountName: 'Acme Industrial' }) }));
    answers.set('n:Acme', result({}));
    expect(stateFor(sighting, (k) => answers.get(k))).toMatchObject({ kind: 'account', accountId: 'a1', accountName: 'Acme Industrial' });
  });

  it('an unknown company is offered with its domain; a free-mail person with their own name; the rep nothing', () => {
    const company = stateFor({ anchor, place: 'after', email: 'jo@globex-metals.com' }, () =>
      result({ identity: { kind: 'company', domain: 'globex-metals.com', email: 'jo@globex-metals.com' } }),
    );
    expect(company).toEqual({
      kind: 'unknown',
      label: 'jo@globex-metals.com',
      create: { name: 'Globex Metals', domains: ['globex-metals.com'], contactEmail: 'jo@globex-metals.com' },
      email: 'jo@globex-metals.com',
      company: 'globex-metals.com',
    });
    const person = stateFor({ anchor, place: 'after', email: 'jo@gmail.com', personName: 'Jo Smith' }, () =>
      result({ identity: { kind: 'contact', domain: 'gmail.com', email: 'jo@gmail.com' } }),
    );
    expect(person).toEqual({ kind: 'unknown', label: 'jo@gmail.com', create: { name: 'Jo Smith', domains: [], contactEmail: 'jo@gmail.com' }, email: 'jo@gmail.com' });
    expect(stateFor({ anchor, place: 'after', email: 'rep@northwind-supply.com', personName: 'me' }, () => result({}))).toBeNull();
  });

  it('the signed-in rep’s own address, not yet claimed, is asked about instead of offered as an account', () => {
    const own = { anchor, place: 'after' as const, email: 'rep@northwind-supply.com', personName: 'me' };
    const answer = (key: string) => result({ identity: { kind: 'company', domain: 'northwind-supply.com', email: key.slice(2) } });
    const self = stateFor(own, answer, 'rep@northwind-supply.com');
    expect(self).toEqual({ kind: 'self', email: 'rep@northwind-supply.com', company: 'northwind-supply.com' });
    expect(badgeLabel(self!)).toBe('Quotewise: Is northwind-supply.com your company?');
    // A colleague at the same company is not the rep: offered as usual until the rep answers.
    expect(stateFor({ ...own, email: 'ann@northwind-supply.com' }, answer, 'rep@northwind-supply.com')).toMatchObject({ kind: 'unknown' });
    const freeMail = stateFor({ ...own, email: 'rep@gmail.com' }, () => result({ identity: { kind: 'contact', domain: 'gmail.com', email: 'rep@gmail.com' } }), 'rep@gmail.com');
    expect(badgeLabel(freeMail!)).toBe('Quotewise: Is rep@gmail.com you?');
  });

  it('a CRM record known only by its name is offered by that name', () => {
    expect(stateFor({ anchor, place: 'append', name: 'Initech' }, () => result({}))).toEqual({ kind: 'unknown', label: 'Initech', create: { name: 'Initech', domains: [] } });
  });

  it('turns a domain into a readable account name', () => {
    expect(nameFromDomain('acme-industrial.co.uk')).toBe('Acme Industrial');
    expect(nameFromDomain('initech.com')).toBe('Initech');
  });
});
