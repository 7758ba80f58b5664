import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SuggestionOffer } from '@/lib/suggest/offer';
import type { HealthSummary, Reason, Warning } from '@/lib/health';
import { type BadgeState, bandLine, ownQuestion } from '@/lib/content/state';
import type { Formats } from '@/lib/format';
import type { UI_FORMS } from '@/lib/messaging/ui';
import type { WarningName } from '@/lib/model';
import { points } from '@/lib/points';
import { articleTitles } from '@/lib/scoring/articles';
import { EmailSuggestion, type SuggestionActions } from './EmailSuggestion';
import { useFormats } from './formats';

export interface CardProps {
  state: BadgeState;
  /** A line for the rep: "Creating…", or what went wrong. */
  status?: string;
  onClose(): void;
  onOpen(page: 'popup' | 'history', form?: (typeof UI_FORMS)[number]): void;
  onCreate(name: string): void;
  onDismiss(warning: WarningName, reason: string, snoozeDays?: 30 | 90): void;
  /** The rep says this address is their own (their company's domain, or their own free-mail address). */
  onClaimOwn(email: string): void;
  /** The rep says their own address is a customer's after all: show it as one. */
  onNotOwn(): void;
  /** What the customer's open email asks for, when the badge's sender has one open. */
  offer?: SuggestionOffer | null;
  suggestionActions?: SuggestionActions;
}

const ANSWER = { yes: 'Yes', no: 'No', unknown: 'Not known yet' } as const;
const OUTCOME = { won: 'won', lost: 'lost', lost_to_incumbent: 'lost to the incumbent', no_decision: 'no decision' } as const;
/** Reasons shown before "More": the ones that moved the score most. */
const TOP_REASONS = 3;

/**
 * The card behind a badge, for a three-second read: who, how healthy (and how it was a month
 * ago), the one warning that matters with its evidence and advice, then what to do, then why.
 * The rest (every reason, the scorecard, the last quote) is behind a disclosure. A dialog that
 * fills its frame (the card page, entrypoints/card): focus starts on its heading, Tab stays
 * inside, Escape closes.
 */
export function BadgeCard(props: CardProps) {
  const { state, status, onClose } = props;
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    card.current!.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, []);

  // Escape closes on its release: the frame goes with the card, and a key still down in a frame
  // that is gone leaves the browser waiting for its release there.
  const escaping = useRef(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      escaping.current = true;
    } else if (event.key === 'Tab') {
      trapTab(card.current!, event);
    }
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !escaping.current) return;
    escaping.current = false;
    event.stopPropagation();
    onClose();
  };
  return (
    <div ref={card} class="card" role="dialog" aria-labelledby="qw-title" onKeyDown={onKeyDown} onKeyUp={onKeyUp}>
      <div class="head">
        <h2 id="qw-title" tabIndex={-1}>
          {state.kind === 'unknown' ? `${state.label} is not an account yet` : state.kind === 'self' ? ownQuestion(state) : state.kind === 'account' ? (state.summary?.accountName ?? state.accountName) : ''}
        </h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {props.offer && props.suggestionActions ? <EmailSuggestion offer={props.offer} state={state} actions={props.suggestionActions} /> : null}
      {state.kind === 'unknown' ? <NewAccount state={state} onCreate={props.onCreate} onClaimOwn={props.onClaimOwn} /> : null}
      {state.kind === 'self' ? <OwnAddress state={state} onClaimOwn={props.onClaimOwn} onNotOwn={props.onNotOwn} /> : null}
      {state.kind === 'account' ? <Account {...props} state={state} /> : null}
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}

