import { Domain } from '../model';

/**
 * Kept free of the public-suffix list on purpose: tldts is most of a 500 kB bundle,
 * and the popup is one script. The background names an account created from a
 * domain (`accounts.create` without a name).
 */

/** A domain the rep typed, normalised, or null when it is not one ("acme" is a name, "acme.com" a domain). */
export function asDomain(text: string): string | null {
  const parsed = Domain.safeParse(text.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/[/?#].*$/, ''));
  return parsed.success ? parsed.data : null;
}
