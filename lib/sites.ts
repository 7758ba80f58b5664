/**
 * The sites Quotewise reads a customer from. One list: the manifest's host
 * permissions and the content script's `matches` are both derived from it, so
 * they cannot drift apart.
 */
export interface SupportedSite {
  readonly id: string;
  readonly label: string;
  readonly matches: readonly string[];
}

export const SUPPORTED_SITES = [
  { id: 'gmail', label: 'Gmail', matches: ['https://mail.google.com/*'] },
  {
    id: 'outlook',
    label: 'Outlook on the web',
    matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  },
  { id: 'salesforce', label: 'Salesforce Lightning', matches: ['https://*.lightning.force.com/*'] },
  { id: 'hubspot', label: 'HubSpot', matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] },
  { id: 'pipedrive', label: 'Pipedrive', matches: ['https://*.pipedrive.com/*'] },
  { id: 'dynamics', label: 'Dynamics 365', matches: ['https://*.dynamics.com/*'] },
  { id: 'zoho', label: 'Zoho CRM', matches: ['https://crm.zoho.com/*', 'https://crm.zoho.eu/*'] },
] as const satisfies readonly SupportedSite[];

export const HOST_PERMISSIONS: readonly string[] = SUPPORTED_SITES.flatMap((site) => site.matches);
