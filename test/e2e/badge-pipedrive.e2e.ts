import { describeSite } from './badge-site';

const APP = 'https://northwind.pipedrive.com';

describeSite({
  site: 'Pipedrive (person)',
  route: [`${APP}/person/**`, 'pipedrive/person.html'],
  url: `${APP}/person/7`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}/person/8`,
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}/person/666`,
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'Pipedrive (organization)',
  route: [`${APP}/organization/**`, 'pipedrive/organization.html'],
  url: `${APP}/organization/42`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${APP}/organization/43`,
  nextBadge: 'Quotewise: globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${APP}/organization/666`,
  hostileBadge: 'Quotewise: evil-corp.com is not an account yet. Create account.',
});
