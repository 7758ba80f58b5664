import { all, emailIn, first, listSenders, textOf } from './dom';
import { selectors } from './selectors';
import type { SiteAdapter } from './types';

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

/**
 * Outlook on the web hashes its class names, so this reads the reading pane's id,
 * ARIA roles and the persona titles that carry the address ("Jane Doe <jane@acme.com>").
 */
export const outlook: SiteAdapter = {
  id: 'outlook',
  handles: (url) => HOSTS.has(url.hostname),
  watch: `${selectors.outlookReadingPerson}, ${selectors.outlookComposeRecipient}, ${selectors.outlookListItem} ${selectors.outlookListSender}`,
  watchAttributes: ['title'],
  watchUrl: false,
  find: (root) => {
    const pane = first(root, selectors.outlookReadingPane);
    const people = pane
      ? all(pane, selectors.outlookReadingPerson).filter((element) => !element.closest(selectors.outlookMessageBody))
      : [];
    return [
      ...[...people, ...all(root, selectors.outlookComposeRecipient)].flatMap((anchor) => {
        const email = emailIn(anchor.getAttribute('title'));
        const name = textOf(anchor);
        return email ? [{ anchor, place: 'after' as const, email, personName: name && !name.includes('@') ? name : undefined }] : [];
      }),
      // A sender's title is its address alone; a subject that mentions an address is no sender.
      ...listSenders(root, selectors.outlookListItem, selectors.outlookListSender, (sender) => {
        const title = sender.getAttribute('title');
        return title && emailIn(title) === title.trim().toLowerCase() ? title : null;
      }),
    ];
  },
};
