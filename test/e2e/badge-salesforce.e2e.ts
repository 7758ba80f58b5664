import { describeSite } from './badge-site';

const ORG = 'https://northwind-dev-ed.lightning.force.com';

describeSite({
  site: 'Salesforce Lightning (Account record)',
  route: [`${ORG}/lightning/r/**`, 'salesforce/account.html'],
  url: `${ORG}/lightning/r/Account/0015g00000XyZaBAAV/view`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${ORG}/lightning/r/Account/0015g00000XyZzZAAV/view`,
  nextBadge: 'Quotewise: globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${ORG}/lightning/r/Account/0015g00000EvIlXAAV/view`,
  hostileBadge: 'Quotewise: evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'Salesforce Lightning (Contact record)',
  route: [`${ORG}/lightning/r/**`, 'salesforce/contact.html'],
  url: `${ORG}/lightning/r/Contact/0035g00000AbCdEAAV/view`,
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: `${ORG}/lightning/r/Contact/0035g00000AbCzZAAV/view`,
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: `${ORG}/lightning/r/Contact/0035g00000EvIlXAAV/view`,
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});
