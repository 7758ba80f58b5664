import type { SuggestionOffer } from '../card/channel';
import type { Formats } from '../format';
import { detect } from './detect';
import { messageOf, messageText } from './message';
import { eventIdFor, prefillFor, suggestionLabel } from './prefill';

/**
 * What the card offers to log from the email open at `anchor`, read when the card opens, in
 * the page's content-script world: the card (an extension frame) gets only this, never the
 * message. Nothing of the message is kept.
 */
export function offerAt(anchor: Element, f: Formats, now: number): SuggestionOffer | null {
  const message = messageOf(anchor);
  const suggestion = message && detect(messageText(message.body), now);
  if (!message || !suggestion) return null;
  return {
    id: eventIdFor(message.id, suggestion.kind),
    kind: suggestion.kind,
    label: suggestionLabel(suggestion, f),
    prefill: prefillFor(suggestion, message.id),
  };
}
