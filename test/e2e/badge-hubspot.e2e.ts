import { describeSite } from './badge-site';

const APP = 'https://app.hubspot.com/contacts/4567890/record';

describeSite({
  site: 'HubSpot (company record)',
  route: [`${APP}/**`, 'hubspot/company.html'],
  url: `${APP}/0-2/9876543210`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}/0-2/9876543299`,
  nextBadge: 'Quotewise: globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}/0-2/6666666666`,
  hostileBadge: 'Quotewise: evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'HubSpot (contact record)',
  route: [`${APP}/**`, 'hubspot/contact.html'],
  url: `${APP}/0-1/1234567`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}/0-1/1234599`,
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}/0-1/6666666`,
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});
