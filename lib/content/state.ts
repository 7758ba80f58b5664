import type { Sighting } from '../adapters/types';
import type { HealthSummary } from '../health';
import { nameFromLabel } from '../company-name';
import type { LookupResult } from '../messaging/lookup';

/** What one badge shows: a known account (with its health, once scored), or a customer not in Quotewise yet. */
export type BadgeState =
  | { kind: 'account'; accountId: string; accountName: string; summary: HealthSummary | null }
  | { kind: 'unknown'; label: string; create: NewAccountInput; email?: string; company?: string }
  /** The signed-in rep's own address before the rep said it is theirs: the card asks, once. */
  | { kind: 'self'; email: string; company?: string }
  /** A message list row whose senders are no account: an empty slot the size of a mark. */
  | { kind: 'blank' };

export interface NewAccountInput {
  name: string;
  domains: string[];
  contactEmail?: string;
}

export interface LookupQueries {
  emails: string[];
  webAddresses: string[];
  names: string[];
}

/** The lookups a sighting needs, strongest first: an email names a person, a web address a company, a name is a guess. */
export function queriesOf(sighting: Sighting): readonly string[] {
  return keysOf(sighting).queries;
}

/** One key per sighting: an anchor whose customer changed (CRM records reuse their header) gets a new badge. */
export function sightingKey(sighting: Sighting): string {
  return keysOf(sighting).key;
}

/** A scan asks for a sighting's keys several times; each sighting lives for one scan, so they are worked out once. */
const keysCache = new WeakMap<Sighting, { queries: readonly string[]; key: string }>();

function keysOf(sighting: Sighting): { queries: readonly string[]; key: string } {
  let keys = keysCache.get(sighting);
  if (!keys) {
    const queries: string[] = [];
    if (sighting.email) queries.push(`e:${sighting.email}`);
    if (sighting.webAddress) queries.push(`w:${sighting.webAddress}`);
    if (sighting.name) queries.push(`n:${sighting.name}`);
    keys = { queries, key: queries.join('|') };
    keysCache.set(sighting, keys);
  }
  return keys;
}

/** The queries not answered yet, batched by kind for one `accounts.lookup`. */
export function missingQueries(sightings: readonly Sighting[], answered: (key: string) => boolean): LookupQueries {
  const keys = new Set(sightings.flatMap(queriesOf).filter((key) => !answered(key)));
  const of = (prefix: string) => [...keys].filter((key) => key.startsWith(prefix)).map((key) => key.slice(2));
  return { emails: of('e:'), webAddresses: of('w:'), names: of('n:') };
}

export function queryKeys(queries: LookupQueries): string[] {
  return [...queries.emails.map((q) => `e:${q}`), ...queries.webAddresses.map((q) => `w:${q}`), ...queries.names.map((q) => `n:${q}`)];
}

/** The lookup results, keyed like the queries (the background answers emails, then web addresses, then names). */
export function keyResults(queries: LookupQueries, results: readonly LookupResult[]): [string, LookupResult][] {
  return queryKeys(queries).flatMap((key, i) => (results[i] ? [[key, results[i]] as [string, LookupResult]] : []));
}

/** Whether two states show the same thing; cheap for colleagues at one company, who share one summary, and for different accounts. */
export function sameState(a: BadgeState, b: BadgeState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'account' && b.kind === 'account') {
    if (a.accountId !== b.accountId) return false;
    if (a.accountName === b.accountName && a.summary === b.summary) return true;
  }
  return a.kind === 'blank' || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The badge for a sighting, from the answers so far: `undefined` while an answer
 * is missing, `null` when there is nothing to show (the rep's own address, a
 * name that matches nothing and says nothing about who it is).
 */
