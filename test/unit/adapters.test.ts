import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '@/lib/adapters';
import type { Sighting } from '@/lib/adapters/types';
import { changedStructure, fixtureDocument } from './fixtures';

interface Case {
  fixture: string;
  url: string;
  adapter: string;
  expected: Partial<Sighting>[];
}

const CASES: Case[] = [
  {
    fixture: 'gmail/thread.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy',
    adapter: 'gmail',
    expected: [
      { email: 'jane.doe@acme-industrial.com', personName: 'Jane Doe', place: 'after' },
      { email: 'rep@northwind-supply.com', personName: 'me' },
      { email: 'purchasing@acme-industrial.com', personName: 'Purchasing' },
    ],
  },
  {
    fixture: 'gmail/compose.html',
    url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
    adapter: 'gmail',
    expected: [{ email: 'jane.doe@acme-industrial.com', place: 'append' }, { email: 'rep@northwind-supply.com' }],
  },
  {
    fixture: 'outlook/message.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAA',
    adapter: 'outlook',
    expected: [
      { email: 'jane.doe@acme-industrial.com', personName: 'Jane Doe' },
      { email: 'rep@northwind-supply.com', personName: 'Rep Northwind' },
      { email: 'buyer@initech-parts.com', personName: 'Initech Buyer' },
    ],
  },
  {
    fixture: 'outlook/compose.html',
    url: 'https://outlook.live.com/mail/0/deeplink/compose',
    adapter: 'outlook',
    expected: [{ email: 'jane.doe@acme-industrial.com', personName: 'Jane Doe' }],
  },
  {
    fixture: 'salesforce/account.html',
    url: 'https://acme-dev-ed.lightning.force.com/lightning/r/Account/0015g00000XyZaBAAV/view',
    adapter: 'salesforce',
    expected: [{ webAddress: 'https://www.acme-industrial.com', name: 'Acme Industrial', email: undefined }],
  },
  {
    fixture: 'salesforce/contact.html',
    url: 'https://acme-dev-ed.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view',
    adapter: 'salesforce',
    expected: [{ email: 'jane.doe@acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'hubspot/company.html',
    url: 'https://app.hubspot.com/contacts/4567890/record/0-2/9876543210',
    adapter: 'hubspot',
    expected: [{ webAddress: 'acme-industrial.com', name: 'Acme Industrial', place: 'append' }],
  },
  {
    fixture: 'hubspot/contact.html',
    url: 'https://app.hubspot.com/contacts/4567890/record/0-1/1234567',
    adapter: 'hubspot',
    expected: [{ email: 'jane.doe@acme-industrial.com' }],
  },
  {
    fixture: 'pipedrive/person.html',
    url: 'https://northwind.pipedrive.com/person/7',
    adapter: 'pipedrive',
    expected: [{ email: 'jane.doe@acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'pipedrive/organization.html',
    url: 'https://northwind.pipedrive.com/organization/42',
    adapter: 'pipedrive',
    expected: [{ webAddress: 'https://www.acme-industrial.com', name: 'Acme Industrial', email: undefined }],
  },
  {
    fixture: 'dynamics/account.html',
    url: 'https://northwind.crm4.dynamics.com/main.aspx?appid=0b6f4c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c&pagetype=entityrecord&etn=account&id=5f2a1c3b-7e4d-4b8a-9c1d-2e3f4a5b6c7d',
    adapter: 'dynamics',
    expected: [{ email: 'sales@acme-industrial.com', webAddress: 'https://www.acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'dynamics/contact.html',
    url: 'https://northwind.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    adapter: 'dynamics',
    expected: [{ email: 'jane.doe@acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'zoho/account.html',
    url: 'https://crm.zoho.com/crm/org123456789/tab/Accounts/4876876000000333001',
    adapter: 'zoho',
    expected: [{ webAddress: 'http://www.acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'zoho/contact.html',
    url: 'https://crm.zoho.eu/crm/tab/Contacts/4876876000000333002',
    adapter: 'zoho',
    expected: [{ email: 'jane.doe@acme-industrial.com', name: 'Acme Industrial' }],
  },
  {
    fixture: 'mailto/page.html',
    url: 'https://intranet.example.org/suppliers',
    adapter: 'mailto',
    expected: [{ email: 'jane.doe@acme-industrial.com', personName: 'Jane Doe' }, { email: 'rep@northwind-supply.com', personName: undefined }],
  },
];

describe('site adapters', () => {
  it.each(CASES)('$adapter finds the customer on $fixture', ({ fixture, url, adapter, expected }) => {
    const page = new URL(url);
    const chosen = adapterFor(page);
    expect(chosen.id).toBe(adapter);
    const found = chosen.find(fixtureDocument(fixture), page);
    expect(found).toHaveLength(expected.length);
    found.forEach((sighting, i) => {
      expect(sighting).toMatchObject(expected[i]!);
      expect(sighting.anchor.isConnected).toBe(true);
    });
  });

  it.each(CASES)('$adapter finds nothing, and does not throw, when $fixture changed structure', ({ fixture, url }) => {
    const page = new URL(url);
    expect(adapterFor(page).find(changedStructure(fixture), page)).toEqual([]);
  });

  // The content script rescans on navigation only for adapters that watch the URL, and
  // on attribute changes only for the attributes an adapter lists: nothing else may matter.
  it.each(CASES.filter((c) => !adapterFor(new URL(c.url)).watchUrl))(
    '$adapter finds the same customers on $fixture whatever the URL, and the addresses come from its watched attributes only',
    ({ fixture, url }) => {
      const adapter = adapterFor(new URL(url));
      const emails = (doc: Document, at = url) => adapter.find(doc, new URL(at)).map((s) => s.email);
      const before = emails(fixtureDocument(fixture));
      expect(emails(fixtureDocument(fixture), `${url}#another/view`)).toEqual(before);

      const swapIn = (watched: boolean) => {
        const doc = fixtureDocument(fixture);
        for (const element of doc.body.querySelectorAll('*'))
          for (const { name, value } of [...element.attributes])
            if (adapter.watchAttributes.includes(name) === watched) element.setAttribute(name, value.replaceAll('acme-industrial', 'globex-metals'));
        return doc;
      };
      expect(emails(swapIn(false))).toEqual(before);
      const after = emails(swapIn(true));
      expect(after).toContain('jane.doe@globex-metals.com');
      expect(after).not.toContain('jane.doe@acme-industrial.com');
    },
  );

  it('a CRM adapter finds nothing off a record page, even with the record still in the DOM', () => {
    const list = new URL('https://acme-dev-ed.lightning.force.com/lightning/o/Account/list');
    expect(adapterFor(list).find(fixtureDocument('salesforce/account.html'), list)).toEqual([]);
    const dashboard = new URL('https://northwind.crm4.dynamics.com/main.aspx?pagetype=dashboard');
    expect(adapterFor(dashboard).find(fixtureDocument('dynamics/account.html'), dashboard)).toEqual([]);
    const deals = new URL('https://app.hubspot.com/contacts/4567890/objects/0-3/views/all/list');
    expect(adapterFor(deals).find(fixtureDocument('hubspot/company.html'), deals)).toEqual([]);
  });

  it('Salesforce reads only the record page in view, not the cached one Lightning keeps hidden', () => {
    const url = new URL('https://acme-dev-ed.lightning.force.com/lightning/r/Account/0015g00000XyZaBAAV/view');
    const [sighting] = adapterFor(url).find(fixtureDocument('salesforce/account.html'), url);
    expect(sighting?.anchor.textContent).toBe('Acme Industrial');
  });

  it('Gmail reads the signed-in rep’s own address from the account button, and nothing where there is none', () => {
    const page = new URL('https://mail.google.com/mail/u/0/#inbox/x');
    expect(adapterFor(page).ownAddress?.(fixtureDocument('gmail/thread.html'))).toBe('rep@northwind-supply.com');
    expect(adapterFor(page).ownAddress?.(fixtureDocument('gmail/compose.html'))).toBeUndefined();
  });

  describe('message lists', () => {
    const rowsOf = (doc: Document, site: 'gmail' | 'outlook') =>
      site === 'gmail' ? [...doc.querySelectorAll('tr.zA')].map((row) => [...row.querySelectorAll('.yW span[email]')]) : [...doc.querySelectorAll('[role="option"][data-convid]')].map((item) => [...item.querySelectorAll('span[title*="@"]')].filter((span) => !span.textContent!.includes('@') && span.getAttribute('title') !== span.textContent));

    it.each([
      ['gmail', 'gmail/inbox.html', 'https://mail.google.com/mail/u/0/#inbox', 100],
      ['outlook', 'outlook/inbox.html', 'https://outlook.office.com/mail/inbox', 40],
    ] as const)('%s: every sender of every row, placed before the row’s first sender, so the row has one mark', (site, fixture, url, rows) => {
      const doc = fixtureDocument(fixture);
      const found = adapterFor(new URL(url)).find(doc, new URL(url));
      const senders = rowsOf(doc, site);
      expect(senders).toHaveLength(rows);
      expect(found).toHaveLength(senders.flat().length);
      const bySender = senders.flatMap((row) => row.map((sender) => ({ sender, first: row[0] })));
      found.forEach((sighting, i) => {
        const { sender, first } = bySender[i]!;
        expect(sighting).toMatchObject({ list: true, place: 'before', anchor: first, email: (sender.getAttribute('email') ?? sender.getAttribute('title'))!.toLowerCase() });
      });
      // A group row ("me, Jane, Pablo"): three sightings, one anchor.
      const group = senders.find((row) => row.length === 3)!;
      expect(found.filter((s) => s.anchor === group[0])).toHaveLength(3);
      expect(adapterFor(new URL(url)).find(changedStructure(fixture), new URL(url))).toEqual([]);
    });

    it('Outlook never reads a sender from an address in a subject', () => {
      const url = new URL('https://outlook.office.com/mail/inbox');
      const doc = fixtureDocument('outlook/inbox.html');
      expect(doc.body.innerHTML).toContain('(from orders@globex-components.com)');
      expect(adapterFor(url).find(doc, url).map((s) => s.email)).not.toContain('orders@globex-components.com');
    });

    it('Gmail reads senders only in the list’s rows: none from a hovercard or a row outside the main list', () => {
      const url = new URL('https://mail.google.com/mail/u/0/#inbox');
      const doc = fixtureDocument('gmail/inbox.html');
      const before = adapterFor(url).find(doc, url).length;
      const stray = doc.createElement('div');
      stray.innerHTML = '<table><tr class="zA"><td><div class="yW"><span email="x@stray.example" name="X">X</span></div></td></tr></table><span email="y@stray.example" name="Y">Y</span>';
      doc.body.append(stray);
      expect(adapterFor(url).find(doc, url)).toHaveLength(before);
    });
  });

  it('Outlook ignores addresses inside the message body', () => {
    const url = new URL('https://outlook.office365.com/mail/');
    const emails = adapterFor(url).find(fixtureDocument('outlook/message.html'), url).map((s) => s.email);
    expect(emails).not.toContain('buyer@other-co.com');
  });

  it('every other host falls back to mailto links, including the public sites of supported CRMs', () => {
    expect(adapterFor(new URL('https://www.pipedrive.com/en/contact')).id).toBe('mailto');
    expect(adapterFor(new URL('https://example.org/')).id).toBe('mailto');
    expect(ADAPTERS.at(-1)?.id).toBe('mailto');
  });

  it('no adapter throws on an empty page or a page of unrelated markup', () => {
    const empty = document.implementation.createHTMLDocument('');
    const other = fixtureDocument('gmail/thread.html');
    for (const adapter of ADAPTERS) {
      const url = new URL('https://crm.zoho.com/crm/tab/Accounts/1');
      expect(() => adapter.find(empty, url)).not.toThrow();
      if (adapter.id !== 'gmail' && adapter.id !== 'mailto') expect(adapter.find(other, url)).toEqual([]);
    }
  });
});
