import { emailIn, fieldValue, first, pathMatch, textOf } from './dom';
import { selector, selectors } from './selectors';
import type { SiteAdapter } from './types';

/** /crm/[org<id>/]tab/<Module>/<record id>: the module and record from the URL. */
const RECORD = /^\/crm\/(?:org\d+\/)?tab\/(Accounts|Contacts|Leads)\/\d+/;
const FIELDS: Record<string, { email?: string; website?: string; account?: string }> = {
  Accounts: { website: 'Website' },
  Contacts: { email: 'Email', account: 'Account_Name' },
  Leads: { email: 'Email', website: 'Website', account: 'Company' },
};

/** Zoho CRM account, contact and lead records (crm.zoho.com, crm.zoho.eu). */
export const zoho: SiteAdapter = {
  id: 'zoho',
  handles: (url) => url.hostname === 'crm.zoho.com' || url.hostname === 'crm.zoho.eu',
  watch: `${selectors.zohoTitle}, [data-zcqa^="detailView_"]`,
  watchAttributes: [],
  watchUrl: true,
  find: (root, url) => {
    const [module] = pathMatch(url, RECORD) ?? [];
    const fields = module ? FIELDS[module] : undefined;
    const anchor = fields ? first(root, selectors.zohoTitle) : null;
    if (!fields || !anchor) return [];
    const field = (name?: string) => (name ? fieldValue(first(root, selector('zohoField', name))) : undefined);
    const email = emailIn(field(fields.email));
    const webAddress = field(fields.website);
    const name = fields.account ? field(fields.account) : textOf(anchor);
    return email || webAddress || name ? [{ anchor, place: 'append', email, webAddress, name }] : [];
  },
};
