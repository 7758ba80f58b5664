import { getDomain, getDomainWithoutSuffix } from 'tldts';
import { isCompanyDomain } from 'company-email-validator';
import { nameFromLabel } from './company-name';
import { Email } from './model';

/**
 * Who is the customer behind an email address or a web address?
 *
 *  - A company address resolves to its registrable domain (eu.acme.co.uk -> acme.co.uk),
 *    using the public suffix list (tldts), never a hand-written one.
 *  - A free-mail address (gmail.com, outlook.com, ...) says nothing about the company,
 *    so it resolves per contact: only an explicit contact mapping can name the account.
 *  - The rep's own domains are ignored: they are us, not a customer.
 */
export type Identity =
  | { kind: 'company'; domain: string; email?: string }
  | { kind: 'contact'; email: string; domain: string };

export interface IdentityOptions {
  ownDomains?: readonly string[];
  ownAddresses?: readonly string[];
  freeMailExtra?: readonly string[];
  freeMailExcluded?: readonly string[];
}

export function registrableDomain(hostOrUrl: string): string | null {
  const domain = getDomain(hostOrUrl.trim().toLowerCase(), { allowPrivateDomains: false });
  return domain || null;
}

/** A starting name for a company's account, from its domain: acme-industrial.co.uk -> "Acme Industrial". */
export function companyNameOf(domain: string): string {
  const registrable = registrableDomain(domain) ?? domain;
  return nameFromLabel(getDomainWithoutSuffix(registrable) || registrable);
}

export function isFreeMailDomain(domain: string, options: IdentityOptions = {}): boolean {
  const d = domain.toLowerCase();
  if (options.freeMailExcluded?.includes(d)) return false;
  if (options.freeMailExtra?.includes(d)) return true;
  return !isCompanyDomain(d);
}

export function normaliseEmail(raw: string): string | null {
  const parsed = Email.safeParse(raw.replace(/^mailto:/i, '').split('?')[0]);
  return parsed.success ? parsed.data : null;
}

export function identifyEmail(raw: string, options: IdentityOptions = {}): Identity | null {
  const email = normaliseEmail(raw);
  if (!email || options.ownAddresses?.includes(email)) return null;
  const host = email.slice(email.lastIndexOf('@') + 1);
  const domain = registrableDomain(host);
  if (!domain || isOwn(domain, options)) return null;
  if (isFreeMailDomain(host, options) || isFreeMailDomain(domain, options)) return { kind: 'contact', email, domain };
  return { kind: 'company', domain, email };
}

/** A web address (a CRM "website" field, a URL) to the company it names. */
export function identifyWebAddress(raw: string, options: IdentityOptions = {}): Identity | null {
  const host = hostOf(raw);
  if (!host) return null;
  const domain = registrableDomain(host);
  if (!domain || isOwn(domain, options) || isFreeMailDomain(domain, options)) return null;
  return { kind: 'company', domain };
}

function hostOf(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname || null;
  } catch {
    return null;
  }
}

function isOwn(domain: string, options: IdentityOptions): boolean {
  return options.ownDomains?.includes(domain) ?? false;
}
