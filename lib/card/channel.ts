import * as z from 'zod/mini';
import type { BadgeState } from '../content/state';

/**
 * The card behind a badge is an extension page (entrypoints/card) in a frame the badge opens
 * next to itself: the page cannot search, measure or listen to an extension frame, as it can
 * anything in the page's own document, closed shadow root or not. The badge and its card talk
 * over a MessageChannel whose far end is handed to the frame once, with a secret the page never
 * sees (the frame's address lives in the closed root). What crosses is below; each side
 * validates what it receives.
 */

/** The frame's address: the card page, with the secret that its first port must carry. */
export const CARD_PAGE = '/card.html' as const;

/** The card page's performance mark once its card is first painted. */
export const CARD_PAINTED_MARK = 'quotewise-card-painted';

/** The one window message the card accepts: the secret from its own address, and the port. */
export const Handshake = z.object({ quotewiseCard: z.string().check(z.minLength(16), z.maxLength(64)) });

/**
 * The email open beside the badge, when its sender is the badge's customer: its id and newest
 * text (lib/suggest/message.ts). The card reads it for a suggestion and keeps nothing: the frame
 * goes when the card closes.
 */
export interface OpenEmail {
  id: string;
  text: string;
}

/** Badge to card: what to show. Sent whenever it changes; a new `generation` is a new card (fresh state, focus on its heading). */
export interface ShowCard {
  type: 'show';
  generation: number;
  state: BadgeState;
  dark: boolean;
  email: OpenEmail | null;
  /** Suggestions the rep dismissed on this page, by event id. */
  dismissed: string[];
}

/** Badge to card: the card closed; show nothing until the next. */
export interface HideCard {
  type: 'hide';
}

/**
 * Card to badge, checked by the content script (the badge UI ships no validator):
 * - `ready`: the card page has its port: a card opened before can take focus now;
 * - `close`;
 * - `ownClaimed`: the rep said the signed-in address is theirs (the card saved it), stop asking;
 * - `notOwn`: the rep said the signed-in address is a customer's, show it as one for this page;
 * - `dismissOffer`: the rep dismissed the suggestion `id`, not offered again for this message while the page lives.
 */
export const FromCard = z.object({
  type: z.enum(['ready', 'close', 'ownClaimed', 'notOwn', 'dismissOffer']),
  id: z.optional(z.string().check(z.maxLength(200))),
});
export type FromCard = z.infer<typeof FromCard>;
