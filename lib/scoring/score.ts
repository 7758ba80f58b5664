import type { Band, DismissedWarning, HealthSummary, Reason, Warning } from '../health';
import type { Account, AccountEvent, WarningName } from '../model';
import type { Definition, Weights } from './definition';
import { openQuotesIn } from '../quotes';
import { percent, plural } from './format';
import { answerScorecard } from './scorecard';
import { computeSignals } from './signals';
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
  for (const answer of scorecard.answers) {
    if (answer.answer === 'yes') add(w.scorecardYes, `${answer.label}: yes. ${answer.why}`);
    if (answer.answer === 'no') add(-w.scorecardNo, `${answer.label}: no. ${answer.why}`);
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
    add(w.winRate * 2 * margin, `Quote-to-order rate ${percent(s.quoteToOrderRate)} against a minimum of ${percent(t.minWinRate)}.`);
  }
  if (s.orderMonths > 0) add(w.regularOrders * s.orderMonths, `Ordered in ${plural(s.orderMonths, 'month')} of the last ${t.windowMonths}.`);
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));

  const score = enoughData ? clamp(Math.round(50 + reasons.reduce((sum, r) => sum + r.points, 0)), 0, 100) : null;
  return {
    accountId: account.id,
    accountName: account.name,
    score,
    band: bandOf(score, active),
    warnings: active,
    dismissed,
    reasons: enoughData ? reasons : [{ points: 0, text: `Only ${plural(s.scoredEvents, 'event')} in the last ${t.windowMonths} months; ${t.minEvents} are needed to judge.` }],
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
    computedAt: now,
  };
}

/** Healthy needs the score and no active warning above "low"; any active high-severity warning means At risk. */
export function bandOf(score: number | null, active: readonly Warning[]): Band {
  if (score === null) return 'Not enough data';
  if (score < WATCH_FROM || active.some((w) => w.severity === 'high')) return 'At risk';
  if (score < HEALTHY_FROM || active.some((w) => w.severity === 'medium')) return 'Watch';
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
