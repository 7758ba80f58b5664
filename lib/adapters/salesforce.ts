import { emailIn, first, linkOf, pathMatch, textOf } from './dom';
import { selector, selectors } from './selectors';
import type { Sighting, SiteAdapter } from './types';

const RECORD = /^\/lightning\/r\/(Account|Contact|Lead|Opportunity)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\b/;

/** Which fields name the customer on each record type (API names). */
const FIELDS: Record<string, { email?: string; website?: string; account?: string }> = {
  Account: { website: 'Account.Website' },
  Contact: { email: 'Contact.Email', account: 'Contact.AccountId' },
  Lead: { email: 'Lead.Email', website: 'Lead.Website', account: 'Lead.Company' },
  Opportunity: { account: 'Opportunity.AccountId' },
};

/** Salesforce Lightning record pages: the record type and id come from the URL, the fields from their API-name attributes. */
export const salesforce: SiteAdapter = {
  id: 'salesforce',
  handles: (url) => url.hostname.endsWith('.lightning.force.com'),
  watch: `${selectors.salesforceRecordName}, [data-target-selection-name^="sfdc:RecordField."]`,
  watchAttributes: [],
  watchUrl: true,
  find: (root, url) => {
    const [object] = pathMatch(url, RECORD) ?? [];
    const fields = object ? FIELDS[object] : undefined;
    const page = fields && first(root, selectors.salesforceActivePage);
    const anchor = page && first(page, selectors.salesforceRecordName);
    if (!fields || !page || !anchor) return [];
    const field = (name?: string) => {
      const container = name ? first(page, selector('salesforceField', name)) : null;
      return container && first(container, selectors.salesforceFieldOutput);
    };
    const sighting: Sighting = {
      anchor,
      place: 'after',
      email: emailIn(linkOf(field(fields.email))),
      webAddress: linkOf(field(fields.website)) ?? textOf(field(fields.website)),
      // A contact or opportunity belongs to an account: its name is the customer's, the record's own is a person or a deal.
      name: fields.account ? textOf(field(fields.account)) : textOf(anchor),
    };
    return sighting.email || sighting.webAddress || sighting.name ? [sighting] : [];
  },
};
