import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ContentApi } from '@/lib/content/api';
import type { BadgeState } from '@/lib/content/state';
import { detect } from '@/lib/suggest/detect';
import { messageOf, messageText } from '@/lib/suggest/message';
import { eventIdFor, prefillFor, suggestionLabel } from '@/lib/suggest/prefill';
import { useFormats } from './formats';

/**
 * Suggestions the rep dismissed, for this page's session only (the content script's world,
 * gone when the page goes): the event id a message's suggestion would get. Nothing of the
 * message is kept, here or anywhere: it is read when the card opens, and only the fields the
 * rep confirms in the quick-log form become an event.
 */
const dismissed = new Set<string>();

export const SUGGESTION_CSS = `
.suggest { display: flex; align-items: center; gap: 6px; margin: 8px 0 4px; padding: 4px 4px 4px 10px; border: 1px solid var(--line); border-radius: 16px; background: var(--soft); }
.suggest p { flex: 1; margin: 0 !important; font-weight: 600; }
.card .suggest button { border-radius: 12px; }
.card .suggest button.dismiss { width: 24px; padding: 0; }
`;

/**
 * The chip at the top of the card: what the customer's open email asks for ("Price-match
 * request: Initrode at $6,150.00") and one click to log it, in the quick-log form filled in.
 * Shown only on the badge of the message's sender, only while that message has not been
 * logged from (the event id says which message it came from) and was not dismissed.
 */
export function EmailSuggestion({ anchor, api, state, onDone }: { anchor: Element; api: ContentApi; state: BadgeState; onDone(): void }) {
  const read = useMemo(() => {
    const message = messageOf(anchor);
    const suggestion = message && detect(messageText(message.body), Date.now());
    return message && suggestion ? { messageId: message.id, suggestion, id: eventIdFor(message.id, suggestion.kind) } : null;
  }, [anchor]);
  const accountId = state.kind === 'account' ? state.accountId : null;
  const summary = state.kind === 'account' ? state.summary : null;
  /** Whether this message's event is in the account already; undefined while asking. */
  const [logged, setLogged] = useState<boolean | undefined>(accountId ? undefined : false);
  const [, setDismissals] = useState(0);
  const [error, setError] = useState('');
  const f = useFormats();
  useEffect(() => {
    if (!read || !accountId) return setLogged(false);
    let live = true;
    // Through the content script, which validates the answer: the badge UI ships no validator.
    api.hasEvent(accountId, read.id).then(
      (reply) => live && setLogged(reply.exists),
      () => live && setLogged(false),
    );
    return () => {
      live = false;
    };
    // The summary changes when the account's events do: ask again then (the rep just logged it).
  }, [read?.id, accountId, summary]);

  if (!read || state.kind === 'self' || logged !== false || dismissed.has(read.id)) return null;
  const label = suggestionLabel(read.suggestion, f);
  const log = async () => {
    setError('');
    try {
      let id = accountId;
      if (!id) {
        if (state.kind !== 'unknown') return;
        id = (await api.createAccount(state.create)).id;
      }
      await api.open('popup', id, read.suggestion.kind, prefillFor(read.suggestion, read.messageId));
      onDone();
    } catch {
      setError('Could not open Quotewise. Reload the page and try again.');
    }
  };
  return (
    <>
      <style>{SUGGESTION_CSS}</style>
      <section class="suggest" aria-label="Suggested from this email">
        <p id="qw-suggestion">{label}</p>
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
            dismissed.add(read.id);
            setDismissals((n) => n + 1);
          }}
        >
          ×
        </button>
      </section>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
