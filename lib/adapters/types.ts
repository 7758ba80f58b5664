/** A customer found on a page, and where its badge goes. */
export interface Sighting {
  /** The element the badge is placed at. One badge per anchor. */
  anchor: Element;
  /**
   * 'after' the anchor (inline anchors), 'append' inside it (block anchors such as a heading), so the line keeps its
   * flow, or 'before' it (a message list's first sender: the marks line up in a column at the start of the senders).
   */
  place: Place;
  email?: string;
  webAddress?: string;
  /** The customer's name on a CRM record (looked up against account names and aliases). */
  name?: string;
  /** A person's display name next to their address: never looked up, only offered as the name of a new account. */
  personName?: string;
  /**
   * A sender in a message list's row. The row's senders share one anchor (its first sender), and the row
   * gets one compact mark, for the first of them who is an account; a row of none keeps an empty slot.
   */
  list?: true;
}

export type Place = 'after' | 'append' | 'before';

/** One site: how to recognise its pages and find the customers on them. One small file each. */
export interface SiteAdapter {
  id: string;
  /** Does this adapter handle this page? */
  handles(url: URL): boolean;
  /** The CSS selector whose appearance or removal means "look again" (the observer matches only this). */
  watch: string;
  /**
   * Attributes that find() reads on watched elements: a change to one means "look
   * again", because some apps (Outlook) show the next message in the same nodes.
   */
  watchAttributes: readonly string[];
  /**
   * Whether a same-page navigation means "look again": CRMs find the record by its id
   * in the URL and redraw one record page in place. Listening for navigation makes
   * every pushState of the page slower, so adapters whose nodes say who they are skip it.
   */
  watchUrl: boolean;
  /**
   * The signed-in rep's own address, where the site shows it (Gmail's account button):
   * the first-run question is asked in that address's card. Undefined for sites that do not.
   */
  ownAddress?(root: ParentNode): string | undefined;
  /** Customers visible under `root` right now. Must never throw on a page whose structure changed. */
  find(root: ParentNode, url: URL): Sighting[];
}
