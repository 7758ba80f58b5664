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
  /** Gmail compose: a recipient chip in To/Cc/Bcc; its data-hovercard-id is the address. Fixture: gmail/compose.html */
  gmailComposeRecipient: '[role="option"][data-hovercard-id*="@"]',

  /** Outlook: the reading pane. Fixture: outlook/message.html */
  outlookReadingPane: '#ReadingPaneContainerId',
  /** Outlook: a person in the reading pane's header (persona with the address in its title). Fixture: outlook/message.html */
  outlookReadingPerson: '#ReadingPaneContainerId [title*="@"]',
  /** Outlook: the message body, whose addresses are not the message's people. Fixture: outlook/message.html */
  outlookMessageBody: '[role="document"]',
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

export type SelectorName = keyof typeof selectors;

/** Fill a parametrised selector (`%s`). */
export function selector(name: SelectorName, value = ''): string {
  return selectors[name].replaceAll('%s', value);
}
