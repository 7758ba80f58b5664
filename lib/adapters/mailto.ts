import { all, emailIn, textOf } from './dom';
import { selectors } from './selectors';
import type { SiteAdapter } from './types';

/** The fallback for any other page the rep enabled: every mailto: link names a person. */
export const mailto: SiteAdapter = {
  id: 'mailto',
  handles: () => true,
  watch: selectors.mailtoLink,
  watchAttributes: ['href'],
  watchUrl: false,
  find: (root) =>
    all(root, selectors.mailtoLink).flatMap((anchor) => {
      const email = emailIn(anchor.getAttribute('href'));
      const name = textOf(anchor);
      return email ? [{ anchor, place: 'after' as const, email, personName: name && !name.includes('@') ? name : undefined }] : [];
    }),
};
