/**
 * Every selector the adapters read, in one place, each named with the fixture it
 * is tested against (test/unit/selectors.test.ts counts the matches in each fixture).
 * Only stable hooks: attributes the sites use for their own features, ARIA roles,
 * ids, record ids in the URL. Never hashed class names.
 */
export const selectors = {
  /** Gmail: each person of each open message (sender, to, cc): Gmail marks people with span[email]. Fixture: gmail/thread.html */
  gmailPerson: 'div[data-message-id] span[email]',
  /** Gmail: the signed-in account's button; its aria-label ends with the address in brackets. Fixture: gmail/thread.html */
  gmailSignedInAccount: 'a[aria-label^="Google Account:"]',
  /**
   * Gmail's message list: a conversation's row. The list has no attribute-only hook for its rows: tr.zA (and the
   * sender cell .yW below) are the names Gmail has kept for its list for over a decade. Fixture: gmail/inbox.html
   */
  gmailListRow: '[role="main"] tr.zA',
  /** Gmail's message list: the row's senders ("me, Jane, Pablo"), each a span[email][name]. Fixture: gmail/inbox.html */
  gmailListSender: '.yW span[email]',
  /** Gmail compose: a recipient chip in To/Cc/Bcc; its data-hovercard-id is the address. Fixture: gmail/compose.html */
  gmailComposeRecipient: '[role="option"][data-hovercard-id*="@"]',

  /** Outlook: the reading pane. Fixture: outlook/message.html */
  outlookReadingPane: '#ReadingPaneContainerId',
  /** Outlook: a person in the reading pane's header (persona with the address in its title). Fixture: outlook/message.html */
  outlookReadingPerson: '#ReadingPaneContainerId [title*="@"]',
  /** Outlook: the message body, whose addresses are not the message's people. Fixture: outlook/message.html */
  outlookMessageBody: '[role="document"]',
  /** Outlook's message list: a conversation, with its id. Fixture: outlook/inbox.html */
  outlookListItem: '[role="listbox"] [role="option"][data-convid]',
  /**
   * Outlook's message list: a sender of the conversation, whose title is the address. The subject's title is its
   * text, which may hold an address too: only a title that is an address alone is a sender. Fixture: outlook/inbox.html
   */
  outlookListSender: 'span[title*="@"]',
  /** Outlook compose: a resolved recipient in the To/Cc well (title holds the address). Fixture: outlook/compose.html */
  outlookComposeRecipient: '[role="textbox"][aria-label] span[title*="@"]',

  /** Salesforce: the record page in view (Lightning keeps earlier tabs in the DOM, hidden). Fixture: salesforce/account.html */
  salesforceActivePage: '.lafPageHost.active',
  /** Salesforce: the record's name in the highlights panel. Fixture: salesforce/account.html */
  salesforceRecordName: 'records-highlights2 [slot="primaryField"]',
  /** Salesforce: a record field by API name; `%s` is Object.Field. Fixture: salesforce/account.html, salesforce/contact.html */
  salesforceField: '[data-target-selection-name="sfdc:RecordField.%s"]',

  /** Salesforce: the value part of a record field (the field also holds its label). Fixture: salesforce/account.html */
  salesforceFieldOutput: '[slot="output"]',

  /** HubSpot: the record's title in the highlight panel. Fixture: hubspot/company.html, hubspot/contact.html */
  hubspotTitle: '[data-selenium-test="highlightTitle"]',
  /** HubSpot: a property in the "About" card; `%s` is the property name (email, domain). Fixture: hubspot/*.html */
  hubspotProperty: '[data-selenium-test="property-input-%s"]',

  /** Pipedrive: the record's title in the detail header. Fixture: pipedrive/person.html */
  pipedriveTitle: '[data-test="header-title"]',
  /** Pipedrive: the email / website / organization links in the detail sidebar. Fixture: pipedrive/*.html */
  pipedriveSidebarLink: '[data-test="details-sidebar"] a[href]',

  /** Dynamics 365: the form header's record name. Fixture: dynamics/account.html */
  dynamicsTitle: 'h1[data-id="header_title"]',
  /** Dynamics 365: a field control by logical name; `%s` is e.g. emailaddress1. Fixture: dynamics/*.html */
  dynamicsField: '[data-id^="%s.fieldControl"]',

  /** Zoho CRM: the record's name in the detail view header. Fixture: zoho/account.html */
  zohoTitle: '[data-zcqa="detailViewHeader_recordName"]',
  /** Zoho CRM: a field value in the detail view; `%s` is the field's API name (Email, Website). Fixture: zoho/*.html */
  zohoField: '[data-zcqa="detailView_%s"]',

  /** Any page the rep enabled: mailto links. Fixture: mailto/page.html */
  mailtoLink: 'a[href^="mailto:" i]',
} as const;

/**
 * The open message's body, for the email suggestions (lib/suggest/message.ts). Read only by
 * the badge UI script, never the content script: a separate export, so the content
 * script's bundle leaves them out. Fixtures: gmail/price-match.html, outlook/price-match.html.
 */
export const messageSelectors = {
  /** Gmail: one message of the thread, with its id. Fixture: gmail/price-match.html */
  gmailMessage: 'div[data-message-id]',
  /** Gmail: the message's sender (the header's h3), not its recipients. Fixture: gmail/price-match.html */
  gmailSender: 'h3 span[email]',
  /** Gmail: the message body (div.a3s inside div.ii.gt). Fixture: gmail/price-match.html */
  gmailMessageBody: 'div.ii.gt div.a3s',
  /** Gmail: quoted history inside a body (the reply's and the "Show trimmed content" part). Fixture: gmail/price-match.html */
  gmailQuote: '.gmail_quote, blockquote, .gmail_extra',
  /** Gmail: the sender's signature. Fixture: gmail/price-match.html */
  gmailSignature: '.gmail_signature, [data-smartmail="gmail_signature"]',
  /** Outlook: the reading pane. Fixture: outlook/price-match.html */
  outlookReadingPane: '#ReadingPaneContainerId',
  /** Outlook: one message of the conversation in the reading pane. Fixture: outlook/price-match.html */
  outlookMessageItem: '[aria-label="Email message"]',
  /** Outlook: the sender's persona (under "From:"), not the recipients. Fixture: outlook/price-match.html */
  outlookSender: '[aria-label^="From:"]',
  /** Outlook: the message body. Fixture: outlook/price-match.html */
  outlookMessageBody: '[role="document"]',
  /** Outlook: the open conversation in the message list, with its id. Fixture: outlook/price-match.html */
  outlookSelectedConversation: '[role="option"][aria-selected="true"][data-convid]',
  /** Outlook: the sender's signature block. Fixture: outlook/price-match.html */
  outlookSignature: '#Signature, [id^="Signature_"]',
  /** Outlook: where the quoted history starts (the reply header block, or the marker before it). Fixture: outlook/price-match.html */
  outlookQuoteStart: '#divRplyFwdMsg, #appendonsend',
} as const;

export type SelectorName = keyof typeof selectors;
export type MessageSelectorName = keyof typeof messageSelectors;

/** Fill a parametrised selector (`%s`). */
export function selector(name: SelectorName, value = ''): string {
  return selectors[name].replaceAll('%s', value);
}
