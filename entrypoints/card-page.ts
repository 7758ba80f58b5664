import { startCardPage } from '@/components/card-page-start';
import { CARD_EARLY_GLOBAL, type EarlyMessages } from '@/lib/card/early';

/** The card page's code, loaded by entrypoints/card/main.tsx while the extension's API is there. */
export default defineUnlistedScript(() => {
  const early = (globalThis as { [CARD_EARLY_GLOBAL]?: EarlyMessages })[CARD_EARLY_GLOBAL];
  early?.stop();
  startCardPage(early?.events ?? []);
});
