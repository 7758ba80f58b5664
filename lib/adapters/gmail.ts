import { all, emailIn, first, listSenders } from './dom';
import { selectors } from './selectors';
import type { SiteAdapter } from './types';

/** Gmail: everyone on each open message (sender and recipients), the compose window's recipients, and the message list's senders. */
export const gmail: SiteAdapter = {
  id: 'gmail',
  handles: (url) => url.hostname === 'mail.google.com',
  watch: `${selectors.gmailPerson}, ${selectors.gmailComposeRecipient}, ${selectors.gmailListRow} ${selectors.gmailListSender}`,
  watchAttributes: ['email', 'data-hovercard-id'],
  watchUrl: false,
  ownAddress: (root) => emailIn(first(root, selectors.gmailSignedInAccount)?.getAttribute('aria-label')),
  find: (root) => [
    ...all(root, selectors.gmailPerson).flatMap((anchor) => {
      const email = emailIn(anchor.getAttribute('email'));
      return email ? [{ anchor, place: 'after' as const, email, personName: anchor.getAttribute('name') ?? undefined }] : [];
    }),
    ...all(root, selectors.gmailComposeRecipient).flatMap((anchor) => {
      const email = emailIn(anchor.getAttribute('data-hovercard-id'));
      return email ? [{ anchor, place: 'append' as const, email }] : [];
    }),
    ...listSenders(root, selectors.gmailListRow, selectors.gmailListSender, (sender) => sender.getAttribute('email')),
  ],
};
