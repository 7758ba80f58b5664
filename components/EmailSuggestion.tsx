import { useEffect, useState } from 'preact/hooks';
import type { SuggestionOffer } from '@/lib/suggest/offer';
import type { BadgeState } from '@/lib/content/state';

export const SUGGESTION_CSS = `
.suggest { display: flex; align-items: center; gap: 6px; margin: 8px 0 4px; padding: 4px 4px 4px 10px; border: 1px solid var(--line); border-radius: 16px; background: var(--soft); }
.suggest p { flex: 1; margin: 0 !important; font-weight: 600; }
.card .suggest button { border-radius: 12px; }
.card .suggest button.dismiss { width: 24px; padding: 0; }
`;

export interface SuggestionActions {
  /** Whether this account has this event: the message was logged from already. */
  hasEvent(accountId: string, id: string): Promise<boolean>;
  /** Open the quick-log form filled in (creating the account first for a sender who is not one yet). */
  log(offer: SuggestionOffer): Promise<void>;
  /** Not offered again for this message while the page lives. */
  dismiss(id: string): void;
}

/**
 * The chip at the top of the card: what the customer's open email asks for ("Price-match
 * request: Initrode at $6,150.00") and one click to log it, in the quick-log form filled in.
 * Shown only on the badge of the message's sender, only while that message has not been
 * logged from (the event id says which message it came from) and was not dismissed.
 */
export function EmailSuggestion({ offer, state, actions }: { offer: SuggestionOffer; state: BadgeState; actions: SuggestionActions }) {
  const accountId = state.kind === 'account' ? state.accountId : null;
  const summary = state.kind === 'account' ? state.summary : null;
  /** Whether this message's event is in the account already; undefined while asking. */
  const [logged, setLogged] = useState<boolean | undefined>(accountId ? undefined : false);
  const [dismissed, setDismissed] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!accountId) return setLogged(false);
    let live = true;
    actions.hasEvent(accountId, offer.id).then(
      (exists) => live && setLogged(exists),
      () => live && setLogged(false),
    );
    return () => {
      live = false;
    };
    // The summary changes when the account's events do: ask again then (the rep just logged it).
  }, [offer.id, accountId, summary]);

  if (state.kind === 'self' || logged !== false || dismissed) return null;
  const log = async () => {
    setError('');
    try {
      await actions.log(offer);
    } catch {
      setError('Could not open Quotewise. Reload the page and try again.');
    }
  };
  return (
    <>
      <style>{SUGGESTION_CSS}</style>
      <section class="suggest" aria-label="Suggested from this email">
        <p id="qw-suggestion">{offer.label}</p>
        <button type="button" class="primary" aria-describedby="qw-suggestion" onClick={() => void log()}>
          {accountId ? 'Log' : 'Create account and log'}
        </button>
        <button
          type="button"
          class="dismiss"
          aria-label="Dismiss this suggestion"
          onClick={(event) => {
            // The button goes with the chip: focus stays in the card, on its heading, so Tab and Escape still work.
            (event.currentTarget.closest('[role="dialog"]')?.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: true });
            setDismissed(true);
            actions.dismiss(offer.id);
          }}
        >
          ×
        </button>
      </section>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
