import * as z from 'zod/mini';
import { EpochMs, Id, Money, QUOTE_OUTCOMES, WarningName } from './primitives';

/**
 * What scoring says about one account: the contract between lib/scoring and
 * every view (badge, card, popup, history). Sent over messaging, so a schema.
 */
export const BANDS = ['Healthy', 'Watch', 'At risk', 'Not enough data'] as const;
export const Band = z.enum(BANDS);
export type Band = z.infer<typeof Band>;

export const SEVERITIES = ['low', 'medium', 'high'] as const;

export const Warning = z.object({
  name: WarningName,
  severity: z.enum(SEVERITIES),
  /** What was seen, in numbers: "6 quotes since 12 Mar, 1 order (17%); ..." */
  evidence: z.string(),
  /** What the articles advise: "Stop re-quoting lower. ..." */
  advice: z.string(),
  /** Which article the rule comes from, e.g. "000 Sales; 002 #1". */
  source: z.string(),
});
export type Warning = z.infer<typeof Warning>;

export const DismissedWarning = z.object({
  name: WarningName,
  reason: z.string(),
  at: EpochMs,
  /** A snooze ends here; a dismissal has no end. */
  until: z.optional(EpochMs),
});
export type DismissedWarning = z.infer<typeof DismissedWarning>;

export const Reason = z.object({
  /** Signed points this reason moved the score. Reasons are sorted by |points|, largest first. */
  points: z.number(),
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const SCORECARD_QUESTIONS = [
  'repeat',
  'influencer',
  'spend',
  'service',
  'growth',
  'deliverables',
  'values',
] as const;
export const ScorecardAnswer = z.object({
  question: z.enum(SCORECARD_QUESTIONS),
  label: z.string(),
  answer: z.enum(['yes', 'no', 'unknown']),
  /** Where the answer came from: the events, the rep's judgement, or nowhere yet. */
  from: z.enum(['data', 'rep', 'none']),
  why: z.string(),
});
export type ScorecardAnswer = z.infer<typeof ScorecardAnswer>;

export const Scorecard = z.object({
  answers: z.array(ScorecardAnswer),
  yes: z.int(),
  /**
   * seed 001: 6–7 yes good; ≤ 2 a candidate to let go; in between, work on it. With fewer than
   * four questions answered (or while the unknowns could still make it good), too early to judge.
   */
  verdict: z.enum(['good', 'work on it', 'candidate to let go', 'too early to judge']),
});
export type Scorecard = z.infer<typeof Scorecard>;

// The content script imports Band from here: `@__PURE__` lets the bundler drop the calls of the checks below with the
// schemas it drops around them; unmarked, it kept them, and the content script shipped checks it never runs.
const PastBand = z.object({ band: Band, score: z.nullable(/* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(100))) });

export const HealthSummary = z.object({
  accountId: Id,
  accountName: z.string(),
  /** 0–100; null when the band is "Not enough data". */
  score: z.nullable(/* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(100))),
  band: Band,
  /** Active warnings, most severe first (dismissed and snoozed ones are not here). */
  warnings: z.array(Warning),
  dismissed: z.array(DismissedWarning),
  reasons: z.array(Reason),
  scorecard: Scorecard,
  lastQuote: z.nullable(
    z.object({ at: EpochMs, amount: Money, quoteRef: z.string(), outcome: z.nullable(z.enum(QUOTE_OUTCOMES)) }),
  ),
  openQuotes: z.int(),
  /** The window's figures behind the score, for tables (history page). */
  figures: z.object({
    /** Order revenue in the definition's currency (minor units); other currencies are not summed. */
    revenueMinor: z.int(),
    currency: z.string(),
    /** Orders / decided quotes in the window (open ones left out until they time out), capped at 1; null with none decided. */
    quoteToOrderRate: z.nullable(z.number()),
    /** The most days any invoice in the window was paid (or is unpaid) past its due date. */
    maxDaysLate: z.int(),
    /** The latest event of any kind but a dismissal, at any age; null with none. */
    lastActivityAt: z.nullable(EpochMs),
  }),
  /** The ideal-account definition version that produced this. */
  definitionVersion: z.int(),
  /**
   * The revision of Quotewise's own scoring rules (lib/scoring) that produced this: a cached
   * summary from older rules is recomputed. Optional so summaries in older backups still restore.
   */
  rulesVersion: z.optional(z.int()),
  computedAt: EpochMs,
  /**
   * The band and score the account had about a month ago, and about three months ago: its
   * events up to then, scored with today's definition. Each is absent when it had no events yet then.
   * Last, in the order withPastBands adds them: a restored backup (parsed in schema order) then
   * exports byte for byte as it was saved.
   */
  monthAgo: z.optional(PastBand),
  threeMonthsAgo: z.optional(PastBand),
});
export type HealthSummary = z.infer<typeof HealthSummary>;
