import { describe, expect, it } from 'vitest';
import { identifyEmail, identifyWebAddress, registrableDomain } from '@/lib/identity';

describe('identity resolution', () => {
  it('resolves a company email to its registrable domain, subdomains included', () => {
    expect(identifyEmail('Jane.Doe@EU.Acme.co.uk')).toEqual({ kind: 'company', domain: 'acme.co.uk', email: 'jane.doe@eu.acme.co.uk' });
    expect(identifyEmail('buyer@purchasing.globex.com')).toMatchObject({ kind: 'company', domain: 'globex.com' });
  });

  it('uses the public suffix list, not the last two labels', () => {
    expect(registrableDomain('shop.example.com.au')).toBe('example.com.au');
    expect(registrableDomain('a.b.example.co.jp')).toBe('example.co.jp');
    expect(registrableDomain('localhost')).toBeNull();
  });

  it('resolves free-mail senders per contact, never as a company', () => {
    for (const email of ['bob@gmail.com', 'bob@outlook.com', 'bob@yahoo.com', 'bob@hotmail.co.uk']) {
      expect(identifyEmail(email)).toMatchObject({ kind: 'contact', email });
    }
    expect(identifyWebAddress('https://gmail.com')).toBeNull();
  });

  it("ignores the rep's own domain", () => {
    const options = { ownDomains: ['quotewise.app'] };
    expect(identifyEmail('me@sales.quotewise.app', options)).toBeNull();
    expect(identifyWebAddress('www.quotewise.app', options)).toBeNull();
    expect(identifyEmail('jane@acme.com', options)).toMatchObject({ kind: 'company', domain: 'acme.com' });
  });

  it('lets the rep override the free-mail list both ways', () => {
    expect(identifyEmail('x@gmail.com', { freeMailExcluded: ['gmail.com'] })).toMatchObject({ kind: 'company', domain: 'gmail.com' });
    expect(identifyEmail('x@acme.com', { freeMailExtra: ['acme.com'] })).toMatchObject({ kind: 'contact' });
  });

  it('reads mailto links and web addresses in their usual shapes', () => {
    expect(identifyEmail('mailto:Sales@Initech.io?subject=Quote')).toMatchObject({ domain: 'initech.io', email: 'sales@initech.io' });
    expect(identifyWebAddress('www.initech.io/about')).toEqual({ kind: 'company', domain: 'initech.io' });
    expect(identifyWebAddress('http://eu.initech.io')).toEqual({ kind: 'company', domain: 'initech.io' });
  });

  it('returns null for things that are not addresses', () => {
    expect(identifyEmail('not an email')).toBeNull();
    expect(identifyEmail('')).toBeNull();
    expect(identifyWebAddress('')).toBeNull();
    expect(identifyWebAddress('http://')).toBeNull();
  });
});
