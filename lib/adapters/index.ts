import { dynamics } from './dynamics';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { mailto } from './mailto';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { SiteAdapter } from './types';
import { zoho } from './zoho';

/** Every site adapter, in one list. The first that handles the page wins; mailto links are the fallback, so it is last. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail, outlook, salesforce, hubspot, pipedrive, dynamics, zoho, mailto];

export function adapterFor(url: URL): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.handles(url)) ?? mailto;
}
