import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageCustomers } from '@/lib/content/page-customers';
import { companyNameOf } from '@/lib/identity';
import { asDomain } from '@/lib/popup/account-name';
import { readPopupParams } from '@/lib/popup/start';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures', name), 'utf8');

describe('page.customers: the content script tells the popup who is on the page', () => {
  it('lists the Gmail thread’s customers once each, in page order, from the site adapter', () => {
    const doc = new DOMParser().parseFromString(fixture('gmail/thread.html'), 'text/html');
    const found = pageCustomers(doc, new URL('https://mail.google.com/mail/u/0/#inbox/abc'));
    expect(found.emails[0]).toBe('jane.doe@acme-industrial.com');
    expect(new Set(found.emails).size).toBe(found.emails.length);
  });

  it('answers with nothing on a page no adapter handles', () => {
    const doc = new DOMParser().parseFromString('<p><span email="x@y.com">x</span></p>', 'text/html');
    expect(pageCustomers(doc, new URL('https://example.com/'))).toEqual({ emails: [], webAddresses: [], names: [] });
  });
});

describe('popup parameters and account names', () => {
  it('reads only well-formed parameters', () => {
    expect(readPopupParams('?account=a1&form=price_match&tab=12')).toEqual({ accountId: 'a1', email: null, text: null, tabId: 12, form: 'price_match', prefill: null });
    expect(readPopupParams('?form=delete&tab=-3&q=%20Acme%20')).toEqual({ accountId: null, email: null, text: 'Acme', tabId: null, form: null, prefill: null });
    expect(readPopupParams('?account=a1&form=order&eventId=email%3Aorder%3A%23msg-f%3A1&amount=24750.00&currency=USD&note=PO%204471&other=x').prefill).toEqual({
      eventId: 'email:order:#msg-f:1',
      amount: '24750.00',
      currency: 'USD',
      note: 'PO 4471',
    });
  });

  it('turns a typed web address into a domain, and a domain into the name of the account to create', () => {
    expect(asDomain('https://www.Acme-Industrial.com/contact')).toBe('acme-industrial.com');
    expect(asDomain('Acme Industrial')).toBeNull();
    expect(companyNameOf('eu.acme-industrial.co.uk')).toBe('Acme Industrial');
    expect(companyNameOf('initech.io')).toBe('Initech');
  });
});
