import { useState } from 'preact/hooks';
import { formats } from '@/lib/format';
import type { OpenQuote } from '@/lib/messaging/quicklog';
import { QUOTE_OUTCOMES } from '@/lib/model';
import { OUTCOME_LABELS } from '@/lib/quicklog/build-event';

type Outcome = (typeof QUOTE_OUTCOMES)[number];

export interface OpenQuotesProps {
  quotes: readonly OpenQuote[];
  staleAfterDays: number;
  locale: string;
  now: number;
  /** The account the popup is open on: its quotes come first, the others are behind "n more". */
  currentAccountId?: string | null;
  onOutcome: (quote: OpenQuote, outcome: Outcome) => void;
}

const DAY = 86_400_000;

/**
 * The quotes open longer than the rep's limit, split for the popup: the current account's
 * (shown), then every other account's (collapsed). Each part oldest first.
 */
export function staleQuotesFor(
  quotes: readonly OpenQuote[],
  currentAccountId: string | null | undefined,
  staleAfterDays: number,
  now: number,
): { current: OpenQuote[]; others: OpenQuote[] } {
  const stale = quotes.filter((q) => q.at <= now - staleAfterDays * DAY).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return {
    current: stale.filter((q) => currentAccountId != null && q.accountId === currentAccountId),
    others: stale.filter((q) => currentAccountId == null || q.accountId !== currentAccountId),
  };
}

/** Quotes open longer than the rep's limit ask for their outcome: this account's first, the rest behind a disclosure. */
export function OpenQuotes({ quotes, staleAfterDays, locale, now, currentAccountId, onOutcome }: OpenQuotesProps) {
  const [expanded, setExpanded] = useState(false);
  const { current, others } = staleQuotesFor(quotes, currentAccountId, staleAfterDays, now);
  const total = current.length + others.length;
  if (total === 0) return null;
  const fmt = formats(locale);
  const item = (quote: OpenQuote) => (
    <StaleQuote key={quote.id} quote={quote} locale={locale} days={Math.floor((now - quote.at) / DAY)} onOutcome={onOutcome} />
  );
  const moreLabel = current.length
    ? `${fmt.number(others.length)} more from other accounts`
    : `Show ${fmt.plural(others.length, 'quote')} from ${fmt.plural(new Set(others.map((q) => q.accountId)).size, 'account')}`;
  return (
    <section class="open-quotes" aria-labelledby="open-quotes-title">
      <h2 id="open-quotes-title">{`Quotes open more than ${fmt.plural(staleAfterDays, 'day')} (${fmt.number(total)})`}</h2>
      {current.length > 0 && <ul aria-label="This account">{current.slice(0, 20).map(item)}</ul>}
      {others.length > 0 && (
        <>
          <button type="button" class="link disclosure" aria-expanded={expanded} aria-controls="open-quotes-others" onClick={() => setExpanded(!expanded)}>
            {moreLabel}
          </button>
          <ul id="open-quotes-others" aria-label="Other accounts" hidden={!expanded}>
            {expanded && others.slice(0, 20).map(item)}
          </ul>
        </>
      )}
    </section>
  );
}

function StaleQuote({ quote, locale, days, onOutcome }: { quote: OpenQuote; locale: string; days: number; onOutcome: OpenQuotesProps['onOutcome'] }) {
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const id = `outcome-${quote.id}`;
  const fmt = formats(locale);
  const what = `${quote.accountName}, ${quote.quoteRef}, ${fmt.money(quote.amount.minor, quote.amount.currency)}, ${fmt.plural(days, 'day')}`;
  return (
    <li>
      <label for={id}>{what}</label>
      <select id={id} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}>
        <option value="">Outcome…</option>
        {QUOTE_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o]}
          </option>
        ))}
      </select>
      <button type="button" disabled={!outcome} aria-label={`Record outcome of ${quote.quoteRef}`} onClick={() => outcome && onOutcome(quote, outcome)}>
        Record
      </button>
    </li>
  );
}
