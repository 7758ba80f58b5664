import { selectors } from './selectors';
import type { SiteAdapter } from './types';

export const gmail: SiteAdapter = {
  id: 'gmail',
  handles: (url) => url.hostname === 'mail.google.com',
  watch: selectors.gmailSender,
  find: (root) =>
    [...root.querySelectorAll(selectors.gmailSender)].flatMap((anchor) => {
      const email = anchor.getAttribute('email');
      return email ? [{ anchor, email }] : [];
    }),
};
