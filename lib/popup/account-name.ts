import { Domain } from '../model';

/**
 * Kept free of the public-suffix list on purpose: the popup imports this on its
 * first render, and tldts is most of a 500 kB bundle. `accountFromDomain` loads it
 * only when the rep actually creates an account.
 */

/** A domain the rep typed, normalised, or null when it is not one ("acme" is a name, "acme.com" a domain). */
export function asDomain(text: string): string | null {
  const parsed = Domain.safeParse(text.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/[/?#].*$/, ''));
  return parsed.success ? parsed.data : null;
}

/** The account to create for a domain: its registrable domain (eu.acme.co.uk -> acme.co.uk) and a starting name ("Acme"). */
export async function accountFromDomain(domain: string): Promise<{ name: string; domain: string }> {
  const { getDomain, getDomainWithoutSuffix } = await import('tldts');
  const registrable = getDomain(domain) || domain;
  const label = getDomainWithoutSuffix(registrable) || registrable;
  const name = label
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
  return { name, domain: registrable };
}
