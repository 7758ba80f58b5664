/** A customer found on a page, and where its badge goes. */
export interface Sighting {
  /** The element the badge is placed after. Marked by the observer so it is badged once. */
  anchor: Element;
  email?: string;
  webAddress?: string;
  name?: string;
}

/** One site: how to recognise its pages and find the customers on them. One small file each. */
export interface SiteAdapter {
  id: string;
  /** Does this adapter handle this page? */
  handles(url: URL): boolean;
  /** The CSS selector whose appearance means "look again" (kept cheap: the observer matches only this). */
  watch: string;
  /** Customers visible under `root` right now. Must never throw on a page whose structure changed. */
  find(root: ParentNode, url: URL): Sighting[];
}
