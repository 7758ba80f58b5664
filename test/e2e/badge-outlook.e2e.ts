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
