import { describeSite } from './badge-site';

const APP = 'https://northwind.crm4.dynamics.com/main.aspx?appid=0b6f4c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c&pagetype=entityrecord';

describeSite({
  site: 'Dynamics 365 (account form)',
  route: ['https://northwind.crm4.dynamics.com/main.aspx?*', 'dynamics/account.html'],
  url: `${APP}&etn=account&id=5f2a1c3b-7e4d-4b8a-9c1d-2e3f4a5b6c7d`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}&etn=account&id=6a3b2c1d-7e4d-4b8a-9c1d-2e3f4a5b6c7e`,
  nextBadge: 'Quotewise: sales@globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}&etn=account&id=66666666-7e4d-4b8a-9c1d-2e3f4a5b6c7d`,
  hostileBadge: 'Quotewise: sales@evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'Dynamics 365 (contact form)',
  route: ['https://northwind.crm4.dynamics.com/main.aspx?*', 'dynamics/contact.html'],
  url: `${APP}&etn=contact&id=8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}&etn=contact&id=9b8c7d6e-4e3f-4a1b-8c9d-0e1f2a3b4c5e`,
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}&etn=contact&id=66666666-4e3f-4a1b-8c9d-0e1f2a3b4c5d`,
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});
