import { getDomainWithoutSuffix } from 'tldts';
import { Domain } from '../model';

/** A domain the rep typed, normalised, or null when it is not one ("acme" is a name, "acme.com" a domain). */
export function asDomain(text: string): string | null {
  const parsed = Domain.safeParse(text.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, ''));
  return parsed.success ? parsed.data : null;
}

/** A starting name for an account created from its domain: "acme-industrial.co.uk" -> "Acme Industrial". */
export function nameFromDomain(domain: string): string {
  const label = getDomainWithoutSuffix(domain) || domain;
  return label
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