export function stateFor(sighting: Sighting, answer: (key: string) => LookupResult | undefined, ownAddress?: string): BadgeState | null | undefined {
  const results = queriesOf(sighting).map(answer);
  if (results.some((result) => result === undefined)) return undefined;
  const known = results.find((result) => result?.account);
  if (known?.account) {
    return { kind: 'account', accountId: known.account.id, accountName: known.account.name, summary: known.summary };
  }
  const identity = results.find((result) => result?.identity)?.identity;
  if (identity) {
    const email = identity.email;
    const company = identity.kind === 'company' ? identity.domain : undefined;
    if (email && email === ownAddress) return { kind: 'self', email, ...(company ? { company } : {}) };
    const name = sighting.name ?? (identity.kind === 'company' ? nameFromDomain(identity.domain) : (sighting.personName ?? email));
    return {
      kind: 'unknown',
      label: email ?? identity.domain,
      create: { name: name ?? identity.domain, domains: identity.kind === 'company' ? [identity.domain] : [], ...(email ? { contactEmail: email } : {}) },
      ...(email ? { email } : {}),
      ...(company ? { company } : {}),
    };
  }
  if (sighting.name && !sighting.email) return { kind: 'unknown', label: sighting.name, create: { name: sighting.name, domains: [] } };
  return null;
}

/** "acme-industrial.com" -> "Acme Industrial": a starting point the rep can edit before creating the account. */
export function nameFromDomain(domain: string): string {
  return nameFromLabel(domain.split('.')[0] ?? domain);
}

/** The badge's accessible name: everything the badge shows, in words. */
export function badgeLabel(state: BadgeState): string {
  if (state.kind === 'unknown') return `Quotewise: ${state.label} is not an account yet. Create account.`;
  if (state.kind === 'self') return `Quotewise: ${ownQuestion(state)}`;
  if (state.kind === 'blank') return '';
  const summary = state.summary;
  const name = summary?.accountName ?? state.accountName;
  if (!summary) return `Quotewise: ${name}, Not enough data.`;
  const score = summary.score === null ? '' : `, ${summary.score} of 100`;
  const warnings = summary.warnings.length ? ` Warnings: ${summary.warnings.map((w) => w.name).join(', ')}.` : '';
  return `Quotewise: ${name}, ${summary.band}${score}.${warnings}`;
}

/** What the pill means, shown while it is hovered or focused: "At risk, 12 of 100: Price relationship". */
export function badgeHint(state: BadgeState): string {
  if (state.kind === 'unknown') return 'Not an account yet: click to add';
  if (state.kind === 'self') return 'Is this you? Click to tell Quotewise once';
  if (state.kind === 'blank') return '';
  const summary = state.summary;
  if (!summary || summary.score === null) return 'Not enough data yet: click for details';
  const warning = summary.warnings[0];
  return `${summary.band}, ${summary.score} of 100${warning ? `: ${warning.name}` : ''}`;
}

/** "At risk, 12 of 100, was Watch a month ago": the band in words, the score, and the band a month and three months ago where it differs. */
export function bandLine(summary: HealthSummary): string {
  const score = summary.score === null ? '' : `, ${summary.score} of 100`;
  // Each past band where known and different from the one after it: ", was Watch a month ago, Healthy three months ago".
  const month = summary.monthAgo && summary.monthAgo.band !== summary.band ? `${summary.monthAgo.band} a month ago` : '';
  const three = summary.threeMonthsAgo && summary.threeMonthsAgo.band !== (summary.monthAgo ?? summary).band ? `${summary.threeMonthsAgo.band} three months ago` : '';
  const before = [month, three].filter(Boolean).join(', ');
  return `${summary.band}${score}${before ? `, was ${before}` : ''}`;
}

/** A message list mark's accessible name: "Globex Components: At risk, Price relationship". */
export function listMarkLabel(state: Extract<BadgeState, { kind: 'account' }>): string {
  const summary = state.summary;
  return `${summary?.accountName ?? state.accountName}: ${[summary?.band ?? 'Not enough data', ...(summary?.warnings ?? []).map((w) => w.name)].join(', ')}`;
}

/** What a message list mark shows on hover or focus: the card's first lines, "Globex Components: At risk, 12 of 100 · Price relationship". */
export function listMarkHint(state: Extract<BadgeState, { kind: 'account' }>): string {
  const summary = state.summary;
  const warning = summary?.warnings[0];
  return `${summary?.accountName ?? state.accountName}: ${summary ? bandLine(summary) : 'Not enough data yet'}${warning ? ` · ${warning.name}` : ''}`;
}

/** The first-run question: "Is northwind-supply.com your company?", or for a free-mail address, "Is rep@gmail.com you?". */
export function ownQuestion(state: { email: string; company?: string }): string {
  return state.company ? `Is ${state.company} your company?` : `Is ${state.email} you?`;
}
