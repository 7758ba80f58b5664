import { describe, expect, it } from 'vitest';
import { type MessageSelectorName, type SelectorName, messageSelectors, selector } from '@/lib/adapters/selectors';
import { fixtureDocument } from './fixtures';

/** How many times each selector matches in the fixture named in its comment. A site redesign shows up here first. */
const EXPECTED: [SelectorName, string, string | undefined, number][] = [
  ['gmailPerson', 'gmail/thread.html', undefined, 3],
  ['gmailSignedInAccount', 'gmail/thread.html', undefined, 1],
  ['gmailSignedInAccount', 'gmail/compose.html', undefined, 0],
  ['gmailComposeRecipient', 'gmail/compose.html', undefined, 2],
  ['gmailComposeRecipient', 'gmail/thread.html', undefined, 0],
  ['gmailListRow', 'gmail/inbox.html', undefined, 100],
  ['gmailListRow', 'gmail/thread.html', undefined, 0],
  ['gmailListSender', 'gmail/inbox.html', undefined, 117],
  ['outlookListItem', 'outlook/inbox.html', undefined, 40],
  ['outlookListItem', 'outlook/message.html', undefined, 1],
  ['outlookListSender', 'outlook/inbox.html', undefined, 56],
  ['outlookReadingPane', 'outlook/message.html', undefined, 1],
  ['outlookReadingPerson', 'outlook/message.html', undefined, 4],
  ['outlookMessageBody', 'outlook/message.html', undefined, 1],
  ['outlookComposeRecipient', 'outlook/compose.html', undefined, 1],
  ['salesforceActivePage', 'salesforce/account.html', undefined, 1],
  ['salesforceRecordName', 'salesforce/account.html', undefined, 2],
  ['salesforceField', 'salesforce/account.html', 'Account.Website', 2],
  ['salesforceFieldOutput', 'salesforce/account.html', undefined, 4],
  ['salesforceField', 'salesforce/contact.html', 'Contact.Email', 1],
  ['salesforceField', 'salesforce/contact.html', 'Contact.AccountId', 1],
  ['hubspotTitle', 'hubspot/company.html', undefined, 1],
  ['hubspotProperty', 'hubspot/company.html', 'domain', 1],
  ['hubspotTitle', 'hubspot/contact.html', undefined, 1],
  ['hubspotProperty', 'hubspot/contact.html', 'email', 1],
  ['pipedriveTitle', 'pipedrive/person.html', undefined, 1],
  ['pipedriveSidebarLink', 'pipedrive/person.html', undefined, 2],
  ['pipedriveSidebarLink', 'pipedrive/organization.html', undefined, 2],
  ['dynamicsTitle', 'dynamics/account.html', undefined, 1],
  ['dynamicsField', 'dynamics/account.html', 'emailaddress1', 1],
  ['dynamicsField', 'dynamics/account.html', 'websiteurl', 1],
  ['dynamicsField', 'dynamics/contact.html', 'parentcustomerid', 1],
  ['zohoTitle', 'zoho/account.html', undefined, 1],
  ['zohoField', 'zoho/account.html', 'Website', 1],
  ['zohoField', 'zoho/contact.html', 'Email', 1],
  ['mailtoLink', 'mailto/page.html', undefined, 2],
];

describe('selectors against their fixtures', () => {
  it.each(EXPECTED)('%s matches in %s (%s): %i', (name, fixture, value, count) => {
    expect(fixtureDocument(fixture).querySelectorAll(selector(name, value)).length).toBe(count);
  });
});

/** The open message's body (email suggestions, read by the badge UI only). */
const MESSAGE_EXPECTED: [MessageSelectorName, string, number][] = [
  ['gmailMessage', 'gmail/price-match.html', 1],
  ['gmailSender', 'gmail/price-match.html', 1],
  ['gmailMessageBody', 'gmail/price-match.html', 1],
  ['gmailQuote', 'gmail/price-match.html', 2],
  ['gmailSignature', 'gmail/price-match.html', 1],
  ['gmailSender', 'gmail/thread.html', 1],
  ['outlookReadingPane', 'outlook/price-match.html', 1],
  ['outlookMessageItem', 'outlook/price-match.html', 1],
  ['outlookSender', 'outlook/price-match.html', 1],
  ['outlookMessageBody', 'outlook/price-match.html', 1],
  ['outlookSelectedConversation', 'outlook/price-match.html', 1],
  ['outlookSignature', 'outlook/price-match.html', 1],
  ['outlookQuoteStart', 'outlook/price-match.html', 2],
];

describe('message selectors against their fixtures', () => {
  it.each(MESSAGE_EXPECTED)('%s matches in %s: %i', (name, fixture, count) => {
    expect(fixtureDocument(fixture).querySelectorAll(messageSelectors[name]).length).toBe(count);
  });
});
