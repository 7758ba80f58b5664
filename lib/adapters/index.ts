import { gmail } from './gmail';
import type { SiteAdapter } from './types';

/** Every site adapter, in one list. The first that handles the page wins. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail];

export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.handles(url));
}
