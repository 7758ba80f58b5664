/**
 * The messages the card page received before its code loaded (entrypoints/card/main.tsx keeps them,
 * entrypoints/card-page.ts takes them). A module with no imports: the card page's first script must
 * load nothing that needs the extension's API.
 */
export const CARD_EARLY_GLOBAL = '__quotewiseCardEarly';

export interface EarlyMessages {
  events: MessageEvent[];
  /** Stop keeping: the card's own listener takes over. */
  stop(): void;
}
