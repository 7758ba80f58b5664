import { describe, expect, it } from 'vitest';
import { createHostRules } from '@/lib/content/host-rules';
import type { LookupResult } from '@/lib/messaging/lookup';

const acme = { id: 'a1', name: 'Acme', domains: ['acme.com'] };
const answerFor = (email: string, except: string[] = []): LookupResult => {
  const host = email.split('@')[1]!;
  return { query: email, identity: { kind: 'company', domain: host, email }, account: acme, matchedBy: 'domain', summary: null, sameAtHost: { host, except } };
};

describe('host rules: answering a colleague from what the background said of the whole host', () => {
  it('answers another address at the host as its own query, except the listed contacts', () => {
    const rules = createHostRules();
    rules.learn(answerFor('jo@acme.com', ['raj@acme.com']));
    expect(rules.answer('ann@acme.com')).toEqual({
      query: 'ann@acme.com',
      identity: { kind: 'company', domain: 'acme.com', email: 'ann@acme.com' },
      account: acme,
      matchedBy: 'domain',
      summary: null,
    });
    expect(rules.answer('raj@acme.com')).toBeUndefined();
    expect(rules.answer('ann@globex.io')).toBeUndefined();
    rules.clear();
    expect(rules.answer('ann@acme.com')).toBeUndefined();
  });

  it('learns nothing from an answer without a rule, and keeps only the newest hosts', () => {
    const rules = createHostRules(2);
    const { sameAtHost: _rule, ...plain } = answerFor('jo@initech.io');
    rules.learn(plain);
    expect(rules.answer('ann@initech.io')).toBeUndefined();
    for (const email of ['a@one.com', 'b@two.com', 'c@three.com']) rules.learn(answerFor(email));
    expect(rules.answer('x@one.com')).toBeUndefined();
    expect(rules.answer('x@two.com')?.account).toEqual(acme);
    expect(rules.answer('x@three.com')?.account).toEqual(acme);
  });
});
