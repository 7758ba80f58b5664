import type { HealthSummary } from '@/lib/health';
import type { BadgeState } from '@/lib/content/state';
import type { UI_FORMS } from '@/lib/messaging/ui';

export interface CardProps {
  state: BadgeState;
  /** A line for the rep: "Creating…", or what went wrong. */
  status?: string;
  onClose(): void;
  onOpen(page: 'popup' | 'history', form?: (typeof UI_FORMS)[number]): void;
  onCreate(name: string): void;
}

const ANSWER = { yes: 'Yes', no: 'No', unknown: 'Not known yet' } as const;

/** The card behind a badge: why the account scores as it does, and what to do next. A dialog: labelled, Escape closes. */
export function BadgeCard({ state, status, onClose, onOpen, onCreate }: CardProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <div class="card" role="dialog" aria-labelledby="qw-title" tabIndex={-1} popover="manual" onKeyDown={onKeyDown}>
      <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      {state.kind === 'unknown' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const input = (event.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
            onCreate(input.value);
          }}
        >
          <h2 id="qw-title">{state.label} is not an account yet</h2>
          <p class="muted">Create the account to log quotes and see its health here.</p>
          <label>
            Account name
            <input name="name" required maxLength={200} defaultValue={state.create.name} />
          </label>
          <button type="submit">Create account</button>
        </form>
      ) : (
        <Account state={state} onOpen={onOpen} />
      )}
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}

function Account({ state, onOpen }: { state: Extract<BadgeState, { kind: 'account' }>; onOpen: CardProps['onOpen'] }) {
  const summary = state.summary;
  return (
    <>
      <h2 id="qw-title">{summary?.accountName ?? state.accountName}</h2>
      <p>{summary ? `${summary.band}${summary.score === null ? '' : `, ${summary.score} of 100`}` : 'Not enough data yet.'}</p>
      {summary ? <Details summary={summary} /> : <p class="muted">Log a quote or an order and the score starts here.</p>}
      <div role="group" aria-label="Quick actions">
        <button type="button" onClick={() => onOpen('popup', 'quote')}>Log a quote</button>
        <button type="button" onClick={() => onOpen('popup', 'price_match')}>Log a price-match request</button>
        <button type="button" onClick={() => onOpen('history')}>Open history</button>
      </div>
    </>
  );
}

function Details({ summary }: { summary: HealthSummary }) {
  const quote = summary.lastQuote;
  return (
    <>
      {summary.warnings.map((warning) => (
        <section key={warning.name} aria-label={`Warning: ${warning.name}`}>
          <h3>⚠ {warning.name} ({warning.severity})</h3>
          <p>{warning.evidence}</p>
          <p>{warning.advice}</p>
          <p class="muted">Source: {warning.source}</p>
        </section>
      ))}
      {summary.reasons.length ? (
        <>
          <h3>Why this score</h3>
          <ul>
            {summary.reasons.map((reason, i) => (
              <li key={i}>
                {reason.points > 0 ? '+' : ''}
                {reason.points}: {reason.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Scorecard: {summary.scorecard.yes} of 7 yes ({summary.scorecard.verdict})</h3>
      <ul>
        {summary.scorecard.answers.map((answer) => (
          <li key={answer.question}>
            {answer.label}: {ANSWER[answer.answer]}
            <span class="muted"> ({answer.why})</span>
          </li>
        ))}
      </ul>
      <h3>Last quote</h3>
      <p>
        {quote
          ? `${money(quote.amount)} on ${new Date(quote.at).toLocaleDateString()} (${quote.quoteRef}), ${quote.outcome ? quote.outcome.replaceAll('_', ' ') : 'open'}. ${summary.openQuotes} open.`
          : 'No quote logged yet.'}
      </p>
    </>
  );
}

/** Minor units to the currency's own decimals (JPY has none, KWD three). */
function money({ minor, currency }: { minor: number; currency: string }): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
