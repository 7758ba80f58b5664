import type { Band, DismissedWarning, HealthSummary, Reason, Scorecard, Warning } from '../health';
import type { Account, AccountEvent, WarningName } from '../model';
import type { Definition, Weights } from './definition';
import { openQuotesIn } from '../quotes';
import { percent, plural } from './format';
import { answerScorecard } from './scorecard';
import { computeSignals, type Signals } from './signals';
import { detectWarnings } from './warnings';

const SEVERITY_FACTOR = { low: 0.5, medium: 1, high: 1.5 } as const;
const WARNING_WEIGHT: Record<WarningName, keyof Weights | null> = {
  'Price relationship': 'priceRelationship',
  'One-sided': 'oneSided',
  'Engineering without volume': 'engineeringWithoutVolume',
  'Slow payer': 'slowPayer',
  'Squeaky wheel': 'squeakyWheel',
  'Wrong fit': null,
};
export const HEALTHY_FROM = 70;
export const WATCH_FROM = 45;
/**
 * Each of the seven scorecard questions not answered yes keeps the score this many points
 * further below 100: a score of 100 is seed 001's ideal account, seven yes.
 */
export const IDEAL_GAP = 4;
/** The revision of these rules: bump it when a change would make cached summaries wrong (lib/scoring/store.ts recomputes them). */
export const RULES_VERSION = 2;

export interface ScoreInput {
  account: Pick<Account, 'id' | 'name' | 'judgement'>;
  /** The account's events; time order is cheapest but not required. */
  events: readonly AccountEvent[];
  definition: Definition;
  now: number;
}

/**
 * An account's health: score, band, warnings, scorecard and the reasons, from its
 * events and the team's definition. Pure and O(events); the clock comes in.
 */
export function scoreAccount({ account, events, definition, now }: ScoreInput): HealthSummary {
  const t = definition.thresholds;
  const w = definition.weights;
  const s = computeSignals(events, t, now);
  const enoughData = s.scoredEvents >= t.minEvents;
  // No false alarm on a new customer: warnings need history.
  const allWarnings = enoughData ? detectWarnings(s, t) : [];
  const { active, dismissed } = applyDismissals(allWarnings, s.dismissals, now);
  const scorecard = answerScorecard(s, account.judgement, allWarnings, t, enoughData);

  const reasons: Reason[] = [];
  const add = (points: number, text: string) => {
    if (points !== 0) reasons.push({ points: round1(points), text });
  };
  /** Something without evidence yet: it moves the score by nothing, and says what would answer it. */
  const note = (text: string) => reasons.push({ points: 0, text });
  for (const answer of scorecard.answers) {
    if (answer.answer === 'unknown') note(`${answer.label}: not known yet. ${answer.why}`);
    else if (answer.answer === 'yes') add(w.scorecardYes, `${answer.label}: yes. ${answer.why}`);
    // Some business, but less than repeat business needs: buying is never held against an account.
    else if (answer.question === 'repeat' && s.orders > 0) note(`${answer.label}: not yet (no points off). ${answer.why}`);
    else add(-w.scorecardNo, `${answer.label}: no. ${answer.why}`);
  }
  for (const warning of allWarnings) {
    const key = WARNING_WEIGHT[warning.name];
    if (!key) continue;
    const muted = dismissed.some((d) => d.name === warning.name);
    add(-w[key] * SEVERITY_FACTOR[warning.severity], `${warning.name}${muted ? ' (dismissed, still counted)' : ''}: ${warning.evidence}`);
  }
  if (s.lateInvoices > 0) add(-w.lateInvoice * s.lateInvoices, `${plural(s.lateInvoices, 'invoice')} paid past terms.`);
  if (s.quoteToOrderRate !== null) {
    const margin = s.quoteToOrderRate - t.minWinRate;
    add(w.winRate * 2 * margin, `Quote-to-order rate ${percent(s.quoteToOrderRate)} against a minimum of ${percent(t.minWinRate)}: ${rateBasis(s, t.openQuoteDays)}.`);
  } else if (s.openQuotes > 0) {
    note(`Quote-to-order rate not known yet: ${plural(s.openQuotes, 'quote')} still open. Each counts once it has an outcome, or after ${t.openQuoteDays} days as no decision.`);
  }
  if (s.orderMonths > 0) {
    const invoiced = s.ordersFromInvoices > 0 ? ', counting invoices and payments where no order was logged' : '';
    add(w.regularOrders * s.orderMonths, `Ordered in ${plural(s.orderMonths, 'month')} of the last ${t.windowMonths}${invoiced}.`);
  }

  let score: number | null = null;
  if (enoughData) {
    const total = 50 + reasons.reduce((sum, r) => sum + r.points, 0);
    const notYes = scorecard.answers.filter((a) => a.answer !== 'yes').map((a) => a.label);
    const ceiling = 100 - IDEAL_GAP * notYes.length;
    if (total > ceiling) add(ceiling - total, `Held at ${ceiling}: ${listed(notYes)} ${notYes.length === 1 ? 'is' : 'are'} not answered yes; 100 is the ideal account, all seven yes.`);
    score = clamp(Math.round(Math.min(total, ceiling)), 0, 100);
  }
  const band = bandOf(score, active, scorecard.verdict);
  if (band !== bandOf(score, active)) note(`${band}: the scorecard says ${scorecard.verdict} (${scorecard.yes} of 7 yes).`);
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));

  return {
    accountId: account.id,
    accountName: account.name,
    score,
    band,
    warnings: active,
    dismissed,
    reasons: enoughData ? reasons : [{ points: 0, text: notEnoughData(s, t.minEvents, t.windowMonths) }],
    scorecard,
    lastQuote: s.lastQuote && { ...s.lastQuote, outcome: s.outcomeByQuoteRef.get(s.lastQuote.quoteRef)?.outcome ?? null },
    openQuotes: openQuotesIn(events).length,
    figures: {
      revenueMinor: s.revenueMinor,
      currency: t.currency,
      quoteToOrderRate: s.quoteToOrderRate,
      maxDaysLate: s.maxDaysLate,
      lastActivityAt: s.lastEventAt,
    },
    definitionVersion: definition.version,
    rulesVersion: RULES_VERSION,
    computedAt: now,
  };
}

