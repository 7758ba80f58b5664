import { describeSite } from './badge-site';

/**
 * The fallback for pages the rep enables beyond the supported list. Those are
 * registered at run time by the options page; here the same content script meets a
 * plain page on a matched host that no site adapter claims (Pipedrive's public site).
 */
describeSite({
  site: 'a plain page with mailto: links',
  route: ['https://www.pipedrive.com/en/**', 'mailto/page.html'],
  url: 'https://www.pipedrive.com/en/suppliers',
  badge: 'Quotewise: Acme Industrial, Not enough data.',
  nextUrl: 'https://www.pipedrive.com/en/suppliers?page=2',
  nextBadge: 'Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.',
  hostileUrl: 'https://www.pipedrive.com/en/evil',
  hostileBadge: 'Quotewise: jane.doe@evil-corp.com is not an account yet. Create account.',
  others: ['Quotewise: rep@northwind-supply.com is not an account yet. Create account.'],
});
