import { all, emailIn, first, pathMatch, textOf } from './dom';
import { selectors } from './selectors';
import type { SiteAdapter } from './types';

const RECORD = /^\/(person|organization|deal)\/\d+/;

/** Pipedrive person, organization and deal pages (https://<company>.pipedrive.com; www is the public site). */
export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  handles: (url) => url.hostname.endsWith('.pipedrive.com') && url.hostname !== 'www.pipedrive.com',
  watch: `${selectors.pipedriveTitle}, ${selectors.pipedriveSidebarLink}`,
  watchAttributes: [],
  watchUrl: true,
  find: (root, url) => {
    const [type] = pathMatch(url, RECORD) ?? [];
    const anchor = type ? first(root, selectors.pipedriveTitle) : null;
    if (!anchor) return [];
    const links = all(root, selectors.pipedriveSidebarLink);
    const href = (test: (href: string) => boolean) => links.find((link) => test(link.getAttribute('href') ?? ''));
    const email = emailIn(href((h) => h.startsWith('mailto:'))?.getAttribute('href'));
    const organization = textOf(href((h) => /\/organization\/\d+/.test(h)));
    const website = href((h) => /^https?:/.test(h) && !h.includes('.pipedrive.com'))?.getAttribute('href') ?? undefined;
    // A person or a deal belongs to an organization: that is the customer's name.
    const name = type === 'organization' ? textOf(anchor) : organization;
    return email || website || name ? [{ anchor, place: 'append', email, webAddress: website, name }] : [];
  },
};
