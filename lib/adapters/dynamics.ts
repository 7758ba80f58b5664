import { emailIn, fieldValue, first, textOf } from './dom';
import { selector, selectors } from './selectors';
import type { SiteAdapter } from './types';

/** Dynamics 365 (Unified Interface) account, contact and lead forms: main.aspx?pagetype=entityrecord&etn=<entity>&id=<guid>. */
const FIELDS: Record<string, { email?: string; website?: string; account?: string }> = {
  account: { email: 'emailaddress1', website: 'websiteurl' },
  contact: { email: 'emailaddress1', account: 'parentcustomerid' },
  lead: { email: 'emailaddress1', website: 'websiteurl', account: 'companyname' },
};

export const dynamics: SiteAdapter = {
  id: 'dynamics',
  handles: (url) => url.hostname.endsWith('.dynamics.com'),
  watch: `${selectors.dynamicsTitle}, [data-id*=".fieldControl"]`,
  watchAttributes: [],
  watchUrl: true,
  find: (root, url) => {
    const params = url.searchParams;
    const fields = params.get('pagetype') === 'entityrecord' && params.get('id') ? FIELDS[params.get('etn') ?? ''] : undefined;
    const anchor = fields ? first(root, selectors.dynamicsTitle) : null;
    if (!fields || !anchor) return [];
    const field = (name?: string) => (name ? fieldValue(first(root, selector('dynamicsField', name))) : undefined);
    const email = emailIn(field(fields.email));
    const webAddress = field(fields.website);
    const name = fields.account ? field(fields.account) : textOf(anchor);
    return email || webAddress || name ? [{ anchor, place: 'append', email, webAddress, name }] : [];
  },
};