/** Tab and Shift+Tab go round the card's controls: the page underneath is not reachable until the card closes. */
function trapTab(card: HTMLElement, event: KeyboardEvent): void {
  const controls = [...card.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href]')].filter((el) => el.getClientRects().length > 0);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
  const heading = card.querySelector('h2');
  if (event.shiftKey && (active === first || active === heading)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** First run: the signed-in rep's own address. Never scored, never offered as a new account: asked about, once. */
function OwnAddress({ state, onClaimOwn, onNotOwn }: { state: Extract<BadgeState, { kind: 'self' }> } & Pick<CardProps, 'onClaimOwn' | 'onNotOwn'>) {
  return (
    <>
      <p>
        {state.company
          ? `You are signed in as ${state.email}. Quotewise never scores your own company, and your colleagues at ${state.company} get no badge.`
          : `You are signed in as ${state.email}. Quotewise will ignore this address, and only this one: others at the same mail provider stay customers.`}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onClaimOwn(state.email)}>
          {state.company ? `Yes, ${state.company} is my company` : 'Yes, this is me'}
        </button>
        <button type="button" onClick={onNotOwn}>
          No, it is a customer
        </button>
      </div>
    </>
  );
}

function NewAccount({ state, onCreate, onClaimOwn }: { state: Extract<BadgeState, { kind: 'unknown' }> } & Pick<CardProps, 'onCreate' | 'onClaimOwn'>) {
  const email = state.email;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
        onCreate(input.value);
      }}
    >
      <p class="muted">Create the account to log quotes and see its health here.</p>
      <label for="qw-name">Account name</label>
      <input id="qw-name" name="name" required maxLength={200} defaultValue={state.create.name} />
      <div class="actions">
        <button type="submit" class="primary">
          Create account
        </button>
        {email ? (
          <button type="button" onClick={() => onClaimOwn(email)}>
            {state.company ? `${state.company} is my company` : 'This is me'}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Account({ state, onOpen, onDismiss }: CardProps & { state: Extract<BadgeState, { kind: 'account' }> }) {
  const summary = state.summary;
  const warning = summary?.warnings[0];
  const [dismissing, setDismissing] = useState(false);
  return (
    <>
      <p class="band">{summary ? bandLine(summary) : 'Not enough data yet'}</p>
      {warning ? <TopWarning warning={warning} /> : null}
      {!summary ? <p class="muted">Log a quote or an order and the score starts here.</p> : null}
      <div class="actions" role="group" aria-label="Quick actions">
        <button type="button" class="primary" onClick={() => onOpen('popup', 'quote')}>
          Log a quote
        </button>
        <button type="button" onClick={() => onOpen('popup', 'price_match')}>
          Log a price-match request
        </button>
        {warning ? (
          <button type="button" aria-expanded={dismissing} onClick={() => setDismissing(!dismissing)}>
            Snooze or dismiss…
          </button>
        ) : null}
        <button type="button" onClick={() => onOpen('history')}>
          Open history
        </button>
      </div>
      {warning && dismissing ? (
        <DismissForm
          warning={warning.name}
          onCancel={() => setDismissing(false)}
          onSubmit={(reason, days) => {
            setDismissing(false);
            onDismiss(warning.name, reason, days);
          }}
        />
      ) : null}
      {summary ? <Why summary={summary} /> : null}
    </>
  );
}

function TopWarning({ warning }: { warning: Warning }) {
  const f = useFormats();
  return (
    <section class={`warning ${warning.severity}`} aria-labelledby="qw-warning">
      <h3 id="qw-warning">
        <span aria-hidden="true">⚠ </span>
        {warning.name}
      </h3>
      <p>{firstClause(f.text(warning.evidence))}</p>
      <p class="advice">{firstSentence(warning.advice)}</p>
    </section>
  );
}

function DismissForm({ warning, onCancel, onSubmit }: { warning: WarningName; onCancel(): void; onSubmit(reason: string, days?: 30 | 90): void }) {
  const [choice, setChoice] = useState<'30' | '90' | 'dismiss'>('30');
  const [reason, setReason] = useState('');
  return (
    <form
      class="dismiss"
      aria-label={`Snooze or dismiss ${warning}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) return;
        onSubmit(reason.trim(), choice === 'dismiss' ? undefined : (Number(choice) as 30 | 90));
      }}
    >
      <fieldset>
        <legend>{warning}</legend>
        {(['30', '90', 'dismiss'] as const).map((value) => (
          <label key={value} class="choice">
            <input type="radio" name="qw-dismiss" checked={choice === value} onChange={() => setChoice(value)} />
            {value === 'dismiss' ? 'Dismiss' : `Snooze ${value} days`}
          </label>
        ))}
      </fieldset>
      <label for="qw-reason">Reason</label>
      <input id="qw-reason" required maxLength={200} value={reason} onInput={(event) => setReason(event.currentTarget.value)} placeholder="For example: new buyer, renegotiating" />
      <div class="actions">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Why({ summary }: { summary: HealthSummary }) {
  const f = useFormats();
  const top = summary.reasons.slice(0, TOP_REASONS);
  const rest = summary.reasons.slice(TOP_REASONS);
  const quote = summary.lastQuote;
  return (
    <>
      <h3>Why this score</h3>
      <ul class="reasons">{top.map((reason, i) => reasonItem(reason, i, f))}</ul>
      <details>
        <summary>More: every reason, the scorecard, the last quote</summary>
        {rest.length ? <ul class="reasons">{rest.map((reason, i) => reasonItem(reason, i, f))}</ul> : null}
        {summary.warnings.map((warning) => (
          <section key={warning.name} aria-label={`Warning: ${warning.name}`}>
            <h4>{warning.name}</h4>
            <p>{f.text(warning.evidence)}</p>
            <p>{warning.advice}</p>
            <p class="muted">From: {articleTitles(warning.source).join('; ')}</p>
          </section>
        ))}
        <h4>
          Scorecard: {summary.scorecard.yes} of 7 yes ({summary.scorecard.verdict})
        </h4>
        <ul>
          {summary.scorecard.answers.map((answer) => (
            <li key={answer.question}>
              {answer.label}: {ANSWER[answer.answer]}
              <span class="muted"> ({f.text(answer.why)})</span>
            </li>
          ))}
        </ul>
        <h4>Last quote</h4>
        <p>
          {quote
            ? `${f.money(quote.amount.minor, quote.amount.currency)} on ${f.day(quote.at)} (${quote.quoteRef}), ${quote.outcome ? OUTCOME[quote.outcome] : 'open'}. ${f.number(summary.openQuotes)} open.`
            : 'No quote logged yet.'}
        </p>
      </details>
    </>
  );
}

function reasonItem(reason: Reason, index: number, f: Formats) {
  return (
    <li key={index}>
      <span class={`points ${reason.points < 0 ? 'minus' : 'plus'}`}>{points(reason.points)}</span> {f.text(reason.text)}
    </li>
  );
}

/** The first clause of an evidence line ("6 quotes since Mar 12, 2026, 1 order (17%)"): the rest is under "More". */
const firstClause = (text: string) => text.split('; ')[0]!.replace(/\.$/, '');
const firstSentence = (text: string) => text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text;

/** The card's styles, in the card page. Text, never parsed HTML. */
export const CARD_CSS = `
.card { box-sizing: border-box; width: 100%; height: 100vh; overflow: auto; padding: 10px 12px 12px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px;
  font: 13px/18px system-ui, sans-serif; text-align: left; }
.card :focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.card h2:focus { outline: none; }
.head { display: flex; align-items: flex-start; gap: 8px; }
.card h2 { flex: 1; font-size: 15px; line-height: 20px; margin: 0; overflow-wrap: anywhere; }
.card h3 { font-size: 13px; margin: 10px 0 2px; } .card h4 { font-size: 12px; margin: 8px 0 2px; }
.card p, .card ul { margin: 0 0 6px; } .card ul { padding-left: 18px; } .muted { color: var(--muted); }
.band { font-weight: 600; margin-top: 2px !important; }
.warning { border-left: 3px solid #b45309; padding: 2px 0 2px 8px; margin: 8px 0; }
.warning.high { border-left-color: #b91c1c; }
.warning h3 { margin-top: 0; } .warning p { margin: 0 0 2px; } .advice { font-style: italic; }
.actions { display: flex; flex-wrap: wrap; gap: 4px; margin: 8px 0 2px; }
.card button { font: inherit; padding: 3px 8px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
.card button.primary { background: var(--focus); border-color: var(--focus); color: var(--bg); font-weight: 600; }
.card button.close { flex: none; width: 24px; height: 24px; padding: 0; line-height: 20px; font-size: 16px; }
.card label { display: block; font-weight: 600; margin-top: 4px; }
.card label.choice { display: inline-block; font-weight: 400; margin-right: 10px; }
.card label.choice input { margin: 0 4px 0 0; }
.card input:not([type]), .card input[type=text] { font: inherit; width: 100%; box-sizing: border-box; padding: 3px 6px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.card fieldset { border: 0; padding: 0; margin: 6px 0 0; } .card legend { font-weight: 600; padding: 0; }
.card details { margin-top: 6px; } .card summary { cursor: pointer; color: var(--fg); }
.points { display: inline-block; min-width: 28px; font-variant-numeric: tabular-nums; font-weight: 600; }
`;
