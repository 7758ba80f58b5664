import { describeSite } from './badge-site';

// The rep's own address (rep@northwind-supply.com) is shown too: these tests set no own domain.
describeSite({
  site: 'Outlook on the web (compose, outlook.live.com)',
  route: ['https://outlook.live.com/mail/**', 'outlook/compose.html'],
  url: 'https://outlook.live.com/mail/0/deeplink/compose',
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: 'https://outlook.live.com/mail/0/deeplink/compose?to=other',
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: 'https://outlook.live.com/mail/0/deeplink/compose?evil',
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'Outlook on the web (reading pane, outlook.office.com)',
  route: ['https://outlook.office.com/mail/**', 'outlook/message.html'],
  url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAA',
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQAB',
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: 'https://outlook.office.com/mail/inbox/id/EVIL',
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
  // Another recipient and the rep's own address are on the message too.
  others: [
    'Quotewise: buyer@initech-parts.com is not an account yet. Create account.',
    'Quotewise: rep@northwind-supply.com is not an account yet. Create account.',
  ],
});
