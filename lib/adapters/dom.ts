import type { Sighting } from './types';

/** Small DOM readers shared by the adapters. None of them throws on a page whose structure changed. */

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;

export function all(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

export function first(root: ParentNode, selector: string): Element | null {
  return root.querySelector(selector);
}

/** A message list row's senders, all placed before the first of them: the row gets one mark (see Sighting.list). */
export function listSenders(senders: Element[], addressOf: (sender: Element) => string | null): Sighting[] {
  const anchor = senders[0];
  return senders.flatMap((sender) => {
    const email = emailIn(addressOf(sender));
    return anchor && email ? [{ anchor, place: 'before' as const, email, list: true as const }] : [];
  });
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
