import * as z from 'zod/mini';
import { Currency, EpochMs } from '../model';

/**
 * The team's ideal-account definition (seed 004: "update the definition of your
 * ideal account … sales, service, operations, billing, product development and
 * senior management need to apply it consistently"). Every threshold and weight
 * the scoring uses lives here, versioned; every score names the version.
 * docs/scoring.md explains each field and the article it comes from.
 */
const count = (min: number, max: number, fallback: number) => z._default(z.int().check(z.minimum(min), z.maximum(max)), fallback);
const ratio = (fallback: number) => z._default(z.number().check(z.minimum(0), z.maximum(1)), fallback);
const weight = (fallback: number) => z._default(z.number().check(z.minimum(0), z.maximum(100)), fallback);

export const Thresholds = z.object({
  /** Rolling window of history that counts, in months. Older behaviour ages out. */
  windowMonths: count(1, 60, 12),
  /** Fewer scored events than this in the window: "Not enough data", and no warnings. */
  minEvents: count(1, 100, 4),
  /** Price relationship: at least this many quotes in the window ... */
  priceMinQuotes: count(2, 100, 4),
  /** ... and a quote-to-order rate below this (the minimum acceptable win rate). */
  minWinRate: ratio(0.3),
  /**
   * An open quote (no outcome yet) is left out of the quote-to-order rate for this many days;
   * after that it counts as "no decision". Definitions saved before it existed get the default.
   */
  openQuoteDays: count(1, 365, 60),
  /** Price-match requests in the window that count as "repeated". */
  priceMatchRequests: count(1, 100, 2),
  /** Payment terms in days, for invoices recorded without a due date. */
  paymentTermsDays: count(0, 365, 30),
  /** Days past the due date that count as late. */
  lateAfterDays: count(0, 365, 7),
  /** Late invoices in the window that make a slow payer. */
  slowPayerLateInvoices: count(1, 100, 2),
  /** The smallest order worth serving, in minor units of `currency`. */
  minOrderMinor: z._default(z.int().check(z.minimum(0)), 100_000),
  currency: z._default(Currency, 'USD'),
  /** Wrong fit: at least this share of orders below the smallest order worth serving. */
  wrongFitShare: ratio(0.75),
  /** Squeaky wheel: exceptions, order changes and disputes per order at or above this. */
  squeakyPerOrder: z._default(z.number().check(z.minimum(0), z.maximum(100)), 0.5),
  /** Squeaky wheel also needs at least this many such requests (one dispute is not a pattern). */
  squeakyMinRequests: count(1, 100, 3),
  /** One-sided: service minutes in the window at or above this, with no growth. */
  oneSidedServiceMinutes: count(0, 1_000_000, 600),
  /** Engineering without volume: change requests in the window ... */
  engineeringChanges: count(1, 100, 3),
  /** ... followed by fewer repeat orders than this within `followOnDays`. */
  engineeringFollowOnOrders: count(0, 100, 2),
  followOnDays: count(1, 730, 180),
  /** Repeat business: orders (or invoices and payments standing for them) in the window that answer scorecard question 1 "yes". */
  repeatOrders: count(1, 100, 3),
  /** Spend: estimated share of wallet that answers question 3 "yes". */
  shareOfWalletYes: ratio(0.5),
});
export type Thresholds = z.infer<typeof Thresholds>;

/**
 * Points each signal moves the 0–100 score. "Wrong fit" has no weight on purpose:
 * seed 003's wrong customers are nice and loyal, just better served elsewhere, so
 * the warning advises without lowering the health score.
 */
export const Weights = z.object({
  scorecardYes: weight(8),
  scorecardNo: weight(6),
  priceRelationship: weight(25),
  oneSided: weight(15),
  engineeringWithoutVolume: weight(12),
  slowPayer: weight(15),
  squeakyWheel: weight(12),
  /** Per late invoice in the window, on top of the Slow payer warning. */
  lateInvoice: weight(2),
  /** Quote-to-order rate above (or below) the minimum win rate, scaled. */
  winRate: weight(10),
  /** Months in the window with at least one order (regular buying, seed 001 #1). */
  regularOrders: weight(1.5),
});
export type Weights = z.infer<typeof Weights>;

/**
 * The highest definition version a restore accepts: one version for each saved change, so a
 * million is lifetimes of editing, and far below Number.MAX_SAFE_INTEGER, where `version + 1`
 * stops being a safe integer and every later save would fail (issue 15).
 */
export const MAX_DEFINITION_VERSION = 1_000_000;

export const Definition = z.object({
  /** Increases by one on every saved change. */
  version: z._default(z.int().check(z.minimum(1)), 1),
  name: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), 'Default'),
  updatedAt: z._default(EpochMs, 0),
  thresholds: z._default(Thresholds, () => Thresholds.parse({})),
  weights: z._default(Weights, () => Weights.parse({})),
});
export type Definition = z.infer<typeof Definition>;
export const DEFAULT_DEFINITION: Definition = Definition.parse({});

/** The shareable file: the definition wrapped with a format tag, so a wrong file is refused clearly. */
export const DefinitionFile = z.object({
  format: z.literal('quotewise-definition'),
  formatVersion: z.literal(1),
  definition: Definition,
});
export type DefinitionFile = z.infer<typeof DefinitionFile>;
