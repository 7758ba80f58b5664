import type { Sighting } from './types';

/** Small DOM readers shared by the adapters. None of them throws on a page whose structure changed. */

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;

export function all(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

export function first(root: ParentNode, selector: string): Element | null {
  return root.querySelector(selector);
}

/**
 * A message list's senders, each row's placed before the first of them: the row gets one mark (see
 * Sighting.list). One query over the list finds them all: the list is read again at every re-render,
 * and a query per row cost a hundred-row list more than all the rest of a scan. `addressOf` gives a
 * sender's address, or null for an element that only looks like one (it is skipped).
 */
export function listSenders(root: ParentNode, row: string, sender: string, addressOf: (sender: Element) => string | null | undefined): Sighting[] {
  const sightings: Sighting[] = [];
  let current: Element | null = null;
  let anchor: Element | undefined;
  // In document order: a row's senders come one after another.
  for (const element of root.querySelectorAll(`${row} ${sender}`)) {
    const email = emailIn(addressOf(element));
    if (!email) continue;
    const rowOf = element.closest(row);
    if (rowOf !== current || !anchor) {
      current = rowOf;
      anchor = element;
    }
    sightings.push({ anchor, place: 'before', email, list: true });
  }
  return sightings;
}

/** Visible text, whitespace collapsed; undefined when empty. */
export function textOf(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** The first email address in a string ("Jane Doe <jane@acme.com>", "mailto:jane@acme.com?subject=x"). */
export function emailIn(value: string | null | undefined): string | undefined {
  return value?.match(EMAIL)?.[0]?.toLowerCase();
}

/** A form field's value, or its text (its label left out) when the field is shown read-only. */
export function fieldValue(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const input = element instanceof HTMLInputElement ? element : element.querySelector('input');
  if (input) return input.value.trim() || undefined;
  const parts = [...element.childNodes].filter((node) => node.nodeName !== 'LABEL').map((node) => node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

/** The href of a link inside (or at) `element`, for URL and mailto fields. */
export function linkOf(element: Element | null | undefined): string | undefined {
  const link = element?.closest('a[href]') ?? element?.querySelector('a[href]');
  return link?.getAttribute('href') ?? undefined;
}

/** Match `pattern` against the URL's path and return its groups (record object and id). */
export function pathMatch(url: URL, pattern: RegExp): string[] | undefined {
  return url.pathname.match(pattern)?.slice(1);
}
