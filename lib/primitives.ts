import * as z from 'zod/mini';

/**
 * The smallest schemas, in a module of their own: a bundler keeps every
 * top-level schema of a module it imports from, so the content script (which
 * ships lib/health.ts) must not import lib/model.ts and its event union.
 * lib/model.ts re-exports all of these.
 */

export const Id = z.string().check(z.minLength(1), z.maxLength(128));
// `@__PURE__` on the checked schemas: the content script imports this module (for Id, through lib/health.ts) and
// needs none of these, and the bundler keeps an unmarked `.check(...)` call even where it drops the schema.
export const EpochMs = /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(8.64e15));
export const Currency = /* @__PURE__ */ z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO 4217 code'),
);
export const Money = z.object({
  minor: /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

export const WARNING_NAMES = [
  'Price relationship',
  'One-sided',
  'Engineering without volume',
  'Slow payer',
  'Squeaky wheel',
  'Wrong fit',
] as const;
export const WarningName = z.enum(WARNING_NAMES);
export type WarningName = z.infer<typeof WarningName>;

export const QUOTE_OUTCOMES = ['won', 'lost', 'lost_to_incumbent', 'no_decision'] as const;