/** "1 order from 5 decided quotes; 3 with no outcome after 60 days, counted as no decision; 1 quote still open, not counted yet" */
function rateBasis(s: Signals, openQuoteDays: number): string {
  const parts = [`${plural(s.orders, 'order')} from ${plural(s.decidedQuotes, 'decided quote')}`];
  if (s.timedOutQuotes > 0) parts.push(`${s.timedOutQuotes === s.decidedQuotes ? 'all' : s.timedOutQuotes} with no outcome after ${openQuoteDays} days, counted as no decision`);
  if (s.openQuotes > 0) parts.push(`${plural(s.openQuotes, 'quote')} still open, not counted yet`);
  return parts.join('; ');
}

/** "Spend, Deliverables and Values" */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function notEnoughData(s: Signals, minEvents: number, windowMonths: number): string {
  if (s.lastEventAt === null) return `No history yet: log a quote or an order, or import history. Scoring starts at ${minEvents} events.`;
  if (s.scoredEvents === 0) return `No events in the last ${windowMonths} months; ${minEvents} are needed to judge.`;
  return `Only ${plural(s.scoredEvents, 'event')} in the last ${windowMonths} months; ${minEvents} are needed to judge.`;
}

/**
 * Healthy needs the score and no active warning above "low"; any active high-severity warning means At risk.
 * The scorecard's verdict must agree (seed 001): "work on it" is Watch at best, "candidate to let go" At risk.
 */
export function bandOf(score: number | null, active: readonly Warning[], verdict?: Scorecard['verdict']): Band {
  if (score === null) return 'Not enough data';
  if (score < WATCH_FROM || active.some((w) => w.severity === 'high') || verdict === 'candidate to let go') return 'At risk';
  if (score < HEALTHY_FROM || active.some((w) => w.severity === 'medium') || verdict === 'work on it') return 'Watch';
  return 'Healthy';
}

function applyDismissals(
  warnings: readonly Warning[],
  dismissals: ReturnType<typeof computeSignals>['dismissals'],
  now: number,
): { active: Warning[]; dismissed: DismissedWarning[] } {
  const active: Warning[] = [];
  const dismissed: DismissedWarning[] = [];
  for (const warning of warnings) {
    const d = dismissals.get(warning.name);
    if (d && (d.until === undefined || d.until > now)) dismissed.push({ name: warning.name, ...d });
    else active.push(warning);
  }
  return { active, dismissed };
}


const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
