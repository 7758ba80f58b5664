/**
 * Every selector the adapters read, in one place, each named with the fixture it
 * is tested against (test/unit/selectors.test.ts counts the matches in each fixture).
 * Only stable hooks: attributes the sites use for their own features, ARIA roles,
 * record ids in the URL. Never hashed class names.
 */
export const selectors = {
  /** Gmail: the sender of each open message. Fixture: test/fixtures/gmail/thread.html */
  gmailSender: 'div[data-message-id] h3 span[email]',
} as const;

export type SelectorName = keyof typeof selectors;
