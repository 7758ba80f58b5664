import { describeSite } from './badge-site';

describeSite({
  site: 'Zoho CRM (account, crm.zoho.com)',
  route: ['https://crm.zoho.com/crm/**', 'zoho/account.html'],
  url: 'https://crm.zoho.com/crm/org123456789/tab/Accounts/4876876000000333001',
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: 'https://crm.zoho.com/crm/org123456789/tab/Accounts/4876876000000333099',
  nextBadge: 'Quotewise: globex-metals.com is not an account yet. Create account.',
  hostileUrl: 'https://crm.zoho.com/crm/org123456789/tab/Accounts/4876876000000666666',
  hostileBadge: 'Quotewise: evil-corp.com is not an account yet. Create account.',
});

describeSite({
  site: 'Zoho CRM (contact, crm.zoho.eu)',
  route: ['https://crm.zoho.eu/crm/**', 'zoho/contact.html'],
  url: 'https://crm.zoho.eu/crm/tab/Contacts/4876876000000333002',
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: 'https://crm.zoho.eu/crm/tab/Contacts/4876876000000333098',
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: 'https://crm.zoho.eu/crm/tab/Contacts/4876876000000666666',
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
});
