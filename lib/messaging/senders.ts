import type { MessageType } from './protocol';

/**
 * Where a message comes from: a content script, in a web page (whose renderer a hostile or
 * compromised site controls), or one of Quotewise's own pages (the popup, the history, data
 * and options pages, and the badge's card, an extension frame).
 */
export type SenderContext = 'content' | 'extension';

const EXTENSION_ONLY = ['extension'] as const;
const BADGE = ['content', 'extension'] as const;

/**
 * Who may send each message: the one place it is said. A content script asks only what a
 * badge needs: who the customers on its page are, and its UI. Every write, and every read of
 * more than the page shows, comes from an extension page, the card included, so a web page
 * that runs code in the content script's context can neither change data nor read the book.
 */
export const ALLOWED_SENDERS = {
  ping: EXTENSION_ONLY,
  'accounts.lookup': BADGE,
  'accounts.create': EXTENSION_ONLY,
  'accounts.search': EXTENSION_ONLY,
  'accounts.get': EXTENSION_ONLY,
  'events.record': EXTENSION_ONLY,
  'events.delete': EXTENSION_ONLY,
  'events.has': EXTENSION_ONLY,
  'events.ofAccount': EXTENSION_ONLY,
  'health.ofAccounts': EXTENSION_ONLY,
  'health.changed': EXTENSION_ONLY,
  'warnings.dismiss': EXTENSION_ONLY,
  'definition.get': EXTENSION_ONLY,
  'definition.save': EXTENSION_ONLY,
  'definition.preview': EXTENSION_ONLY,
  'settings.get': EXTENSION_ONLY,
  'settings.claimOwn': EXTENSION_ONLY,
  'settings.save': EXTENSION_ONLY,
  'popup.open': EXTENSION_ONLY,
  'quotes.open': EXTENSION_ONLY,
  'ui.open': EXTENSION_ONLY,
  'ui.loadBadgeUi': ['content'],
} as const satisfies Record<MessageType, readonly SenderContext[]>;

export function mayBeSentFrom(type: MessageType, context: SenderContext): boolean {
  return (ALLOWED_SENDERS[type] as readonly SenderContext[]).includes(context);
}
