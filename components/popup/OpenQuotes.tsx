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
  onOutcome: (quote: OpenQuote, outcome: Outcome) => void;
}

const DAY = 86_400_000;

/** Quotes open longer than the rep's limit ask for their outcome, oldest first. */
export function OpenQuotes({ quotes, staleAfterDays, locale, now, onOutcome }: OpenQuotesProps) {
  const stale = quotes.filter((q) => q.at <= now - staleAfterDays * DAY);
  if (stale.length === 0) return null;
  return (
    <section class="open-quotes" aria-labelledby="open-quotes-title">
      <h2 id="open-quotes-title">{`Quotes open more than ${staleAfterDays} days (${stale.length})`}</h2>
      <ul>
        {stale.slice(0, 20).map((quote) => (
          <StaleQuote key={quote.id} quote={quote} locale={locale} days={Math.floor((now - quote.at) / DAY)} onOutcome={onOutcome} />
        ))}
      </ul>
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
