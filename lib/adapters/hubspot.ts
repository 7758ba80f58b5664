import { emailIn, fieldValue, first, pathMatch, textOf } from './dom';
import { selector, selectors } from './selectors';
import type { SiteAdapter } from './types';

/** /contacts/<portal>/record/<object type>/<id>: 0-1 is a contact, 0-2 a company. */
const RECORD = /^\/contacts\/\d+\/record\/(0-1|0-2)\/\d+/;

/** HubSpot contact and company records: the type from the URL, the email or domain property from its test attributes. */
export const hubspot: SiteAdapter = {
  id: 'hubspot',
  handles: (url) => url.hostname === 'app.hubspot.com' || url.hostname === 'app-eu1.hubspot.com',
  watch: `${selectors.hubspotTitle}, [data-selenium-test^="property-input-"]`,
  watchAttributes: [],
  watchUrl: true,
  find: (root, url) => {
    const [type] = pathMatch(url, RECORD) ?? [];
    const anchor = type ? first(root, selectors.hubspotTitle) : null;
    if (!anchor) return [];
    const property = (name: string) => fieldValue(first(root, selector('hubspotProperty', name)));
    if (type === '0-1') {
      const email = emailIn(property('email'));
      return email ? [{ anchor, place: 'append', email, name: textOf(anchor) }] : [];
    }
    return [{ anchor, place: 'append', webAddress: property('domain'), name: textOf(anchor) }];
  },
};
