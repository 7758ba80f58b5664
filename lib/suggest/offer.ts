import type { OpenEmail } from '../card/channel';
import type { Formats } from '../format';
import type { Prefill } from '../messaging/ui';
import { detect } from './detect';
import { eventIdFor, prefillFor, suggestionLabel } from './prefill';

/** What the card offers to log from the open email. */
export interface SuggestionOffer {
  /** The event's id: the same message logged again replaces its event. */
  id: string;
  kind: 'quote' | 'price_match' | 'order' | 'payment';
  label: string;
  prefill: Prefill;
}

/** The suggestion for the email open beside a badge, in the card (an extension page): the page never sees it. */
export function offerFor(email: OpenEmail, f: Formats, now: number): SuggestionOffer | null {
  const suggestion = detect(email.text, now);
  if (!suggestion) return null;
  return {
    id: eventIdFor(email.id, suggestion.kind),
    kind: suggestion.kind,
    label: suggestionLabel(suggestion, f),
    prefill: prefillFor(suggestion, email.id),
  };
}
